//! Article dates (stage 2).
