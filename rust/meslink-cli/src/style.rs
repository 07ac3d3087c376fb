//! Colour on a terminal only, and never when `NO_COLOR` is set (https://no-color.org):
//! the words are the same either way, so nothing depends on the colour.

use std::io::IsTerminal;

#[derive(Debug, Clone, Copy)]
pub enum Colour {
    Green,
    Yellow,
    Red,
    Dim,
}

/// Whether standard output gets colour.
pub fn stdout_colour() -> bool {
    colour_wanted(
        std::env::var_os("NO_COLOR").as_deref(),
        std::io::stdout().is_terminal(),
    )
}

/// Colour for a terminal, unless `NO_COLOR` is set to anything but the empty string.
fn colour_wanted(no_color: Option<&std::ffi::OsStr>, terminal: bool) -> bool {
    terminal && !matches!(no_color, Some(v) if !v.is_empty())
}

/// `text` in `colour` when `on`, as it is otherwise.
pub fn paint(text: &str, colour: Colour, on: bool) -> String {
    if !on {
        return text.to_owned();
    }
    let code = match colour {
        Colour::Green => "32",
        Colour::Yellow => "33",
        Colour::Red => "31;1",
        Colour::Dim => "2",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn colour_only_on_a_terminal_and_never_with_no_color() {
        assert!(colour_wanted(None, true));
        assert!(!colour_wanted(None, false));
        assert!(!colour_wanted(Some(OsStr::new("1")), true));
        assert!(colour_wanted(Some(OsStr::new("")), true));
        assert_eq!(paint("ok", Colour::Green, false), "ok");
        assert_eq!(paint("ok", Colour::Green, true), "\x1b[32mok\x1b[0m");
    }
}
