#!/usr/bin/env bash
# Builds vorort in release mode and publishes the sample district (site.yml, content/, themes/) into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-dependencies.sh
swift build -c release --product vorort
.build/release/vorort build --site . --output output
