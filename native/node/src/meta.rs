//! Engine identity and the crash hook used by the worker-isolation test.

use napi_derive::napi;

/// Engine crate version, e.g. "0.1.0".
#[napi]
pub fn engine_version() -> String {
    alphadesk_engine::VERSION.to_string()
}

/// Abort the process immediately (no unwinding, no JS error). Exists only so
/// tests can prove that a crashing engine worker is isolated and replaced.
#[napi]
pub fn abort_for_test() {
    std::process::abort();
}
