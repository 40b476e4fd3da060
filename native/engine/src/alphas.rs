//! The 101 formulas of Kakushadze, "101 Formulaic Alphas" (Wilmott 2016,
//! arXiv:1601.00991), as transcribed in `resources/alphas/alpha101.txt`.
//! They are plain text evaluated by the same engine as user formulas.

use crate::eval::FormulaSpec;

/// The formula file, embedded at compile time.
pub const ALPHA101_TEXT: &str = include_str!("../../../resources/alphas/alpha101.txt");

/// Parse `Alpha#N: formula` lines (skipping `#` comments and blank lines)
/// into specs named `alpha001` ... `alpha101`.
pub fn parse_alpha_file(text: &str) -> Vec<FormulaSpec> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("# ") && *l != "#")
        .filter_map(|l| {
            let (head, formula) = l.split_once(':')?;
            let num: u32 = head.trim().strip_prefix("Alpha#")?.parse().ok()?;
            Some(FormulaSpec::new(format!("alpha{num:03}"), formula.trim()))
        })
        .collect()
}

/// All 101 alphas.
pub fn alpha101() -> Vec<FormulaSpec> {
    parse_alpha_file(ALPHA101_TEXT)
}
