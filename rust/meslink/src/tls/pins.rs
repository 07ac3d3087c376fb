//! `tls.pinned_cert`: a SHA-256 fingerprint, or a PEM file whose certificates are pinned.

use crate::error::{Error, Result};
use sha2::{Digest, Sha256};

/// A certificate's SHA-256 fingerprint.
pub(crate) type Fingerprint = [u8; 32];

/// The fingerprint of a DER certificate.
pub(crate) fn fingerprint(der: &[u8]) -> Fingerprint {
    Sha256::digest(der).into()
}

/// `AB:CD:...`, as `openssl x509 -fingerprint -sha256` prints it.
pub(crate) fn show(fp: &Fingerprint) -> String {
    fp.iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// The fingerprints `pin` names: 64 hexadecimal digits (colons, spaces and a leading
/// `sha256:` or `SHA256 Fingerprint=` allowed), or else the path of a PEM file.
pub(crate) fn parse(pin: &str) -> Result<Vec<Fingerprint>> {
    if let Some(fp) = parse_fingerprint(pin) {
        return Ok(vec![fp]);
    }
    let path = std::path::Path::new(pin.trim());
    if !path.exists() && looks_like_hex(pin) {
        return Err(Error::invalid(
            "tls.pinned_cert is neither a SHA-256 fingerprint (64 hexadecimal digits) nor a PEM file",
        ));
    }
    let certs = super::read_pem(path, "tls.pinned_cert")?;
    Ok(certs.iter().map(|c| fingerprint(c)).collect())
}

fn parse_fingerprint(pin: &str) -> Option<Fingerprint> {
    let text = pin.trim();
    let text = match text.rfind('=') {
        Some(i) if text[..i].to_ascii_lowercase().contains("sha256") => &text[i + 1..],
        _ => text,
    };
    let text = text
        .strip_prefix("sha256:")
        .or_else(|| text.strip_prefix("SHA256:"))
        .unwrap_or(text);
    let hex: String = text
        .chars()
        .filter(|c| *c != ':' && !c.is_whitespace())
        .collect();
    if hex.len() != 64 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let mut fp = [0u8; 32];
    for (i, byte) in fp.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(fp)
}

fn looks_like_hex(pin: &str) -> bool {
    let t = pin.trim();
    !t.contains('/') && !t.contains('\\') && !t.contains('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_in_the_forms_tools_print() {
        let colons = "sha256 Fingerprint=0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9:0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9";
        let fp = parse(colons).unwrap();
        assert_eq!(fp.len(), 1);
        assert_eq!(fp[0][0], 0x0a);
        assert_eq!(fp[0][31], 0xf9);
        let bare = "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";
        assert_eq!(parse(bare).unwrap(), fp);
        assert_eq!(parse(&format!("sha256:{bare}")).unwrap(), fp);
        assert!(show(&fp[0]).starts_with("0A:1B:"));
    }

    #[test]
    fn a_short_fingerprint_is_refused_in_words() {
        let e = parse("0a1b2c3d").unwrap_err();
        assert!(e.message.contains("64 hexadecimal digits"), "{e}");
        let e = parse("/nonexistent/server.pem").unwrap_err();
        assert!(e.message.contains("cannot read tls.pinned_cert"), "{e}");
    }
}
