//! The app's one definition of the Sharpe ratio (zero risk-free rate).

/// Annualised Sharpe ratio of a per-period series with mean `mean` and sample standard
/// deviation `sd`: `mean / sd * sqrt(periods_per_year)`. NaN when the deviation is zero or
/// not finite (a constant series has no Sharpe ratio).
pub fn annualized_sharpe(mean: f64, sd: f64, periods_per_year: f64) -> f64 {
    if !(sd > 0.0 && sd.is_finite()) {
        return f64::NAN;
    }
    mean / sd * periods_per_year.sqrt()
}

#[cfg(test)]
mod tests {
    use super::annualized_sharpe;

    #[test]
    fn daily_mean_over_sd_scaled_by_root_periods() {
        assert!((annualized_sharpe(0.001, 0.01, 252.0) - 0.1 * 252f64.sqrt()).abs() < 1e-12);
        assert!(annualized_sharpe(0.001, 0.0, 252.0).is_nan());
        assert!(annualized_sharpe(0.001, f64::NAN, 252.0).is_nan());
    }
}
