//! Continuous contracts and panel-level fits on small hand-made chains,
//! checked against hand computation.

use alphadesk_engine::curves::continuous::{build, Adjust, RollRule};
use alphadesk_engine::curves::ns::{self, FitOptions, Lambda, LambdaSearch};
use alphadesk_engine::curves::{cm, CurvePanel, FitStatus, LongRows};

/// Days 100..=109. A expires 103 (10..13 on d0..d3), B 107 (20..27 on
/// d0..d7), C 120 (30..39 on d0..d9). Volumes: B overtakes A on d2, C
/// overtakes B on d5.
fn chain() -> CurvePanel {
    let dates: Vec<i32> = (100..110).collect();
    let (mut date, mut contract, mut settle, mut volume) = (vec![], vec![], vec![], vec![]);
    let vol = [
        [100.0, 90.0, 50.0, 10.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        [20.0, 60.0, 80.0, 90.0, 95.0, 40.0, 20.0, 5.0, 0.0, 0.0],
        [1.0, 2.0, 3.0, 5.0, 30.0, 60.0, 70.0, 80.0, 90.0, 90.0],
    ];
    for (c, (base, days)) in [(10.0, 4), (20.0, 8), (30.0, 10)].into_iter().enumerate() {
        for (d, &v) in vol[c].iter().enumerate().take(days) {
            date.push(d as u32);
            contract.push(c as u32);
            settle.push(base + d as f64);
            volume.push(v);
        }
    }
    let rows = LongRows { date: &date, contract: &contract, settle: &settle, close: &[], volume: &volume, open_interest: &[] };
    CurvePanel::from_long(&dates, &[103, 107, 120], &rows).unwrap()
}

#[test]
fn days_before_expiry_unadjusted_difference_and_ratio() {
    let p = chain();
    let c = build(&p, RollRule::DaysBefore(1), Adjust::None).unwrap();
    assert_eq!(c.contract, vec![0, 0, 0, 1, 1, 1, 1, 2, 2, 2]);
    assert_eq!(c.roll_dates, vec![3, 7]);
    assert_eq!(c.raw, vec![10.0, 11.0, 12.0, 23.0, 24.0, 25.0, 26.0, 37.0, 38.0, 39.0]);
    assert_eq!(c.adjusted, c.raw);
    assert_eq!(c.roll_prices, vec![(13.0, 23.0), (27.0, 37.0)]);

    let c = build(&p, RollRule::DaysBefore(1), Adjust::Difference).unwrap();
    assert_eq!(c.adjusted, (30..40).map(|v| v as f64).collect::<Vec<_>>());
    assert_eq!(c.add[0], 20.0);

    let c = build(&p, RollRule::DaysBefore(1), Adjust::Ratio).unwrap();
    let (r1, r2) = (23.0 / 13.0, 37.0 / 27.0);
    let want = [10.0 * r1 * r2, 11.0 * r1 * r2, 12.0 * r1 * r2, 23.0 * r2, 24.0 * r2, 25.0 * r2, 26.0 * r2, 37.0, 38.0, 39.0];
    for (a, b) in c.adjusted.iter().zip(want) {
        assert!((a - b).abs() < 1e-12, "{a} vs {b}");
    }
}

#[test]
fn hold_through_expiry_measures_the_gap_on_the_last_common_date() {
    let c = build(&chain(), RollRule::DaysBefore(0), Adjust::Difference).unwrap();
    // A held through its expiry (d3), B from d4 (A has no price there: gap taken on d3).
    assert_eq!(c.contract, vec![0, 0, 0, 0, 1, 1, 1, 1, 2, 2]);
    assert_eq!(c.roll_prices, vec![(13.0, 23.0), (27.0, 37.0)]);
    assert_eq!(c.adjusted[3], 33.0);
    assert!(c.warnings.is_empty());
}

#[test]
fn volume_crossover_rolls_when_the_next_contract_trades_more() {
    let c = build(&chain(), RollRule::Volume, Adjust::None).unwrap();
    assert_eq!(c.contract, vec![0, 0, 1, 1, 1, 2, 2, 2, 2, 2]);
    assert_eq!(c.roll_dates, vec![2, 5]);
    let e = build(&chain(), RollRule::OpenInterest, Adjust::None).unwrap_err();
    assert!(e.to_string().contains("no open-interest data"), "{e}");
}

#[test]
fn ratio_adjustment_refuses_negative_prices_and_gaps_are_left_empty() {
    // A single contract dipping below zero, then a second one.
    let rows = LongRows {
        date: &[0, 1, 1, 2, 3],
        contract: &[0, 0, 1, 1, 1],
        settle: &[5.0, -37.63, 10.0, 11.0, 12.0],
        close: &[],
        volume: &[],
        open_interest: &[],
    };
    let p = CurvePanel::from_long(&[0, 1, 2, 3], &[1, 30], &rows).unwrap();
    let e = build(&p, RollRule::DaysBefore(0), Adjust::Ratio).unwrap_err();
    assert!(e.to_string().contains("ratio adjustment needs positive prices"), "{e}");
    let c = build(&p, RollRule::DaysBefore(0), Adjust::Difference).unwrap();
    assert_eq!(c.adjusted, vec![5.0 + 47.63, -37.63 + 47.63, 11.0, 12.0]);
    // Contract 1 missing on date 2: left NaN, said.
    let rows = LongRows {
        date: &[0, 1, 3],
        contract: &[0, 0, 0],
        settle: &[1.0, 2.0, 3.0],
        close: &[],
        volume: &[],
        open_interest: &[],
    };
    let p = CurvePanel::from_long(&[0, 1, 2, 3], &[10], &rows).unwrap();
    let c = build(&p, RollRule::DaysBefore(0), Adjust::None).unwrap();
    assert!(c.raw[2].is_nan());
    assert_eq!(c.warnings[0].code(), "HELD_CONTRACT_MISSING");
}

#[test]
fn panel_fits_and_constant_maturity() {
    // Two dates of an exact NS curve on 12 contracts, one date with 2 contracts.
    let beta = [70.0, -9.0, 4.0];
    let expiries: Vec<i32> = (0..12).map(|k| 130 + 30 * k).collect();
    let (mut date, mut contract, mut settle) = (vec![], vec![], vec![]);
    for d in 0..2u32 {
        for (c, &e) in expiries.iter().enumerate() {
            date.push(d);
            contract.push(c as u32);
            settle.push(ns::curve_at(&beta, 0.006, (e - 100 - d as i32) as f64));
        }
    }
    date.extend([2, 2]);
    contract.extend([0, 1]);
    settle.extend([50.0, 51.0]);
    let rows = LongRows { date: &date, contract: &contract, settle: &settle, close: &[], volume: &[], open_interest: &[] };
    let p = CurvePanel::from_long(&[100, 101, 102], &expiries, &rows).unwrap();
    let fixed = ns::fit_panel(&p, Lambda::Fixed(0.006), &FitOptions::default());
    assert!((fixed.beta[0] - 70.0).abs() < 1e-8 && (fixed.beta[4] + 9.0).abs() < 1e-8);
    assert_eq!(fixed.status, vec![FitStatus::Ok as u8, FitStatus::Ok as u8, FitStatus::TooFewPoints as u8]);
    assert_eq!(fixed.warnings[0].code(), "TOO_FEW_POINTS");
    let fitted = ns::fit_panel(&p, Lambda::Fitted(LambdaSearch::default()), &FitOptions { max_tenors: 10, min_tau: 0 });
    assert!((fitted.lambda[0] - 0.006).abs() < 1e-5 && fitted.n_points[0] == 10, "{:?} {:?}", fitted.lambda, fitted.n_points);
    // The tabulated and the direct fixed-λ paths agree.
    let direct = ns::fit_fixed_points(&[30.0, 60.0, 90.0, 120.0], &settle[..4], 0.006);
    assert!((direct.beta[0] - 70.0).abs() < 1e-8);
    // CM at 45 days on date 0: halfway between τ 30 and 60.
    let m = cm::constant_maturity(&p, &[45.0], cm::Ends::Nan);
    assert!((m[0] - (settle[0] + settle[1]) / 2.0).abs() < 1e-12);
    // Date 2: τ 28 → 50, τ 58 → 51: 50 + 17/30.
    assert!((m[2] - (50.0 + 17.0 / 30.0)).abs() < 1e-12);
}
