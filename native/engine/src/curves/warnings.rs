//! Warnings: a degenerate input gives an answer plus a typed note of what
//! was done about it (never silently garbage). Counts, not one entry per
//! cell, so a long history cannot flood the caller.

/// One kind of degenerate input met while building or using a panel.
#[derive(Debug, Clone, PartialEq)]
pub enum CurveWarning {
    /// Settle missing or 0 on `count` rows; the close was used instead.
    CloseFallback { count: usize },
    /// Neither settle nor close on `count` rows: those rows were dropped.
    MissingPrice { count: usize },
    /// `count` rows dated after their contract's expiry were ignored.
    ExpiredIgnored { count: usize },
    /// The same (date, contract) appeared more than once; the last row won.
    DuplicateRow { count: usize },
    /// Dates with two or more contracts sharing one expiry (duplicate τ).
    DuplicateTau { dates: usize },
    /// The root never has more than one live contract on a date.
    SingleContract,
    /// A ratio-based measure was undefined because a price was ≤ 0.
    NonPositivePrice { count: usize },
    /// Dates where a fit had fewer distinct τ than parameters.
    TooFewPoints { dates: usize, need: usize },
    /// Dates where the least-squares system was (numerically) singular.
    IllConditioned { dates: usize },
    /// Dates where an iterative solver stopped at its iteration limit.
    NotConverged { dates: usize },
    /// Rolls where the old and the new contract had no common date to measure the gap.
    RollWithoutOverlap { count: usize },
    /// Dates on which the held contract had no price (left NaN, not filled).
    HeldContractMissing { count: usize },
}

impl CurveWarning {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            CurveWarning::CloseFallback { .. } => "CLOSE_FALLBACK",
            CurveWarning::MissingPrice { .. } => "MISSING_PRICE",
            CurveWarning::ExpiredIgnored { .. } => "EXPIRED_IGNORED",
            CurveWarning::DuplicateRow { .. } => "DUPLICATE_ROW",
            CurveWarning::DuplicateTau { .. } => "DUPLICATE_TAU",
            CurveWarning::SingleContract => "SINGLE_CONTRACT",
            CurveWarning::NonPositivePrice { .. } => "NON_POSITIVE_PRICE",
            CurveWarning::TooFewPoints { .. } => "TOO_FEW_POINTS",
            CurveWarning::IllConditioned { .. } => "ILL_CONDITIONED",
            CurveWarning::NotConverged { .. } => "NOT_CONVERGED",
            CurveWarning::RollWithoutOverlap { .. } => "ROLL_WITHOUT_OVERLAP",
            CurveWarning::HeldContractMissing { .. } => "HELD_CONTRACT_MISSING",
        }
    }

    /// Number of rows/dates concerned (1 for root-level notes).
    pub fn count(&self) -> usize {
        match *self {
            CurveWarning::CloseFallback { count }
            | CurveWarning::MissingPrice { count }
            | CurveWarning::ExpiredIgnored { count }
            | CurveWarning::DuplicateRow { count }
            | CurveWarning::NonPositivePrice { count }
            | CurveWarning::RollWithoutOverlap { count }
            | CurveWarning::HeldContractMissing { count } => count,
            CurveWarning::DuplicateTau { dates }
            | CurveWarning::TooFewPoints { dates, .. }
            | CurveWarning::IllConditioned { dates }
            | CurveWarning::NotConverged { dates } => dates,
            CurveWarning::SingleContract => 1,
        }
    }

    /// A sentence for the user.
    pub fn message(&self) -> String {
        match *self {
            CurveWarning::CloseFallback { count } => {
                format!("settle missing or 0 on {count} rows: used the close price there")
            }
            CurveWarning::MissingPrice { count } => {
                format!("{count} rows have neither settle nor close: dropped")
            }
            CurveWarning::ExpiredIgnored { count } => {
                format!("{count} rows dated after their contract's expiry: ignored")
            }
            CurveWarning::DuplicateRow { count } => {
                format!("{count} duplicate (date, contract) rows: the last one was kept")
            }
            CurveWarning::DuplicateTau { dates } => {
                format!("{dates} dates have contracts sharing one expiry (duplicate days to expiry)")
            }
            CurveWarning::SingleContract => "the root never has more than one live contract: no curve shape".to_string(),
            CurveWarning::NonPositivePrice { count } => {
                format!("{count} values undefined because a price was zero or negative (ratios, logs)")
            }
            CurveWarning::TooFewPoints { dates, need } => {
                format!("{dates} dates have fewer than {need} distinct days to expiry: no fit there")
            }
            CurveWarning::IllConditioned { dates } => {
                format!("{dates} dates gave a singular least-squares system: no fit there")
            }
            CurveWarning::NotConverged { dates } => {
                format!("{dates} dates stopped at the iteration limit")
            }
            CurveWarning::RollWithoutOverlap { count } => {
                format!("{count} rolls had no date with both contracts priced: adjustment gap taken as 0")
            }
            CurveWarning::HeldContractMissing { count } => {
                format!("the held contract has no price on {count} dates: left empty")
            }
        }
    }
}

/// Append `w` when its count is non-zero.
pub(crate) fn push_if(out: &mut Vec<CurveWarning>, w: CurveWarning) {
    if w.count() > 0 {
        out.push(w);
    }
}
