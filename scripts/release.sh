#!/usr/bin/env bash
# Builds the release binary a district's CI downloads: one Linux x86_64 executable that needs no Swift toolchain.
#
#   scripts/release.sh            → dist/vorort-<version>-linux-x86_64.tar.gz and its .sha256
#   VORORT_VERSION=1.2.0 scripts/release.sh
#
# The Swift standard library and Foundation are linked in (--static-swift-stdlib), and so is cmark-gfm: Debian's
# libcmark-gfm-dev and libcmark-gfm-extensions-dev ship static archives (libcmark-gfm.a, libcmark-gfm-extensions.a).
# SwiftPM takes cmark-gfm's linker flags from pkg-config (`-L/usr/lib/<arch> -lcmark-gfm -lcmark-gfm-extensions`).
# For the release build a libcmark-gfm.pc of our own (PKG_CONFIG_PATH) points -L at a folder that holds only the two
# archives, so `-lcmark-gfm` finds the archive, never the shared object; the archives are named once more after the
# object files (in a group, as the extensions refer to the core). Package.swift is unchanged: the debug build and
# `swift test` still link the shared libraries.
# The binary then needs only glibc, libm, libstdc++ and libgcc_s, which every Debian image has; the script prints
# them (ldd) and fails when any library comes from the Swift toolchain or is cmark-gfm.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-dependencies.sh

version="${VORORT_VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo unknown)}"
multiarch="$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)"
static_dir="$PWD/.build/static-cmark"
rm -rf "$static_dir"
mkdir -p "$static_dir"
for lib in libcmark-gfm.a libcmark-gfm-extensions.a; do
  archive="/usr/lib/$multiarch/$lib"
  if [ ! -f "$archive" ]; then
    echo "release.sh: $archive is missing (Debian's libcmark-gfm-dev / libcmark-gfm-extensions-dev ship it)." >&2
    exit 2
  fi
  ln -s "$archive" "$static_dir/$lib"
done
cat > "$static_dir/libcmark-gfm.pc" <<PC
Name: libcmark-gfm
Description: cmark-gfm and its extensions, linked statically into the vorort release binary
Version: $(pkg-config --modversion libcmark-gfm)
Libs: -L$static_dir -lcmark-gfm -lcmark-gfm-extensions
Cflags: $(pkg-config --cflags libcmark-gfm)
PC
export PKG_CONFIG_PATH="$static_dir"
# FoundationNetworking, which the preview server's HTTP package pulls in, asks for `-lcurl`; vorort never uses it.
# A static library of stand-ins (scripts/release/curl-stubs.c says why) in the same folder answers the request, so
# the binary needs no libcurl.
cc -O2 -c scripts/release/curl-stubs.c -o "$static_dir/curl-stubs.o"
ar rcs "$static_dir/libcurl.a" "$static_dir/curl-stubs.o"

started=$(date +%s)
swift build -c release --product vorort --static-swift-stdlib \
  -Xlinker --start-group -Xlinker "$static_dir/libcmark-gfm-extensions.a" -Xlinker "$static_dir/libcmark-gfm.a" -Xlinker --end-group
seconds=$(( $(date +%s) - started ))
binary="$(swift build -c release --product vorort --static-swift-stdlib --show-bin-path)/vorort"

echo "Shared libraries the binary needs (ldd):"
ldd "$binary" | sed 's/^/  /'
if ldd "$binary" | grep -Eq 'libswift|libFoundation|libdispatch|libBlocksRuntime|lib_Foundation|cmark|curl|/opt/swift|not found'; then
  echo "release.sh: the binary still needs a Swift runtime library, cmark-gfm or libcurl (see above)." >&2
  exit 1
fi

dist="$PWD/dist"
name="vorort-$version-linux-x86_64"
rm -rf "${dist:?}/$name" "$dist/$name.tar.gz" "$dist/$name.tar.gz.sha256"
mkdir -p "$dist/$name"
cp "$binary" "$dist/$name/vorort"
strip "$dist/$name/vorort"
# Reproducible archive: fixed owner, order and times (the commit's time).
epoch="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
touch -d "@$epoch" "$dist/$name" "$dist/$name/vorort"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$dist" -cf - "$name" | gzip -n -9 > "$dist/$name.tar.gz"
(cd "$dist" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")

# It runs without the toolchain: an empty environment, no /opt/swift on any search path; and it checks and
# builds the sample district (no search index: Pagefind is not what is tested here).
env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH="/usr/lib/$multiarch" "$dist/$name/vorort" --help >/dev/null
sample_output="$(mktemp -d)"
env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH="/usr/lib/$multiarch" VORORT_PAGEFIND=none \
  "$dist/$name/vorort" build --site . --output "$sample_output/site" >/dev/null
test -f "$sample_output/site/index.html"
rm -rf "$sample_output"

# The oldest C library it runs with: the newest symbol versions it asks for (Debian 12 and Ubuntu 22.04 have them).
glibc="$(objdump -T "$dist/$name/vorort" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)"
glibcxx="$(objdump -T "$dist/$name/vorort" | grep -o 'GLIBCXX_[0-9.]*' | sort -uV | tail -1)"
echo "Needs $glibc and $glibcxx (libc6, libstdc++6) or newer."
echo "Built in ${seconds} s: dist/$name.tar.gz ($(stat -c %s "$dist/$name.tar.gz") bytes; the stripped binary $(stat -c %s "$dist/$name/vorort") bytes)"
cat "$dist/$name.tar.gz.sha256"
