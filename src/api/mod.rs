//! What every front end shares: one request parser (CLI flags, `--batch` lines and HTTP
//! parameters become one [`request::Params`]), the versioned JSON shapes they print, and where
//! the index lives. Front ends (`cli`, `serve`) sit above this; the engine below it.

pub mod card_request;
pub mod json;
pub mod location;
pub mod request;
pub mod trend_request;

pub use card_request::CardParams;
pub use request::{Bounds, Params, RequestError};
pub use trend_request::TrendParams;
