#!/usr/bin/env bash
# Runs the whole test suite: unit tests of every stage and end-to-end tests that build the sample district.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-dependencies.sh
swift test
