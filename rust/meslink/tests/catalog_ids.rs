//! The catalog and `docs/CALLS.md` list the same call ids; the repository's copy of the
//! call list agrees with `../shared/CALLS.md` when a checkout has one beside it.

use meslink::catalog::{self, Server};
use std::collections::BTreeSet;

/// The call list kept in the repository, so that a clone alone passes its tests.
const REPO_COPY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/CALLS.md");
/// The list of the API documents' folder, present only beside a working checkout.
const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/CALLS.md");

fn read(path: &str) -> std::io::Result<String> {
    std::fs::read_to_string(path)
}

#[test]
fn repository_copy_of_calls_md_agrees_with_the_shared_one() {
    let Ok(shared) = read(SHARED) else {
        eprintln!("no ../shared/CALLS.md beside the repository: nothing to compare");
        return;
    };
    let copy = read(REPO_COPY).unwrap_or_else(|e| panic!("{REPO_COPY}: {e}"));
    assert!(
        copy == shared,
        "docs/CALLS.md differs from ../shared/CALLS.md: copy the shared one over it"
    );
}

/// The ids of CALLS.md's tables: the first cell of every row that names `<server>.<...>`.
fn documented_ids() -> BTreeSet<String> {
    let text = read(REPO_COPY).unwrap_or_else(|e| panic!("{REPO_COPY}: {e}"));
    text.lines()
        .filter_map(|line| line.trim().strip_prefix('|'))
        .filter_map(|rest| rest.split('|').next())
        .map(str::trim)
        .filter(|id| {
            Server::ALL
                .iter()
                .any(|s| id.starts_with(&format!("{}.", s.name())))
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn catalog_ids_match_calls_md() {
    let documented = documented_ids();
    assert_eq!(
        documented.len(),
        Server::ALL
            .iter()
            .map(|s| s.documented_calls())
            .sum::<usize>(),
        "CALLS.md rows"
    );
    let implemented: BTreeSet<String> = catalog::CALLS.iter().map(|c| c.id.to_owned()).collect();
    for server in Server::ALL {
        let prefix = format!("{}.", server.name());
        let of = |set: &BTreeSet<String>| -> BTreeSet<String> {
            set.iter()
                .filter(|id| id.starts_with(&prefix))
                .cloned()
                .collect()
        };
        let (doc, imp) = (of(&documented), of(&implemented));
        assert_eq!(
            doc.len(),
            server.documented_calls(),
            "{prefix}* rows in CALLS.md"
        );
        if imp.is_empty() {
            // A server whose table is still the empty scaffold (being built on another
            // branch); every table with a call must list exactly the documented ids.
            eprintln!("{prefix}*: no calls in the catalog yet");
            continue;
        }
        let missing: Vec<_> = doc.difference(&imp).collect();
        let extra: Vec<_> = imp.difference(&doc).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{prefix}*: missing from the catalog {missing:?}, not in CALLS.md {extra:?}"
        );
    }
    // And no id the document does not list.
    assert!(
        implemented.is_subset(&documented),
        "{:?}",
        implemented.difference(&documented).collect::<Vec<_>>()
    );
}
