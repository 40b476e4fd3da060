//! napi-rs binding for alphadesk-engine. One file per namespace; every
//! export runs inside [`guard::guarded`] so a Rust panic surfaces as a JS
//! error (code `PANIC`) instead of taking the worker process down.

mod error;
mod formulas;
mod guard;
mod meta;
mod panel;
mod rolling;
mod stats;
