//! The command line: flags in `args`, one module per command, exit statuses in `exit`; this
//! file only parses and dispatches.

pub mod args;
pub mod batch;
pub mod chart;
pub mod color;
pub mod doc_cmd;
pub mod eval_cmd;
pub mod exit;
pub mod export_cmd;
pub mod facets_cmd;
pub mod index_cmd;
pub mod output;
pub mod search_cmd;
pub mod serve_cmd;
pub mod show_cmd;
pub mod stats_cmd;
pub mod trend_cmd;

use clap::Parser;

use args::{Cli, Command};
use exit::{flag_error_line, is_broken_pipe, one_line, EXIT_ERROR, EXIT_FOUND};

/// Runs the command line and returns the exit status.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            if !err.use_stderr() {
                // --help and --version: clap's own output, on stdout.
                let _ = err.print();
                return EXIT_FOUND;
            }
            eprintln!("vnsearch: error: {} (see --help)", flag_error_line(&err));
            return EXIT_ERROR;
        }
    };
    let colors = color::Colors::choose(cli.color);
    let result = match &cli.command {
        Command::Search(args) => search_cmd::run(&cli, args, colors),
        Command::Index(args) => index_cmd::run(&cli, args),
        Command::Facets(args) => facets_cmd::run(&cli, args, colors),
        Command::Trend(args) => trend_cmd::run(&cli, args, colors),
        Command::Doc(args) => doc_cmd::run(&cli, args, colors),
        Command::Show(args) => show_cmd::run(&cli, args, colors),
        Command::Stats(args) => stats_cmd::run(&cli, args),
        Command::Eval(args) => eval_cmd::run(&cli, args),
        Command::Serve(args) => serve_cmd::run(&cli, args),
        Command::Export(args) => export_cmd::run(&cli, args),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            use std::io::Write;
            // Generated into memory first: clap_complete panics when stdout closes early.
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "vnsearch", &mut script);
            std::io::stdout()
                .write_all(&script)
                .map(|()| EXIT_FOUND)
                .map_err(anyhow::Error::from)
        }
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return EXIT_FOUND;
            }
            eprintln!("vnsearch: error: {}", one_line(&err));
            EXIT_ERROR
        }
    }
}
