//! Signals from conditions in the formula language, evaluated on the
//! instrument's own bars (a one-instrument panel): a long condition and/or
//! a short one; a signal where a condition is true (or only where it
//! becomes true, `edge`).

use super::bars::Bars;
use super::signals::Signal;
use crate::eval::{evaluate, EvalOptions, FormulaSpec};
use crate::panel::{Dates, Panel};
use crate::{EngineError, Result};

/// Longest condition text accepted.
pub const MAX_CONDITION_LEN: usize = 4_000;

/// Signals of `long` (+1) and `short` (-1) conditions; on a bar where both
/// fire, the long comes first. `volume` may be absent (NaN).
pub fn condition_signals(
    bars: &Bars,
    volume: Option<&[f64]>,
    long: Option<&str>,
    short: Option<&str>,
    edge: bool,
) -> Result<Vec<Signal>> {
    let conditions: Vec<(&str, &str, i8)> =
        [("long", long, 1i8), ("short", short, -1i8)].into_iter().filter_map(|(n, t, d)| t.map(|t| (n, t, d))).collect();
    if conditions.is_empty() {
        return Err(EngineError::invalid("signals: give a long condition, a short condition or both"));
    }
    for (name, text, _) in &conditions {
        if text.trim().is_empty() {
            return Err(EngineError::invalid(format!("{name}: the condition is empty")));
        }
        if text.len() > MAX_CONDITION_LEN {
            return Err(EngineError::invalid(format!("{name}: the condition is longer than {MAX_CONDITION_LEN} characters")));
        }
    }
    let t = bars.len();
    let volume = match volume {
        Some(v) if v.len() == t => v.to_vec(),
        Some(v) => return Err(EngineError::invalid(format!("volume has {} values but bars.time has {t}", v.len()))),
        None => vec![f64::NAN; t],
    };
    let panel = Panel {
        t,
        n: 1,
        dates: Dates::Epoch(bars.time.clone().into()),
        symbols: vec!["instrument".to_string()],
        open: bars.open.clone(),
        high: bars.high.clone(),
        low: bars.low.clone(),
        close: bars.close.clone(),
        volume,
        vwap: None,
        cap: None,
        sector: None,
        industry: None,
        subindustry: None,
    };
    let specs: Vec<FormulaSpec> = conditions.iter().map(|(n, text, _)| FormulaSpec::new(*n, *text)).collect();
    let opts = EvalOptions { threads: Some(1), ..EvalOptions::default() };
    let out = evaluate(&panel.view(), &specs, &opts, &mut |_, _| true)?;
    let mut fired: Vec<(u32, u8, i8)> = Vec::new();
    for (k, ((name, _, dir), result)) in conditions.iter().zip(&out.results).enumerate() {
        if let Some(err) = &result.error {
            return Err(EngineError::invalid(format!("{name} condition: {}", err.message)));
        }
        let values = result.values.as_deref().unwrap_or(&[]);
        let mut was = false;
        for (bar, &v) in values.iter().enumerate() {
            let on = v.is_finite() && v > 0.0;
            if on && !(edge && was) {
                fired.push((bar as u32, k as u8, *dir));
            }
            was = on;
        }
    }
    fired.sort_unstable();
    Ok(fired.into_iter().map(|(bar, _, dir)| Signal { bar, dir }).collect())
}

/// The built-in generators as conditions `(long, short)`.
pub fn generator(kind: &str, a: u32, b: u32) -> Result<(String, String)> {
    if a == 0 {
        return Err(EngineError::invalid(format!("generator.{kind}: the length must be >= 1")));
    }
    match kind {
        // Close beyond the previous N-bar high / low.
        "breakout" => Ok((format!("close > delay(ts_max(high, {a}), 1)"), format!("close < delay(ts_min(low, {a}), 1)"))),
        // Fast mean of closes above / below the slow one (use with edge triggering for crosses).
        "ma-cross" => {
            if b <= a {
                return Err(EngineError::invalid(format!("generator.ma-cross: slow ({b}) must be longer than fast ({a})")));
            }
            Ok((
                format!("sum(close, {a}) / {a} > sum(close, {b}) / {b}"),
                format!("sum(close, {a}) / {a} < sum(close, {b}) / {b}"),
            ))
        }
        // N down closes in a row → long; N up closes → short.
        "reversal" => {
            Ok((format!("sum(close < delay(close, 1), {a}) == {a}"), format!("sum(close > delay(close, 1), {a}) == {a}")))
        }
        other => Err(EngineError::invalid(format!("generator must be breakout, ma-cross or reversal, got '{other}'"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bars(close: &[f64]) -> Bars {
        let t = (0..close.len() as i64).map(|k| k * 86_400).collect();
        Bars::new(t, close.to_vec(), close.to_vec(), close.to_vec(), close.to_vec()).unwrap()
    }

    #[test]
    fn breakout_fires_on_new_highs_edge_or_level() {
        let b = bars(&[1.0, 2.0, 3.0, 2.0, 4.0, 5.0]);
        let (long, _) = generator("breakout", 2, 0).unwrap();
        let level = condition_signals(&b, None, Some(&long), None, false).unwrap();
        let bars_of = |s: &[Signal]| s.iter().map(|x| x.bar).collect::<Vec<_>>();
        assert_eq!(bars_of(&level), vec![2, 4, 5]);
        let edge = condition_signals(&b, None, Some(&long), None, true).unwrap();
        assert_eq!(bars_of(&edge), vec![2, 4]);
    }

    #[test]
    fn reversal_and_errors_name_the_condition() {
        let b = bars(&[5.0, 4.0, 3.0, 4.0, 5.0, 6.0]);
        let (long, short) = generator("reversal", 2, 0).unwrap();
        let s = condition_signals(&b, None, Some(&long), Some(&short), false).unwrap();
        assert_eq!(s, vec![Signal { bar: 2, dir: 1 }, Signal { bar: 4, dir: -1 }, Signal { bar: 5, dir: -1 }]);
        let e = condition_signals(&b, None, Some("close >"), None, false).unwrap_err().to_string();
        assert!(e.starts_with("long condition"), "{e}");
        let e = condition_signals(&b, None, None, Some("clsoe > 1"), false).unwrap_err().to_string();
        assert!(e.starts_with("short condition"), "{e}");
        assert!(condition_signals(&b, None, None, None, false).is_err());
    }
}
