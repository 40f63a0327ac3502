#!/usr/bin/env python3
"""Drive a `backchannel report` page in headless Chromium (Selenium + chromedriver) and check what it shows.

    python3 Tests/Browser/check_report.py REPORT.html [--hostile] [--screenshot OUT.png] [--window 1280x800]

The README's picture is made with
    backchannel report -o /tmp/report.html
    python3 Tests/Browser/check_report.py /tmp/report.html --screenshot docs/report.png --window 1100x860

Default mode expects the bundled history (`backchannel report -o REPORT.html`): it searches, presses
Enter, clicks a node, hovers another, sorts a table, moves the time control and zooms, and checks the
page after each step against the page's own data blob and the known facts of the bundled history.
`--hostile` expects the network written by the Swift test `ReportBrowserTests` (labels that try to
close the script element, inject markup and links): it checks that no injected script ran and that
the hostile texts are shown as text.

Exit status: 0 when every check passes, 1 with the failed check on stderr, 77 when Chromium,
chromedriver or Selenium is not installed (the Swift test then skips).
"""
import argparse
import json
import os
import shutil
import sys

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("skipped: the selenium Python package is not installed (pip install selenium)", file=sys.stderr)
    sys.exit(77)

# The hostile texts ReportBrowserTests writes (keep in step with Tests/BackchannelCLITests/ReportBrowserTests.swift).
HOSTILE_TITLE = "</script><script>window.__pwned='title'</script> & \"Title\""
HOSTILE_LABEL = "</script><script>window.__pwned='label'</script>"
HOSTILE_QUOTES = "\"><img src=x onerror=\"window.__pwned='img'\"> & 'single' &amp;"


def find_binary(names):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    for path in ["/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]:
        if os.path.basename(path) in names and os.access(path, os.X_OK):
            return path
    return None


def check(condition, message):
    if not condition:
        print("FAILED: " + message, file=sys.stderr)
        sys.exit(1)
    print("ok: " + message)


def start(width, height):
    chromium = find_binary(["chromium", "chromium-browser", "google-chrome"])
    driver_path = find_binary(["chromedriver"])
    if not chromium or not driver_path:
        print("skipped: headless Chromium is not installed (apt-get install chromium chromium-driver)", file=sys.stderr)
        sys.exit(77)
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-US"]:
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(driver_path), options=options)


def load(driver, path):
    driver.get("file://" + os.path.abspath(path))
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.documentElement.getAttribute('data-bc-ready')") == "1")
    return json.loads(driver.find_element(By.ID, "bc-data").get_attribute("textContent"))


def severe_logs(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def node_key(data, node_id):
    return next(k for k, n in data["nodes"].items() if n["id"] == node_id)


def shown(data, period, key):
    return data["periods"][period]["nodes"][data["nodes"][key]["i"]] == "1"


def away(driver):
    """Moves the pointer off the drawing and waits for the hover details to close."""
    ActionChains(driver).move_to_element(driver.find_element(By.ID, "bc-title")).perform()
    WebDriverWait(driver, 5).until(lambda d: not d.find_element(By.ID, "bc-tip").is_displayed())


def click_node(driver, key):
    shape = driver.find_element(By.CSS_SELECTOR, f"g#{key} polygon, g#{key} ellipse, g#{key} path")
    ActionChains(driver).move_to_element(shape).click().perform()


def classes(driver, key):
    return (driver.find_element(By.ID, key).get_attribute("class") or "").split()


def view_box(driver):
    return driver.execute_script("return document.querySelector('#bc-diagram svg').getAttribute('viewBox')").split()


def table_column(driver, table, column):
    cells = driver.find_elements(By.CSS_SELECTOR, f"#bc-table-{table} tbody tr td:nth-child({column + 1})")
    return [c.text for c in cells]


def history(driver, path, screenshot):
    data = load(driver, path)
    check(not severe_logs(driver), "the page loads with no script error")
    check(driver.execute_script("return performance.getEntriesByType('resource').length") == 0, "the page requests nothing over the network")
    last = len(data["periods"]) - 1
    check(driver.find_element(By.ID, "bc-title").text == "The history of Track II diplomacy", "the title is the network's")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#bc-diagram svg g.node")) >= len(data["nodes"]), "the diagram draws every node")

    # Search.
    data_view = view_box(driver)
    search = driver.find_element(By.ID, "bc-search")
    search.send_keys("carter")
    expected = sorted(k for k, n in data["nodes"].items() if "carter" in (n["label"] + " " + n["id"]).lower() and shown(data, last, k))
    matched = sorted(g.get_attribute("id") for g in driver.find_elements(By.CSS_SELECTOR, "g.node.bc-match"))
    check(matched == expected and len(expected) >= 3, f"searching 'carter' marks the {len(expected)} matching actors")
    check(driver.find_element(By.ID, "bc-search-count").text == f"{len(expected)} actors match", "the match count is shown")
    search.send_keys(Keys.ENTER)
    first = next(k for k in data["nodes"] if k in expected)
    check(driver.find_element(By.CSS_SELECTOR, "#bc-details h2").text == data["nodes"][first]["label"], "Enter opens the first match's details")
    search.send_keys(Keys.CONTROL, "a")
    search.send_keys(Keys.DELETE)
    check(not driver.find_elements(By.CSS_SELECTOR, "g.node.bc-match"), "clearing the search clears the marks")
    check(float(view_box(driver)[2]) < float(data_view[2]), "Enter brings the match into view, zoomed in")
    driver.find_element(By.ID, "bc-zoom-reset").click()

    # Click a node: its ties are highlighted and its details opened.
    center = node_key(data, "carter-center")
    click_node(driver, center)
    label = data["nodes"][center]["label"]
    check(driver.find_element(By.CSS_SELECTOR, "#bc-details h2").text == label, f"clicking {label} opens its details")
    incident = sorted(k for k, e in data["edges"].items() if center in (e["source"], e["target"]))
    ties = sorted(g.get_attribute("id") for g in driver.find_elements(By.CSS_SELECTOR, "g.edge.bc-tie"))
    check(ties == incident and ties, f"its {len(incident)} ties are highlighted")
    check("bc-selected" in classes(driver, center), "the node is marked selected")
    details = driver.find_element(By.ID, "bc-details").text
    check("Sources" in details or "sources" in details, "the details list the node's sources")
    links = driver.find_elements(By.CSS_SELECTOR, "#bc-details a[href]")
    check(all(a.get_attribute("href").startswith(("http://", "https://")) for a in links) and links, "its sources link to the web")
    others = [k for k in data["nodes"] if k != center and k not in {data["edges"][e]["source"] for e in incident} | {data["edges"][e]["target"] for e in incident}]
    check("bc-dim" in classes(driver, others[0]), "actors not tied to it are dimmed")
    if screenshot:
        search.send_keys("the carter center", Keys.ENTER)
        search.send_keys(Keys.CONTROL, "a")
        search.send_keys(Keys.DELETE)
        away(driver)
        driver.save_screenshot(screenshot)
        driver.find_element(By.ID, "bc-zoom-reset").click()
        print("wrote " + screenshot)

    # Hover shows details.
    away(driver)
    talks = node_key(data, "carter-pyongyang-talks-1994")
    shape = driver.find_element(By.CSS_SELECTOR, f"g#{talks} polygon, g#{talks} ellipse, g#{talks} path")
    ActionChains(driver).move_to_element(shape).perform()
    tip = driver.find_element(By.ID, "bc-tip")
    check(tip.is_displayed() and data["nodes"][talks]["label"] in tip.text and "1994" in tip.text, "hovering an actor shows its label and years")

    # Sort the influence table by score: descending, then ascending.
    away(driver)
    header = driver.find_element(By.XPATH, "//section[@id='bc-table-influence']//th[3]/button")
    header.click()
    scores = [float(x) for x in table_column(driver, "influence", 2)]
    check(scores == sorted(scores, reverse=True) and len(scores) == len(data["periods"][last]["rows"]["influence"]), "sorting by score puts the highest first")
    driver.find_element(By.XPATH, "//section[@id='bc-table-influence']//th[3]/button").click()
    scores = [float(x) for x in table_column(driver, "influence", 2)]
    check(scores == sorted(scores), "sorting again reverses it")
    check(driver.find_element(By.XPATH, "//section[@id='bc-table-influence']//th[3]").get_attribute("aria-sort") == "ascending", "the header says how it is sorted")

    # Clicking a table row's actor selects it.
    driver.find_element(By.CSS_SELECTOR, "#bc-table-centrality tbody tr:first-child button.bc-node-link").click()
    first_actor = data["periods"][last]["rows"]["centrality"][0][0]
    check(driver.find_element(By.CSS_SELECTOR, "#bc-details h2").text == first_actor["t"], "a table's actor opens its details")

    # Time control: back to 1960.
    year = driver.find_element(By.ID, "bc-year")
    year.send_keys(Keys.HOME)
    labels = [p["label"] for p in data["periods"]]
    target = labels.index("1960")
    for _ in range(target):
        year.send_keys(Keys.ARROW_RIGHT)
    check(driver.find_element(By.ID, "bc-year-label").text == "1960", "the time control moves to 1960")
    check("bc-hidden" in classes(driver, talks), "the 1994 Pyongyang talks are hidden in 1960")
    dartmouth = node_key(data, "dartmouth-conference")
    check("bc-hidden" not in classes(driver, dartmouth), "the 1960 Dartmouth Conference is shown in 1960")
    present = sum(1 for k in data["nodes"] if shown(data, target, k))
    check(driver.find_element(By.ID, "bc-shown").text.startswith(f"showing {present} of {len(data['nodes'])} actors"), f"the page says {present} actors are shown")
    check(present < len(data["nodes"]), "fewer actors stood in 1960 than in all")
    rows = driver.find_elements(By.CSS_SELECTOR, "#bc-table-influence tbody tr")
    check(len(rows) == len(data["periods"][target]["rows"]["influence"]), "the influence table shows 1960's conveners")
    names = set(table_column(driver, "influence", 1))
    check("The Carter Center" not in names and "Norman Cousins" in names, "Norman Cousins ranks in 1960, the Carter Center not yet")
    hidden_edges = [k for k in data["edges"] if data["periods"][target]["edges"][data["edges"][k]["i"]] == "0"]
    check(all("bc-hidden" in classes(driver, k) for k in hidden_edges[:10]) and hidden_edges, "ties not yet recorded are hidden")
    year.send_keys(Keys.END)
    check(driver.find_element(By.ID, "bc-year-label").text == labels[-1], "the end of the time control is the latest year")
    check("bc-hidden" not in classes(driver, talks), "the talks are shown again")

    # Zoom.
    driver.find_element(By.ID, "bc-zoom-reset").click()
    before = view_box(driver)
    driver.find_element(By.ID, "bc-zoom-in").click()
    after = view_box(driver)
    check(float(after[2]) < float(before[2]), "zooming in narrows the view")
    driver.find_element(By.ID, "bc-zoom-reset").click()
    check([float(x) for x in view_box(driver)] == [float(x) for x in before], "fit restores the whole drawing")

    # Filters and sources are stated.
    check(driver.find_element(By.ID, "bc-filters").text.startswith("none"), "the page states that no filter was applied")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#bc-sources li")) >= 40, "the page lists the data's sources")
    check(not severe_logs(driver), "no script error after all that")


def hostile(driver, path):
    data = load(driver, path)
    check(not severe_logs(driver), "the hostile page loads with no script error")
    check(driver.execute_script("return window.__pwned === undefined"), "no injected script ran")
    check(driver.find_element(By.ID, "bc-title").get_attribute("textContent") == HOSTILE_TITLE, "the hostile title is shown as text")
    check(driver.title == HOSTILE_TITLE, "the document title is the hostile title, as text")
    check(not driver.find_elements(By.CSS_SELECTOR, "img, iframe, object, embed"), "no injected element exists")
    key = next(k for k, n in data["nodes"].items() if n["label"] == HOSTILE_LABEL)
    search = driver.find_element(By.ID, "bc-search")
    search.send_keys("</script>")
    check(classes(driver, key).count("bc-match") == 1, "searching '</script>' finds the hostile label")
    search.send_keys(Keys.ENTER)
    check(driver.find_element(By.CSS_SELECTOR, "#bc-details h2").get_attribute("textContent") == HOSTILE_LABEL, "its details show the label as text")
    quotes = next(k for k, n in data["nodes"].items() if n["label"] == HOSTILE_QUOTES)
    driver.find_element(By.ID, "bc-zoom-reset").click()
    away(driver)
    click_node(driver, quotes)
    check(driver.find_element(By.CSS_SELECTOR, "#bc-details h2").get_attribute("textContent") == HOSTILE_QUOTES, "quotes and ampersands survive")
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a[href]")]
    check(all(h.startswith(("http://", "https://")) for h in links), "no javascript: or data: link is made")
    cells = " ".join(td.get_attribute("textContent") for td in driver.find_elements(By.CSS_SELECTOR, "#bc-tables td"))
    check(HOSTILE_LABEL in cells or HOSTILE_QUOTES in cells, "the tables show the hostile labels as text")
    check(driver.execute_script("return window.__pwned === undefined"), "still no injected script ran")
    check(not severe_logs(driver), "no script error")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report")
    parser.add_argument("--hostile", action="store_true")
    parser.add_argument("--screenshot", help="also save a picture of the page with an actor selected")
    parser.add_argument("--window", default="1280x800", help="browser window size, WIDTHxHEIGHT")
    args = parser.parse_args()
    width, height = (int(x) for x in args.window.split("x"))
    driver = start(width, height)
    try:
        if args.hostile:
            hostile(driver, args.report)
        else:
            history(driver, args.report, args.screenshot)
    finally:
        driver.quit()
    print("all checks passed")


if __name__ == "__main__":
    main()
