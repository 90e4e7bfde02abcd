#!/usr/bin/env python3
"""Checks two things a resident on a phone relies on, in a real headless Chromium (Selenium, as
scripts/accessibility-check.py):

1. Offline. Opens the home page and a municipality page, then stops the web server and clears the browser's own
   HTTP cache, so that only the service worker's cache is left: the visited pages and the municipality's contact
   points (as the build lists them in offline/gemeinden/<slug>.json) must open with their own heading, a page
   never opened must show the offline page in its language listing the kept pages, and the search index must not be
   kept.
2. Print. Prints the longest offer and the longest contact point of the site (by the text of <main>), in German and
   in Arabic, to PDF with the page's own A4 size, and expects one page each (pdfinfo); prints a municipality's page
   and expects every title in its folded sections in the printed text (pdftotext). --screenshots FOLDER also
   writes the first page of the German ones as PNG (pdftoppm) for docs/screenshots/.

    python3 scripts/offline-print-check.py output /integration/ [--municipality auenstein] [--screenshots docs/screenshots]
"""
import argparse
import base64
import html.parser
import importlib.util
import json
import pathlib
import subprocess
import sys
import tempfile

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.ui import WebDriverWait

HERE = pathlib.Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("accessibility_check", HERE / "accessibility-check.py")
accessibility = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(accessibility)


class MainText(html.parser.HTMLParser):
    """The heading and the visible text of <main> of a built page."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.in_h1 = False
        self.h1 = ""
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth += 1
        if tag == "h1":
            self.in_h1 = True

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data):
        if self.in_h1:
            self.h1 += data
        if self.depth:
            self.text.append(data)


def read_page(output, route):
    parser = MainText()
    parser.feed((output / route / "index.html").read_text(encoding="utf-8"))
    return " ".join(parser.h1.split()), len(" ".join("".join(parser.text).split()))


def cached(driver, cache, url):
    """Whether the service worker's cache `cache` holds `url`."""
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "caches.open(arguments[0]).then((c) => c.match(arguments[1])).then((r) => done(!!r), () => done(false));", cache, url)


def cache_keys(driver, cache):
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "caches.open(arguments[0]).then((c) => c.keys()).then((k) => done(k.map((r) => r.url)), () => done([]));", cache)


def heading(driver):
    return " ".join(driver.find_element("tag name", "h1").text.split())


def check_offline(output, base_path, municipality):
    problems = []
    server = accessibility.serve(output, base_path)
    root = f"http://127.0.0.1:{server.server_port}{base_path}"
    worker = (output / "sw.js").read_text(encoding="utf-8")
    pages_cache = json.loads(worker.split("const PAGES = ", 1)[1].split(";", 1)[0])
    contact_points = json.loads((output / "offline" / "gemeinden" / f"{municipality}.json").read_text(encoding="utf-8"))["pages"]
    visited = ["", f"gemeinden/{municipality}/"]
    unvisited_contact_points = [route for route in contact_points if route not in visited]
    driver = accessibility.browser(390)
    wait = WebDriverWait(driver, 20, poll_frequency=0.05)
    try:
        driver.get(root)
        wait.until(lambda d: d.execute_script("return !!navigator.serviceWorker.controller"))
        wait.until(lambda d: cached(d, pages_cache, root))
        driver.get(root + visited[1])
        wait.until(lambda d: all(cached(d, pages_cache, root + route) for route in contact_points))

        # Offline: no server, and nothing in the browser's HTTP cache; only the worker's caches are left.
        server.shutdown()
        server.server_close()
        driver.execute_cdp_cmd("Network.clearBrowserCache", {})
        offline_title, _ = read_page(output, "offline")
        for route in visited + unvisited_contact_points:
            expected, _ = read_page(output, route)
            driver.get(root + route)
            if heading(driver) != expected:
                problems.append(f"offline: {route or '/'} shows „{heading(driver)}“, expected „{expected}“ from the cache")
        # A page nobody opened: the offline page, listing what is kept (in the page's language first).
        driver.get(root + "kreis/angebote/integrationskurse/")
        if heading(driver) != offline_title:
            problems.append(f"offline: an unvisited page shows „{heading(driver)}“, not the offline page „{offline_title}“")
        else:
            try:
                wait.until(lambda d: d.find_elements("css selector", "#offline-pages a"))
            except TimeoutException:
                pass
            listed = {a.get_attribute("href") for a in driver.find_elements("css selector", "#offline-pages a")}
            for route in visited:
                if root + route not in listed:
                    problems.append(f"offline page: {root + route} is kept but not listed")
        arabic_title, _ = read_page(output, "ar/offline")
        driver.get(root + "ar/kreis/angebote/integrationskurse/")
        if heading(driver) != arabic_title or driver.find_element("tag name", "html").get_attribute("lang") != "ar":
            problems.append(f"offline: an unvisited Arabic page shows „{heading(driver)}“, not the Arabic offline page")
        keys = cache_keys(driver, pages_cache)
        if any("/pagefind/" in key for key in keys):
            problems.append("offline: the search index was kept")
        if not problems:
            print(f"Offline: {len(visited)} visited pages and {len(unvisited_contact_points)} contact points of {municipality} "
                  f"opened from the service worker's cache ({len(keys)} pages kept); unvisited pages show the offline page.")
    finally:
        driver.quit()
    return problems


def longest(output, kind, prefix):
    """The route of the page of `kind` (angebote, anlaufstellen) with the most text in <main>, in one language."""
    routes = []
    for owner in [output / prefix / "kreis"] + sorted((output / prefix / "gemeinden").glob("*/")):
        for page in (owner / kind).glob("*/index.html"):
            routes.append(str(page.parent.relative_to(output)))
    return max(routes, key=lambda route: read_page(output, route)[1])


def check_print(output, base_path, screenshots):
    problems = []
    server = accessibility.serve(output, base_path)
    root = f"http://127.0.0.1:{server.server_port}{base_path}"
    driver = accessibility.browser(1280)
    try:
        with tempfile.TemporaryDirectory() as folder:
            for language in ["", "ar"]:
                for kind, name in [("angebote", "offer"), ("anlaufstellen", "contact-point")]:
                    route = longest(output, kind, language)
                    driver.get(f"{root}{route}/")
                    pdf = pathlib.Path(folder) / f"{name}-{language or 'de'}.pdf"
                    printed = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})
                    pdf.write_bytes(base64.b64decode(printed["data"]))
                    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
                    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
                    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
                    print(f"Print: {route}/ on {pages} page(s), {size.split(':', 1)[1].strip()}")
                    if pages != 1:
                        problems.append(f"print: {route}/ takes {pages} pages, not one")
                    if "(A4)" not in size:
                        problems.append(f"print: {route}/ is not printed on A4 ({size})")
                    if screenshots and not language:
                        target = pathlib.Path(screenshots) / f"print-{name}"
                        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(target)], check=True)
            # A municipality's page folds the district's offers per topic (<details>); on paper they cannot be
            # unfolded, so every folded offer title must be in the printed text.
            route = "gemeinden/auenstein"
            driver.get(f"{root}{route}/")
            folded = driver.execute_script(
                "return [...document.querySelectorAll('details:not([open]) .card-title, details:not([open]) li a')]"
                ".map(a => a.textContent.trim().replace(/\\s+/g, ' ')).filter(t => t);")
            pdf = pathlib.Path(folder) / "municipality.pdf"
            printed = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})
            pdf.write_bytes(base64.b64decode(printed["data"]))
            text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
            missing = [title for title in folded if " ".join(title.split()) not in text]
            print(f"Print: {route}/ shows {len(folded) - len(missing)} of {len(folded)} folded titles")
            if not folded:
                problems.append(f"print: {route}/ has no folded sections to check")
            if missing:
                problems.append(f"print: {route}/ leaves folded titles out: {missing[:3]}")
    finally:
        driver.quit()
        server.shutdown()
        server.server_close()
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output")
    parser.add_argument("base_path", help="the path part of baseURL, e.g. /integration/")
    parser.add_argument("--municipality", default="auenstein", help="the municipality whose page is visited")
    parser.add_argument("--screenshots", help="folder for the first printed page of the offer and the contact point (PNG)")
    args = parser.parse_args()
    output = pathlib.Path(args.output)
    problems = check_offline(output, args.base_path, args.municipality) + check_print(output, args.base_path, args.screenshots)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        sys.exit(f"{len(problems)} problem(s) with reading offline or printing.")


if __name__ == "__main__":
    main()
