//! A damaged spool file: found at open, moved aside, every readable record salvaged in
//! order into a fresh file, the loss counted and shown in `status`; and a full disk,
//! refused at `enqueue` without touching what is stored.
//!
//! Each damage test copies one spool of `MESLINK_SPOOL_DAMAGE_RECORDS` undelivered ATE
//! uploads (500 by default, 2000 for the figures of docs/RELIABILITY.md), damages the
//! copy, opens a client on it and drains it into the simulator. Figures are printed
//! with `--nocapture`.

mod spool_common;

use meslink::{ErrorKind, Spool, SpoolStatus};
use meslink_sim::{Sim, SimConfig};
use serde_json::json;
use spool_common::*;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::sync::OnceCell;

fn records() -> usize {
    std::env::var("MESLINK_SPOOL_DAMAGE_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500)
}

fn sn(i: usize) -> String {
    sn_of('D', i)
}

/// A closed spool file holding `records()` undelivered uploads, built once.
async fn template() -> &'static PathBuf {
    static T: OnceCell<PathBuf> = OnceCell::const_new();
    T.get_or_init(|| async {
        let path = spool_path("damage-template");
        let dead = format!("http://127.0.0.1:{}", free_port());
        // Never sent: nothing listens there, and the budget parks nothing meanwhile.
        let c = client(
            &dead,
            &dead,
            &path,
            json!({"backoff_initial_ms": 60000, "backoff_max_ms": 60000}),
        );
        for i in 0..records() {
            c.spool()
                .unwrap()
                .enqueue("ate.sn_detail.upload", upload(&sn(i)))
                .unwrap();
        }
        c.close().await;
        drop(c);
        let wal = PathBuf::from(format!("{}-wal", path.display()));
        assert!(
            eventually(Duration::from_secs(10), || !wal.exists()).await,
            "the log was not checkpointed"
        );
        path
    })
    .await
}

/// A copy of the template in a fresh directory.
async fn copy(name: &str) -> PathBuf {
    let path = spool_path(name);
    std::fs::copy(template().await, &path).unwrap();
    path
}

fn overwrite(path: &Path, at: u64, len: usize) {
    let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    f.seek(SeekFrom::Start(at)).unwrap();
    let junk: Vec<u8> = (0..len).map(|i| (i * 131 + 17) as u8 | 0x80).collect();
    f.write_all(&junk).unwrap();
}

fn moved_aside(path: &Path) -> Vec<String> {
    std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("station-spool.db.damaged-"))
        .collect()
}

/// Opens a client on the damaged file, checks the repair and drains into a simulator;
/// answers the status after the repair.
async fn repair_and_drain(path: &Path, what: &str) -> SpoolStatus {
    let n = records();
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let c = client(&sim.base_url(), &sim.base_url(), path, json!({}));
    let spool = c.spool().unwrap();
    let status = spool.status().expect("a repaired spool answers");
    assert_eq!(status.repairs, 1, "{what}: {status:?}");
    assert_eq!(
        status.salvaged + status.lost,
        n as u64,
        "{what}: every record is salvaged or counted lost: {status:?}"
    );
    assert_eq!(
        moved_aside(path).len(),
        1,
        "{what}: the damaged file is kept aside"
    );
    // A record enqueued now is delivered after the salvaged ones.
    spool
        .enqueue("ate.sn_detail.upload", upload(&sn_of('E', 1)))
        .unwrap();
    assert!(
        spool.drain(Duration::from_secs(120)).await.unwrap(),
        "{what}: {:?}",
        spool.status()
    );
    let got = arrived(&sim);
    assert_eq!(got.len() as u64, status.salvaged + 1, "{what}");
    assert_eq!(got.last(), Some(&sn_of('E', 1)));
    let expected: Vec<String> = (0..n).map(sn).collect();
    let mut it = expected.iter();
    assert!(
        got[..got.len() - 1].iter().all(|s| it.any(|e| e == s)),
        "{what}: salvaged records arrived out of order"
    );
    let after = spool.status().unwrap();
    assert_eq!(
        (after.pending, after.dead, after.repairs),
        (0, 0, 1),
        "{what}"
    );
    eprintln!(
        "FIGURES spool_damage {what}: records={n} file_bytes={} salvaged={} lost={} delivered={}",
        std::fs::metadata(template().await).unwrap().len(),
        status.salvaged,
        status.lost,
        got.len() - 1
    );
    status
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_damaged_header_loses_nothing() {
    let path = copy("damage-header").await;
    overwrite(&path, 0, 100);
    let status = repair_and_drain(&path, "header").await;
    assert_eq!((status.salvaged, status.lost), (records() as u64, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eight_kilobytes_of_garbage_mid_file_lose_only_their_pages() {
    let path = copy("damage-mid").await;
    let len = std::fs::metadata(&path).unwrap().len();
    overwrite(&path, len / 2, 8192);
    // Offline (the CLI), the damage is reported and the file left alone.
    let e = Spool::open_offline(&path).unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidArgument);
    assert!(e.message.contains("damaged"), "{e}");
    assert!(moved_aside(&path).is_empty());
    let status = repair_and_drain(&path, "8 KB mid-file").await;
    assert!(status.salvaged >= records() as u64 / 2, "{status:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_truncated_to_half_keeps_its_first_half() {
    let path = copy("damage-truncated").await;
    let len = std::fs::metadata(&path).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
    let status = repair_and_drain(&path, "truncated to half").await;
    assert!(status.lost > 0 && status.salvaged > 0, "{status:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_refuses_the_record_and_keeps_the_others() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    sim.state().set_503_ratio(1.0);
    let path = spool_path("damage-full");
    let c = client(&sim.base_url(), &sim.base_url(), &path, json!({}));
    let spool = c.spool().unwrap();
    let mut stored = Vec::new();
    for i in 0..20 {
        spool
            .enqueue("ate.sn_detail.upload", upload(&sn_of('F', i)))
            .unwrap();
        stored.push(sn_of('F', i));
    }
    // As a full disk: the file may grow by 24 more pages.
    spool.limit_growth_for_tests(24).unwrap();
    let mut refused = None;
    let mut big = 0;
    for i in 0..100 {
        let barcode = format!("FULL-{i}-{}", "x".repeat(6000));
        match spool.enqueue("grading.save", cell(&barcode)) {
            Ok(_) => big += 1,
            Err(e) => {
                refused = Some(e);
                break;
            }
        }
    }
    let e = refused.expect("the file fills up");
    assert_eq!(e.kind, ErrorKind::InvalidArgument);
    assert!(e.message.contains("the record was NOT stored"), "{e}");
    assert!(e.message.contains("the disk is full"), "{e}");
    let status = spool.status().unwrap();
    assert_eq!(
        status.pending,
        20 + big,
        "what was stored stays: {status:?}"
    );

    // The server answers again: everything stored arrives, then there is room again.
    sim.state().set_503_ratio(0.0);
    assert!(spool.drain(Duration::from_secs(60)).await.unwrap());
    assert_eq!(arrived(&sim), stored);
    assert_eq!(sim.state().grading_record_count() as u64, big);
    spool
        .enqueue("grading.save", cell("FULL-AFTER"))
        .expect("room again once delivered records are removed");
    eprintln!(
        "FIGURES spool_damage full disk: stored={} refused=1 lost=0",
        20 + big
    );
}
