"""The machine's load over a results file, in words, for report.py and analyses_report.py.

Each record that went through machine_load.py has a `machine` member (see machine_load.py); this
says how many runs there were, how many were taken while other processes used a core, and how
much they used, so that a figure taken on a loaded machine is never shown as a quiet measurement.
"""


def spread_text(s):
    """'median (min–max)' of a [min, median, max] spread, in seconds."""
    lo, mid, hi = s
    digits = 4 if mid < 0.1 else 3
    return f"{mid:.{digits}f} ({lo:.{digits}f}–{hi:.{digits}f})"


def describe_load(rows):
    machines = [r["machine"] for r in rows if isinstance(r.get("machine"), dict)]
    if not machines:
        return "Machine load: not recorded (no timed run in this file, or results from before machine_load.py)."
    runs = sum(m["runs"] for m in machines)
    loaded = sum(m["loaded_runs"] for m in machines)
    foreign = [f for m in machines for f in m["foreign_cores"]]
    loads = [l[0] for m in machines for l in m["loadavg"]]
    refused = sum(r.get("status") == "refused" for r in rows)
    policy = machines[0]["policy"]
    quiet_max = machines[0]["quiet_max"]
    cores = machines[0]["cores"]
    head = (f"Machine load: {cores} cores; {runs} runs, {loaded} of them while other processes used more than "
            f"{quiet_max} of a core (other processes' use during a run: {min(foreign):.2f}–{max(foreign):.2f} cores, "
            f"median {sorted(foreign)[len(foreign) // 2]:.2f}; 1-minute load average {min(loads):.2f}–{max(loads):.2f}). "
            f"Policy: {policy}.")
    if refused:
        head += f" {refused} figures REFUSED (too few quiet runs)."
    if loaded:
        head += ("\nLOADED MACHINE: these figures were taken while other processes were using the cores; each is the median of "
                 "the runs with (min–max). They are not a quiet-machine measurement; re-run with LOAD_POLICY=refuse in a quiet window.")
    else:
        head += "\nEvery run was taken on a quiet machine; each figure is the median of the runs with (min–max)."
    return head
