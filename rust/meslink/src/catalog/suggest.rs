//! The call ids closest to a mistyped one, for a short "unknown call id" message.

/// At most `n` ids of `ids` closest to `wanted`, closest first: those within an edit
/// distance of half `wanted`'s length (or containing it), then the other ids of the
/// server its prefix names.
pub(crate) fn closest<'a>(
    wanted: &str,
    ids: impl Iterator<Item = &'a str>,
    n: usize,
) -> Vec<&'a str> {
    let wanted_lower = wanted.to_ascii_lowercase();
    let prefix = wanted_lower.split('.').next().unwrap_or("");
    let limit = (wanted.chars().count() / 2).max(3);
    let mut scored: Vec<(usize, bool, &str)> = ids
        .map(|id| {
            let d = distance(&wanted_lower, &id.to_ascii_lowercase());
            let other_server = prefix.is_empty() || !id.starts_with(&format!("{prefix}."));
            (d, other_server, id)
        })
        .filter(|(d, other_server, id)| {
            *d <= limit || id.contains(wanted_lower.as_str()) || !*other_server
        })
        .collect();
    scored.sort();
    scored.into_iter().take(n).map(|(_, _, id)| id).collect()
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_ids_first_and_at_most_n() {
        let ids = [
            "ate.sn_detail.get",
            "ate.sn_detail.upload",
            "ate.login",
            "grading.save",
        ];
        let got = closest("ate.sn_detail.gett", ids.iter().copied(), 5);
        assert_eq!(got.first(), Some(&"ate.sn_detail.get"));
        assert!(!got.contains(&"grading.save"), "{got:?}");
        assert!(closest("x", ids.iter().copied(), 5).len() <= 5);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
