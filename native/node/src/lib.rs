//! napi-rs binding for alphadesk-engine. One file per namespace; every
//! export runs inside [`guard::guarded`] so a Rust panic surfaces as a JS
//! error (code `PANIC`) instead of taking the worker process down.

// napi-derive registers exports only in non-test builds.
#![cfg_attr(test, allow(dead_code))]

mod curves;
mod diagnose;
mod error;
mod formulas;
mod guard;
mod meta;
mod panel;
mod rolling;
mod sim;
mod stats;
