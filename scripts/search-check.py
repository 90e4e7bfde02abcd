#!/usr/bin/env python3
"""Checks, in a real headless Chromium (Debian's chromium and chromium-driver, driven by Selenium), what residents do
on a built site: the offer directory's filter (a town includes the district's offers that serve it; the choice is in
the address and survives a reload; an impossible combination says so and can be reset) and real search queries
through Pagefind's JavaScript API on the search page (German compounds such as „Deutschkurs“ find the language
offers through their category's `searchWords`). Builds nothing: give it the output folder of `vorort build` with
Pagefind installed (the test script's build has it).

    python3 scripts/search-check.py output /integration/ [--screenshot docs/screenshots/directory-filter-phone.png]
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
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

# (page language folder, query, offers that must be among the first results, how many first results to look at).
# The language category has seven offers: the two district courses and five cafés and meetings in the towns.
LANGUAGE_OFFERS = [
    "kreis/angebote/integrationskurse/", "kreis/angebote/berufssprachkurse/",
    "gemeinden/lindenbrueck/angebote/sprachcafe-am-markt/", "gemeinden/auenstein/angebote/sprachcafe/",
    "gemeinden/falkenried/angebote/sprachcafe/", "gemeinden/birkenfelde/angebote/deutschtreff-fuer-frauen/",
    "gemeinden/hohenmoor/angebote/deutsch-am-kuechentisch/",
]
QUERIES = [
    ("", "Deutschkurs", LANGUAGE_OFFERS, 7),
    ("", "Sprachkurs", LANGUAGE_OFFERS, 7),
    ("", "Wohnung", ["gemeinden/lindenbrueck/angebote/wohnungssuche-beratung/", "gemeinden/falkenried/angebote/sprechstunde-wohnen/",
                     "kreis/angebote/wohnfuehrerschein/"], 5),
    ("", "Arzt", ["kreis/angebote/gesundheitslotsen/", "kreis/angebote/impfberatung/"], 5),
    ("en/", "German course", ["en/kreis/angebote/integrationskurse/", "en/kreis/angebote/berufssprachkurse/"], 7),
    ("ar/", "دورة لغة ألمانية", ["ar/kreis/angebote/integrationskurse/"], 7),
    ("uk/", "курси німецької", ["uk/kreis/angebote/integrationskurse/"], 7),
    # „Kursu“ is also the title of the swimming course for women („Kadınlar için Yüzme Kursu“), which Pagefind ranks
    # first for its title; the seven language offers follow it.
    ("tr/", "Almanca kursu", ["tr/kreis/angebote/integrationskurse/"], 8),
]


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


def browser(width, height=900):
    options = Options()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}"]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)


class Checks:
    def __init__(self):
        self.failures = 0

    def expect(self, condition, message):
        print(("ok    " if condition else "FAIL  ") + message)
        if not condition:
            self.failures += 1


def visible_offers(driver):
    """The addresses of the cards the filter shows (not hidden themselves nor in a hidden topic)."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#gefilterte-angebote li.card'))"
        ".filter(c => !c.hidden && !c.closest('section').hidden)"
        ".map(c => c.querySelector('.card-title a').getAttribute('href'));")


def check_filter(driver, root, base_path, checks, screenshot):
    directory = root + "angebote/"
    driver.get(directory)
    wait = WebDriverWait(driver, 10)
    wait.until(lambda d: d.find_element(By.ID, "filter").is_displayed())
    everything = len(visible_offers(driver))
    Select(driver.find_element(By.ID, "filter-ort")).select_by_value("auenstein")
    Select(driver.find_element(By.ID, "filter-thema")).select_by_value("sprache")
    shown = visible_offers(driver)
    expected = {base_path + "gemeinden/auenstein/angebote/sprachcafe/", base_path + "kreis/angebote/integrationskurse/",
                base_path + "kreis/angebote/berufssprachkurse/"}
    checks.expect(set(shown) == expected, f"Auenstein + Sprache shows the town's café and the district's courses: {shown}")
    status = driver.find_element(By.CSS_SELECTOR, ".filter-count")
    checks.expect(status.get_attribute("role") == "status" and status.text.startswith(f"{len(expected)} "),
                  f"the live region counts them: {status.text!r}")
    url = driver.current_url
    checks.expect("ort=auenstein" in url and "thema=sprache" in url, f"the address holds the choice: {url}")
    if screenshot:
        path = pathlib.Path(screenshot)
        path.parent.mkdir(parents=True, exist_ok=True)
        driver.set_window_size(390, 2200)
        driver.execute_script("document.getElementById('nach-thema').scrollIntoView()")
        driver.save_screenshot(str(path))
    driver.refresh()
    wait.until(lambda d: d.find_element(By.ID, "filter").is_displayed())
    checks.expect(set(visible_offers(driver)) == expected
                  and Select(driver.find_element(By.ID, "filter-ort")).first_selected_option.get_attribute("value") == "auenstein",
                  "a reload restores the choice")
    # Leaving for an offer and coming back: the address brings the selection back.
    driver.get(root + "kreis/angebote/integrationskurse/")
    driver.back()
    wait.until(lambda d: d.find_element(By.ID, "filter").is_displayed())
    checks.expect(set(visible_offers(driver)) == expected, "back from an offer shows the same selection")
    # District offers limited by `areas` appear only for the towns they serve.
    driver.get(directory + "?ort=hohenmoor")
    wait.until(lambda d: d.find_element(By.ID, "filter").is_displayed())
    hohenmoor = visible_offers(driver)
    driver.get(directory + "?ort=auenstein")
    wait.until(lambda d: d.find_element(By.ID, "filter").is_displayed())
    auenstein = visible_offers(driver)
    limited = base_path + "kreis/angebote/gesundheitslotsen/"  # areas: [lindenbrueck, auenstein, falkenried]
    checks.expect(limited not in hohenmoor and limited in auenstein, "an offer for some towns is shown only for them")
    # Language and „kostenlos“, then an impossible combination and the reset.
    driver.get(directory + "?sprache=ti&kostenlos=1")
    wait.until(lambda d: d.find_element(By.ID, "filter").is_displayed())
    tigrinya = visible_offers(driver)
    checks.expect(0 < len(tigrinya) < everything and driver.find_element(By.ID, "filter-kostenlos").is_selected(),
                  f"Tigrinya + kostenlos narrows the list to {len(tigrinya)}")
    driver.get(directory + "?ort=hohenmoor&thema=sport&sprache=so&kostenlos=1")
    wait.until(lambda d: d.find_element(By.ID, "filter").is_displayed())
    checks.expect(visible_offers(driver) == [] and "Kein Angebot" in status_text(driver),
                  f"an impossible combination says so: {status_text(driver)!r}")
    violations = axe(driver)
    checks.expect(not violations, "axe-core finds no WCAG 2.1 A/AA violation in the filtered directory"
                  + "".join(f"\n      {v['id']}: {v.get('help', '')} {[n.get('target') for n in v.get('nodes', [])[:3]]}" for v in violations))
    reset = driver.find_element(By.ID, "filter-zuruecksetzen")
    checks.expect(reset.is_displayed(), "the reset button is offered")
    reset.click()
    checks.expect(len(visible_offers(driver)) == everything and "?" not in driver.current_url
                  and driver.switch_to.active_element.get_attribute("id") == "filter-ort",
                  "reset shows every offer again, clears the address and keeps the focus in the form")


def axe(driver):
    """The WCAG 2.1 A/AA violations axe-core finds in the page as it is now (the build in axe-playwright-python)."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None:
        sys.exit("axe-playwright-python is missing: python3 -m pip install --no-deps axe-playwright-python")
    driver.execute_script((pathlib.Path(spec.origin).parent / "axe.min.js").read_text(encoding="utf-8"))
    return json.loads(driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(r => done(JSON.stringify(r.violations))).catch(e => done(JSON.stringify([{id: 'axe-error', help: String(e)}])));"))


def status_text(driver):
    return driver.find_element(By.CSS_SELECTOR, ".filter-count").text


def search(driver, root, language, query):
    """The result addresses of `query` on the search page of `language`, through Pagefind's own JavaScript API."""
    driver.get(root + language + "suche/")
    driver.set_script_timeout(30)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "import(arguments[0]).then(async pagefind => {"
        "  const search = await pagefind.search(arguments[1]);"
        "  const data = await Promise.all(search.results.slice(0, 12).map(r => r.data()));"
        "  done(JSON.stringify(data.map(d => d.url)));"
        "}).catch(e => done(JSON.stringify({error: String(e)})));",
        root + "pagefind/pagefind.js", query)
    urls = json.loads(result)
    if isinstance(urls, dict):
        raise RuntimeError(f"Pagefind failed for {query!r}: {urls['error']}")
    return urls


def filtered(driver, root, language, filters):
    """Every result address of Pagefind's filters alone (no search words), as the search page's filter choice gives."""
    driver.get(root + language + "suche/")
    driver.set_script_timeout(30)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "import(arguments[0]).then(async pagefind => {"
        "  const search = await pagefind.search(null, {filters: arguments[1]});"
        "  const data = await Promise.all(search.results.map(r => r.data()));"
        "  done(JSON.stringify(data.map(d => d.url)));"
        "}).catch(e => done(JSON.stringify({error: String(e)})));",
        root + "pagefind/pagefind.js", filters)
    urls = json.loads(result)
    if isinstance(urls, dict):
        raise RuntimeError(f"Pagefind failed for {filters!r}: {urls['error']}")
    return urls


def check_event_months(driver, root, base_path, checks):
    """Upcoming events are found by their month (the built sample's day is 2026-11-26): January 2027 holds the
    welcome day and the cancelled New Year's reception (still shown until its day has passed), not the information
    evening that was moved to February; no page but an event carries a month."""
    urls = [u[len(base_path):] for u in filtered(driver, root, "", {"Monat": "Januar 2027"})]
    expected = ["kreis/veranstaltungen/willkommenstag-kvhs/", "gemeinden/auenstein/veranstaltungen/neujahrsempfang/"]
    missing = [e for e in expected if e not in urls]
    others = [u for u in urls if "/veranstaltungen/" not in "/" + u]
    checks.expect(not missing and not others and "kreis/veranstaltungen/infoabend-ausbildung/" not in urls,
                  f"Monat „Januar 2027“ finds {len(urls)} event(s)" + (f": missing {missing}, not events {others}, got {urls}" if missing or others else ""))
    moved = [u[len(base_path):] for u in filtered(driver, root, "", {"Monat": "Februar 2027"})]
    checks.expect("kreis/veranstaltungen/infoabend-ausbildung/" in moved, f"the moved event is found in its new month: {moved}")


def check_search(driver, root, base_path, checks):
    for language, query, expected, first in QUERIES:
        urls = search(driver, root, language, query)
        top = urls[:first]
        missing = [e for e in expected if base_path + e not in top]
        checks.expect(not missing, f"„{query}“ ({language or 'de/'}) has {len(expected)} expected offer(s) among its first {first}: "
                      + (f"missing {missing}, got {top}" if missing else ", ".join(u[len(base_path):] for u in top[:4]) + " …"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output")
    parser.add_argument("base_path", help="the path part of baseURL, e.g. /integration/")
    parser.add_argument("--screenshot", help="where to save the directory with Auenstein + Sprache at 390 px")
    args = parser.parse_args()
    if not (pathlib.Path(args.output) / "pagefind" / "pagefind.js").exists():
        sys.exit(f"{args.output} has no Pagefind index: build with pagefind-bin installed (scripts/install-test-dependencies.sh).")

    server = serve(args.output, args.base_path)
    root = f"http://127.0.0.1:{server.server_port}{args.base_path}"
    checks = Checks()
    driver = browser(390)
    try:
        check_filter(driver, root, args.base_path, checks, args.screenshot)
        check_search(driver, root, args.base_path, checks)
        check_event_months(driver, root, args.base_path, checks)
    finally:
        driver.quit()
        server.shutdown()
    print(f"Directory and search: {checks.failures} failure(s).")
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main())
