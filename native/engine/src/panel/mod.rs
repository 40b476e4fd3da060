//! Panels: dates × instruments of OHLCV (+ optional vwap, cap) with group codes.
//!
//! **Layout.** Inside the engine every field is *instrument-major*: the value
//! of instrument `i` on date `t` is at `i * T + t`, so each instrument's
//! series is one contiguous slice and the rolling kernels run on plain
//! slices. The JS API speaks *date-major* (`t * N + i`, one row per date);
//! [`Panel::from_date_major`] and [`to_date_major`] convert at the boundary.

pub mod format;

use crate::error::{EngineError, Result};
use crate::expr::GroupLevel;

pub use format::{write_panel_file, MappedPanel};

/// Date axis: either `yyyymmdd` integers or integer epoch timestamps (unit
/// chosen by the caller, e.g. milliseconds). Strictly increasing.
#[derive(Debug, Clone, PartialEq)]
pub enum Dates<'a> {
    Ymd(std::borrow::Cow<'a, [i32]>),
    Epoch(std::borrow::Cow<'a, [i64]>),
}

impl Dates<'_> {
    pub fn len(&self) -> usize {
        match self {
            Dates::Ymd(d) => d.len(),
            Dates::Epoch(d) => d.len(),
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Date `t` as a number (exact for yyyymmdd and for epochs below 2^53).
    pub fn get(&self, t: usize) -> f64 {
        match self {
            Dates::Ymd(d) => d[t] as f64,
            Dates::Epoch(d) => d[t] as f64,
        }
    }
}

/// Borrowed panel; all columns instrument-major with length `t * n`.
#[derive(Debug, Clone)]
pub struct PanelView<'a> {
    pub t: usize,
    pub n: usize,
    pub dates: Dates<'a>,
    pub symbols: Vec<String>,
    pub open: &'a [f64],
    pub high: &'a [f64],
    pub low: &'a [f64],
    pub close: &'a [f64],
    pub volume: &'a [f64],
    pub vwap: Option<&'a [f64]>,
    pub cap: Option<&'a [f64]>,
    pub sector: Option<&'a [i32]>,
    pub industry: Option<&'a [i32]>,
    pub subindustry: Option<&'a [i32]>,
}

impl<'a> PanelView<'a> {
    /// Group codes of a level, or None when the level is absent or all -1.
    pub fn groups(&self, level: GroupLevel) -> Option<&'a [i32]> {
        let g = match level {
            GroupLevel::Sector => self.sector,
            GroupLevel::Industry => self.industry,
            GroupLevel::Subindustry => self.subindustry,
        }?;
        g.iter().any(|&c| c >= 0).then_some(g)
    }

    /// Check shapes and date order (used after loading from any source).
    pub fn validate(&self) -> Result<()> {
        let cells = self.t.checked_mul(self.n).ok_or_else(|| EngineError::invalid("panel too large"))?;
        if self.dates.len() != self.t {
            return Err(EngineError::invalid(format!("dates has {} entries, expected {}", self.dates.len(), self.t)));
        }
        if self.symbols.len() != self.n {
            return Err(EngineError::invalid(format!("symbols has {} entries, expected {}", self.symbols.len(), self.n)));
        }
        let cols: [(&str, Option<&[f64]>); 7] = [
            ("open", Some(self.open)),
            ("high", Some(self.high)),
            ("low", Some(self.low)),
            ("close", Some(self.close)),
            ("volume", Some(self.volume)),
            ("vwap", self.vwap),
            ("cap", self.cap),
        ];
        for (name, col) in cols {
            if let Some(c) = col {
                if c.len() != cells {
                    return Err(EngineError::invalid(format!(
                        "{name} has {} values, expected T*N = {}*{} = {cells}",
                        c.len(),
                        self.t,
                        self.n
                    )));
                }
            }
        }
        for (name, g) in [("sector", self.sector), ("industry", self.industry), ("subindustry", self.subindustry)] {
            if let Some(g) = g {
                if g.len() != self.n {
                    return Err(EngineError::invalid(format!("{name} has {} codes, expected N = {}", g.len(), self.n)));
                }
            }
        }
        for t in 1..self.t {
            if self.dates.get(t) <= self.dates.get(t - 1) {
                return Err(EngineError::invalid(format!("dates must be strictly increasing (index {t})")));
            }
        }
        Ok(())
    }
}

/// Owned panel (tests, the writer, generated benchmark data).
#[derive(Debug, Clone)]
pub struct Panel {
    pub t: usize,
    pub n: usize,
    pub dates: Dates<'static>,
    pub symbols: Vec<String>,
    pub open: Vec<f64>,
    pub high: Vec<f64>,
    pub low: Vec<f64>,
    pub close: Vec<f64>,
    pub volume: Vec<f64>,
    pub vwap: Option<Vec<f64>>,
    pub cap: Option<Vec<f64>>,
    pub sector: Option<Vec<i32>>,
    pub industry: Option<Vec<i32>>,
    pub subindustry: Option<Vec<i32>>,
}

/// Date-major input columns (`t * N + i`), as the JS API supplies them.
pub struct DateMajorInput<'a> {
    pub dates: Dates<'static>,
    pub symbols: Vec<String>,
    pub open: &'a [f64],
    pub high: &'a [f64],
    pub low: &'a [f64],
    pub close: &'a [f64],
    pub volume: &'a [f64],
    pub vwap: Option<&'a [f64]>,
    pub cap: Option<&'a [f64]>,
    pub sector: Option<Vec<i32>>,
    pub industry: Option<Vec<i32>>,
    pub subindustry: Option<Vec<i32>>,
}

impl Panel {
    pub fn view(&self) -> PanelView<'_> {
        let dates = match &self.dates {
            Dates::Ymd(d) => Dates::Ymd(std::borrow::Cow::Borrowed(d.as_ref())),
            Dates::Epoch(d) => Dates::Epoch(std::borrow::Cow::Borrowed(d.as_ref())),
        };
        PanelView {
            t: self.t,
            n: self.n,
            dates,
            symbols: self.symbols.clone(),
            open: &self.open,
            high: &self.high,
            low: &self.low,
            close: &self.close,
            volume: &self.volume,
            vwap: self.vwap.as_deref(),
            cap: self.cap.as_deref(),
            sector: self.sector.as_deref(),
            industry: self.industry.as_deref(),
            subindustry: self.subindustry.as_deref(),
        }
    }

    /// Build from date-major columns, transposing to instrument-major.
    pub fn from_date_major(input: DateMajorInput<'_>) -> Result<Panel> {
        let t = input.dates.len();
        let n = input.symbols.len();
        let cells = t.checked_mul(n).ok_or_else(|| EngineError::invalid("panel too large"))?;
        let conv = |name: &str, col: &[f64]| -> Result<Vec<f64>> {
            if col.len() != cells {
                return Err(EngineError::invalid(format!(
                    "{name} has {} values, expected dates.length * symbols.length = {cells}",
                    col.len()
                )));
            }
            Ok(transpose(col, t, n))
        };
        let panel = Panel {
            t,
            n,
            open: conv("open", input.open)?,
            high: conv("high", input.high)?,
            low: conv("low", input.low)?,
            close: conv("close", input.close)?,
            volume: conv("volume", input.volume)?,
            vwap: input.vwap.map(|c| conv("vwap", c)).transpose()?,
            cap: input.cap.map(|c| conv("cap", c)).transpose()?,
            dates: input.dates,
            symbols: input.symbols,
            sector: input.sector,
            industry: input.industry,
            subindustry: input.subindustry,
        };
        panel.view().validate()?;
        Ok(panel)
    }
}

/// Transpose a `rows × cols` row-major matrix into `cols × rows`, in cache
/// blocks so neither side is walked with a large stride for long.
pub fn transpose(src: &[f64], rows: usize, cols: usize) -> Vec<f64> {
    let mut dst = vec![0.0; rows * cols];
    transpose_into(src, rows, cols, &mut dst);
    dst
}

/// As [`transpose`], into a caller buffer of the same size.
///
/// Works on strips of 8 source rows: for each column it reads 8 sequential
/// streams and writes 8 adjacent destination values (one cache line), which
/// keeps both sides streaming instead of thrashing on a large stride.
pub fn transpose_into(src: &[f64], rows: usize, cols: usize, dst: &mut [f64]) {
    let src = &src[..rows * cols];
    let dst = &mut dst[..rows * cols];
    let strips = rows / 8;
    for s in 0..strips {
        let r0 = s * 8;
        let block = &src[r0 * cols..(r0 + 8) * cols];
        let (a, rest) = block.split_at(cols);
        let (b, rest) = rest.split_at(cols);
        let (c, rest) = rest.split_at(cols);
        let (d, rest) = rest.split_at(cols);
        let (e, rest) = rest.split_at(cols);
        let (f, rest) = rest.split_at(cols);
        let (g, h) = rest.split_at(cols);
        for (col, out) in dst.chunks_exact_mut(rows).enumerate() {
            let o = &mut out[r0..r0 + 8];
            o[0] = a[col];
            o[1] = b[col];
            o[2] = c[col];
            o[3] = d[col];
            o[4] = e[col];
            o[5] = f[col];
            o[6] = g[col];
            o[7] = h[col];
        }
    }
    for r in strips * 8..rows {
        let row = &src[r * cols..(r + 1) * cols];
        for (col, &v) in row.iter().enumerate() {
            dst[col * rows + r] = v;
        }
    }
}

/// Instrument-major `n × t` column → date-major rows for dates `[t0, t1)`.
pub fn to_date_major(col: &[f64], t: usize, n: usize, t0: usize, t1: usize) -> Vec<f64> {
    let (t0, t1) = (t0.min(t1), t1.min(t));
    if t0 == 0 && t1 == t {
        return transpose(col, n, t);
    }
    // Transpose only the dates asked for: copy that slab of each series first.
    let rows = t1 - t0;
    let mut slab = Vec::with_capacity(rows * n);
    for i in 0..n {
        slab.extend_from_slice(&col[i * t + t0..i * t + t1]);
    }
    transpose(&slab, n, rows)
}
