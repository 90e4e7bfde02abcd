#!/usr/bin/env bash
# Installs the system libraries vorort links against (cmark-gfm and its GFM extensions) on Debian/Ubuntu.
# Swift itself and the Swift packages (Yams, swift-argument-parser, swift-mustache) come with the toolchain setup.
set -euo pipefail

if pkg-config --exists libcmark-gfm 2>/dev/null && [ -f /usr/include/cmark-gfm-core-extensions.h ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config >/dev/null
