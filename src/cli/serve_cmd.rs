//! `vnsearch serve`: only its flags; the server is `crate::serve`.

use std::net::SocketAddr;

use anyhow::Result;

use super::{Cli, EXIT_FOUND};
use crate::serve::{ServeOptions, DEFAULT_BIND};

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// Address and port to listen on (another address than loopback makes the index readable
    /// from the network); port 0 picks a free one
    #[arg(long, value_name = "ADDR:PORT", default_value = DEFAULT_BIND)]
    pub bind: SocketAddr,
    /// Let pages from this one origin call the API (https://tools.example.org); no CORS otherwise
    #[arg(long, value_name = "ORIGIN")]
    pub cors: Option<String>,
}

pub fn run(cli: &Cli, args: &ServeArgs) -> Result<i32> {
    let options = ServeOptions {
        bind: args.bind,
        cors: args.cors.clone(),
    };
    // A bad --cors is refused before the index is opened (or built).
    if let Some(origin) = &options.cors {
        crate::serve::check_cors(origin)?;
    }
    let store = super::location::open_for_search(cli)?;
    crate::serve::run(store, &options)?;
    Ok(EXIT_FOUND)
}
