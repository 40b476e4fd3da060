//! What a simulation needs besides bars and signals: the contract, the unit
//! of the SL/TP distances, the grid, and the options. Each constructor
//! validates and names the offending field.

use crate::{EngineError, Result};

/// Tick size and value, and per-side costs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ContractSpec {
    /// Minimum price increment (> 0).
    pub tick_size: f64,
    /// Money per tick per contract (> 0).
    pub tick_value: f64,
    /// Commission per side in money (>= 0); a round trip pays it twice.
    pub commission: f64,
    /// Slippage per side in ticks (>= 0); a round trip pays it twice.
    pub slippage_ticks: f64,
}

impl ContractSpec {
    pub fn new(tick_size: f64, tick_value: f64, commission: f64, slippage_ticks: f64) -> Result<ContractSpec> {
        positive("spec.tickSize", tick_size)?;
        positive("spec.tickValue", tick_value)?;
        non_negative("spec.commission", commission)?;
        non_negative("spec.slippageTicks", slippage_ticks)?;
        Ok(ContractSpec { tick_size, tick_value, commission, slippage_ticks })
    }

    /// Tolerance for "the price touched the level": a millionth of a tick,
    /// so `entry + 3 × 0.1` touches a high of exactly that price.
    pub fn touch_eps(&self) -> f64 {
        self.tick_size * 1e-6
    }
}

/// The unit SL and TP distances are given in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unit {
    Ticks,
    Price,
    /// Percent of the entry fill.
    Pct,
    /// Multiples of the average true range over `n` bars ending at the signal bar.
    Atr(usize),
}

impl Unit {
    /// `"ticks" | "price" | "pct" | "atr"`; `atr_n` only for `atr`.
    pub fn parse(name: &str, atr_n: Option<u32>) -> Result<Unit> {
        match name {
            "ticks" => Ok(Unit::Ticks),
            "price" => Ok(Unit::Price),
            "pct" => Ok(Unit::Pct),
            "atr" => {
                let n = atr_n.unwrap_or(14);
                if n == 0 {
                    return Err(EngineError::invalid("atrPeriod must be >= 1, got 0"));
                }
                Ok(Unit::Atr(n as usize))
            }
            other => Err(EngineError::invalid(format!("unit must be ticks, price, pct or atr, got '{other}'"))),
        }
    }
}

/// Which level a bar that contains both takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TiePolicy {
    /// The stop (pessimistic; the default).
    Stop,
    /// The target.
    Target,
    /// The level nearer to the bar's open; equal distances take the stop.
    Nearest,
}

impl TiePolicy {
    pub fn parse(name: &str) -> Result<TiePolicy> {
        match name {
            "stop" => Ok(TiePolicy::Stop),
            "target" => Ok(TiePolicy::Target),
            "nearest" => Ok(TiePolicy::Nearest),
            other => Err(EngineError::invalid(format!("tie must be stop, target or nearest, got '{other}'"))),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimOptions {
    pub unit: Unit,
    pub tie: TiePolicy,
    /// Time exit at the close of the trade's `max_hold`-th bar (the entry bar is bar 1).
    pub max_hold: Option<u32>,
    /// Let a signal open a trade while another is open.
    pub overlap: bool,
}

impl SimOptions {
    pub fn new(unit: Unit, tie: TiePolicy, max_hold: Option<u32>, overlap: bool) -> Result<SimOptions> {
        if max_hold == Some(0) {
            return Err(EngineError::invalid("maxHold must be >= 1 bar (the entry bar counts), got 0"));
        }
        Ok(SimOptions { unit, tie, max_hold, overlap })
    }
}

/// SL and TP distances to sweep, each strictly increasing and > 0.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub sl: Vec<f64>,
    pub tp: Vec<f64>,
}

/// Most levels on one axis (a 2,000 × 2,000 grid is already 4M sets).
pub const MAX_LEVELS: usize = 2_000;

impl Grid {
    pub fn new(sl: Vec<f64>, tp: Vec<f64>) -> Result<Grid> {
        levels("sl", &sl)?;
        levels("tp", &tp)?;
        Ok(Grid { sl, tp })
    }

    /// A grid of one set.
    pub fn single(sl: f64, tp: f64) -> Result<Grid> {
        positive("sl", sl)?;
        positive("tp", tp)?;
        Ok(Grid { sl: vec![sl], tp: vec![tp] })
    }

    /// `from:to:step` inclusive, tolerant of float steps (`0.1:0.5:0.1` has 5 levels).
    pub fn range(field: &str, from: f64, to: f64, step: f64) -> Result<Vec<f64>> {
        positive(&format!("{field}.from"), from)?;
        positive(&format!("{field}.step"), step)?;
        if !to.is_finite() || to < from {
            return Err(EngineError::invalid(format!("{field}.to must be >= {field}.from ({from}), got {to}")));
        }
        let count = ((to - from) / step + 1e-9).floor() as usize + 1;
        if count > MAX_LEVELS {
            return Err(EngineError::invalid(format!("{field}: {count} levels, at most {MAX_LEVELS}")));
        }
        Ok((0..count).map(|k| from + k as f64 * step).collect())
    }
}

fn levels(field: &str, values: &[f64]) -> Result<()> {
    if values.is_empty() {
        return Err(EngineError::invalid(format!("{field}: the grid needs at least one level")));
    }
    if values.len() > MAX_LEVELS {
        return Err(EngineError::invalid(format!("{field}: {} levels, at most {MAX_LEVELS}", values.len())));
    }
    for (k, &v) in values.iter().enumerate() {
        positive(&format!("{field}[{k}]"), v)?;
        if k > 0 && v <= values[k - 1] {
            return Err(EngineError::invalid(format!(
                "{field}[{k}] = {v} is not above {field}[{}] = {}: levels must be strictly increasing",
                k - 1,
                values[k - 1]
            )));
        }
    }
    Ok(())
}

fn positive(field: &str, v: f64) -> Result<()> {
    if !v.is_finite() || v <= 0.0 {
        return Err(EngineError::invalid(format!("{field} must be a number > 0, got {v}")));
    }
    Ok(())
}

fn non_negative(field: &str, v: f64) -> Result<()> {
    if !v.is_finite() || v < 0.0 {
        return Err(EngineError::invalid(format!("{field} must be a number >= 0, got {v}")));
    }
    Ok(())
}
