#!/usr/bin/env bash
# Lays out the C SDK of the host platform (Linux) from a cargo build, as a directory and a
# .tar.gz archive:
#
#   meslink-<version>-linux-<arch>/
#     include/meslink.h
#     lib/libmeslink.so.<version>      (SONAME libmeslink.so.<major>)
#     lib/libmeslink.so.<major> -> libmeslink.so.<version>
#     lib/libmeslink.so -> libmeslink.so.<major>
#     lib/libmeslink.a
#     lib/pkgconfig/meslink.pc                      (relocatable: ${pcfiledir})
#     lib/cmake/meslink/meslinkConfig.cmake         (meslink::meslink, meslink::static)
#     lib/cmake/meslink/meslinkConfigVersion.cmake
#
# The version is the workspace's one version (Cargo.toml, [workspace.package]). The
# libraries are those cargo built for the profile (`cargo build -p meslink-ffi` runs first:
# with a build in place it does nothing or only relinks), so a test run's build is reused.
#
# Usage: tools/sdk.sh [--release] [--strip-debug] [--out DIR]     (default DIR: dist)
#   --strip-debug   drops the debug info from the SDK's copies (a debug build's libraries
#                   shrink from about 240 MB to half; the archive is made faster)
# Prints the archive's path as its last line.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
profile=debug
strip_debug=0
out="$root/dist"
while [ $# -gt 0 ]; do
    case "$1" in
        --release) profile=release ;;
        --strip-debug) strip_debug=1 ;;
        --out) out="${2:?--out needs a directory}"; shift ;;
        -h | --help) sed -n '2,22s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) echo "sdk.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac

[ "$(uname -s)" = Linux ] || { echo "sdk.sh: lays out the Linux SDK; this is $(uname -s)" >&2; exit 1; }
cd "$root"
version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)"
major="${version%%.*}"
[ -n "$version" ] || { echo "sdk.sh: no version in Cargo.toml's [workspace.package]" >&2; exit 1; }
case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64) arch=aarch64 ;;
    armv7l) arch=armv7hf ;;
    *) arch="$(uname -m)" ;;
esac
name="meslink-$version-linux-$arch"
pointer_bytes=$(($(getconf LONG_BIT) / 8))

cargo_flags=(-p meslink-ffi)
[ "$profile" = release ] && cargo_flags+=(--release)
cargo build "${cargo_flags[@]}" >&2
target_dir="$(cargo metadata --no-deps --format-version 1 |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
built="$target_dir/$profile"
soname="libmeslink.so.$major"
if ! readelf -d "$built/libmeslink.so" | grep -q "Library soname: \[$soname\]"; then
    echo "sdk.sh: $built/libmeslink.so has no SONAME $soname (rust/meslink-ffi/build_soname.rs)" >&2
    exit 1
fi

sdk="$out/$name"
rm -rf "$sdk"
mkdir -p "$sdk/include" "$sdk/lib/pkgconfig" "$sdk/lib/cmake/meslink"
install -m 644 include/meslink.h "$sdk/include/"
install -m 755 "$built/libmeslink.so" "$sdk/lib/libmeslink.so.$version"
ln -s "libmeslink.so.$version" "$sdk/lib/$soname"
ln -s "$soname" "$sdk/lib/libmeslink.so"
install -m 644 "$built/libmeslink.a" "$sdk/lib/"
if [ "$strip_debug" = 1 ]; then
    strip --strip-debug "$sdk/lib/libmeslink.so.$version" "$sdk/lib/libmeslink.a"
fi

cat >"$sdk/lib/pkgconfig/meslink.pc" <<EOF
prefix=\${pcfiledir}/../..
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: meslink
Description: One library for the plant's MES, quality-trace, machine-tool and energy servers
Version: $version
Libs: -L\${libdir} -lmeslink
Libs.private: -lpthread -ldl -lm
Cflags: -I\${includedir}
EOF

cat >"$sdk/lib/cmake/meslink/meslinkConfig.cmake" <<EOF
# meslink $version: the C SDK. find_package(meslink) defines
#   meslink::meslink  the shared library (libmeslink.so.$major)
#   meslink::static   the static library (libmeslink.a and the system libraries it needs)
# Relocatable: paths are taken from where this file lies (lib/cmake/meslink).
get_filename_component(_meslink_prefix "\${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
include(CMakeFindDependencyMacro)
find_dependency(Threads)
if(NOT TARGET meslink::meslink)
  add_library(meslink::meslink SHARED IMPORTED)
  set_target_properties(meslink::meslink PROPERTIES
    IMPORTED_LOCATION "\${_meslink_prefix}/lib/libmeslink.so.$version"
    IMPORTED_SONAME "$soname"
    INTERFACE_INCLUDE_DIRECTORIES "\${_meslink_prefix}/include")
endif()
if(NOT TARGET meslink::static)
  add_library(meslink::static STATIC IMPORTED)
  set_target_properties(meslink::static PROPERTIES
    IMPORTED_LOCATION "\${_meslink_prefix}/lib/libmeslink.a"
    IMPORTED_LINK_INTERFACE_LANGUAGES "C"
    INTERFACE_INCLUDE_DIRECTORIES "\${_meslink_prefix}/include"
    INTERFACE_LINK_LIBRARIES "Threads::Threads;\${CMAKE_DL_LIBS};m")
endif()
set(meslink_INCLUDE_DIRS "\${_meslink_prefix}/include")
unset(_meslink_prefix)
EOF

cat >"$sdk/lib/cmake/meslink/meslinkConfigVersion.cmake" <<EOF
# meslink $version: a request is met by the same major version, this one or older
# (the SONAME's rule), built for the same pointer size as the library.
set(PACKAGE_VERSION "$version")
set(PACKAGE_VERSION_COMPATIBLE FALSE)
set(PACKAGE_VERSION_EXACT FALSE)
if(PACKAGE_FIND_VERSION_MAJOR STREQUAL "$major"
    AND NOT PACKAGE_FIND_VERSION VERSION_GREATER PACKAGE_VERSION)
  set(PACKAGE_VERSION_COMPATIBLE TRUE)
  if(PACKAGE_FIND_VERSION VERSION_EQUAL PACKAGE_VERSION)
    set(PACKAGE_VERSION_EXACT TRUE)
  endif()
endif()
if(NOT PACKAGE_FIND_VERSION)
  set(PACKAGE_VERSION_COMPATIBLE TRUE)
endif()
if(NOT "\${CMAKE_SIZEOF_VOID_P}" STREQUAL "" AND NOT "\${CMAKE_SIZEOF_VOID_P}" STREQUAL "$pointer_bytes")
  set(PACKAGE_VERSION "\${PACKAGE_VERSION} ($((pointer_bytes * 8))-bit)")
  set(PACKAGE_VERSION_UNSUITABLE TRUE)
endif()
EOF

tar -C "$out" -czf "$out/$name.tar.gz" "$name"
echo "$out/$name.tar.gz"
