//! fundbot answers questions about startup funding rounds from news articles, with citations.
//!
//! The library holds the whole domain: the corpus of articles ([`corpus`]), the passage index
//! ([`index`]), the funding facts and their extractor ([`facts`]). The command-line
//! binary and the Discord bot are thin adapters over it.

#![warn(missing_docs)]

pub mod corpus;
pub mod error;
pub mod facts;
pub mod feeds;
pub mod index;

pub use error::{Error, Result};
pub mod answer;
pub mod bench;
pub mod bot;
pub mod chart;
pub mod cli;
pub mod config;
pub mod correct;
pub mod eval;
pub mod feedback;
pub mod gen;
pub mod lock;
pub mod reindex;
pub mod render;
pub mod service;
mod util;
