//! Exit statuses, decided in one place, and errors as one line.
//!
//! Exit status, as grep: 0 when something was found (or a command succeeded), 1 when a search
//! found nothing, 2 on any error.

pub const EXIT_FOUND: i32 = 0;
pub const EXIT_NOT_FOUND: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

/// The exit status of a command that counted matches: grep's 0 or 1.
pub fn exit_for_matches(total: usize) -> i32 {
    if total == 0 {
        EXIT_NOT_FOUND
    } else {
        EXIT_FOUND
    }
}

/// clap's message for a bad flag, on one line: its usage block and tips are dropped.
pub(crate) fn flag_error_line(err: &clap::Error) -> String {
    let rendered = err.render().to_string();
    let first = rendered
        .lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("bad command line");
    let mut line = first.trim_start_matches("error: ").trim().to_owned();
    for tip in rendered
        .lines()
        .filter_map(|l| l.trim().strip_prefix("tip: "))
    {
        line.push_str("; ");
        line.push_str(tip);
    }
    line
}

pub(crate) fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// An error and its causes on one line.
pub(crate) fn one_line(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let text = cause.to_string().replace('\n', " ");
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
    }
    parts.join(": ")
}
