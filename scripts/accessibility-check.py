#!/usr/bin/env python3
"""Runs axe-core (the build shipped in the PyPI package axe-playwright-python) in a real headless Chromium
(Debian's chromium and chromium-driver, driven by Selenium) on one page of every type of a built site, and
fails on any WCAG 2.1 A/AA violation. Optionally takes screenshots at phone and desktop width.

    python3 scripts/accessibility-check.py output /integration/ [--screenshots docs/screenshots]
"""
import argparse
import functools
import http.server
import importlib.util
import json
import os
import pathlib
import sys
import threading

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

PAGES = [
    ("home", ""), ("district", "kreis/"), ("municipalities", "gemeinden/"), ("municipality", "gemeinden/auenstein/"),
    ("offer", "gemeinden/lindenbrueck/angebote/sprachcafe-am-markt/"), ("offer-district", "kreis/angebote/anerkennungsberatung/"),
    ("contact-point", "gemeinden/lindenbrueck/anlaufstellen/familienzentrum/"), ("story", "gemeinden/lindenbrueck/geschichten/bruecken-ev/"),
    ("offer-directory", "angebote/"), ("category", "angebote/sprache/"), ("contact-points", "anlaufstellen/"),
    ("stories", "geschichten/"), ("figures", "zahlen/"), ("guideline", "seiten/leitfaden-sprache/"),
    ("page", "seiten/impressum/"), ("not-found", "404.html"),
    # Events (built with --today 2026-11-26, so that the lists hold the sample's upcoming events): a page, a moved
    # one, the list by month, a municipality's list.
    ("event", "kreis/veranstaltungen/infoabend-anerkennung/"), ("event-moved", "kreis/veranstaltungen/infoabend-ausbildung/"),
    ("events", "veranstaltungen/"), ("events-municipality", "gemeinden/auenstein/veranstaltungen/"),
    # Translations: right to left, English, and a page that shows the German text with a note.
    ("home-rtl", "ar/"), ("municipality-rtl", "ar/gemeinden/auenstein/"), ("offer-rtl", "ar/kreis/angebote/integrationskurse/"),
    ("directory-rtl", "ar/angebote/"), ("offer-en", "en/gemeinden/lindenbrueck/angebote/sprachcafe-am-markt/"),
    ("fallback-uk", "uk/kreis/angebote/kulturloge/"), ("home-ls", "ls/"), ("event-rtl", "ar/kreis/veranstaltungen/infoabend-anerkennung/"),
]


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
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},900"]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output")
    parser.add_argument("base_path", help="the path part of baseURL, e.g. /integration/")
    parser.add_argument("--screenshots", help="folder for screenshots of home, municipality and Arabic municipality at 390 and 1280 px")
    args = parser.parse_args()

    server = serve(args.output, args.base_path)
    root = f"http://127.0.0.1:{server.server_port}{args.base_path}"
    source = axe_source()
    version = source[:200].split("axe v")[1].split()[0] if "axe v" in source[:200] else "?"
    failures = 0
    pages = PAGES
    driver = browser(1280)
    try:
        if (pathlib.Path(args.output) / "suche" / "index.html").exists():
            pages = PAGES + [("search", "suche/"), ("search-rtl", "ar/suche/")]
        for name, path in pages:
            driver.get(root + path)
            driver.execute_script(source)
            result = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                ".then(r => done(JSON.stringify(r.violations))).catch(e => done(JSON.stringify([{id: 'axe-error', help: String(e), nodes: []}])));")
            violations = json.loads(result)
            status = "ok" if not violations else f"{len(violations)} violation(s)"
            print(f"{name:16} {path or '/':60} {status}")
            for v in violations:
                failures += 1
                print(f"    {v['id']}: {v.get('help', '')}")
                for node in v.get("nodes", [])[:3]:
                    print(f"        {node.get('target')} {node.get('failureSummary', '')[:160]!r}")
    finally:
        driver.quit()
    if args.screenshots:
        folder = pathlib.Path(args.screenshots)
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
    server.shutdown()
    print(f"Accessibility: axe-core {version} in Chromium checked {len(pages)} page types, {failures} violation(s).")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
