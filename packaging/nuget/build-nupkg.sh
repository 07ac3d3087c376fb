#!/usr/bin/env bash
# Builds the MesLink .nupkg without the .NET SDK: a .nupkg is a zip holding a .nuspec,
# [Content_Types].xml, _rels/.rels and the package's files.
#
#   packaging/nuget/build-nupkg.sh OUT_DIR WIN_X64_DLL WIN_X86_DLL LINUX_X64_SO
#
# Writes OUT_DIR/MesLink.<version>.nupkg (version: the workspace's Cargo.toml) with
#   lib/netstandard2.0/MesLink.dll (+ .xml)   lib/net462/MesLink.dll (+ .xml)
#   runtimes/win-x64/native/meslink.dll   runtimes/win-x86/native/meslink.dll
#   runtimes/linux-x64/native/libmeslink.so
#   build/MesLink.targets (packages.config)   buildTransitive/MesLink.targets
# The wrapper is dotnet/MesLink/**/*.cs compiled twice with Mono's mcs (C# 7.2):
#   net462:          against Mono's .NET Framework 4.6.2 reference assemblies
#                    (/usr/lib/mono/4.6.2-api: mscorlib, System, System.Core);
#   netstandard2.0:  against Mono's netstandard.dll facade (/usr/lib/mono/4.7.2-api/Facades)
#                    with the 4.7.2 reference mscorlib and System it forwards to (mcs needs the
#                    forwarded-to assembly). No netstandard2.0 reference pack is reachable
#                    without NuGet, so the assembly references mscorlib, which .NET Core,
#                    .NET 5+ and .NET Framework 4.6.1+ all resolve (their mscorlib facades).
# The entries are written in a fixed order with a fixed timestamp: the same inputs give
# the same package.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[ $# -eq 4 ] || { sed -n '2,9p' "$0"; exit 2; }
out="$1" win_x64="$2" win_x86="$3" linux_x64="$4"
for f in "$win_x64" "$win_x86" "$linux_x64"; do
    [ -f "$f" ] || { echo "missing $f" >&2; exit 1; }
done
version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)"
stage="$(mktemp -d "${TMPDIR:-/tmp}/meslink-nupkg.XXXXXX")"
trap 'rm -rf "$stage"' EXIT

mapfile -t sources < <(find "$root/dotnet/MesLink" -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' | sort)
mcs_flags=(-langversion:7.2 -nologo -warnaserror+ -nowarn:1591 -unsafe -optimize+ -target:library
    -nostdlib -noconfig)
compile() { # compile TFM REFDIR REFS...
    local tfm="$1" refdir="$2"
    shift 2
    mkdir -p "$stage/lib/$tfm"
    local refs=()
    for r in "$@"; do refs+=("-r:$refdir/$r"); done
    mcs "${mcs_flags[@]}" -lib:"$refdir" -lib:"$refdir/Facades" "${refs[@]}" \
        -out:"$stage/lib/$tfm/MesLink.dll" -doc:"$stage/lib/$tfm/MesLink.xml" "${sources[@]}"
}
echo "mcs lib/net462/MesLink.dll (Mono 4.6.2-api reference assemblies)"
compile net462 /usr/lib/mono/4.6.2-api mscorlib.dll System.dll System.Core.dll
echo "mcs lib/netstandard2.0/MesLink.dll (Mono netstandard.dll facade, 4.7.2-api)"
compile netstandard2.0 /usr/lib/mono/4.7.2-api Facades/netstandard.dll mscorlib.dll System.dll

install -D -m 644 "$win_x64" "$stage/runtimes/win-x64/native/meslink.dll"
install -D -m 644 "$win_x86" "$stage/runtimes/win-x86/native/meslink.dll"
install -D -m 644 "$linux_x64" "$stage/runtimes/linux-x64/native/libmeslink.so"
install -D -m 644 "$here/MesLink.targets" "$stage/buildTransitive/MesLink.targets"
mkdir -p "$stage/build"
cat >"$stage/build/MesLink.targets" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<!-- packages.config projects and NuGet clients before 5.0 import build/; the rules live in
     buildTransitive/MesLink.targets. -->
<Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <Import Project="$(MSBuildThisFileDirectory)..\buildTransitive\MesLink.targets" />
</Project>
XML
sed "s/@VERSION@/$version/" "$here/MesLink.nuspec.in" >"$stage/MesLink.nuspec"
mkdir -p "$stage/_rels"
cat >"$stage/_rels/.rels" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/MesLink.nuspec" Id="R0" />
</Relationships>
XML
cat >"$stage/[Content_Types].xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />
  <Default Extension="nuspec" ContentType="application/octet" />
  <Default Extension="dll" ContentType="application/octet" />
  <Default Extension="so" ContentType="application/octet" />
  <Default Extension="xml" ContentType="application/octet" />
  <Default Extension="targets" ContentType="application/octet" />
</Types>
XML

mkdir -p "$out"
nupkg="$out/MesLink.$version.nupkg"
python3 - "$stage" "$nupkg" <<'PY'
import os, sys, zipfile
stage, nupkg = sys.argv[1], sys.argv[2]
names = sorted(
    os.path.relpath(os.path.join(d, f), stage).replace(os.sep, "/")
    for d, _, files in os.walk(stage) for f in files
)
# The manifest and the OPC parts first, as nuget pack writes them.
first = ["_rels/.rels", "MesLink.nuspec"]
names = first + [n for n in names if n not in first and n != "[Content_Types].xml"] + ["[Content_Types].xml"]
with zipfile.ZipFile(nupkg, "w", zipfile.ZIP_DEFLATED) as z:
    for name in names:
        info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with open(os.path.join(stage, name), "rb") as f:
            z.writestr(info, f.read())
PY
echo "$nupkg"
