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
import importlib.util
import json
import pathlib
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

# The local server, the browser and axe as the accessibility check sets them up.
_spec = importlib.util.spec_from_file_location("accessibility_check", pathlib.Path(__file__).resolve().parent / "accessibility-check.py")
accessibility = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(accessibility)

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
    """The WCAG 2.1 A/AA violations axe-core finds in the page as it is now, as the accessibility check runs it."""
    driver.execute_script(accessibility.axe_source())
    return json.loads(driver.execute_async_script(accessibility.AXE_RUN))


def status_text(driver):
    return driver.find_element(By.CSS_SELECTOR, ".filter-count").text


def pagefind(driver, root, language, query=None, filters=None, limit=12):
    """The result addresses on the search page of `language`, through Pagefind's own JavaScript API: for `query`
    (its first `limit` results), or for `filters` alone (`query` None: every result, as the filter choice gives)."""
    driver.get(root + language + "suche/")
    driver.set_script_timeout(30)
    result = driver.execute_async_script(
        "const [url, query, filters, limit, done] = arguments;"
        "import(url).then(async pagefind => {"
        "  const search = await pagefind.search(query, filters ? {filters} : {});"
        "  const data = await Promise.all(search.results.slice(0, limit ?? undefined).map(r => r.data()));"
        "  done(JSON.stringify(data.map(d => d.url)));"
        "}).catch(e => done(JSON.stringify({error: String(e)})));",
        root + "pagefind/pagefind.js", query, filters, limit if query is not None else None)
    urls = json.loads(result)
    if isinstance(urls, dict):
        raise RuntimeError(f"Pagefind failed for {query or filters!r}: {urls['error']}")
    return urls


def check_event_months(driver, root, base_path, checks):
    """Upcoming events are found by their month (the built sample's day is 2026-11-26): January 2027 holds the
    welcome day and the cancelled New Year's reception (still shown until its day has passed), not the information
    evening that was moved to February; no page but an event carries a month."""
    urls = [u[len(base_path):] for u in pagefind(driver, root, "", filters={"Monat": "Januar 2027"})]
    expected = ["kreis/veranstaltungen/willkommenstag-kvhs/", "gemeinden/auenstein/veranstaltungen/neujahrsempfang/"]
    missing = [e for e in expected if e not in urls]
    others = [u for u in urls if "/veranstaltungen/" not in "/" + u]
    checks.expect(not missing and not others and "kreis/veranstaltungen/infoabend-ausbildung/" not in urls,
                  f"Monat „Januar 2027“ finds {len(urls)} event(s)" + (f": missing {missing}, not events {others}, got {urls}" if missing or others else ""))
    moved = [u[len(base_path):] for u in pagefind(driver, root, "", filters={"Monat": "Februar 2027"})]
    checks.expect("kreis/veranstaltungen/infoabend-ausbildung/" in moved, f"the moved event is found in its new month: {moved}")


def check_search(driver, root, base_path, checks):
    for language, query, expected, first in QUERIES:
        urls = pagefind(driver, root, language, query)
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

    server = accessibility.serve(args.output, args.base_path)
    root = f"http://127.0.0.1:{server.server_port}{args.base_path}"
    checks = Checks()
    driver = accessibility.browser(390)
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
