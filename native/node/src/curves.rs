//! Futures curves: a `CurvePanel` class built once per dataset + root (in a
//! worker), then asked for views and fits. Columns cross as typed arrays;
//! matrices are date-major (`d * width + j`).

use std::time::Instant;

use alphadesk_engine::curves::cm::{self, Ends};
use alphadesk_engine::curves::continuous::{self, Adjust, RollRule};
use alphadesk_engine::curves::ns::{self, FitOptions, Lambda, LambdaSearch};
use alphadesk_engine::curves::spreads::{self, SpreadKind};
use alphadesk_engine::curves::svensson::{self, SvSearch};
use alphadesk_engine::curves::{lm, pca, tenors, CurvePanel as Core, CurveWarning, LongRows};
use alphadesk_engine::EngineError;
use napi::bindgen_prelude::{Float64Array, Int32Array, Uint32Array, Uint8Array};
use napi_derive::napi;

use crate::error::to_napi;
use crate::guard::guarded;

/// Long rows of one root: one per (date, contract) observation.
#[napi(object)]
pub struct CurvePanelInput {
    /// Whole days (e.g. days since 1970-01-01), strictly ascending.
    pub dates: Int32Array,
    /// Expiry (last trading day) per contract, same day unit, ascending.
    pub expiries: Int32Array,
    /// Per row: index into `dates` and into `expiries`.
    pub row_date: Uint32Array,
    pub row_contract: Uint32Array,
    /// Per row; NaN or 0 = missing (then the close is used, and said).
    pub settle: Float64Array,
    pub close: Option<Float64Array>,
    pub volume: Option<Float64Array>,
    pub open_interest: Option<Float64Array>,
}

/// A degenerate input met, and what was done about it.
#[napi(object)]
pub struct CurveWarningInfo {
    /// Stable code, e.g. CLOSE_FALLBACK, TOO_FEW_POINTS.
    pub code: String,
    pub count: u32,
    pub message: String,
}

fn warnings(w: &[CurveWarning]) -> Vec<CurveWarningInfo> {
    w.iter().map(|w| CurveWarningInfo { code: w.code().to_string(), count: w.count() as u32, message: w.message() }).collect()
}

#[napi(object)]
pub struct CurvePanelInfo {
    pub n_dates: u32,
    pub n_contracts: u32,
    pub max_tenors: u32,
    pub has_volume: bool,
    pub has_open_interest: bool,
    pub warnings: Vec<CurveWarningInfo>,
}

#[napi(object)]
pub struct TenorMatrixResult {
    pub tenors: u32,
    pub price: Float64Array,
    pub tau: Float64Array,
    /// Contract index, -1 where the date has fewer tenors.
    pub contract: Int32Array,
}

#[napi(object)]
pub struct DeviationResult {
    pub tenors: u32,
    pub abs: Float64Array,
    pub pct: Float64Array,
    pub warnings: Vec<CurveWarningInfo>,
}

#[napi(object)]
pub struct SeriesResult {
    pub values: Float64Array,
    pub warnings: Vec<CurveWarningInfo>,
}

#[napi(object)]
pub struct NsOptions {
    /// Fixed λ per day of τ (default 0.0058); ignored when `fitLambda`.
    pub lambda: Option<f64>,
    pub fit_lambda: Option<bool>,
    /// λ search bounds and grid (defaults 0.0005, 0.05, 16).
    pub lambda_min: Option<f64>,
    pub lambda_max: Option<f64>,
    pub grid: Option<u32>,
    /// Use the first `maxTenors` contracts only (0 = all).
    pub max_tenors: Option<u32>,
    /// Skip contracts closer to expiry than this many days.
    pub min_tau: Option<i32>,
}

#[napi(object)]
pub struct NsResult {
    /// Dates × 3 (β0 level, β1 slope, β2 curvature); NaN where no fit.
    pub beta: Float64Array,
    pub lambda: Float64Array,
    pub rmse: Float64Array,
    pub n_points: Uint32Array,
    /// 0 ok, 1 no data, 2 too few points, 3 ill-conditioned, 4 not converged.
    pub status: Uint8Array,
    pub warnings: Vec<CurveWarningInfo>,
    /// Time in the engine for the fits alone.
    pub compute_ms: f64,
}

#[napi(object)]
pub struct SvOptions {
    /// Fixed λ1, λ2; both absent = fitted per date.
    pub lambda1: Option<f64>,
    pub lambda2: Option<f64>,
    pub max_tenors: Option<u32>,
    pub min_tau: Option<i32>,
}

#[napi(object)]
pub struct SvResult {
    /// Dates × 4 betas.
    pub beta: Float64Array,
    /// Dates × 2 (λ1, λ2).
    pub lambda: Float64Array,
    pub rmse: Float64Array,
    pub n_points: Uint32Array,
    pub status: Uint8Array,
    pub warnings: Vec<CurveWarningInfo>,
    pub compute_ms: f64,
}

#[napi(object)]
pub struct PcaResult {
    pub m: u32,
    pub eigenvalues: Float64Array,
    pub explained: Float64Array,
    /// Components × points.
    pub loadings: Float64Array,
    /// Dates × components (NaN on dates without a full daily change).
    pub scores: Float64Array,
    pub mean: Float64Array,
    pub n_obs: u32,
    /// The constant-maturity levels the changes were taken of (dates × points).
    pub levels: Float64Array,
}

#[napi(object)]
pub struct ContinuousOptions {
    /// 'days' (roll `days` panel dates before the last one on/before expiry), 'volume', 'openInterest'.
    pub rule: String,
    pub days: Option<u32>,
    /// 'none', 'difference', 'ratio'.
    pub adjust: String,
}

#[napi(object)]
pub struct ContinuousResult {
    pub contract: Int32Array,
    pub raw: Float64Array,
    pub adjusted: Float64Array,
    /// Adjusted = raw × mul + add, per date (apply to open/high/low too).
    pub mul: Float64Array,
    pub add: Float64Array,
    pub roll_dates: Uint32Array,
    /// Old and new contract price used for each roll's gap (NaN: no overlap).
    pub roll_old: Float64Array,
    pub roll_new: Float64Array,
    pub warnings: Vec<CurveWarningInfo>,
}

fn fit_options(max_tenors: Option<u32>, min_tau: Option<i32>) -> FitOptions {
    FitOptions { max_tenors: max_tenors.unwrap_or(0) as usize, min_tau: min_tau.unwrap_or(0) }
}

fn positive(v: f64, what: &str) -> napi::Result<f64> {
    if v.is_finite() && v > 0.0 {
        Ok(v)
    } else {
        Err(to_napi(EngineError::invalid(format!("{what} must be a positive number, got {v}"))))
    }
}

/// One root's curve panel, held by a worker and reused by every view.
#[napi]
pub struct CurvePanel {
    inner: Core,
}

#[napi]
impl CurvePanel {
    #[napi(constructor)]
    pub fn new(input: CurvePanelInput) -> napi::Result<Self> {
        guarded(|| {
            let empty: &[f64] = &[];
            let rows = LongRows {
                date: &input.row_date,
                contract: &input.row_contract,
                settle: &input.settle,
                close: input.close.as_deref().unwrap_or(empty),
                volume: input.volume.as_deref().unwrap_or(empty),
                open_interest: input.open_interest.as_deref().unwrap_or(empty),
            };
            let inner = Core::from_long(&input.dates, &input.expiries, &rows).map_err(to_napi)?;
            Ok(CurvePanel { inner })
        })
    }

    #[napi]
    pub fn info(&self) -> CurvePanelInfo {
        let p = &self.inner;
        CurvePanelInfo {
            n_dates: p.n_dates() as u32,
            n_contracts: p.n_contracts() as u32,
            max_tenors: p.max_tenors() as u32,
            has_volume: p.has_volume(),
            has_open_interest: p.has_open_interest(),
            warnings: warnings(p.warnings()),
        }
    }

    /// Tenors 1..=k per date (k = 0: all).
    #[napi]
    pub fn tenor_matrix(&self, k: u32) -> napi::Result<TenorMatrixResult> {
        guarded(|| {
            let m = tenors::tenor_matrix(&self.inner, k as usize);
            Ok(TenorMatrixResult {
                tenors: m.tenors as u32,
                price: m.price.into(),
                tau: m.tau.into(),
                contract: m.contract.into(),
            })
        })
    }

    #[napi]
    pub fn deviation(&self, k: u32) -> napi::Result<DeviationResult> {
        guarded(|| {
            let d = tenors::deviation(&self.inner, k as usize);
            Ok(DeviationResult { tenors: d.tenors as u32, abs: d.abs.into(), pct: d.pct.into(), warnings: warnings(&d.warnings) })
        })
    }

    /// `kind`: 'spread' (P_a − P_b), 'contango' (%), 'rollYield' (annualised); tenors 1-based.
    #[napi]
    pub fn tenor_pair(&self, kind: String, a: u32, b: u32) -> napi::Result<SeriesResult> {
        guarded(|| {
            let kind = match kind.as_str() {
                "spread" => SpreadKind::Spread,
                "contango" => SpreadKind::ContangoPct,
                "rollYield" => SpreadKind::RollYield,
                other => return Err(to_napi(EngineError::invalid(format!("unknown spread kind '{other}'")))),
            };
            let s = spreads::tenor_pair(&self.inner, kind, a as usize, b as usize).map_err(to_napi)?;
            Ok(SeriesResult { values: s.values.into(), warnings: warnings(&s.warnings) })
        })
    }

    /// Least-squares slope of price on τ in years over the first k tenors (0 = all).
    #[napi]
    pub fn slope(&self, k: u32) -> napi::Result<Float64Array> {
        guarded(|| Ok(spreads::slope(&self.inner, k as usize).into()))
    }

    /// Dates × targets (days to expiry); `flat`: extrapolate flat beyond the ends (else NaN).
    #[napi]
    pub fn constant_maturity(&self, targets: Float64Array, flat: bool) -> napi::Result<Float64Array> {
        guarded(|| Ok(cm::constant_maturity(&self.inner, &targets, if flat { Ends::Flat } else { Ends::Nan }).into()))
    }

    #[napi]
    pub fn fit_ns(&self, options: Option<NsOptions>) -> napi::Result<NsResult> {
        guarded(|| {
            let o = options.unwrap_or(NsOptions {
                lambda: None,
                fit_lambda: None,
                lambda_min: None,
                lambda_max: None,
                grid: None,
                max_tenors: None,
                min_tau: None,
            });
            let lambda = if o.fit_lambda.unwrap_or(false) {
                let d = LambdaSearch::default();
                let search = LambdaSearch {
                    min: positive(o.lambda_min.unwrap_or(d.min), "lambdaMin")?,
                    max: positive(o.lambda_max.unwrap_or(d.max), "lambdaMax")?,
                    grid: o.grid.map_or(d.grid, |g| g.clamp(3, 200) as usize),
                    tol: d.tol,
                };
                if search.min >= search.max {
                    return Err(to_napi(EngineError::invalid("lambdaMin must be below lambdaMax")));
                }
                Lambda::Fitted(search)
            } else {
                Lambda::Fixed(positive(o.lambda.unwrap_or(ns::DEFAULT_LAMBDA), "lambda")?)
            };
            let started = Instant::now();
            let f = ns::fit_panel(&self.inner, lambda, &fit_options(o.max_tenors, o.min_tau));
            let compute_ms = started.elapsed().as_secs_f64() * 1e3;
            Ok(NsResult {
                beta: f.beta.into(),
                lambda: f.lambda.into(),
                rmse: f.rmse.into(),
                n_points: f.n_points.into(),
                status: f.status.into(),
                warnings: warnings(&f.warnings),
                compute_ms,
            })
        })
    }

    /// The bench baseline: generic LM on all 4 NS parameters per date (same result shape as `fitNs`).
    #[napi]
    pub fn fit_ns_lm(&self, lambda0: f64, max_tenors: Option<u32>, min_tau: Option<i32>) -> napi::Result<NsResult> {
        guarded(|| {
            let opts = fit_options(max_tenors, min_tau);
            let t = self.inner.n_dates();
            let (mut beta, mut lambda, mut rmse) = (vec![f64::NAN; t * 3], vec![f64::NAN; t], vec![f64::NAN; t]);
            let (mut n_points, mut status) = (vec![0u32; t], vec![0u8; t]);
            let started = Instant::now();
            let (mut tau, mut y) = (Vec::new(), Vec::new());
            for d in 0..t {
                tau.clear();
                y.clear();
                let take = if opts.max_tenors == 0 { usize::MAX } else { opts.max_tenors };
                for p in self.inner.curve(d).iter().filter(|p| p.tau >= opts.min_tau).take(take) {
                    tau.push(p.tau as f64);
                    y.push(p.price);
                }
                let f = lm::fit_ns_lm_points(&tau, &y, lambda0);
                beta[d * 3..d * 3 + 3].copy_from_slice(&f.beta);
                (lambda[d], rmse[d], n_points[d], status[d]) = (f.lambda, f.rmse, f.n as u32, f.status as u8);
            }
            let compute_ms = started.elapsed().as_secs_f64() * 1e3;
            let w = alphadesk_engine::curves::status::status_warnings(&status, 4);
            Ok(NsResult {
                beta: beta.into(),
                lambda: lambda.into(),
                rmse: rmse.into(),
                n_points: n_points.into(),
                status: status.into(),
                warnings: warnings(&w),
                compute_ms,
            })
        })
    }

    #[napi]
    pub fn fit_svensson(&self, options: Option<SvOptions>) -> napi::Result<SvResult> {
        guarded(|| {
            let o = options.unwrap_or(SvOptions { lambda1: None, lambda2: None, max_tenors: None, min_tau: None });
            let fixed = match (o.lambda1, o.lambda2) {
                (None, None) => None,
                (l1, l2) => Some([
                    positive(l1.unwrap_or(ns::DEFAULT_LAMBDA), "lambda1")?,
                    positive(l2.unwrap_or(svensson::DEFAULT_LAMBDA2), "lambda2")?,
                ]),
            };
            let started = Instant::now();
            let f = svensson::fit_panel(&self.inner, fixed, &SvSearch::default(), &fit_options(o.max_tenors, o.min_tau));
            let compute_ms = started.elapsed().as_secs_f64() * 1e3;
            Ok(SvResult {
                beta: f.beta.into(),
                lambda: f.lambda.into(),
                rmse: f.rmse.into(),
                n_points: f.n_points.into(),
                status: f.status.into(),
                warnings: warnings(&f.warnings),
                compute_ms,
            })
        })
    }

    /// PCA of daily changes of constant-maturity prices at `targets` days.
    #[napi]
    pub fn pca(&self, targets: Float64Array, flat: bool) -> napi::Result<PcaResult> {
        guarded(|| {
            if targets.is_empty() || targets.len() > 64 {
                return Err(to_napi(EngineError::invalid(format!("PCA needs 1..64 maturities, got {}", targets.len()))));
            }
            let levels = cm::constant_maturity(&self.inner, &targets, if flat { Ends::Flat } else { Ends::Nan });
            let p = pca::pca_of_changes(&levels, targets.len()).map_err(to_napi)?;
            Ok(PcaResult {
                m: p.m as u32,
                eigenvalues: p.eigenvalues.into(),
                explained: p.explained.into(),
                loadings: p.loadings.into(),
                scores: p.scores.into(),
                mean: p.mean.into(),
                n_obs: p.n_obs as u32,
                levels: levels.into(),
            })
        })
    }

    #[napi]
    pub fn continuous(&self, options: ContinuousOptions) -> napi::Result<ContinuousResult> {
        guarded(|| {
            let rule = match options.rule.as_str() {
                "days" => RollRule::DaysBefore(options.days.unwrap_or(0)),
                "volume" => RollRule::Volume,
                "openInterest" => RollRule::OpenInterest,
                other => return Err(to_napi(EngineError::invalid(format!("unknown roll rule '{other}'")))),
            };
            let adjust = match options.adjust.as_str() {
                "none" => Adjust::None,
                "difference" => Adjust::Difference,
                "ratio" => Adjust::Ratio,
                other => return Err(to_napi(EngineError::invalid(format!("unknown adjustment '{other}'")))),
            };
            let c = continuous::build(&self.inner, rule, adjust).map_err(to_napi)?;
            let (roll_old, roll_new): (Vec<f64>, Vec<f64>) = c.roll_prices.iter().copied().unzip();
            Ok(ContinuousResult {
                contract: c.contract.into(),
                raw: c.raw.into(),
                adjusted: c.adjusted.into(),
                mul: c.mul.into(),
                add: c.add.into(),
                roll_dates: c.roll_dates.into(),
                roll_old: roll_old.into(),
                roll_new: roll_new.into(),
                warnings: warnings(&c.warnings),
            })
        })
    }
}
