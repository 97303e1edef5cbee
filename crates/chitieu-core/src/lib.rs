//! # chitieu-core
//!
//! The pure heart of chitieu: the `chitieu/1` dataset format, loading it from JSON or CSV
//! with errors that say where, a parser for the Vietnamese sentences plans state targets
//! in, and progress scoring.
//!
//! It has no browser dependency and never reads the clock: the evaluation date is always
//! an input, so the same data scores the same everywhere, natively and in WebAssembly.
//!
//! Module map:
//! - [`model`]: the dataset types; [`period`]: dates and reporting periods;
//! - [`number`]: Vietnamese/English number formatting and parsing;
//! - [`parse`]: target sentences → structured targets;
//! - [`extract`]: a plan's whole text → a draft dataset to review, and how a draft
//!   compares with a curated one;
//! - [`load`]: JSON and CSV loading, validation warnings, CSV writing;
//! - [`messages`]: the catalogue of every diagnostic, in English and Vietnamese;
//! - [`score`]: achievement, attainment, progress status and aggregation;
//! - [`tasks`]: where a plan's tasks stand on a date (status, overdue, due soon), counts.

pub mod extract;
pub mod load;
pub mod messages;
pub mod model;
pub mod number;
pub mod parse;
pub mod period;
pub mod score;
pub mod tasks;

pub use model::*;
pub use number::Lang;
pub use period::{Date, Period};
