//! The `tracing` layer that turns meslink's events into [`Record`]s for the queues.

use super::{Level, Record, CONTEXT};
use std::fmt::{Debug, Write};
use std::time::SystemTime;
use tracing::field::{Field, Visit};
use tracing::subscriber::Interest;
use tracing::{Event, Metadata, Subscriber};
use tracing_subscriber::layer::Context;

/// The forwarding layer (see the module documentation of [`super`]).
pub(super) struct Forward;

/// meslink's own events (the core's modules), never a dependency's.
fn ours(meta: &Metadata<'_>) -> bool {
    let t = meta.target();
    t == "meslink" || t.starts_with("meslink::")
}

impl<S: Subscriber> tracing_subscriber::Layer<S> for Forward {
    fn register_callsite(&self, meta: &'static Metadata<'static>) -> Interest {
        if ours(meta) && meta.is_event() {
            Interest::sometimes()
        } else {
            Interest::never()
        }
    }

    fn enabled(&self, meta: &Metadata<'_>, _: Context<'_, S>) -> bool {
        ours(meta) && meta.is_event() && super::wanted(Level::from_tracing(meta.level()) as u8)
    }

    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let meta = event.metadata();
        let level = Level::from_tracing(meta.level());
        if !super::wanted(level as u8) {
            return;
        }
        let mut fields = Fields::default();
        event.record(&mut fields);
        if fields.message.is_empty() {
            // An event without a message: its fields alone.
            fields.message = fields.rest.trim_start().to_owned();
        }
        let context = CONTEXT.try_with(|c| *c).ok();
        let call = fields
            .call
            .or_else(|| context.map(|c| c.call.to_owned()))
            .filter(|c| !c.is_empty());
        let record = Record {
            time: SystemTime::now(),
            level,
            target: target(meta.target(), call.as_deref()),
            message: fields.message,
            call,
            client: context.map(|c| c.client).filter(|&c| c != 0),
        };
        super::dispatch(&record);
    }
}

/// `meslink.spool` for the spool's own records; else `meslink.<server>` for a call, else
/// `meslink.<part>` from the module path.
fn target(module: &str, call: Option<&str>) -> String {
    if module.starts_with("meslink::spool") {
        return "meslink.spool".to_owned();
    }
    if let Some(server) = call.and_then(|c| c.split('.').next()) {
        return format!("meslink.{server}");
    }
    let mut parts = module.split("::").skip(1);
    let part = match parts.next() {
        Some("servers") => parts.next(),
        Some(p @ ("spool" | "tls" | "transport" | "batch")) => Some(p),
        _ => None,
    };
    match part {
        Some(p) => format!("meslink.{p}"),
        None => "meslink".to_owned(),
    }
}

/// Whether a field's name says its value is a credential.
fn secret_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    ["password", "secret", "token", "cookie", "authorization"]
        .iter()
        .any(|s| n.contains(s))
}

/// The message, then every other field as ` name=value`; `call` kept apart.
#[derive(Default)]
struct Fields {
    message: String,
    rest: String,
    call: Option<String>,
}

impl Fields {
    fn add(&mut self, field: &Field, value: &dyn std::fmt::Display) {
        match field.name() {
            "message" => {
                let rest = std::mem::take(&mut self.rest);
                self.message = format!("{value}{rest}");
            }
            name if secret_name(name) => self.append(name, &"<redacted>"),
            name => self.append(name, value),
        }
    }

    fn append(&mut self, name: &str, value: &dyn std::fmt::Display) {
        // Fields before the message are kept aside until it comes.
        let out = if self.message.is_empty() {
            &mut self.rest
        } else {
            &mut self.message
        };
        let _ = write!(out, " {name}={value}");
    }
}

impl Visit for Fields {
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "call" {
            self.call = Some(value.to_owned());
        } else {
            self.add(field, &value);
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        self.add(field, &format_args!("{value:?}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        assert_eq!(
            target("meslink::transport", Some("ate.login")),
            "meslink.ate"
        );
        assert_eq!(target("meslink::servers::mgm::stream", None), "meslink.mgm");
        assert_eq!(target("meslink::spool::forwarder", None), "meslink.spool");
        assert_eq!(
            target("meslink::spool::forwarder", Some("grading.save")),
            "meslink.spool"
        );
        assert_eq!(target("meslink::tls", None), "meslink.tls");
        assert_eq!(target("meslink::client", None), "meslink");
        assert!(secret_name("app_secret") && secret_name("Cookie") && !secret_name("attempt"));
    }
}
