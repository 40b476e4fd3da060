//! Summary statistics of one close-price series.

/// Summary of a close series. Definitions (NaN where undefined):
///
/// * `count` — number of non-NaN closes; `nan_count` — number of NaN closes.
/// * `first`/`last`/`min`/`max`/`mean` — over the non-NaN closes.
/// * Returns are taken between successive non-NaN closes (a NaN gap is
///   bridged): `r_k = c_k / c_{k-1} - 1`.
/// * `total_return = last / first - 1`.
/// * `annualized_return = (1 + total_return)^(periods_per_year / n_returns) - 1`.
/// * `annualized_volatility = std(r, ddof=1) * sqrt(periods_per_year)`.
/// * `sharpe = mean(r) * periods_per_year / annualized_volatility`
///   (zero risk-free rate; NaN when the volatility is 0 or undefined).
/// * `max_drawdown` — largest peak-to-trough fall as a positive fraction
///   (0.25 = the close fell 25% below its running peak); 0 when the series
///   never falls. `max_drawdown_start`/`_end` are indices into the input
///   array of that peak and trough (NaN when there is no drawdown).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SummaryStats {
    pub count: usize,
    pub nan_count: usize,
    pub first: f64,
    pub last: f64,
    pub min: f64,
    pub max: f64,
    pub mean: f64,
    pub total_return: f64,
    pub annualized_return: f64,
    pub annualized_volatility: f64,
    pub sharpe: f64,
    pub max_drawdown: f64,
    pub max_drawdown_start: f64,
    pub max_drawdown_end: f64,
}

pub fn summary_stats(close: &[f64], periods_per_year: f64) -> SummaryStats {
    let nan = f64::NAN;
    let mut s = SummaryStats {
        count: 0,
        nan_count: 0,
        first: nan,
        last: nan,
        min: nan,
        max: nan,
        mean: nan,
        total_return: nan,
        annualized_return: nan,
        annualized_volatility: nan,
        sharpe: nan,
        max_drawdown: nan,
        max_drawdown_start: nan,
        max_drawdown_end: nan,
    };
    let mut sum = 0.0;
    let mut prev: Option<f64> = None;
    // Welford over returns.
    let (mut rn, mut rmean, mut rm2) = (0usize, 0.0f64, 0.0f64);
    // Drawdown tracking.
    let (mut peak, mut peak_idx) = (nan, 0usize);
    let mut best_dd = 0.0f64;
    let mut dd_span: Option<(usize, usize)> = None;

    for (i, &c) in close.iter().enumerate() {
        if c.is_nan() {
            s.nan_count += 1;
            continue;
        }
        s.count += 1;
        sum += c;
        if s.first.is_nan() {
            s.first = c;
        }
        s.last = c;
        s.min = if s.min.is_nan() { c } else { s.min.min(c) };
        s.max = if s.max.is_nan() { c } else { s.max.max(c) };
        if let Some(p) = prev {
            let r = c / p - 1.0;
            rn += 1;
            let d = r - rmean;
            rmean += d / rn as f64;
            rm2 += d * (r - rmean);
        }
        prev = Some(c);
        if peak.is_nan() || c > peak {
            peak = c;
            peak_idx = i;
        } else {
            let dd = 1.0 - c / peak;
            if dd > best_dd {
                best_dd = dd;
                dd_span = Some((peak_idx, i));
            }
        }
    }
    if s.count == 0 {
        return s;
    }
    s.mean = sum / s.count as f64;
    s.max_drawdown = best_dd;
    if let Some((a, b)) = dd_span {
        s.max_drawdown_start = a as f64;
        s.max_drawdown_end = b as f64;
    }
    if rn >= 1 {
        s.total_return = s.last / s.first - 1.0;
        s.annualized_return = (1.0 + s.total_return).powf(periods_per_year / rn as f64) - 1.0;
    }
    if rn >= 2 {
        let sd = (rm2 / (rn - 1) as f64).max(0.0).sqrt();
        s.annualized_volatility = sd * periods_per_year.sqrt();
        s.sharpe = super::annualized_sharpe(rmean, sd, periods_per_year);
    }
    s
}
