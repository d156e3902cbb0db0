//! Colour on a terminal, plain markers elsewhere. `--color` decides, and for `auto` anstream
//! does (a terminal, `NO_COLOR` unset, `CLICOLOR_FORCE` honoured), as clap itself does.

use anstyle::{AnsiColor, Style};

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

const HIGHLIGHT: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));
const BOLD: Style = Style::new().bold();
const BAR: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));
const DIM: Style = Style::new().dimmed();

impl Colors {
    pub fn choose(choice: ColorChoice) -> Colors {
        let enabled = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
            }
        };
        Colors { enabled }
    }

    fn paint(&self, style: Style, text: &str) -> String {
        format!("{style}{text}{style:#}")
    }

    /// A matched passage: bold yellow on a terminal, `**…**` in plain text.
    pub fn highlight(&self, text: &str) -> String {
        if self.enabled {
            self.paint(HIGHLIGHT, text)
        } else {
            format!("**{text}**")
        }
    }

    pub fn bold(&self, text: &str) -> String {
        if self.enabled {
            self.paint(BOLD, text)
        } else {
            text.to_owned()
        }
    }

    /// A chart's bar: cyan on a terminal, the bare block characters in plain text.
    pub fn bar(&self, text: &str) -> String {
        if self.enabled && !text.is_empty() {
            self.paint(BAR, text)
        } else {
            text.to_owned()
        }
    }

    pub fn dim(&self, text: &str) -> String {
        if self.enabled {
            self.paint(DIM, text)
        } else {
            text.to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_ansi_sequences_and_plain_text_keeps_markers() {
        let on = Colors { enabled: true };
        assert_eq!(on.highlight("Đảng"), "\x1b[1m\x1b[33mĐảng\x1b[0m");
        assert_eq!(on.bold("x"), "\x1b[1mx\x1b[0m");
        let off = Colors { enabled: false };
        assert_eq!(off.highlight("Đảng"), "**Đảng**");
        assert_eq!(off.dim("x"), "x");
    }
}
