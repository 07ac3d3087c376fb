//! Reading a command's options: `--name VALUE` pairs, flags, and the client
//! configuration (`--config FILE` or `--config-json JSON`) every network command takes.

use meslink::Error;

/// A command's arguments, taken one by one.
pub struct Args<'a> {
    rest: std::slice::Iter<'a, String>,
    config: Option<String>,
}

impl<'a> Args<'a> {
    pub fn new(args: &'a [String]) -> Self {
        Args {
            rest: args.iter(),
            config: None,
        }
    }

    /// The next argument; `--config` and `--config-json` are consumed here and kept.
    pub fn next(&mut self) -> Result<Option<&'a str>, Error> {
        loop {
            let Some(a) = self.rest.next() else {
                return Ok(None);
            };
            match a.as_str() {
                "--config" => {
                    let path = self.value("--config")?;
                    self.config = Some(std::fs::read_to_string(path).map_err(|e| {
                        Error::invalid(format!("cannot read the configuration {path}: {e}"))
                    })?);
                }
                "--config-json" => self.config = Some(self.value("--config-json")?.to_owned()),
                other => return Ok(Some(other)),
            }
        }
    }

    /// The value after option `name`.
    pub fn value(&mut self, name: &str) -> Result<&'a str, Error> {
        self.rest
            .next()
            .map(String::as_str)
            .ok_or_else(|| Error::invalid(format!("{name} needs a value")))
    }

    /// The configuration given, as JSON text (a byte order mark removed).
    pub fn config(&self, command: &str) -> Result<String, Error> {
        let text = self.config.as_deref().ok_or_else(|| {
            Error::invalid(format!(
                "meslink {command} needs --config FILE or --config-json JSON"
            ))
        })?;
        Ok(text.trim_start_matches('\u{feff}').to_owned())
    }
}

/// An error for an argument the command does not know, with its usage.
pub fn unexpected(arg: &str, usage: &str) -> Error {
    Error::invalid(format!("unexpected argument {arg:?}\n{usage}"))
}
