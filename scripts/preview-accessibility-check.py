#!/usr/bin/env python3
"""Checks what `vorort serve` adds to pages — the preview bar, the findings over the page and the wording marks —
in a real headless Chromium with axe-core (WCAG 2.1 A/AA) at 390 and 1280 px, and that a mark's explanation is shown
on keyboard focus. Works on a copy of the site with one wording finding and, for the overlay, one error added.

    python3 scripts/preview-accessibility-check.py .build/debug/vorort . /integration/
"""
import importlib.util
import json
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).parent))
spec = importlib.util.spec_from_file_location("a11y", pathlib.Path(__file__).parent / "accessibility-check.py")
a11y = importlib.util.module_from_spec(spec)
spec.loader.exec_module(a11y)

OFFER = "content/gemeinden/auenstein/angebote/sprachcafe.md"
PAGE = "gemeinden/auenstein/angebote/sprachcafe/"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(process, text, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            return False
        if text in line:
            return True
    return False


def axe(driver, source):
    driver.execute_script(source)
    return json.loads(driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(r => done(JSON.stringify(r.violations))).catch(e => done(JSON.stringify([{id: 'axe-error', help: String(e), nodes: []}])));"))


def main():
    binary, site, base = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
    work = pathlib.Path(tempfile.mkdtemp(prefix="vorort-preview-a11y-"))
    for name in ["site.yml", "content", "themes", "lint"] + [p.name for p in site.glob("site.*.yml")]:
        source = site / name
        if source.is_dir():
            shutil.copytree(source, work / name)
        elif source.exists():
            shutil.copy(source, work / name)
    offer = work / OFFER
    offer.write_text(offer.read_text(encoding="utf-8") + "\nSeit der Flüchtlingswelle kommen mehr Menschen.\n", encoding="utf-8")
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--site", str(work), "--port", str(port)], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, bufsize=1)
    failures = 0
    try:
        if not wait_for(server, "Vorschau: http"):
            sys.exit("vorort serve did not start")
        root = f"http://127.0.0.1:{port}{base}"
        source = a11y.axe_source()
        # The overlay: an error in another file.
        broken = work / "content/gemeinden/auenstein/angebote/lauftreff.md"
        for width in (390, 1280):
            driver = a11y.browser(width)
            try:
                checks = [("marks", root + PAGE + "?sprachhinweise=an")]
                for name, url in checks:
                    driver.get(url)
                    violations = axe(driver, source)
                    failures += len(violations)
                    print(f"preview {name:8} {width:4} px  {'ok' if not violations else violations}")
                # Keyboard: the first mark takes focus and shows its explanation.
                driver.get(root + PAGE + "?sprachhinweise=an")
                shown = driver.execute_script(
                    "const m = document.querySelector('mark.vorort-hinweis'); if (!m) return 'no mark'; m.focus();"
                    "const t = document.getElementById(m.getAttribute('aria-describedby'));"
                    "return document.activeElement === m && getComputedStyle(t).display !== 'none' && t.textContent.length > 20;")
                print(f"preview focus    {width:4} px  explanation shown on focus: {shown}")
                if shown is not True:
                    failures += 1
                wide = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
                if wide:
                    print(f"preview marks scroll sideways at {width} px")
                    failures += 1
            finally:
                driver.quit()
        text = broken.read_text(encoding="utf-8")
        broken.write_text(text.replace("title:", "title: [", 1), encoding="utf-8")
        if not wait_for(server, "Fehler"):
            sys.exit("the error was not noticed")
        for width in (390, 1280):
            driver = a11y.browser(width)
            try:
                driver.get(root + PAGE)
                violations = axe(driver, source)
                failures += len(violations)
                present = driver.execute_script("return !!document.querySelector('.vorort-fehler li')")
                print(f"preview overlay  {width:4} px  {'ok' if not violations else violations}, findings shown: {present}")
                if not present:
                    failures += 1
                if driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1"):
                    print(f"preview overlay scrolls sideways at {width} px")
                    failures += 1
            finally:
                driver.quit()
    finally:
        server.kill()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)
    print(f"Preview accessibility: {failures} problem(s).")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
