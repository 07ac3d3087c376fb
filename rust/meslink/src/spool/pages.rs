//! Rows read straight from the pages of a damaged SQLite file, without SQLite.
//!
//! SQLite refuses a file whose header is damaged and stops a query at the first bad
//! page. This reader needs neither: it cuts the file into pages (the page size from the
//! header when it is sane, else the size that makes the most pages look like b-tree
//! pages), lays the committed frames of the write-ahead log over them (frames whose
//! salt and checksum chain hold, up to the last commit), and decodes the cells of every
//! table leaf page, following overflow chains. A page that does not decode is skipped
//! and counted; the rows of every other page are returned. Only the cell pointer array
//! is read, so cells SQLite deleted are not returned (and the spool zeroes them too:
//! `secure_delete`).
//!
//! Format: <https://www.sqlite.org/fileformat2.html> (b-tree pages, records, the WAL).

const MAGIC: &[u8; 16] = b"SQLite format 3\0";
const LEAF_TABLE: u8 = 13;
const BTREE_TYPES: [u8; 4] = [2, 5, 10, 13];

/// One value of a record.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Val {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

/// One row of a table leaf page: its rowid and its columns.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Row {
    pub rowid: i64,
    pub values: Vec<Val>,
}

/// What a scan read.
#[derive(Debug, Default)]
pub(super) struct Scan {
    pub rows: Vec<Row>,
    /// Pages of the file (after the log's frames).
    pub pages: usize,
    /// Table leaf pages, and cells, that could not be decoded.
    pub bad_pages: usize,
    pub bad_cells: usize,
}

/// Reads every row of every table leaf page of `main` with the log `wal` laid over it.
pub(super) fn scan(main: &[u8], wal: Option<&[u8]>) -> Scan {
    let size = page_size(main, wal);
    let reserved = if main.starts_with(MAGIC) {
        main[20] as usize
    } else {
        0
    };
    let usable = size.saturating_sub(reserved);
    let mut pages: Vec<Option<&[u8]>> = main.chunks_exact(size).map(Some).collect();
    if let Some(wal) = wal {
        for (no, page) in committed_frames(wal, size) {
            let i = no as usize - 1;
            if pages.len() <= i {
                pages.resize(i + 1, None);
            }
            pages[i] = Some(page);
        }
    }
    let mut out = Scan {
        pages: pages.len(),
        ..Scan::default()
    };
    for (i, page) in pages.iter().enumerate() {
        let Some(page) = page else { continue };
        let base = if i == 0 { 100 } else { 0 };
        if page.get(base) != Some(&LEAF_TABLE) {
            continue;
        }
        match leaf_cells(page, base, usable) {
            Some(cells) => {
                for off in cells {
                    match cell(&pages, page, off, usable) {
                        Some(row) => out.rows.push(row),
                        None => out.bad_cells += 1,
                    }
                }
            }
            None => out.bad_pages += 1,
        }
    }
    out
}

fn be16(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?) as usize)
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The page size: the header's when sane, else the candidate under which the most
/// pages start like b-tree pages (a damaged header; SQLite's default is 4096).
fn page_size(main: &[u8], wal: Option<&[u8]>) -> usize {
    let valid = |n: usize| n.is_power_of_two() && (512..=65536).contains(&n);
    if main.starts_with(MAGIC) {
        let n = match be16(main, 16) {
            Some(1) => 65536,
            Some(n) => n,
            None => 0,
        };
        if valid(n) {
            return n;
        }
    }
    if let Some(n) = wal.and_then(|w| be32(w, 8)).map(|n| n as usize) {
        if valid(n) && wal.is_some_and(wal_header_ok) {
            return n;
        }
    }
    let score = |n: usize| {
        main.chunks_exact(n)
            .skip(1)
            .filter(|p| BTREE_TYPES.contains(&p[0]))
            .count()
    };
    let mut best = (0, 4096);
    for n in [4096, 1024, 2048, 8192, 16384, 32768, 65536, 512] {
        let s = score(n);
        if s > best.0 {
            best = (s, n);
        }
    }
    best.1
}

/// The cell offsets of a table leaf page, or `None` when its header is not sane.
fn leaf_cells(page: &[u8], base: usize, usable: usize) -> Option<Vec<usize>> {
    let count = be16(page, base + 3)?;
    let array = base + 8;
    if array + 2 * count > usable {
        return None;
    }
    (0..count)
        .map(|i| {
            let off = be16(page, array + 2 * i)?;
            (off >= array + 2 * count && off < usable).then_some(off)
        })
        .collect()
}

/// A SQLite varint: up to 9 bytes, big-endian groups of 7 bits (8 in the ninth).
fn varint(b: &[u8], at: usize) -> Option<(u64, usize)> {
    let mut v: u64 = 0;
    for i in 0..9 {
        let byte = *b.get(at + i)?;
        if i == 8 {
            return Some(((v << 8) | u64::from(byte), 9));
        }
        v = (v << 7) | u64::from(byte & 0x7f);
        if byte & 0x80 == 0 {
            return Some((v, i + 1));
        }
    }
    None
}

/// One cell of a table leaf page: rowid and record, the payload gathered from its
/// overflow pages when it does not fit.
fn cell(pages: &[Option<&[u8]>], page: &[u8], off: usize, usable: usize) -> Option<Row> {
    let (size, n1) = varint(page, off)?;
    let (rowid, n2) = varint(page, off + n1)?;
    let size = usize::try_from(size).ok()?;
    if size > 1 << 30 {
        return None;
    }
    let start = off + n1 + n2;
    let max_local = usable.checked_sub(35)?;
    let local = if size <= max_local {
        size
    } else {
        let min_local = ((usable - 12) * 32 / 255).checked_sub(23)?;
        let k = min_local + (size - min_local) % (usable - 4);
        if k <= max_local {
            k
        } else {
            min_local
        }
    };
    let mut payload = Vec::with_capacity(size);
    payload.extend_from_slice(page.get(start..start + local)?);
    if local < size {
        let mut next = be32(page, start + local)?;
        let mut hops = 0;
        while payload.len() < size {
            hops += 1;
            if next == 0 || hops > pages.len() {
                return None;
            }
            let p = (*pages.get(next as usize - 1)?)?;
            let take = (size - payload.len()).min(usable - 4);
            payload.extend_from_slice(p.get(4..4 + take)?);
            next = be32(p, 0)?;
        }
    }
    Some(Row {
        rowid: rowid as i64,
        values: record(&payload)?,
    })
}

/// The values of a record: a header of serial types, then the values.
fn record(p: &[u8]) -> Option<Vec<Val>> {
    let (header, mut at) = varint(p, 0)?;
    let header = usize::try_from(header).ok()?;
    if header > p.len() {
        return None;
    }
    let mut types = Vec::new();
    while at < header {
        let (t, n) = varint(p, at)?;
        types.push(t);
        at += n;
    }
    let mut body = header;
    let mut values = Vec::with_capacity(types.len());
    for t in types {
        let int = |len: usize| -> Option<i64> {
            let bytes = p.get(body..body + len)?;
            let mut v: i64 = if bytes[0] & 0x80 != 0 { -1 } else { 0 };
            for b in bytes {
                v = (v << 8) | i64::from(*b);
            }
            Some(v)
        };
        let (value, len) = match t {
            0 => (Val::Null, 0),
            1..=4 => (Val::Int(int(t as usize)?), t as usize),
            5 => (Val::Int(int(6)?), 6),
            6 => (Val::Int(int(8)?), 8),
            7 => {
                let bits = u64::from_be_bytes(p.get(body..body + 8)?.try_into().ok()?);
                (Val::Real(f64::from_bits(bits)), 8)
            }
            8 => (Val::Int(0), 0),
            9 => (Val::Int(1), 0),
            10 | 11 => return None,
            t if t % 2 == 0 => {
                let len = ((t - 12) / 2) as usize;
                (Val::Blob(p.get(body..body + len)?.to_vec()), len)
            }
            t => {
                let len = ((t - 13) / 2) as usize;
                let text = std::str::from_utf8(p.get(body..body + len)?).ok()?;
                (Val::Text(text.to_string()), len)
            }
        };
        values.push(value);
        body += len;
    }
    (body <= p.len()).then_some(values)
}

fn wal_header_ok(wal: &[u8]) -> bool {
    let Some(magic) = be32(wal, 0) else {
        return false;
    };
    if magic & !1 != 0x377f_0682 || wal.len() < 32 {
        return false;
    }
    let big = magic & 1 == 1;
    let sum = wal_checksum(big, &wal[..24], (0, 0));
    Some(sum) == be32(wal, 24).zip(be32(wal, 28))
}

/// The WAL checksum: pairs of 32-bit words, in the byte order the magic gives.
fn wal_checksum(big: bool, data: &[u8], (mut s0, mut s1): (u32, u32)) -> (u32, u32) {
    let word = |b: &[u8]| {
        let b: [u8; 4] = b.try_into().unwrap_or_default();
        if big {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        }
    };
    for pair in data.chunks_exact(8) {
        s0 = s0.wrapping_add(word(&pair[..4])).wrapping_add(s1);
        s1 = s1.wrapping_add(word(&pair[4..])).wrapping_add(s0);
    }
    (s0, s1)
}

/// `(page number, page)` of every frame of a committed transaction of the log, in
/// log order (a later frame of a page replaces an earlier one).
fn committed_frames(wal: &[u8], size: usize) -> Vec<(u32, &[u8])> {
    let mut out = Vec::new();
    if !wal_header_ok(wal) || be32(wal, 8) != Some(size as u32) {
        return out;
    }
    let big = be32(wal, 0).unwrap_or(0) & 1 == 1;
    let salt = &wal[16..24];
    let mut sum = (be32(wal, 24).unwrap_or(0), be32(wal, 28).unwrap_or(0));
    let mut pending = Vec::new();
    let mut at = 32;
    while let Some(frame) = wal.get(at..at + 24 + size) {
        let (head, page) = frame.split_at(24);
        if &head[8..16] != salt {
            break;
        }
        sum = wal_checksum(big, &head[..8], sum);
        sum = wal_checksum(big, page, sum);
        if Some(sum) != be32(head, 16).zip(be32(head, 20)) {
            break;
        }
        let no = be32(head, 0).unwrap_or(0);
        if no == 0 {
            break;
        }
        pending.push((no, page));
        if be32(head, 4).unwrap_or(0) != 0 {
            out.append(&mut pending);
        }
        at += 24 + size;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_and_records() {
        assert_eq!(varint(&[0x05], 0), Some((5, 1)));
        assert_eq!(varint(&[0x81, 0x00], 0), Some((128, 2)));
        assert_eq!(varint(&[0xff; 9], 0), Some((u64::MAX, 9)));
        assert_eq!(varint(&[0x81], 0), None);
        // Header 4 bytes: NULL, int8, text of 2 bytes ("hi").
        let rec = [4, 0, 1, 17, 0xfe, b'h', b'i'];
        assert_eq!(
            record(&rec),
            Some(vec![Val::Null, Val::Int(-2), Val::Text("hi".into())])
        );
        assert_eq!(record(&[4, 0, 1, 17, 0xfe, b'h']), None);
    }

    #[test]
    fn garbage_reads_as_nothing() {
        let junk: Vec<u8> = (0..64 * 1024).map(|i| (i * 7919 % 251) as u8).collect();
        let s = scan(&junk, Some(&junk));
        assert!(s.rows.is_empty());
    }
}
