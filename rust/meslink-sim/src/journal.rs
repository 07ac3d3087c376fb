//! The journal of accepted production records: one JSON line per record the
//! simulator accepted (ATE SN upload, grading save, energy product output and
//! manual data), appended to a file so a test can count what arrived across
//! simulator restarts.
//!
//! Each line is written with a single `write` on a file opened for append, so a
//! simulator killed with SIGKILL loses nothing that was acknowledged: the
//! line reaches the OS before the answer leaves the simulator.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use parking_lot::Mutex;
use serde_json::{json, Value};

/// Journal `kind` of an accepted ATE SN upload (`work_order`, `sn`).
pub const JOURNAL_ATE_UPLOAD: &str = "ate.sn_detail.upload";
/// Journal `kind` of an accepted grading save (`datasource`, `barcode`).
pub const JOURNAL_GRADING_SAVE: &str = "grading.save";
/// Journal `kind` of a created energy product output row (`id`, `row`).
pub const JOURNAL_ENERGY_OUTPUT: &str = "energy.product_output.create";
/// Journal `kind` of an added energy manual data row (`id`, `row`).
pub const JOURNAL_ENERGY_MANUAL: &str = "energy.prp.manual_data.add";

pub(crate) struct Journal {
    path: PathBuf,
    file: Mutex<File>,
}

impl Journal {
    pub(crate) fn open(path: &Path) -> std::io::Result<Journal> {
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        Ok(Journal {
            path: path.to_path_buf(),
            file: Mutex::new(file),
        })
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `{"kind": kind, "pid": .., "at": .., ...fields}` as one line.
    fn append(&self, kind: &str, fields: Value) {
        let mut line = json!({
            "kind": kind,
            "pid": std::process::id(),
            "at": chrono::Local::now().format("%Y-%m-%dT%H:%M:%S%.3f").to_string(),
        });
        if let (Some(line), Value::Object(fields)) = (line.as_object_mut(), fields) {
            line.extend(fields);
        }
        let mut text = line.to_string();
        text.push('\n');
        let mut file = self.file.lock();
        // One write of the whole line: lines never interleave, and a killed
        // process leaves whole lines only.
        if let Err(e) = file.write_all(text.as_bytes()).and_then(|()| file.flush()) {
            tracing::error!(path = %self.path.display(), "journal write failed: {e}");
        }
    }
}

impl crate::SimState {
    /// Records an accepted production record in the journal, if one is configured.
    pub(crate) fn journal(&self, kind: &str, fields: Value) {
        if let Some(j) = &self.journal {
            j.append(kind, fields);
        }
    }

    /// The journal file, if the simulator was started with one.
    pub fn journal_path(&self) -> Option<&Path> {
        self.journal.as_ref().map(Journal::path)
    }
}

/// Reads a journal file: every complete line, parsed. A missing file reads
/// as empty; a torn last line (a writer killed mid-write) is skipped.
pub fn read_journal(path: &Path) -> std::io::Result<Vec<Value>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    Ok(text
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .collect())
}
