//! Newsline: reads news articles, finds their dated events, and lays them out on a timeline.
//!
//! Data flows one way: [`source`] (files → articles) → [`temporal`] (text → time expressions)
//! → [`events`] (articles + time expressions → events, merged) → [`timeline`] (the model and
//! its JSON form) → the app and the exporters.

pub mod app;
pub mod archive;
pub mod events;
pub mod export;
pub mod files;
pub mod hashing;
pub mod language;
pub mod layout;
pub mod source;
pub mod temporal;
pub mod timeline;
