#!/usr/bin/env python3
"""Run a benchmark command several times, recording the machine's load, and report the spread.

    machine_load.py run [--repeat R] [--child-json] [--metric FIELD] [--field KEY=VALUE ...] [--stdout PATH] -- COMMAND ...
    machine_load.py check [--seconds S] [--brief]

`run` runs COMMAND R times (REPEAT, default 3), one after the other, as whole processes. For each run
it records:
- `seconds`: the wall time of the whole process; `cpu_seconds` (user + system) and `peak_rss_kb` of
  the process and its children (`os.wait4`);
- `loadavg_before` / `loadavg_after`: the first three fields of /proc/loadavg;
- `core_busy_before`: each core's busy share over 0.5 s before the run starts (another process at
  work shows here before ours does);
- `core_busy_max` / `core_busy_mean`: each core's busy share, sampled from /proc/stat every 0.25 s
  during the run (this includes the run itself);
- `foreign_cores`: the CPU time the whole machine spent busy during the run, less the run's own
  CPU time, divided by the wall time: how many cores other processes kept busy meanwhile. 0 on a
  quiet machine; 1.0 means another process held a whole core for the whole run.

A run is `quiet` when `foreign_cores` and every core's `core_busy_before` stay under QUIET_MAX
(default 0.15 cores / 15 %). LOAD_POLICY says what a loaded run does:
- `spread` (default): every run is kept and the record says how many were loaded
  (`"loaded_runs"`); the report labels the figure LOADED;
- `refuse`: a loaded run is taken again, up to RETRIES (default 3) extra times in all; if fewer
  than R quiet runs were had, the record has `"status": "refused"` and no figures.

With `--child-json`, COMMAND prints a JSON object on its last non-empty line of stdout (peers.py,
analyses_peers.py and backchannel-bench do), and that object is the record: the one of the median
run (by `--metric`, default `compute_seconds` when the object has it, else the wall time), with
every numeric timing field (`*_seconds`) given as `"spread": {"FIELD": [min, median, max]}`.
Otherwise the record is `{"whole_process_seconds": median wall time, "peak_rss_kb"}`. The `--field`
pairs are added to the record (over the child's own). COMMAND's stdout goes to `--stdout PATH`
(the last run's) or is dropped. One JSON line goes to stdout; notes go to stderr.

`check` samples the cores for S seconds (default 2) and prints whether the machine is quiet
(exit 0) or not (exit 1), with the processes using the most CPU: a way to wait for a quiet window.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time

HZ = os.sysconf("SC_CLK_TCK")
QUIET_MAX = float(os.environ.get("QUIET_MAX", "0.15"))


def cpu_times():
    """Per core: (busy, total) jiffies from /proc/stat; the first entry is the whole machine."""
    out = []
    with open("/proc/stat") as f:
        for line in f:
            if not line.startswith("cpu"):
                break
            parts = line.split()
            values = list(map(int, parts[1:]))
            idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
            total = sum(values[:8])  # user nice system idle iowait irq softirq steal (guest is in user)
            out.append((total - idle, total))
    return out


def busy_between(a, b):
    return [round((bb - ab) / (bt - at), 3) if bt > at else 0.0 for (ab, at), (bb, bt) in zip(a, b)]


def loadavg():
    with open("/proc/loadavg") as f:
        return [float(x) for x in f.read().split()[:3]]


def sample_before(seconds=0.5):
    a = cpu_times()
    time.sleep(seconds)
    return busy_between(a, cpu_times())[1:]


class Sampler(threading.Thread):
    """Samples each core's busy share every `interval` seconds until stopped."""

    def __init__(self, interval=0.25):
        super().__init__(daemon=True)
        self.interval = interval
        self.samples = []
        self.stop_event = threading.Event()

    def run(self):
        last = cpu_times()
        while not self.stop_event.wait(self.interval):
            now = cpu_times()
            self.samples.append(busy_between(last, now)[1:])
            last = now

    def stop(self):
        self.stop_event.set()
        self.join()


def one_run(command, stdout_path):
    before = sample_before()
    load_before = loadavg()
    sampler = Sampler()
    start_times = cpu_times()
    sampler.start()
    start = time.perf_counter()
    with open(stdout_path, "wb") as out:
        proc = subprocess.Popen(command, stdout=out)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    end_times = cpu_times()
    sampler.stop()
    code = os.waitstatus_to_exitcode(status)
    own = usage.ru_utime + usage.ru_stime
    machine_busy = (end_times[0][0] - start_times[0][0]) / HZ
    cores = len(before)
    foreign = min(float(cores), max(0.0, (machine_busy - own) / wall)) if wall > 0 else 0.0
    samples = sampler.samples or [busy_between(start_times, end_times)[1:]]
    run = {
        "seconds": round(wall, 6),
        "cpu_seconds": round(own, 3),
        "peak_rss_kb": usage.ru_maxrss,
        "exit": code,
        "loadavg_before": load_before,
        "loadavg_after": loadavg(),
        "core_busy_before": before,
        "core_busy_max": [max(s[c] for s in samples) for c in range(cores)],
        "core_busy_mean": [round(sum(s[c] for s in samples) / len(samples), 3) for c in range(cores)],
        "foreign_cores": round(foreign, 3),
    }
    run["quiet"] = foreign < QUIET_MAX and max(before) < QUIET_MAX
    return run


def last_json(path):
    try:
        with open(path, "rb") as f:
            lines = [line for line in f.read().decode("utf-8", "replace").splitlines() if line.strip()]
    except OSError:
        return None
    if not lines or not lines[-1].lstrip().startswith("{"):
        return None
    try:
        value = json.loads(lines[-1])
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def spread(values):
    return [round(v, 6) for v in (min(values), statistics.median_low(values), max(values))]


def run_command(args):
    repeat = int(os.environ.get("REPEAT", args.repeat))
    policy = os.environ.get("LOAD_POLICY", "spread")
    retries = int(os.environ.get("RETRIES", "3"))
    if policy not in ("spread", "refuse"):
        sys.exit(f"machine_load: LOAD_POLICY must be spread or refuse, not {policy!r}")
    fields = dict(kv.split("=", 1) for kv in args.field)
    for k, v in list(fields.items()):
        try:
            fields[k] = int(v)
        except ValueError:
            pass
    tmp = args.stdout or f"/tmp/machine_load.{os.getpid()}.out"
    runs, outputs, attempts = [], [], 0
    while len([r for r in runs if r["quiet"] or policy == "spread"]) < repeat:
        if policy == "refuse" and attempts >= repeat + retries:
            break
        attempts += 1
        run = one_run(args.command, tmp)
        obj = last_json(tmp) if args.child_json else None
        if run["exit"] != 0:
            print(f"machine_load: {' '.join(args.command)} exited {run['exit']}", file=sys.stderr)
            record = dict(fields)
            if obj:
                record.update(obj)
            record.setdefault("status", "failed")
            record["exit"] = run["exit"]
            record["seconds"] = run["seconds"]
            record["machine"] = machine_summary([run], policy)
            print(json.dumps(record))
            return 0
        if policy == "refuse" and not run["quiet"]:
            print(f"machine_load: run {attempts} loaded ({run['foreign_cores']} foreign cores, before {run['core_busy_before']}); taking it again",
                  file=sys.stderr)
        runs.append(run)
        outputs.append(obj)
    kept = [i for i, r in enumerate(runs) if r["quiet"] or policy == "spread"]
    if args.stdout is None:
        try:
            os.unlink(tmp)
        except OSError:
            pass
    if len(kept) < repeat:
        record = dict(fields)
        first = next((o for o in outputs if o), None)
        for key in ("peer", "measure", "nodes", "edges_file", "tool", "network", "analysis"):
            if first and key in first:
                record[key] = first[key]
        record["status"] = "refused"
        record["reason"] = (f"only {len(kept)} of {repeat} runs were quiet in {attempts} attempts "
                            f"(another process used more than {QUIET_MAX} of a core)")
        record["machine"] = machine_summary(runs, policy)
        print(json.dumps(record))
        return 0
    walls = [runs[i]["seconds"] for i in kept]
    objs = [outputs[i] for i in kept]
    if args.child_json and all(objs):
        metric = args.metric or ("compute_seconds" if "compute_seconds" in objs[0] else None)
        key = (lambda i: objs[i].get(metric, 0)) if metric else (lambda i: walls[i])
        order = sorted(range(len(kept)), key=key)
        record = dict(objs[order[(len(order) - 1) // 2]])
        record.update(fields)
        timing = {k for o in objs for k, v in o.items() if k.endswith("_seconds") and isinstance(v, (int, float))}
        record["spread"] = {k: spread([o[k] for o in objs if isinstance(o.get(k), (int, float))]) for k in sorted(timing)}
        record["spread"]["whole_process_seconds"] = spread(walls)
        record.setdefault("whole_process_seconds", round(statistics.median_low(walls), 6))
    else:
        record = dict(fields)
        record["whole_process_seconds"] = round(statistics.median_low(walls), 6)
        record["spread"] = {"whole_process_seconds": spread(walls)}
        record["peak_rss_kb"] = max(runs[i]["peak_rss_kb"] for i in kept)
    record["machine"] = machine_summary([runs[i] for i in kept], policy)
    print(json.dumps(record))
    return 0


def machine_summary(runs, policy):
    return {
        "cores": os.cpu_count(),
        "policy": policy,
        "quiet_max": QUIET_MAX,
        "runs": len(runs),
        "loaded_runs": sum(not r["quiet"] for r in runs),
        "foreign_cores": [r["foreign_cores"] for r in runs],
        "seconds": [r["seconds"] for r in runs],
        "cpu_seconds": [r["cpu_seconds"] for r in runs],
        "core_busy_before": [r["core_busy_before"] for r in runs],
        "core_busy_max": [r["core_busy_max"] for r in runs],
        "loadavg": [r["loadavg_before"] for r in runs],
    }


def top_processes(count=5):
    out = subprocess.run(["ps", "-eo", "pid,pcpu,etime,comm", "--sort=-pcpu"], capture_output=True, text=True).stdout
    return out.splitlines()[: count + 1]


def check(args):
    busy = sample_before(args.seconds)
    quiet = max(busy) < QUIET_MAX
    print(f"machine_load: load average {' '.join(map(str, loadavg()))}; core busy over {args.seconds} s: "
          f"{', '.join(f'{b:.0%}' for b in busy)}; {'quiet' if quiet else 'NOT quiet'} (limit {QUIET_MAX:.0%})")
    if not quiet and not args.brief:
        print("\n".join(top_processes()))
    return 0 if quiet else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    r = sub.add_parser("run")
    r.add_argument("--repeat", type=int, default=3)
    r.add_argument("--metric")
    r.add_argument("--field", action="append", default=[])
    r.add_argument("--stdout")
    r.add_argument("--child-json", action="store_true")
    r.add_argument("command", nargs=argparse.REMAINDER)
    c = sub.add_parser("check")
    c.add_argument("--seconds", type=float, default=2.0)
    c.add_argument("--brief", action="store_true", help="the one line, without the busiest processes")
    args = parser.parse_args()
    if args.what == "run":
        if args.command and args.command[0] == "--":
            args.command = args.command[1:]
        if not args.command:
            parser.error("run needs a command after --")
        return run_command(args)
    return check(args)


if __name__ == "__main__":
    sys.exit(main())
