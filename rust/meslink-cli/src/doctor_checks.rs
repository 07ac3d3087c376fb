//! The checks of `meslink doctor` for one configured server, in the order a connection
//! needs them: name resolution, TCP, TLS (with the client's own trust settings), login,
//! the server's clock, and for the machine-tool platform the call limit. A check that
//! cannot run because an earlier one failed is skipped, not failed again.

use meslink::{Client, ClientConfig, Error};
use serde_json::{json, Value};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    Warn,
    Fail,
    Skipped,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub server: &'static str,
    pub check: &'static str,
    pub outcome: Outcome,
    pub detail: String,
}

/// A configured server: its section name, its base URL, and how it logs in.
pub struct Server {
    pub name: &'static str,
    pub base_url: String,
    pub login: Option<Login>,
}

/// The call that logs in, its parameters, and the settings it takes them from.
pub struct Login {
    pub call: &'static str,
    pub params: Value,
    pub settings: &'static str,
}

/// The servers a configuration names, in the README's order.
pub fn servers(config: &ClientConfig) -> Vec<Server> {
    let mut out = Vec::new();
    let mut add = |name, base_url: &str, login: Option<Login>| {
        out.push(Server {
            name,
            base_url: base_url.to_owned(),
            login,
        })
    };
    if let Some(c) = &config.ate {
        let login = Login {
            call: "ate.login",
            params: json!({}),
            settings: "ate.emp_no and ate.password",
        };
        add("ate", &c.base_url, Some(login));
    }
    if let Some(c) = &config.grading {
        add("grading", &c.base_url, None);
    }
    if let Some(c) = &config.trace {
        add("trace", &c.base_url, None);
    }
    if let Some(c) = &config.mgm {
        let login = Login {
            call: "mgm.token.get",
            params: json!({}),
            settings: "mgm.app_key and mgm.app_secret",
        };
        add("mgm", &c.base_url, Some(login));
    }
    if let Some(c) = &config.energy {
        // The generic call takes the credentials as parameters (the client's own
        // login on first use reads them from the configuration).
        let login = Login {
            call: "energy.auth.login",
            params: json!({"Usr_Name": c.username, "Usr_Password": c.password.expose()}),
            settings: "energy.username and energy.password",
        };
        add("energy", &c.base_url, Some(login));
    }
    out
}

/// Clock skew below this is fine; up to `SKEW_FAIL` a warning.
const SKEW_OK: i64 = 30;
const SKEW_FAIL: i64 = 300;
/// The platform's documented limit: 200 calls a minute.
const MGM_DOCUMENTED_PER_MINUTE: f64 = 200.0;

/// Every check of one server. `client` is built from the configuration with one attempt
/// per request, so a failure shows at once.
pub fn check(server: &Server, config: &ClientConfig, client: &Client) -> Vec<Row> {
    let mut report = Report {
        server: server.name,
        rows: Vec::new(),
    };
    run(&mut report, server, config, client);
    report.rows
}

/// The rows of one server as the checks add them.
struct Report {
    server: &'static str,
    rows: Vec<Row>,
}

impl Report {
    fn row(&mut self, check: &'static str, outcome: Outcome, detail: impl Into<String>) {
        self.rows.push(Row {
            server: self.server,
            check,
            outcome,
            detail: detail.into(),
        });
    }

    /// The checks after the `done`th of name, tcp, tls, login, clock, skipped.
    fn skip_rest(&mut self, done: usize, why: &str) {
        for check in &["tcp connect", "tls", "login", "clock"][done..] {
            self.row(check, Outcome::Skipped, why);
        }
    }
}

fn run(report: &mut Report, server: &Server, config: &ClientConfig, client: &Client) {
    let url = match url::Url::parse(&server.base_url) {
        Ok(u) if u.host_str().is_some() => u,
        _ => {
            report.row(
                "name resolution",
                Outcome::Fail,
                format!(
                    "base_url {:?} is not an http(s) URL with a host",
                    server.base_url
                ),
            );
            report.skip_rest(0, "no host");
            return;
        }
    };
    let host = url
        .host_str()
        .unwrap_or_default()
        .trim_matches(['[', ']'])
        .to_owned();
    let port = url.port_or_known_default().unwrap_or(80);
    let secure = url.scheme() == "https";

    // Name resolution.
    let addrs: Vec<SocketAddr> = match (host.as_str(), port).to_socket_addrs() {
        Ok(a) => a.collect(),
        Err(e) => {
            report.row(
                "name resolution",
                Outcome::Fail,
                format!("{host} cannot be resolved: {e} (check the name and this machine's DNS)"),
            );
            report.skip_rest(0, "no address");
            return;
        }
    };
    let shown: Vec<String> = addrs.iter().map(|a| a.ip().to_string()).collect();
    let words = if host.parse::<std::net::IpAddr>().is_ok() {
        format!("{host} is an address: nothing to resolve")
    } else {
        format!("{host} is {}", shown.join(", "))
    };
    report.row("name resolution", Outcome::Ok, words);

    // TCP.
    let connect_timeout = Duration::from_millis(config.connect_timeout_ms);
    match tcp(&addrs, connect_timeout) {
        Ok((addr, took)) => report.row(
            "tcp connect",
            Outcome::Ok,
            format!("{addr} accepts connections ({} ms)", took.as_millis()),
        ),
        Err(words) => {
            report.row("tcp connect", Outcome::Fail, words);
            report.skip_rest(1, "no connection");
            return;
        }
    }

    // TLS, and the answer whose Date gives the server's clock.
    if !secure {
        report.row("tls", Outcome::Skipped, "not used: base_url is http://");
    }
    let probe = meslink::runtime::block_on(client.probe(url.as_str())).and_then(|r| r);
    let date = match probe {
        Ok(p) => {
            if secure {
                report.row(
                    "tls",
                    Outcome::Ok,
                    format!("certificate accepted (GET base_url: HTTP {})", p.status),
                );
            }
            p.date
        }
        Err(e) => {
            let (check, words) = match (secure, e.is_certificate_refusal()) {
                (true, true) => ("tls", e.message.clone()),
                (true, false) => ("tls", format!("GET base_url failed: {e}")),
                (false, _) => ("http", format!("GET base_url failed: {e}")),
            };
            report.row(check, Outcome::Fail, words);
            report.skip_rest(2, "the server was not reached");
            return;
        }
    };

    // Login.
    match &server.login {
        None => report.row(
            "login",
            Outcome::Skipped,
            "none: its requests are signed or open",
        ),
        Some(login) => match client.call_blocking(login.call, login.params.clone()) {
            Ok(_) => report.row(
                "login",
                Outcome::Ok,
                format!("{} accepted the credentials", login.call),
            ),
            Err(e) => report.row("login", Outcome::Fail, login_words(&e, login.settings)),
        },
    }

    // Clock.
    let (outcome, words) = clock(date.as_deref());
    report.row("clock", outcome, words);

    if let (Some(mgm), "mgm") = (&config.mgm, server.name) {
        let (outcome, words) = call_limit(mgm.rate_limit_calls, mgm.rate_limit_window_ms);
        report.row("call limit", outcome, words);
    }
}

/// Connects to the first address that answers; the words of the last failure otherwise.
fn tcp(addrs: &[SocketAddr], timeout: Duration) -> Result<(SocketAddr, Duration), String> {
    let mut words = String::from("no address to connect to");
    for addr in addrs {
        let started = Instant::now();
        match TcpStream::connect_timeout(addr, timeout) {
            Ok(_) => return Ok((*addr, started.elapsed())),
            Err(e) => {
                words = match e.kind() {
                    std::io::ErrorKind::ConnectionRefused => format!(
                        "{addr} refused the connection: nothing listens on port {} \
                         (is the server running? is the port right?)",
                        addr.port()
                    ),
                    std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => format!(
                        "{addr} did not answer within {} ms (a firewall may drop the \
                         connection, or the host is down)",
                        timeout.as_millis()
                    ),
                    _ => format!("{addr}: {e}"),
                }
            }
        }
    }
    Err(words)
}

fn login_words(e: &Error, settings: &str) -> String {
    let mut words = format!("{}: {}", e.kind.name(), e.message);
    if let Some(server) = &e.server_message {
        if !words.contains(server.as_str()) {
            words.push_str(&format!("; the server says: {server}"));
        }
    }
    if e.kind == meslink::ErrorKind::Auth {
        words = format!("the server refused the credentials: check {settings} ({words})");
    }
    words
}

/// This machine's clock against the server's `Date` header (one-second resolution).
fn clock(date: Option<&str>) -> (Outcome, String) {
    let Some(date) = date else {
        return (
            Outcome::Warn,
            "the server sent no Date header: not checked".to_owned(),
        );
    };
    let server = match chrono::DateTime::parse_from_rfc2822(date) {
        Ok(d) => d.timestamp(),
        Err(_) => return (Outcome::Warn, format!("unreadable Date header {date:?}")),
    };
    let skew = chrono::Utc::now().timestamp() - server;
    let side = if skew > 0 { "ahead of" } else { "behind" };
    match skew.abs() {
        s if s <= SKEW_OK => (
            Outcome::Ok,
            format!("within {} s of the server's", s.max(1)),
        ),
        s if s <= SKEW_FAIL => (
            Outcome::Warn,
            format!("this machine's clock is {s} s {side} the server's; set it with NTP"),
        ),
        s => (
            Outcome::Fail,
            format!(
                "this machine's clock is {s} s {side} the server's: tokens and signed \
                 requests may be refused; set it with NTP"
            ),
        ),
    }
}

fn call_limit(calls: u32, window_ms: u64) -> (Outcome, String) {
    let per_minute = calls as f64 * 60_000.0 / window_ms.max(1) as f64;
    let words = format!(
        "{calls} calls a {} s window per app_key, kept on this side (the document: 200 a minute)",
        window_ms as f64 / 1000.0
    );
    if per_minute > MGM_DOCUMENTED_PER_MINUTE {
        (
            Outcome::Warn,
            format!("{words}; above the documented limit, the server may answer 3009"),
        )
    } else {
        (Outcome::Ok, words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_skew_is_graded_in_words() {
        let now = chrono::Utc::now();
        let at = |secs: i64| (now - chrono::Duration::seconds(secs)).to_rfc2822();
        assert_eq!(clock(Some(&at(2))).0, Outcome::Ok);
        let (o, words) = clock(Some(&at(120)));
        assert_eq!(o, Outcome::Warn);
        assert!(words.contains("ahead of the server's"), "{words}");
        let (o, words) = clock(Some(&at(-3600)));
        assert_eq!(o, Outcome::Fail);
        assert!(words.contains("behind the server's"), "{words}");
        assert_eq!(clock(None).0, Outcome::Warn);
    }

    #[test]
    fn a_call_limit_above_the_document_is_a_warning() {
        assert_eq!(call_limit(200, 60_000).0, Outcome::Ok);
        assert_eq!(call_limit(400, 60_000).0, Outcome::Warn);
    }
}
