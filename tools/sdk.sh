#!/usr/bin/env bash
# Lays out the C SDK of one platform from a cargo build, as a directory and an archive
# (.tar.gz for Linux, .zip for Windows):
#
#   meslink-<version>-linux-<arch>/                 arch: x64, aarch64, armv7hf
#     include/meslink.h
#     lib/libmeslink.so.<version>      (SONAME libmeslink.so.<major>)
#     lib/libmeslink.so.<major> -> libmeslink.so.<version>
#     lib/libmeslink.so -> libmeslink.so.<major>
#     lib/libmeslink.a
#     lib/pkgconfig/meslink.pc                      (relocatable: ${pcfiledir})
#     lib/cmake/meslink/meslinkConfig.cmake         (meslink::meslink, meslink::static)
#     lib/cmake/meslink/meslinkConfigVersion.cmake
#
#   meslink-<version>-win-<arch>/                   arch: x64, x86
#     include/meslink.h
#     bin/meslink.dll                  (the DLL; needs only Windows system DLLs)
#     lib/libmeslink.dll.a             (its import library, MinGW / GCC / clang)
#     lib/meslink.def                  (its exports; MSVC: lib /def:meslink.def /machine:x64)
#     lib/libmeslink.a                 (the static library, MinGW)
#     lib/pkgconfig/meslink.pc, lib/cmake/meslink/  (as for Linux)
#
# The version is the workspace's one version (Cargo.toml, [workspace.package]). The
# libraries are those cargo built for the profile and target (`cargo build -p meslink-ffi`
# runs first unless --no-build: with a build in place it does nothing or only relinks), so
# a test run's build is reused.
#
# Usage: tools/sdk.sh [--release | --profile NAME] [--target TRIPLE] [--no-build]
#                     [--strip-debug] [--out DIR]              (default DIR: dist)
#   --target        a Rust target: x86_64-unknown-linux-gnu, aarch64-unknown-linux-gnu,
#                   armv7-unknown-linux-gnueabihf, x86_64-pc-windows-gnu,
#                   i686-pc-windows-gnu (default: the host, built without --target)
#   --strip-debug   drops the debug info from the SDK's copies (a debug build's libraries
#                   shrink from about 240 MB to half; the archive is made faster)
# Prints the archive's path as its last line.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
profile=dev
target=""
build=1
strip_debug=0
out="$root/dist"
while [ $# -gt 0 ]; do
    case "$1" in
        --release) profile=release ;;
        --profile) profile="${2:?--profile needs a name}"; shift ;;
        --target) target="${2:?--target needs a Rust target triple}"; shift ;;
        --no-build) build=0 ;;
        --strip-debug) strip_debug=1 ;;
        --out) out="${2:?--out needs a directory}"; shift ;;
        -h | --help) sed -n '2,36s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) echo "sdk.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
[ "$profile" = debug ] && profile=dev

cd "$root"
version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)"
major="${version%%.*}"
[ -n "$version" ] || { echo "sdk.sh: no version in Cargo.toml's [workspace.package]" >&2; exit 1; }

# The platform: from --target, or the host's.
triple="$target"
if [ -z "$triple" ]; then
    [ "$(uname -s)" = Linux ] || { echo "sdk.sh: give --target on $(uname -s)" >&2; exit 1; }
    triple="$(rustc -vV | sed -n 's/^host: //p')"
fi
tool_prefix=""
case "$triple" in
    x86_64-unknown-linux-gnu) os=linux arch=x64 bits=64 ;;
    aarch64-unknown-linux-gnu) os=linux arch=aarch64 bits=64 tool_prefix=aarch64-linux-gnu- ;;
    armv7-unknown-linux-gnueabihf) os=linux arch=armv7hf bits=32 tool_prefix=arm-linux-gnueabihf- ;;
    x86_64-pc-windows-gnu) os=win arch=x64 bits=64 tool_prefix=x86_64-w64-mingw32- ;;
    i686-pc-windows-gnu) os=win arch=x86 bits=32 tool_prefix=i686-w64-mingw32- ;;
    *) echo "sdk.sh: no SDK layout for target $triple (see --help)" >&2; exit 2 ;;
esac
# The host's own tools serve its own target.
[ -n "$target" ] && [ "$triple" = "$(rustc -vV | sed -n 's/^host: //p')" ] && tool_prefix=""
name="meslink-$version-$os-$arch"
pointer_bytes=$((bits / 8))

cargo_flags=(-p meslink-ffi --profile "$profile")
[ -n "$target" ] && cargo_flags+=(--target "$target")
[ "$build" = 1 ] && cargo build "${cargo_flags[@]}" >&2
target_dir="$(cargo metadata --no-deps --format-version 1 |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
profile_dir="$profile"
[ "$profile" = dev ] && profile_dir=debug
built="$target_dir${target:+/$target}/$profile_dir"

sdk="$out/$name"
rm -rf "$sdk"
mkdir -p "$sdk/include" "$sdk/lib/pkgconfig" "$sdk/lib/cmake/meslink"
install -m 644 include/meslink.h "$sdk/include/"

if [ "$os" = linux ]; then
    soname="libmeslink.so.$major"
    [ -f "$built/libmeslink.so" ] || { echo "sdk.sh: no $built/libmeslink.so (build it, or drop --no-build)" >&2; exit 1; }
    if ! readelf -d "$built/libmeslink.so" | grep -q "Library soname: \[$soname\]"; then
        echo "sdk.sh: $built/libmeslink.so has no SONAME $soname (rust/meslink-ffi/build_soname.rs)" >&2
        exit 1
    fi
    shared_file="libmeslink.so.$version"
    install -m 755 "$built/libmeslink.so" "$sdk/lib/$shared_file"
    ln -s "$shared_file" "$sdk/lib/$soname"
    ln -s "$soname" "$sdk/lib/libmeslink.so"
    install -m 644 "$built/libmeslink.a" "$sdk/lib/"
    strip_files=("$sdk/lib/$shared_file" "$sdk/lib/libmeslink.a")
    static_libs="-lpthread -ldl -lm"
    cmake_static_libs="Threads::Threads;\${CMAKE_DL_LIBS};m"
    cmake_shared="IMPORTED_LOCATION \"\${_meslink_prefix}/lib/$shared_file\"
    IMPORTED_SONAME \"$soname\""
    shared_desc="the shared library (libmeslink.so.$major)"
else
    for f in meslink.dll libmeslink.dll.a libmeslink.a; do
        [ -f "$built/$f" ] || { echo "sdk.sh: no $built/$f (build it, or drop --no-build)" >&2; exit 1; }
    done
    mkdir -p "$sdk/bin"
    install -m 755 "$built/meslink.dll" "$sdk/bin/"
    install -m 644 "$built/libmeslink.dll.a" "$built/libmeslink.a" "$sdk/lib/"
    python3 bindings/windows/mkdef.py "$sdk/bin/meslink.dll" >"$sdk/lib/meslink.def"
    # The DLL only: MinGW's strip refuses the static library's empty split-debug members.
    strip_files=("$sdk/bin/meslink.dll")
    # What Rust's standard library and the TLS stack import from Windows.
    static_libs="-lws2_32 -lbcrypt -ladvapi32 -lcrypt32 -lsecur32 -lncrypt -luserenv -lntdll -lkernel32"
    cmake_static_libs="ws2_32;bcrypt;advapi32;crypt32;secur32;ncrypt;userenv;ntdll;kernel32"
    cmake_shared="IMPORTED_LOCATION \"\${_meslink_prefix}/bin/meslink.dll\"
    IMPORTED_IMPLIB \"\${_meslink_prefix}/lib/libmeslink.dll.a\""
    shared_desc="the DLL (bin/meslink.dll, import library lib/libmeslink.dll.a)"
fi
if [ "$strip_debug" = 1 ]; then
    "${tool_prefix}strip" --strip-debug "${strip_files[@]}"
fi

cat >"$sdk/lib/pkgconfig/meslink.pc" <<EOF
prefix=\${pcfiledir}/../..
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: meslink
Description: One library for the plant's MES, quality-trace, machine-tool and energy servers
Version: $version
Libs: -L\${libdir} -lmeslink
Libs.private: $static_libs
Cflags: -I\${includedir}
EOF

cat >"$sdk/lib/cmake/meslink/meslinkConfig.cmake" <<EOF
# meslink $version ($os-$arch): the C SDK. find_package(meslink) defines
#   meslink::meslink  $shared_desc
#   meslink::static   the static library (libmeslink.a and the system libraries it needs)
# Relocatable: paths are taken from where this file lies (lib/cmake/meslink).
get_filename_component(_meslink_prefix "\${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
include(CMakeFindDependencyMacro)
find_dependency(Threads)
if(NOT TARGET meslink::meslink)
  add_library(meslink::meslink SHARED IMPORTED)
  set_target_properties(meslink::meslink PROPERTIES
    $cmake_shared
    INTERFACE_INCLUDE_DIRECTORIES "\${_meslink_prefix}/include")
endif()
if(NOT TARGET meslink::static)
  add_library(meslink::static STATIC IMPORTED)
  set_target_properties(meslink::static PROPERTIES
    IMPORTED_LOCATION "\${_meslink_prefix}/lib/libmeslink.a"
    IMPORTED_LINK_INTERFACE_LANGUAGES "C"
    INTERFACE_INCLUDE_DIRECTORIES "\${_meslink_prefix}/include"
    INTERFACE_LINK_LIBRARIES "$cmake_static_libs")
endif()
set(meslink_INCLUDE_DIRS "\${_meslink_prefix}/include")
unset(_meslink_prefix)
EOF

cat >"$sdk/lib/cmake/meslink/meslinkConfigVersion.cmake" <<EOF
# meslink $version: a request is met by the same major version, this one or older
# (the SONAME's rule), built for the same pointer size as the library ($bits-bit).
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
  set(PACKAGE_VERSION "\${PACKAGE_VERSION} ($bits-bit)")
  set(PACKAGE_VERSION_UNSUITABLE TRUE)
endif()
EOF

if [ "$os" = linux ]; then
    archive="$out/$name.tar.gz"
    tar -C "$out" -czf "$archive" "$name"
else
    archive="$out/$name.zip"
    rm -f "$archive"
    (cd "$out" && zip -qr -X "$archive" "$name")
fi
echo "$archive"
