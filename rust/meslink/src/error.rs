//! One error type for every call: the kind, a message, and the server's own words.

use std::fmt;

/// What went wrong, coarse enough to act on (retry, fix the input, call the MES team).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The caller passed something unusable: a missing field, malformed JSON, an unknown call id.
    InvalidArgument,
    /// A handle that was never issued, was closed, or belongs to another kind of object.
    InvalidHandle,
    /// Text that is not valid UTF-8 (or not convertible in the configured encoding).
    Encoding,
    /// The call is documented but this build does not implement it yet.
    NotImplemented,
    /// The server could not be reached or the connection broke.
    Transport,
    /// The server did not answer in time.
    Timeout,
    /// Login was refused or the token was rejected after a fresh login.
    Auth,
    /// The server understood the request and refused it with its own message
    /// (a failed SN rule check, "未找到。", `state: -1`, ...).
    Business,
    /// The server answered an HTTP error status without a business message (502, 503, ...).
    Http,
    /// The server answered something that is not what its document describes.
    Protocol,
    /// The object was closed while the call was waiting.
    Closed,
    /// The caller cancelled the call (an operation's cancel, `cancel_all`, an async task's
    /// cancellation) before its answer was read.
    Cancelled,
    /// A bug inside meslink (a caught panic); please report it.
    Internal,
}

impl ErrorKind {
    /// Every kind, for tables and exhaustive tests in the language layers.
    pub const ALL: [ErrorKind; 13] = [
        ErrorKind::InvalidArgument,
        ErrorKind::InvalidHandle,
        ErrorKind::Encoding,
        ErrorKind::NotImplemented,
        ErrorKind::Transport,
        ErrorKind::Timeout,
        ErrorKind::Auth,
        ErrorKind::Business,
        ErrorKind::Http,
        ErrorKind::Protocol,
        ErrorKind::Closed,
        ErrorKind::Cancelled,
        ErrorKind::Internal,
    ];

    /// A stable lowercase name, used by the language layers.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::InvalidArgument => "invalid_argument",
            ErrorKind::InvalidHandle => "invalid_handle",
            ErrorKind::Encoding => "encoding",
            ErrorKind::NotImplemented => "not_implemented",
            ErrorKind::Transport => "transport",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Auth => "auth",
            ErrorKind::Business => "business",
            ErrorKind::Http => "http",
            ErrorKind::Protocol => "protocol",
            ErrorKind::Closed => "closed",
            ErrorKind::Cancelled => "cancelled",
            ErrorKind::Internal => "internal",
        }
    }
}

/// The error of every meslink operation.
///
/// `message` is meslink's description; `server_code` and `server_message` carry the
/// server's own code and words unchanged (Chinese included) when the server gave them.
/// No error ever contains a password, secret or token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
    /// The call id the error belongs to, when it happened inside a call.
    pub call: Option<&'static str>,
    /// The HTTP status of the answer, when there was one.
    pub http_status: Option<u16>,
    /// The server's own error code (`state`, `Err_No`, `code`), as text.
    pub server_code: Option<String>,
    /// The server's own message, unchanged.
    pub server_message: Option<String>,
    /// The failure of a call meslink made first on the caller's behalf (an implicit
    /// login or token renewal) that ended this call: the caller's call is in `call`, the
    /// inner call's id and words here.
    pub cause: Option<Box<Error>>,
    /// Set for failures that no repeat can cure although their kind usually could (a
    /// server certificate that is not trusted is a `transport` error, but never transient).
    pub(crate) permanent: bool,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            call: None,
            http_status: None,
            server_code: None,
            server_message: None,
            cause: None,
            permanent: false,
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidArgument, message)
    }

    pub fn protocol(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Protocol, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Internal, message)
    }

    /// An error carrying the server's own message (`kind` is `Auth`, `Business` or `Http`).
    pub fn from_server(kind: ErrorKind, server_message: impl Into<String>) -> Self {
        let text = server_message.into();
        let lead = match kind {
            ErrorKind::Auth => "authentication failed",
            ErrorKind::Business => "the server refused",
            _ => "the server failed",
        };
        let mut e = Self::new(kind, format!("{lead}: {text}"));
        e.server_message = Some(text);
        e
    }

    pub fn with_call(mut self, id: &'static str) -> Self {
        self.call.get_or_insert(id);
        self
    }

    /// The error of the caller's call `id`: unchanged (with `id` as its call) when it
    /// belongs to no other call; when it is the failure of another call meslink made for
    /// it (an implicit `ate.login`, `mgm.token.get`, `energy.auth.login`), an error of `id`
    /// with the same kind, status and server words, that failure as its [`Error::cause`],
    /// and a message naming it.
    pub fn in_call(self, id: &'static str) -> Self {
        match self.call {
            Some(inner) if inner != id => {
                let mut e = Error::new(
                    self.kind,
                    format!("the implicit {inner} failed: {}", self.message),
                );
                e.call = Some(id);
                e.http_status = self.http_status;
                e.server_code = self.server_code.clone();
                e.server_message = self.server_message.clone();
                e.permanent = self.permanent;
                e.cause = Some(Box::new(self));
                e
            }
            _ => self.with_call(id),
        }
    }

    pub fn with_status(mut self, status: u16) -> Self {
        self.http_status = Some(status);
        self
    }

    pub fn with_server_code(mut self, code: impl Into<String>) -> Self {
        self.server_code = Some(code.into());
        self
    }

    pub fn with_kind(mut self, kind: ErrorKind) -> Self {
        self.kind = kind;
        self
    }

    /// Marks the error as one that repeating cannot cure, whatever its kind.
    pub(crate) fn permanent(mut self) -> Self {
        self.permanent = true;
        self
    }

    /// Whether repeating the same request later may succeed.
    pub fn is_transient(&self) -> bool {
        if self.permanent {
            return false;
        }
        match self.kind {
            ErrorKind::Transport | ErrorKind::Timeout => true,
            ErrorKind::Http => matches!(self.http_status, Some(408 | 429 | 500..=599)),
            _ => false,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(call) = self.call {
            write!(f, "{call}: ")?;
        }
        f.write_str(&self.message)?;
        if let Some(code) = &self.server_code {
            write!(f, " [server code {code}]")?;
        }
        if let Some(status) = self.http_status {
            write!(f, " [HTTP {status}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::invalid(format!("malformed JSON: {e}"))
    }
}

/// The first 120 characters of a body, for error messages.
pub(crate) fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.is_empty() {
        return "(empty)".into();
    }
    let mut s: String = one_line.chars().take(120).collect();
    if one_line.chars().count() > 120 {
        s.push('…');
    }
    format!("{s:?}")
}
