//! Panel files: written once from JS arrays, memory-mapped by evaluators.

use alphadesk_engine::panel::{write_panel_file, DateMajorInput, Dates, Panel};
use napi::bindgen_prelude::{Either, Float64Array, Int32Array};
use napi_derive::napi;

use crate::error::{coded, to_napi};
use crate::guard::guarded;

/// Panel columns for `writePanel`. Layout of every value array: date-major,
/// `T * N` values with the value of symbol `i` on date `t` at index
/// `t * N + i` (one row per date). NaN = missing.
#[napi(object)]
pub struct PanelInput {
    /// T dates, strictly increasing: Int32Array of yyyymmdd, or Float64Array
    /// of integer epoch timestamps (unit of your choice, e.g. ms).
    pub dates: Either<Int32Array, Float64Array>,
    /// N symbols.
    pub symbols: Vec<String>,
    pub open: Float64Array,
    pub high: Float64Array,
    pub low: Float64Array,
    pub close: Float64Array,
    pub volume: Float64Array,
    /// Optional; missing cells (NaN) fall back to the typical price (h + l + c) / 3.
    pub vwap: Option<Float64Array>,
    /// Optional market cap; formulas using `cap` fail with MISSING_FIELD without it.
    pub cap: Option<Float64Array>,
    /// Optional group codes per symbol (N values, -1 = unknown).
    pub sector: Option<Int32Array>,
    pub industry: Option<Int32Array>,
    pub subindustry: Option<Int32Array>,
}

fn epoch_dates(d: &[f64]) -> napi::Result<Vec<i64>> {
    d.iter()
        .map(|&v| {
            if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15 {
                Ok(v as i64)
            } else {
                Err(coded("INVALID_ARGUMENT", &format!("dates must be integers, got {v}")))
            }
        })
        .collect()
}

/// Write a panel file (binary, little-endian; format documented in the
/// engine's `panel::format`) that `evaluateFormulas` memory-maps. Written to
/// a temporary name and renamed, so readers never see a partial file.
#[napi]
pub fn write_panel(path: String, panel: PanelInput) -> napi::Result<()> {
    guarded(|| {
        let dates = match &panel.dates {
            Either::A(ymd) => Dates::Ymd(ymd.to_vec().into()),
            Either::B(epoch) => Dates::Epoch(epoch_dates(epoch)?.into()),
        };
        let input = DateMajorInput {
            dates,
            symbols: panel.symbols.clone(),
            open: &panel.open,
            high: &panel.high,
            low: &panel.low,
            close: &panel.close,
            volume: &panel.volume,
            vwap: panel.vwap.as_deref(),
            cap: panel.cap.as_deref(),
            sector: panel.sector.as_ref().map(|g| g.to_vec()),
            industry: panel.industry.as_ref().map(|g| g.to_vec()),
            subindustry: panel.subindustry.as_ref().map(|g| g.to_vec()),
        };
        let owned = Panel::from_date_major(input).map_err(to_napi)?;
        write_panel_file(std::path::Path::new(&path), &owned.view()).map_err(to_napi)
    })
}
