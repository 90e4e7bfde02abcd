#!/usr/bin/env python3
"""Checks every page of a built site in a real headless Chromium (Debian's chromium and chromium-driver, driven by
Selenium) and fails on any finding:

- axe-core (the build shipped in the PyPI package axe-playwright-python), WCAG 2.1 A/AA, at 390 px (a phone) and
  1280 px (a desktop);
- reflow (WCAG 1.4.10) at 320 px: the page must not scroll sideways, and no element or text may reach past the
  viewport unless it lies in a scroll region that a keyboard can reach and that has a name;
- heading levels: none may be skipped (an h3 after an h2 is fine, an h3 after an h1 is not);
- right to left: on Arabic pages, phone numbers, postcodes with their town and time ranges must appear on screen in
  the order in which they are written (the first character left of the last).

The widths share one page load (the viewport is changed with the DevTools protocol and axe runs again), and two
browsers share the pages, one per core. Every failure names the page, the width and the rule.

    python3 scripts/accessibility-check.py output /integration/ [--screenshots docs/screenshots] [--workers 2]
"""
import argparse
import base64
import functools
import http.server
import importlib.util
import json
import os
import pathlib
import queue
import sys
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_WIDTHS = (390, 1280)
REFLOW_WIDTH = 320
HEIGHT = 900

# Runs axe and hands back only the violations: asking for violations alone spares axe collecting every passing
# node, which roughly halves its time on these pages.
AXE_RUN = (
    "const done = arguments[arguments.length - 1];"
    "axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})"
    ".then(r => done(JSON.stringify(r.violations)))"
    ".catch(e => done(JSON.stringify([{id: 'axe-error', help: String(e), nodes: []}])));" % json.dumps(AXE_TAGS))

# Everything that reaches past the viewport. A scroll region excuses its content only when a keyboard can reach it
# (tabindex) and a screen reader can name it (aria-label/-labelledby); clipped, visually hidden text is not shown.
REFLOW = r"""
const width = document.documentElement.clientWidth;
const scroller = document.scrollingElement;
const result = {scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth, offenders: [], regions: 0};
function describe(el) {
  let name = el.tagName.toLowerCase();
  if (el.id) name += '#' + el.id;
  if (el.classList.length) name += '.' + [...el.classList].join('.');
  const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
  return text ? `${name} "${text}"` : name;
}
function excuse(el) {
  for (let a = el; a && a !== document.documentElement; a = a.parentElement) {
    const style = getComputedStyle(a);
    if (style.overflowX === 'auto' || style.overflowX === 'scroll') {
      const named = a.hasAttribute('aria-label') || a.hasAttribute('aria-labelledby');
      return a.tabIndex >= 0 && named ? 'region' : 'unreachable scroll region ' + describe(a).slice(0, 80);
    }
    if (style.overflowX === 'hidden' || style.overflowX === 'clip') {
      const box = a.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) return 'hidden';
      return 'clipped by ' + describe(a).slice(0, 80);
    }
  }
  return null;
}
const seen = new Set();
function check(el, box, what) {
  if (box.width === 0 || box.height === 0) return;
  if (box.right <= width + 0.5 && box.left >= -0.5) return;
  const why = excuse(el);
  if (why === 'hidden') return;
  if (why === 'region') { result.regions++; return; }
  const key = describe(el) + what;
  if (seen.has(key)) return;
  seen.add(key);
  result.offenders.push(`${what}${describe(el)} spans ${Math.round(box.left)}..${Math.round(box.right)} px` + (why ? ` (${why})` : ''));
}
for (const el of document.body.querySelectorAll('*')) check(el, el.getBoundingClientRect(), '');
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const range = document.createRange();
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  if (!node.data.trim()) continue;
  range.selectNodeContents(node);
  check(node.parentElement, range.getBoundingClientRect(), 'text in ');
}
return result;
"""

# Heading levels in document order; the first may be any level up to h2 (a page's h1 comes first in main, but a
# heading in the header would be an h2).
HEADINGS = r"""
const skips = [];
let previous = 1;
for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
  const level = Number(h.tagName[1]);
  if (level > previous + 1) skips.push(`h${previous} → h${level} "${h.textContent.trim().replace(/\s+/g, ' ').slice(0, 60)}"`);
  previous = level;
}
return skips;
"""

# On right-to-left pages: finds phone numbers, postcodes with their town and time ranges in the rendered text and
# compares where the first and the last character of each appear. Written independently of vorort's own patterns,
# so that this checks what a reader sees, not what the renderer meant to do. A run that wraps onto two lines is
# not compared (its characters' order across lines says nothing about the order within a line).
RTL_ORDER = r"""
const patterns = {
  phone: /(?<![\d.:])(?:\+49 ?|\(?0)\d{2,5}\)?[ \/-]?\d[\d -]{2,}\d(?!\d)/g,
  postcode: /\b\d{5} [A-ZÄÖÜ][\p{L}-]+/gu,
  'time range': /(?<![\d.:-])\d{1,2}(?:[:.]\d{2})?(?: Uhr)? ?[–-] ?\d{1,2}(?:[:.]\d{2})?(?![\d.:-])(?: Uhr)?/g,
};
const result = {checked: {}, reversed: []};
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const range = document.createRange();
function box(node, index) { range.setStart(node, index); range.setEnd(node, index + 1); return range.getBoundingClientRect(); }
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  if (node.parentElement.closest('script, style, svg, .visually-hidden')) continue;
  for (const [kind, pattern] of Object.entries(patterns)) {
    pattern.lastIndex = 0;
    for (const match of node.data.matchAll(pattern)) {
      const text = match[0].trim();
      if (kind === 'phone' && text.replace(/\D/g, '').length < 6) continue;
      const start = match.index + match[0].indexOf(text);
      const first = box(node, start), last = box(node, start + text.length - 1);
      if (first.width === 0 || last.width === 0) continue;
      if (Math.abs(first.top - last.top) > first.height / 2) continue;
      result.checked[kind] = (result.checked[kind] || 0) + 1;
      if (first.left > last.left) result.reversed.push(`${kind} "${text}"`);
    }
  }
}
return result;
"""


def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None:
        sys.exit("axe-playwright-python is missing: python3 -m pip install --no-deps axe-playwright-python")
    return (pathlib.Path(spec.origin).parent / "axe.min.js").read_text(encoding="utf-8")


def serve(folder, base_path):
    """Serves `folder` under `base_path` on a free loopback port, as the site is published."""
    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path):
            if not path.startswith(base_path):
                return str(pathlib.Path(folder) / "__missing__")
            return super().translate_path("/" + path[len(base_path):])

        def log_message(self, *args):
            pass

    handler = functools.partial(Handler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser(width):
    options = Options()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{HEIGHT}"]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)


def set_width(driver, width):
    """The viewport's width, exactly (a window's size would include whatever frame the browser draws)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})


def checking_browser(source):
    """A browser that puts axe into every page it opens, before the page's own scripts: sending axe's 500 kB with
    every page through WebDriver cost about a tenth of a second per page."""
    driver = browser(AXE_WIDTHS[-1])
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": source})
    return driver


def pages_of(output):
    """Every HTML page of the built site, as a path below the base path ("" for the home page)."""
    pages = []
    for file in sorted(pathlib.Path(output).rglob("*.html")):
        relative = file.relative_to(output).as_posix()
        if relative.startswith("pagefind/"):
            continue
        pages.append(relative[:-len("index.html")] if relative.endswith("index.html") else relative)
    return pages


def check_page(driver, root, path, axe=True):
    """All checks of one page; returns its failures as (width, rule, detail), the right-to-left counts and how many
    elements lie in labelled scroll regions. axe is in the page already (`checking_browser`)."""
    failures = []
    set_width(driver, AXE_WIDTHS[-1])
    driver.get(root + path)
    for skip in driver.execute_script(HEADINGS):
        failures.append(("-", "heading-order", skip))
    for width in sorted(AXE_WIDTHS, reverse=True) if axe else []:
        set_width(driver, width)
        for v in json.loads(driver.execute_async_script(AXE_RUN)):
            nodes = "; ".join(f"{n.get('target')} {n.get('failureSummary', '')[:120]!r}" for n in v.get("nodes", [])[:3])
            failures.append((width, v["id"], f"{v.get('help', '')}: {nodes}"))
    rtl = None
    if path.startswith("ar/"):
        set_width(driver, AXE_WIDTHS[0])
        rtl = driver.execute_script(RTL_ORDER)
        for run in rtl["reversed"]:
            failures.append((AXE_WIDTHS[0], "rtl-order", f"{run} appears reversed"))
    set_width(driver, REFLOW_WIDTH)
    reflow = driver.execute_script(REFLOW)
    if reflow["scrollWidth"] > reflow["clientWidth"]:
        failures.append((REFLOW_WIDTH, "reflow", f"the page scrolls sideways ({reflow['scrollWidth']} px wide)"))
    for offender in reflow["offenders"][:5]:
        failures.append((REFLOW_WIDTH, "reflow", offender))
    return failures, rtl, reflow["regions"]


def first_screen(driver, root):
    """On a phone the header stays small (at most a quarter of the window, also in Arabic and at 320 px) and the
    German home page's first screen at 390 px shows what people look for: the search field (when the site has
    search) above the topic tiles, and the heading of the choice of town within it. A folded district category opens
    by a click on its summary (no script of ours is involved) and every link of a municipality's contents has its
    target."""
    failures = 0
    for width in (390, 320):
        driver.set_window_size(width, 844)
        for path in ("", "ar/", "gemeinden/auenstein/"):
            driver.get(root + path)
            m = driver.execute_script(
                "const box = s => { const e = document.querySelector(s); return e ? e.getBoundingClientRect() : null; };"
                "return {height: innerHeight, header: box('.site-header').bottom,"
                " tiles: box('.tiles') && box('.tiles').top, places: box('#wohnort') && box('#wohnort').top,"
                " search: box('.site-search') && box('.site-search').bottom};")
            problems = []
            if m["header"] > 0.25 * m["height"]:
                problems.append(f"header {m['header']:.0f} px of {m['height']} px")
            if width == 390 and path == "" and not (
                    m["tiles"] and m["places"] and m["places"] < m["height"] and (m["search"] or 0) < m["tiles"]):
                problems.append(f"first screen: tiles at {m['tiles']}, town choice at {m['places']} of {m['height']} px")
            print(f"{'first-screen':16} {width} px {path or '/':52} {'ok' if not problems else '; '.join(problems)}")
            failures += len(problems)
    driver.set_window_size(390, 844)
    driver.get(root + "gemeinden/auenstein/")
    opened = driver.execute_script(
        "const d = document.querySelector('details.fold'); d.querySelector('summary').click();"
        "return [d.open, d.querySelector('.cards').getBoundingClientRect().height > 0,"
        " [...document.querySelectorAll('.page-toc a')].every(a => document.getElementById(a.hash.slice(1)))];")
    print(f"{'folds-and-toc':16} {'gemeinden/auenstein/':60} {'ok' if all(opened) else opened}")
    failures += 0 if all(opened) else 1
    driver.set_window_size(1280, 900)
    return failures


def search_from_home(driver, root):
    """The home page's search form (no script) sends its words to the search page, which runs the search; staff offers
    are not found. Waits for Pagefind's answer by polling for it, as a visitor would."""
    def search(word):
        driver.get(root)
        field = driver.find_element(By.ID, "suchbegriff")
        field.send_keys(word)
        field.submit()
        # While it searches, Pagefind says „Suche nach …“ (ending in an ellipsis); then how many pages it found.
        WebDriverWait(driver, 30).until(lambda d: [m for m in d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__message")
                                                   if word in m.text and not m.text.rstrip().endswith(("…", "..."))])
        return [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")]
    driver.get(root + "mitarbeitende/")
    staff = [(a.text, a.get_attribute("href")) for a in driver.find_elements(By.CSS_SELECTOR, ".card-title a")]
    found = search("Sprachcafé")
    problems = [] if found and driver.current_url.startswith(root + "suche/?q=") else [f"no results at {driver.current_url}"]
    for title, url in staff:
        word = title.split()[0]
        problems += [f"staff offer {url} found for {word!r}" for hit in search(word) if hit.split("#")[0] == url]
    print(f"{'search-form':16} {'/ → suche/?q=…':60} {'ok' if not problems else '; '.join(problems)}")
    return len(problems)


def screenshots(root, folder):
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for width, label in [(390, "phone"), (1280, "desktop")]:
        shot = browser(width)
        try:
            for name, path in [("home", ""), ("municipality", "gemeinden/auenstein/"), ("arabic-municipality", "ar/gemeinden/auenstein/")]:
                shot.get(root + path)
                height = shot.execute_script("return document.documentElement.scrollHeight")
                shot.set_window_size(width, min(height, 2400))
                shot.save_screenshot(str(folder / f"{name}-{label}.png"))
        finally:
            shot.quit()
    # The pages the phone work was about, at the width each was judged at; the viewport is set exactly (DevTools)
    # and made as tall as the page, so that a right-to-left page is not cut at a scroll origin.
    shot = browser(390)
    try:
        for name, path, width in [("arabic-contact-point-phone", "ar/gemeinden/lindenbrueck/anlaufstellen/familienzentrum/", 390),
                                  ("figures-320", "zahlen/", 320), ("events-phone", "veranstaltungen/", 390)]:
            set_width(shot, width)
            shot.get(root + path)
            height = min(shot.execute_script("return document.documentElement.scrollHeight"), 4000)
            shot.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                 {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
            data = shot.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]
            (folder / f"{name}.png").write_bytes(base64.b64decode(data))
    finally:
        shot.quit()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output")
    parser.add_argument("base_path", help="the path part of baseURL, e.g. /integration/")
    parser.add_argument("--screenshots", help="folder for screenshots of home, municipality and Arabic municipality at 390 and 1280 px, an Arabic contact point and the events by month at 390 px and the facts comparison at 320 px")
    parser.add_argument("--workers", type=int, default=2, help="browsers working side by side (default 2, one per core)")
    parser.add_argument("--pages", nargs="*", help="only these paths below the base path (default: every page)")
    parser.add_argument("--no-axe", action="store_true", help="only reflow, headings and right to left, for quick work on the layout")
    args = parser.parse_args()

    started = time.monotonic()
    server = serve(args.output, args.base_path)
    root = f"http://127.0.0.1:{server.server_port}{args.base_path}"
    source = axe_source()
    version = source[:200].split("axe v")[1].split()[0] if "axe v" in source[:200] else "?"
    pages = args.pages if args.pages is not None else pages_of(args.output)
    work = queue.Queue()
    for path in pages:
        work.put(path)
    lock = threading.Lock()
    failures = []
    rtl_checked = {}
    regions = [0]

    def worker():
        driver = checking_browser(source)
        try:
            while True:
                try:
                    path = work.get_nowait()
                except queue.Empty:
                    return
                try:
                    found, rtl, scroll_regions = check_page(driver, root, path, axe=not args.no_axe)
                except Exception as error:  # a page that breaks the browser is a failure of that page, not of the run
                    found, rtl, scroll_regions = [("-", "browser-error", str(error).splitlines()[0])], None, 0
                with lock:
                    regions[0] += scroll_regions
                    for kind, count in (rtl or {}).get("checked", {}).items():
                        rtl_checked[kind] = rtl_checked.get(kind, 0) + count
                    for width, rule, detail in found:
                        failures.append((path, width, rule, detail))
                        print(f"FAIL /{path or ''} at {width} px [{rule}] {detail}", flush=True)
        finally:
            driver.quit()

    threads = [threading.Thread(target=worker) for _ in range(max(1, args.workers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # The right-to-left check must have compared something, or it proves nothing.
    if args.pages is None:
        for kind in ("phone", "postcode", "time range"):
            if not rtl_checked.get(kind):
                failures.append(("ar/", "-", "rtl-order", f"no {kind} was found on any Arabic page to compare"))
                print(f"FAIL Arabic pages [rtl-order] no {kind} was found on any Arabic page to compare")
    # The phone's first screen, the folded district offers and the home page's search form (sample pages).
    if args.pages is None:
        driver = browser(1280)
        try:
            count = first_screen(driver, root)
            if (pathlib.Path(args.output) / "suche" / "index.html").exists():
                count += search_from_home(driver, root)
        finally:
            driver.quit()
        failures += [("", "-", "first-screen", "see above")] * count
    if args.screenshots:
        screenshots(root, args.screenshots)
    server.shutdown()
    pages_failing = len({f[0] for f in failures})
    by_rule = {}
    for _, width, rule, _ in failures:
        by_rule[f"{rule} at {width} px"] = by_rule.get(f"{rule} at {width} px", 0) + 1
    print(f"Accessibility: axe-core {version} in Chromium checked {len(pages)} pages at {' and '.join(map(str, AXE_WIDTHS))} px, "
          f"reflow at {REFLOW_WIDTH} px ({regions[0]} elements in labelled scroll regions), heading levels, and on Arabic "
          f"pages the order of {', '.join(f'{n} {k}' for k, n in sorted(rtl_checked.items())) or 'no'} runs: "
          f"{len(failures)} failure(s) on {pages_failing} page(s) in {time.monotonic() - started:.0f} s.")
    for key, count in sorted(by_rule.items()):
        print(f"    {key}: {count}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
