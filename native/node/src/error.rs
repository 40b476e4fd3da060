//! The one mapping from engine errors to napi errors. Every error message
//! starts with a stable code (`PARSE_ERROR: ...`, `MISSING_FIELD: ...`,
//! `PANIC: ...`) so JS callers can branch on the prefix. (napi-rs only lets a
//! sync export throw with a `Status` code, hence the prefix convention.)

use alphadesk_engine::EngineError;

pub fn to_napi(e: EngineError) -> napi::Error {
    coded(e.code(), &e.to_string())
}

/// A napi error with message `"{code}: {message}"`.
pub fn coded(code: &str, message: &str) -> napi::Error {
    napi::Error::new(napi::Status::GenericFailure, format!("{code}: {message}"))
}
