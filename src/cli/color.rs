//! Colour on a terminal, plain markers elsewhere; `NO_COLOR` and `--color` decide.

use std::io::IsTerminal;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// How to mark highlights and headings.
#[derive(Debug, Clone, Copy)]
pub struct Colors {
    pub enabled: bool,
}

impl Colors {
    pub fn choose(choice: ColorChoice) -> Colors {
        let enabled = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        Colors { enabled }
    }

    /// A matched passage: bold yellow on a terminal, `**…**` in plain text.
    pub fn highlight(&self, text: &str) -> String {
        if self.enabled {
            format!("\x1b[1;33m{text}\x1b[0m")
        } else {
            format!("**{text}**")
        }
    }

    pub fn bold(&self, text: &str) -> String {
        if self.enabled {
            format!("\x1b[1m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    pub fn dim(&self, text: &str) -> String {
        if self.enabled {
            format!("\x1b[2m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
}
