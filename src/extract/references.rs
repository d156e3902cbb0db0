//! Party document references (stage 3).
