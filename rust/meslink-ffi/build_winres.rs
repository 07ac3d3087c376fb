//! The Windows version resource of meslink.dll (file and product version, shown in
//! Explorer's Details tab and read by installers and LabVIEW's library checks).
//!
//! Only for a Windows target built with the GNU toolchain: the resource script is written
//! to OUT_DIR, compiled to a COFF object by mingw-w64's `windres`, and linked into the
//! cdylib. When no `windres` is found the build goes on without a resource and says so
//! (a cargo warning); `bindings/windows/run-tests.sh` fails a DLL without one.
//! `WINDRES` names the tool explicitly.

use std::path::Path;
use std::process::Command;

pub fn embed_version_resource(out_dir: &Path) {
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    println!("cargo:rerun-if-env-changed=WINDRES");
    if var("CARGO_CFG_TARGET_OS") != "windows" || var("CARGO_CFG_TARGET_ENV") != "gnu" {
        return;
    }
    let windres = match std::env::var("WINDRES") {
        Ok(tool) => tool,
        Err(_) if cfg!(windows) => "windres".to_string(),
        Err(_) => match var("CARGO_CFG_TARGET_ARCH").as_str() {
            "x86_64" => "x86_64-w64-mingw32-windres".to_string(),
            "x86" => "i686-w64-mingw32-windres".to_string(),
            other => {
                println!("cargo:warning=no version resource: no windres known for {other}");
                return;
            }
        },
    };
    let version = var("CARGO_PKG_VERSION");
    let rc = out_dir.join("meslink-version.rc");
    let obj = out_dir.join("meslink-version.o");
    std::fs::write(&rc, resource_script(&version)).expect("write meslink-version.rc");
    let status = Command::new(&windres)
        .arg("--input")
        .arg(&rc)
        .arg("--output")
        .arg(&obj)
        .args(["--input-format=rc", "--output-format=coff"])
        .status();
    match status {
        Ok(s) if s.success() => {
            println!("cargo:rustc-link-arg-cdylib={}", obj.display());
        }
        Ok(s) => panic!("{windres} failed ({s}) on {}", rc.display()),
        Err(e) => println!("cargo:warning=no version resource: {windres} not runnable ({e})"),
    }
}

/// A VERSIONINFO script without `#include`s (numeric VS_* constants), ASCII only.
fn resource_script(version: &str) -> String {
    let mut numbers = version
        .split(|c: char| !c.is_ascii_digit())
        .take(3)
        .map(|n| n.parse::<u16>().unwrap_or(0))
        .collect::<Vec<_>>();
    numbers.resize(4, 0);
    let commas = format!(
        "{},{},{},{}",
        numbers[0], numbers[1], numbers[2], numbers[3]
    );
    format!(
        r#"1 VERSIONINFO
FILEVERSION {commas}
PRODUCTVERSION {commas}
FILEFLAGSMASK 0x3F
FILEFLAGS 0x0
FILEOS 0x40004
FILETYPE 0x2
FILESUBTYPE 0x0
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904B0"
    BEGIN
      VALUE "CompanyName", "meslink"
      VALUE "FileDescription", "meslink: the C ABI of the MES client library"
      VALUE "FileVersion", "{version}"
      VALUE "InternalName", "meslink"
      VALUE "LegalCopyright", "MIT License"
      VALUE "OriginalFilename", "meslink.dll"
      VALUE "ProductName", "meslink"
      VALUE "ProductVersion", "{version}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
"#
    )
}
