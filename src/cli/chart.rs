//! Horizontal bar charts for people: one row per label, bars of Unicode blocks drawn to an
//! eighth of a character, the figure after the bar.

use std::io::Write;

use anyhow::Result;

use super::color::Colors;

/// How many character cells the longest bar takes.
pub const BAR_WIDTH: usize = 40;

/// A bar of `value` out of `max`, `width` cells long at most; any value above zero shows at
/// least an eighth, so a small count is never drawn as nothing.
pub fn bar(value: f64, max: f64, width: usize) -> String {
    const EIGHTHS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];
    if value <= 0.0 || max <= 0.0 {
        return String::new();
    }
    let eighths = ((value / max) * (width * 8) as f64).round().max(1.0) as usize;
    let mut out = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        out.push(EIGHTHS[eighths % 8 - 1]);
    }
    out
}

/// One row of a chart: its label, the value the bar is drawn from, and the text after it.
pub struct Row {
    pub label: String,
    pub value: f64,
    pub figure: String,
}

/// Rows as a chart, labels aligned on the left, bars padded so the figures line up.
pub fn write_chart(out: &mut impl Write, rows: &[Row], colors: Colors) -> Result<()> {
    let label_width = rows
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(0);
    let max = rows.iter().map(|r| r.value).fold(0.0, f64::max);
    for row in rows {
        let drawn = bar(row.value, max, BAR_WIDTH);
        let pad = BAR_WIDTH + 1 - drawn.chars().count();
        let label_pad = label_width - row.label.chars().count();
        writeln!(
            out,
            "{}{}  {}{}{}",
            row.label,
            " ".repeat(label_pad),
            colors.bar(&drawn),
            " ".repeat(pad),
            row.figure
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_drawn_to_an_eighth() {
        assert_eq!(bar(10.0, 10.0, 4), "████");
        assert_eq!(bar(5.0, 10.0, 4), "██");
        assert_eq!(bar(1.0, 10.0, 4), "▍");
        assert_eq!(bar(0.01, 10.0, 4), "▏");
        assert_eq!(bar(0.0, 10.0, 4), "");
        assert_eq!(bar(3.0, 8.0, 1), "▍");
    }

    #[test]
    fn figures_line_up() {
        let rows = [
            Row {
                label: "2019".into(),
                value: 2.0,
                figure: "2".into(),
            },
            Row {
                label: "Hải Phòng".into(),
                value: 0.0,
                figure: "0".into(),
            },
        ];
        let mut out = Vec::new();
        write_chart(&mut out, &rows, Colors { enabled: false }).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], format!("2019       {} 2", "█".repeat(BAR_WIDTH)));
        assert_eq!(
            lines[1],
            format!("Hải Phòng  {}0", " ".repeat(BAR_WIDTH + 1))
        );
    }
}
