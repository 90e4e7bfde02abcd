#!/usr/bin/env bash
# Builds vorort in release mode and publishes the sample district (site.yml, content/, themes/) into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-dependencies.sh
# Pagefind gives the site its search; without it vorort builds the site without a search page.
python3 -c "import pagefind_bin" 2>/dev/null || python3 -m pip install -q pagefind-bin || echo "Pagefind not installed: the site will have no search."
swift build -c release --product vorort
.build/release/vorort build --site . --output output
