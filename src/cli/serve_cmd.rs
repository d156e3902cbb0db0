//! `vnsearch serve`: the flags become options; the server is `crate::serve`.

use anyhow::Result;

use super::args::{Cli, ServeArgs};
use super::exit::EXIT_FOUND;
use crate::serve::ServeOptions;

pub fn run(cli: &Cli, args: &ServeArgs) -> Result<i32> {
    let options = ServeOptions {
        bind: args.bind,
        cors: args.cors.clone(),
    };
    // A bad --cors is refused before the index is opened (or built).
    if let Some(origin) = &options.cors {
        crate::serve::check_cors(origin)?;
    }
    let store = crate::api::location::open_for_search(cli.index.as_deref())?;
    crate::serve::run(store, &options)?;
    Ok(EXIT_FOUND)
}
