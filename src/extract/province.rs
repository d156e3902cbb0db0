//! Placeholder until the extraction branch lands.

pub fn current_unit(_name: &str) -> Option<&'static str> {
    None
}

pub fn region_of(_name: &str) -> Option<&'static str> {
    None
}
