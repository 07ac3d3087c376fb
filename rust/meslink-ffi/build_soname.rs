//! The versioned SONAME of `libmeslink.so` on Linux (`libmeslink.so.<major>`), as C
//! libraries carry it: a program linked with `-lmeslink` records `libmeslink.so.0` and runs
//! with any `libmeslink.so.0.x.y` an SDK installs behind that name (`tools/sdk.sh` lays out
//! the file and its links). The version is the workspace's one version.
//!
//! Cargo writes the library as `libmeslink.so` only, so a link named after the SONAME is
//! placed beside it in the profile directory (`target/debug/libmeslink.so.0`): programs
//! built against `target/debug` with an rpath (the C tests, the benchmarks) keep running.
//! Other targets (the Windows GNU cross builds, macOS) are untouched.

use std::path::Path;

pub fn set_soname(out_dir: &Path) {
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") != "linux" {
        return;
    }
    let soname = format!("libmeslink.so.{}", var("CARGO_PKG_VERSION_MAJOR"));
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,{soname}");
    link_beside_the_library(out_dir, &soname);
}

/// `OUT_DIR` is `<profile dir>/build/<package>-<hash>/out`; the cdylib lands in the
/// profile dir. The link is relative and may dangle until the library is linked.
fn link_beside_the_library(out_dir: &Path, soname: &str) {
    let Some(profile_dir) = out_dir.ancestors().nth(3) else {
        return;
    };
    if out_dir.ancestors().nth(2).and_then(Path::file_name) != Some("build".as_ref()) {
        println!("cargo:warning=no {soname} link: unexpected OUT_DIR layout");
        return;
    }
    let link = profile_dir.join(soname);
    if std::fs::read_link(&link).is_ok_and(|t| t == Path::new("libmeslink.so")) {
        return;
    }
    let _ = std::fs::remove_file(&link);
    #[cfg(unix)]
    if let Err(e) = std::os::unix::fs::symlink("libmeslink.so", &link) {
        println!("cargo:warning=no {}: {e}", link.display());
    }
}
