#!/usr/bin/env bash
# Runs the whole test suite: unit tests of every stage and end-to-end tests that build the sample district.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-dependencies.sh
python3 -c "import jsonschema, icalendar" 2>/dev/null || python3 -m pip install -q jsonschema icalendar
swift test
