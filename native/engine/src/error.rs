//! The engine's one error type. Every fallible public function returns
//! `Result<T, EngineError>`; the binding maps each variant to a stable code
//! prefix (`code()`) so JS callers can branch on it without parsing prose.

use thiserror::Error;

/// A parse failure with enough position information for an editor to
/// underline the offending text.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    /// Human readable message, e.g. "unknown function 'ts_rnak' at column 1; did you mean 'ts_rank'?".
    pub message: String,
    /// 0-based character offset into the formula text.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
    /// What the parser would have accepted at `offset`.
    pub expected: Vec<String>,
    /// Nearest known name when the error is an unknown identifier.
    pub suggestion: Option<String>,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

#[derive(Debug, Error)]
pub enum EngineError {
    #[error("{0}")]
    Parse(ParseError),
    /// A window, span or other argument outside its domain.
    #[error("{0}")]
    InvalidArgument(String),
    /// The panel lacks a field a formula needs (e.g. `cap`).
    #[error("{0}")]
    MissingField(String),
    /// The panel file is not one we wrote, or is truncated/corrupt.
    #[error("{0}")]
    PanelFormat(String),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    /// Evaluation was stopped by the caller (progress callback asked to cancel).
    #[error("evaluation cancelled")]
    Cancelled,
    /// A broken internal invariant: a bug in the engine, never user error.
    #[error("internal error: {0}")]
    Internal(String),
}

impl EngineError {
    /// Stable machine-readable code; the binding prefixes messages with it.
    pub fn code(&self) -> &'static str {
        match self {
            EngineError::Parse(_) => "PARSE_ERROR",
            EngineError::InvalidArgument(_) => "INVALID_ARGUMENT",
            EngineError::MissingField(_) => "MISSING_FIELD",
            EngineError::PanelFormat(_) => "PANEL_FORMAT",
            EngineError::Io { .. } => "IO_ERROR",
            EngineError::Cancelled => "CANCELLED",
            EngineError::Internal(_) => "INTERNAL",
        }
    }

    pub fn invalid(msg: impl Into<String>) -> Self {
        EngineError::InvalidArgument(msg.into())
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        EngineError::Io { context: context.into(), source }
    }
}

pub type Result<T> = std::result::Result<T, EngineError>;
