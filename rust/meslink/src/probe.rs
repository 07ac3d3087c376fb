//! One plain GET through a client's own HTTP and TLS settings, for the `meslink doctor`
//! command: does the server's certificate pass the checks the calls use, and what time
//! does the server say it is (its `Date` header).

use crate::catalog::{HttpMethod, RetryClass};
use crate::client::Client;
use crate::error::{Error, ErrorKind, Result};
use crate::transport::{Body, Request};

/// What the server answered a plain GET of a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    /// The HTTP status (any status: the server was reached).
    pub status: u16,
    /// The `Date` header as the server sent it, if it sent one.
    pub date: Option<String>,
}

impl Client {
    /// GETs `url` with the client's timeouts and TLS settings (trust
    /// store, `tls.ca_file`, `tls.pinned_cert`); a refused connection is tried again as
    /// `retry.max_attempts` allows. A refused certificate is an error whose
    /// message says why in plain words and for which [`Error::is_certificate_refusal`]
    /// holds.
    pub async fn probe(&self, url: &str) -> Result<Probe> {
        let request = Request {
            call: "probe",
            method: HttpMethod::Get,
            url: url.to_owned(),
            headers: Vec::new(),
            body: Body::None,
            retry: RetryClass::UnsentOnly,
        };
        let answer = self.http().send(&request).await?;
        Ok(Probe {
            status: answer.status,
            date: answer.header("date"),
        })
    }
}

impl Error {
    /// The server's certificate was refused (the message says why: self-signed, expired,
    /// issued for another name, ...).
    pub fn is_certificate_refusal(&self) -> bool {
        self.kind == ErrorKind::Transport && self.permanent
    }
}
