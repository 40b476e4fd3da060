//! Panic barrier for every export.

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::error::coded;

/// Run `f`, turning a panic into a `PANIC: ...` JS error. Unwinding across
/// the FFI boundary would abort the process; the engine holds no state
/// across calls, so `AssertUnwindSafe` cannot expose a broken invariant.
pub fn guarded<T>(f: impl FnOnce() -> napi::Result<T>) -> napi::Result<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => {
            let msg = if let Some(s) = payload.downcast_ref::<&str>() {
                (*s).to_string()
            } else if let Some(s) = payload.downcast_ref::<String>() {
                s.clone()
            } else {
                "unknown panic".to_string()
            };
            Err(coded("PANIC", &msg))
        }
    }
}
