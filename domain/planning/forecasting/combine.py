"""The default forecaster: a combination of a few robust methods, vectorised across products.

Per-product choice among many methods by a short backtest picks the method that was lucky on the last few
origins (the M competitions found it again and again); an equal-weight combination of a few robust methods does
better and is steadier. What is combined depends on the demand class:

* **smooth and erratic** demand — the mean of two forecasts of the seasonally adjusted series: Holt's damped
  trend and the Theta method (simple exponential smoothing, SES, plus half the slope of the straight line through
  the history, Assimakopoulos & Nikolopoulos 2000, in the form of Hyndman & Billah 2003).
  Each method's smoothing constants are chosen per product from a small grid by the in-sample one-step squared
  error, for all products at once (Theta's α by the errors of Theta's own forecasts, not SES's: ``theta_fit``,
  RESULTS-forecast.md, section AF); the damped trend's criterion also counts the errors of its forecasts a whole
  horizon ahead (``_holt_sse``), so the trend it keeps is one that held over a lead time. Where the trend it reads
  at an origin points against the straight line through the history, and that line explains at least a fifth of
  the history's variance, it carries no trend over the horizon (``against_the_line``): a local slope against the
  direction a row has kept is a dip more often than a turn (Tourism monthly and quarterly −0.012 and −0.010 in
  MASE a series over three origins, the prisoners −0.002, no set worse; RESULTS-forecast.md, section BV).
  Theta's drift is half the line's slope on a row of noise about its trend (a flow: trips, sales) and up to the
  whole slope as far as the row's changes persist (``drift_share``, ``trend_persistence``: the variance ratio of its
  changes over a season to its one-period changes', 1/season for noise about a line, 1 for a random walk): a stock
  such as a population counted each quarter moves by inflows and outflows that change slowly, so its slope is its
  drift, and half of it ran behind every quarter (prisoner counts 2.066 / 1.622 / 1.205 → 2.062 / 1.600 / 1.183 in
  MASE at three origins, M1 quarterly −0.028 a series; Tourism and the regions' trips, whose changes undo each
  other, within 0.001 over three origins, Tourism quarterly +0.009 at one of them; RESULTS-forecast.md, BG).
  Where the season is strong (``season_strength`` at least ``STRONG_SEASON`` = 0.8: the factors explain most of
  the series' movement about its trend), **last season at today's level** joins as a third member of equal weight:
  for each period ahead, the same period a season earlier (of the cleaned, adjusted history below) less the level
  the SES member forecast for it then, added to the SES level now and multiplied by the period's factor. The
  factors average six seasons and miss how the latest season's shape differs from them (a peak that moved a
  month, a trough that deepened); last season's values as they were (seasonal naive) carry last year's level too,
  which a trend has left behind. On the development sets, with the outliers below: Tourism monthly (150) 1.505 →
  1.438, Tourism quarterly 1.480 → 1.425, M1 monthly 1.036 → 1.031 in MASE (RESULTS-forecast.md, section Z).
  Where the trend is strong (``trend_strength`` at least ``STRONG_TREND`` = 0.9: a straight line explains nine
  tenths of the adjusted history's variance), **Holt's linear trend** (undamped, its α and β chosen as the damped
  trend's) joins as a member of equal weight. Both other members hold a real trend back: the damped trend bends it
  flat within a few periods, and Theta extrapolates half the history's slope where the row's changes do not
  persist (its forecasts of a straight line run behind it by half a slope a period); on M1 quarterly, whose series
  mostly grow, the combination's held-out forecasts ran 0.5 of a naive error a period below the actuals. Where the
  line explains less, a trend is as likely to turn as to hold and the undamped member costs more than it brings
  (RESULTS-forecast.md, section AC: M1 quarterly 1.623 → 1.615 at the holdout origin and 0.022 better on average
  over three origins, every other set within noise).
* **additive outliers** of the seasonally adjusted series (``additive_outliers``: a period beyond ``OUTLIER_Z``
  = 4 robust standard deviations of the SES one-step errors that the next period does not follow) are brought to
  that fence before the members are fitted, so one odd month does not move the level and the trend of the whole
  horizon (Tourism quarterly 1.480 → 1.448 alone). The last period before an origin is never brought in (nothing
  after it tells an outlier from a new level yet), so the level takes it whole; the damped and linear trends read
  at an origin take its one-step error only up to the same fence (``steady_trend``): a trend is a rate, and one
  period beyond the fence says nothing yet about how fast the level moves (a department's back-to-school peak a
  week late, at the origin, set a trend that ran up for two months: RESULTS-forecast.md, section AH).
* **intermittent and lumpy** demand — the mean of SBA (Croston with the Syntetos–Boylan correction), TSB and
  SES, each with its constants chosen the same way (SBA from SES's grid of α, 0.02–0.9; TSB from 0.02–0.3 for
  the size and 0.01–0.3 for the probability of demand); these never forecast a trend or a season from a few
  scattered demands. SBA's forecast decays while no demand comes (its interval plus c times the periods since the
  last demand, c from 0, 0.25, 0.5, 1 chosen with α): plain SBA stays where the last demand left it however long
  a product has not sold, where TSB's probability and SES's level already fall (RESULTS-forecast.md, section AI).
  Their mean is the mean demand per period, which the order-up-to level needs; it is not
  lowered towards the per-period median, although an error measure by absolute errors (MASE) rewards that on
  sparse demand (a zero forecast scores best there: RESULTS-forecast.md, section X).

**Seasonality.** A product is called seasonal only when its history holds at least two seasons, its
autocorrelation at the season's lag passes the 80 % test (r_s > 1.28·√((1 + 2·Σ_{k<s} r_k²)/n); the M4
competition's benchmarks used 90 %, 1.645, which on every public development set left out series whose adjustment
paid: M1 monthly 1.056 → 1.035 in MASE), and it is not intermittent. The autocorrelations are those of the ratios
to the centred moving average where those to windows whole at the end number two seasons (two and a half of
history: the first and the last half season's are to partial windows, ``_centred_mean``, but for the latest
periods, whose windows miss most of their periods after them; the last half season's count in the factors and the
autocorrelations, not in that threshold; RESULTS-forecast.md, section AL), of the ratios to the straight line through
the history where it holds two to two and a half seasons (too few ratios to the moving average for a test;
every monthly set cut to 27–33 months gained), and of both where it holds up to three and a half, either passing
(monthly sets cut to 36 and 42 months gained; Walmart's departments, 135 weeks; ``seasonal_factors``). A row under
two and a half seasons that fails keeps last year's shape (``methods.yearly_index``), and where two years and a
quarter precede the origin only the part of it that the year before showed too (``methods.recurring_share``:
last year's noisy weeks are not a season; RESULTS-forecast.md, section AB). A row's verdict and factors come from
its own periods: the same alone and right-aligned beside longer rows (RESULTS-forecast.md, section AE).
The adjustment is the classical multiplicative decomposition: the ratio of each period to its centred moving average
over one season, averaged per position in the season without the highest and the lowest ratio (a trimmed mean, so
one odd year does not set a month's factor, as in X-11: Tourism quarterly 1.499 → 1.480 in MASE), normalised to
mean 1. The factors are those of the latest six seasons (``RECENT_SEASONS``: a season drifts) shrunk towards the
whole history's as far as the ratios' noise explains how the two differ (``_recent_factors``: a noisy season's
six-year factors carried their noise into every forecast), then towards a flat season as far as that noise
explains their spread (``_flatter_factors``: a row that passed the test on noise, a weekly row's factors from two
or three ratios each; RESULTS-forecast.md, section AS), and weekly ones towards the weeks either side as far as the
spread of their ratios says they are noise (``_neighbour_factors``, section AT). A row whose test ran on the
ratios to the moving average (two and a half seasons of history or more) and failed is adjusted too, by its factors
so shrunk, though not called seasonal: the test keeps a weak season out with the noise (a noisy row's
autocorrelation at the season's lag is diluted by its noise), and since the shrinkage takes factors of noise to a
flat season there is nothing left for the test to keep out. Of the 64 rows of prisoner counts the 80 % test passed
16 at the holdout; of the 47 it failed (one is intermittent), 28 keep factors 2.3 % from 1 on average after the
shrinkage and 19 come out flat, and adjusting them gained 0.024 in MASE a series over three origins, the regions'
trips 0.004, M1 monthly 0.008, no set worse (RESULTS-forecast.md, section AW). Every constant follows ``season``
(52 weekly, 12 monthly, 4 quarterly, 7 daily).

**Uncertainty.** Lead-time demand is not the sum of independent one-step errors: when the level is wrong it is
wrong for every period of the lead time. The quantiles therefore come from simulated paths of the level model
behind the forecast (ETS(A,N,N) with the product's own SES constant α): each path draws one-step errors ε from
the product's in-sample errors (with replacement) and carries α·ε into the level of every later period,
``d_k = f_k + ε_k + α·Σ_{j<k} ε_j``, each period floored at 0. The per-period quantiles and the quantiles of
demand summed over 1..k (``cumulative``) are read off the same paths. The in-sample errors of a fitted
model understate its errors on new data, so they are widened by the ratio of the product's out-of-sample
one-step error (the rolling backtest) to its in-sample one, where that ratio is above 1. Each product's draws are
seeded by a hash of its own figures, so a product's quantiles do not depend on the other products in the call;
``DRAWS`` = 1,600 paths keep the Monte Carlo noise of a 0.95 lead-time quantile near 2½ % of its width.
One ratio for every level cannot give both the middle and the tail of the lead-time distribution their width (on
public data the 0.8 quantile of the h-period total covered 5–8 points too much on some sets while the 0.98 one
covered 8 points too little on others), so the quantiles of the sums are then rescaled level by level from the
product's own backtest sums (``conformal_cumulative``, split conformal; the levels below the median by the sums
below the forecast), and their spread follows the size of the
product's latest errors against its history's (``quantiles.recent_volatility``: error sizes cluster). For
intermittent and lumpy demand every per-period level up to the median that is at most the share of periods
without demand is 0 (``zero_below_demand_share``): the simulated paths carry no mass at zero.

**Interruptions.** Weeks without demand inside a smooth or erratic row that otherwise sells every period, at a time
no other season shows them (``interruptions``: a strike, a closure, a stockout nobody recorded), count as censored
periods with the weeks they cut short: taken as demand, an airline's nine weeks of a pilots' dispute pulled the
level to zero and back, chose the fastest smoothing constants and hid its yearly season (RESULTS-forecast.md,
section AT; the scores are still taken against the history as it was).

**Isolated extremes.** A single period far above the rest of a product's demands (``isolated_extremes``: above
Q3 + 5·IQR, the only one, and not a season's peak) is brought down to that fence before any of this: fitted as it
was, it lifted the level for months, its error was drawn as a change of level, and the backtest sums that held it
set the calibration factor, which then multiplied the simulated spike again (one week of 750 among weeks of 80
gave a 0.98 quantile of four weeks' demand of 2,300–3,600). Extremes that recur are kept.
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from domain.planning.forecasting import methods as m

SES_ALPHAS = (0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9)
# α up to 0.9: a level that follows a series which moves (quarterly economic series: M1 quarterly's erratic rows
# 1.47 → 1.27 in MASE); the criterion over the horizon keeps it from chasing noise elsewhere.
HOLT_GRID = tuple(
    (a, b, phi) for a in (0.1, 0.3, 0.6, 0.9) for b in (0.02, 0.1, 0.2) for phi in (0.9, 0.98, 1.0)
)
HORIZON_WEIGHT = 0.5  # the horizon-step squared errors' weight in the damped trend's criterion, per horizon step
# SBA takes its constant from SES's grid (it was 0.05–0.3): a row whose demand sizes or intervals shift is followed
# as fast as its own one-step squared errors say, as its SES member already was; TSB's grid reaches slower (0.02,
# 0.01) and faster (0.2, 0.3) constants too. On the intermittent and lumpy rows of the bicycles, the same 97 rows
# from three origins and the demo's 859: MASE better by 3.7, 2.8 and 2.3 paired standard errors, RMSSE no worse
# (RESULTS-forecast.md, section X).
CROSTON_ALPHAS = SES_ALPHAS
# SBA's forecast decays while no demand comes: its interval is the smoothed one plus c times the periods since the
# last demand (``methods.croston_states``'s ``zero_run``), c chosen with α by the same one-step squared errors, 0
# (plain SBA) among them. RESULTS-forecast.md, section AI.
ZERO_RUN_WEIGHTS = (0.0, 0.25, 0.5, 1.0)
SBA_GRID = tuple((a, c) for a in CROSTON_ALPHAS for c in ZERO_RUN_WEIGHTS)
TSB_GRID = tuple((a, b) for a in (0.02, 0.05, 0.1, 0.2, 0.3) for b in (0.01, 0.02, 0.05, 0.1, 0.2, 0.3))
SEASONALITY_Z = 1.28  # the 80 % two-sided test on the autocorrelation at the season's lag (see the docstring)
# Paths per row. A row's 0.95 lead-time quantile from 400 paths moved by 5 % of its width (above the summed mean)
# from one seed to another (one standard deviation, the median row of every development set), enough to move a
# calibration cell by 1–3 points (Australian retail's lead-time 0.9: 0.913–0.940 over five seeds) and a product's
# safety stock whenever its history changed in a digit that redraws its paths. The noise falls as 1/√draws (1,600:
# 2.4 %, at 3 s more CPU per 10,000 rows of four periods); antithetic draws took it no lower and Latin hypercube
# draws 10–15 % lower at more cost than the same noise by more paths (RESULTS-forecast.md, section AG).
DRAWS = 1600
SEED = 20261205
BURN_IN = 3  # observed periods the one-step errors skip while the states settle

RECENT_SEASONS = 6  # the seasonal factors lean on the last six seasons (patterns drift): ``_recent_factors``
# A ratio to a centred moving average window cut by the row's end counts while the window misses at most this share
# of the half season after its period (monthly: the last six months but the latest two; quarterly: all but the
# latest quarter): a window that misses more is mostly the season itself (RESULTS-forecast.md, section AL).
END_MISSING = 0.75
SMOOTH_MEMBERS = ("damped", "theta")
SLOW_ALPHA = 0.1  # the level under the yearly index
INTERRUPTION_SHARE = 0.5  # a period next to an interruption under this share of the demand around it is part of it
INTERRUPTION_ZEROS = 0.02  # at most this share of a row's other periods without demand (``interruptions``)
INTERRUPTION_MIN = 2  # periods without demand in a row that can be an interruption (``interruptions``)
OUTLIER_Z = 4.0  # an adjusted period is an additive outlier beyond this many robust standard deviations of its errors
STRONG_SEASON = 0.8  # the season's strength from which last season at today's level joins the combination
STRONG_TREND = 0.9  # the trend's strength (R² of the straight line) from which Holt's linear trend joins
LINEAR_GRID = tuple(g for g in HOLT_GRID if g[2] == 1.0)  # Holt's linear trend: the damped trend's grid at φ = 1
AGAINST_LINE = 0.2  # the line's R² from which a damped trend against it is read as a dip (``against_the_line``)
INTERMITTENT_MEMBERS = ("sba", "tsb", "ses")


@dataclass(frozen=True, eq=False)
class Combined:
    """The combination's figures for every row of the matrix.

    Attributes:
        paths: forecast paths (rows × origins × horizon) from the backtest origins asked for.
        final: forecast (rows × horizon) from the whole history.
        fitted: one-step in-sample forecasts (rows × periods), NaN where there was nothing to go on.
        alpha: the SES constant of each row (the level model behind the quantiles).
        seasonal: whether the row's season passed the seasonal test (a row whose test ran and failed is adjusted
            too, by factors shrunk towards a flat season: ``factors``).
        members: per member name, its final forecast (rows × horizon) and backtest paths, NaN for rows it is
            not a member of.
        last_season: whether the row's season is strong enough for last season at today's level to be a member.
        linear_trend: whether the row's trend is strong enough for Holt's linear trend to be a member.
        factors: the seasonal factors the rows were adjusted with (rows × season, position ``t % season`` for
            period t; 1 for rows not adjusted).
        cleaned: the history the members were fitted to, in demand units: ``Y`` with each additive outlier
            (``additive_outliers``) replaced by its fence, seasonal again; the statsmodels models of Thorough mode
            are fitted to it too.
        tested: whether the row's seasonal test settled the question (``seasonal_factors``): passed, or ran on the
            ratios to the moving average and failed (the row then adjusted by its shrunk factors, not seasonal).
        line: the slope of the straight line through each row's adjusted history (``_theta_line``), and
            ``strength`` how much of its variance the line explains (``trend_strength``): what ``against_the_line``
            reads at the forecast's origin, for Thorough's models too.
    """

    paths: np.ndarray
    final: np.ndarray
    fitted: np.ndarray
    alpha: np.ndarray
    seasonal: np.ndarray
    member_paths: dict[str, np.ndarray]
    calibration: np.ndarray | None = None
    last_season: np.ndarray | None = None
    cleaned: np.ndarray | None = None
    linear_trend: np.ndarray | None = None
    factors: np.ndarray | None = None
    tested: np.ndarray | None = None
    line: np.ndarray | None = None
    strength: np.ndarray | None = None


# ---------------------------------------------------------------- seasonality


def _acf(y: np.ndarray, lags: int) -> np.ndarray:
    """Autocorrelations 1..lags per row (censored periods filled with the row's mean)."""
    count = (~np.isnan(y)).sum(axis=1, keepdims=True)
    mean = np.nansum(y, axis=1, keepdims=True) / np.maximum(count, 1)
    x = np.where(np.isnan(y), mean, y) - mean
    denom = np.sum(x * x, axis=1)
    out = np.empty((y.shape[0], lags))
    for k in range(1, lags + 1):
        out[:, k - 1] = np.sum(x[:, k:] * x[:, :-k], axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denom[:, None] > 0, out / denom[:, None], 0.0)


def _trimmed_mean(values: np.ndarray) -> np.ndarray:
    """Per row, the mean of its non-NaN values without the highest and the lowest one (with three or more; the
    plain mean with one or two), NaN for a row without any."""
    if values.shape[1] == 0:
        return np.full(len(values), np.nan)
    s = np.sort(values, axis=1)  # NaN last
    count = (~np.isnan(values)).sum(axis=1)
    rows = np.arange(len(s))
    total = np.nansum(s, axis=1)
    lo = s[:, 0]
    hi = s[rows, np.maximum(count - 1, 0)]
    trim = count >= 3
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(trim, (total - lo - hi) / np.maximum(count - 2, 1), total / np.maximum(count, 1))
    return np.where(count > 0, out, np.nan)


def _centred_mean(y: np.ndarray, season: int, first: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The centred moving average over one season (2×s for an even season) of each row's observed periods, and
    the periods whose window is whole at the end (``full``: those whose window ends within the matrix).

    A window that reaches past the matrix's last period is the mean of the periods it has (a partial window): the
    matrix's end is every row's end, so that is the same alone and beside longer rows. ``seasonal_factors`` takes
    the ratios to those that miss at most ``END_MISSING`` of their half season into the factors and the test's
    autocorrelations (before, the last half season had no ratio, so the factors of its positions were a season
    older than the others': RESULTS-forecast.md, section AL); ``full`` still counts the ratios its thresholds
    read, and ``season_strength`` reads only whole windows.

    A window that reaches back before a row's first observed period is the mean of the periods the row has in it
    (a partial window), for every row: whether the row starts at the matrix's first column (its window is cut
    there) or later (NaN before it), so a row's ratios are the same alone and beside longer rows. Before, the
    first half season's ratios were dropped at the first column but counted after leading NaN, so a row's
    seasonal verdict depended on how wide the matrix was (M1 monthly: 29 of 617 rows adjusted alone and not in
    the matrix or the reverse). Dropping them for every row too would be row-local, but it took half a season of
    ratios from the short rows that had them on the development sets (M1 monthly 1.030 → 1.036, M1 quarterly
    1.623 → 1.652 in MASE); counting them for every row changes only rows as long as their matrix
    (RESULTS-forecast.md, section AE). Censored periods are skipped in the mean. With ``first`` (per row, its first
    observed period) only whole windows count, as ``season_strength`` reads them.
    """
    T = y.shape[1]
    csum, ccount = m.window_means(y)
    t = np.arange(T)
    half = season // 2
    if season % 2:
        cma = m.mean_between(csum, ccount, t - half, t + half + 1)
    else:
        a = m.mean_between(csum, ccount, t - half, t + half)
        cma = (a + m.mean_between(csum, ccount, t - half + 1, t + half + 1)) / 2.0
    full = (t + half + 1 <= T)[None, :]
    if first is not None:  # only whole windows: none reaching back before the row's first period (``first``)
        full = full & (t[None, :] - half >= np.asarray(first)[:, None])
    return cma, full


def seasonal_factors(
    Y, season: int, eligible, *, recent: int | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Multiplicative seasonal factors per row and position (rows × season), whether each row is seasonal and
    whether its test settled the question (``tested``).

    Every observed period but the latest has a ratio to the centred moving average: the first and the last half
    season's are to partial windows (``_centred_mean``), and only the latest periods, whose windows miss more than
    ``END_MISSING`` of the half season after them, have none. The last half season's ratios count in the factors
    and in the test's autocorrelations (without them the factors of its positions missed the latest season:
    RESULTS-forecast.md, section AL), not in the thresholds below, which count the ratios to windows whole at the
    end (a partial window's ratio carries part of the season itself): the test runs on the ratios to the centred
    moving average where a row has two seasons of those (two and a half seasons of history); their
    autocorrelation at the season's lag then rests on a season of pairs or more. A row with two to two and a
    half seasons has too few of those ratios, so its test runs on the ratios to the straight line through its
    whole history instead (``_line_ratios``), whose lag-s autocorrelation rests on all but one season of its
    periods; the same 80 % limit applies. Such a row counts as tested only when it passes: failing a test on so
    few periods is no evidence that there is no season, and those rows keep last year's shape
    (``methods.yearly_index``, see ``combine``). A row with under three seasons of ratios (three and a half of
    history) is seasonal if either test passes (the ratio test still rests on less than two seasons of pairs).
    Either way the factors come from the ratios to the centred moving average (one or two per position for the
    shortest rows, as in the classical decomposition). All of it reads the row's own periods only: a row gets the
    same verdict and factors (rotated by its offset) alone and right-aligned beside longer rows.

    With ``recent`` (seasons), the factors are the latest ``recent`` seasons' shrunk towards the whole history's
    (``_recent_factors``) and then towards a flat season (``_flatter_factors``), each as far as the ratios' noise
    explains the difference; without it, the whole history's.

    Position p holds the factor of every period t with ``t % season == p`` (t counted from the matrix's first
    column). Rows that are not ``eligible``, hold less than two seasons of observed periods after their first
    one, fail the autocorrelation test, or have a non-positive centred mean get factors of 1; but with ``recent``, a
    row whose test ran on the ratios to the moving average (``tested``) and failed gets its shrunk factors, without
    being called seasonal: the shrinkage towards a flat season leaves noise flat and a weak season as far as its
    noise allows (RESULTS-forecast.md, section AW).
    """
    y = np.atleast_2d(np.asarray(Y, dtype=float))
    n, T = y.shape
    factors = np.ones((n, max(season, 1)))
    seasonal = np.zeros(n, dtype=bool)
    tested = np.zeros(n, dtype=bool)
    if season < 2 or T < 2 * season:
        return factors, seasonal, tested
    observed = (~np.isnan(y)).sum(axis=1)
    first = np.argmax(~np.isnan(y), axis=1)
    span = T - first
    candidates = np.flatnonzero(np.asarray(eligible) & (observed >= 2 * season) & (span >= 2 * season))
    if len(candidates) == 0:
        return factors, seasonal, tested
    sub = y[candidates]
    # Centred moving average over one season (2×s for an even season), on the observed periods.
    t = np.arange(T)
    cma, full = _centred_mean(sub, season)
    # a period's ratio counts unless its window misses more than END_MISSING of the half season after it
    counted = (t + season // 2 + 1 - T <= int(END_MISSING * (season // 2)))[None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where(counted & (cma > 0), sub / cma, np.nan)
    # The test runs on the detrended ratios (a trend would hide the season in the raw autocorrelations), most of
    # the latest half season's included; how many a row has (``testable``, ``weak``) counts those whose window is
    # whole at the end, so the thresholds still read two and a half and three and a half seasons of history.
    r = _acf(ratio, season)
    limit = SEASONALITY_Z * np.sqrt(
        (1.0 + 2.0 * np.sum(r[:, :-1] ** 2, axis=1)) / np.maximum((~np.isnan(ratio)).sum(axis=1), 1)
    )
    n_ratio = (~np.isnan(ratio) & full).sum(axis=1)
    testable = n_ratio >= 2 * season
    passing = (r[:, -1] > limit) & testable
    # Under three seasons of ratios (three and a half of history) their test rests on less than two seasons of
    # pairs, under two it has none worth the name: there the test on the ratios to the line through the history
    # runs too, and either passing will do.
    weak = n_ratio < 3 * season
    if weak.any():
        line = _line_ratios(sub[weak])
        r_line = _acf(line, season)
        n_line = (~np.isnan(line)).sum(axis=1)
        limit_line = SEASONALITY_Z * np.sqrt((1.0 + 2.0 * np.sum(r_line[:, :-1] ** 2, axis=1)) / np.maximum(n_line, 1))
        passing[weak] |= (r_line[:, -1] > limit_line) & (n_line >= 2 * season)
    short = ~testable
    tested[candidates[testable]] = True
    pos = t % season
    f = np.full((len(candidates), season), np.nan)
    for p in range(season):
        f[:, p] = _trimmed_mean(ratio[:, pos == p])
    if recent:
        f = _flatter_factors(*_recent_factors(ratio, season, recent, f))
    f = _neighbour_factors(f, ratio, season, recent)
    complete = ~np.isnan(f).any(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        f = f / (np.nansum(f, axis=1, keepdims=True) / np.maximum((~np.isnan(f)).sum(axis=1, keepdims=True), 1))
    usable = complete & np.all(f > 0, axis=1) & np.all(np.isfinite(f), axis=1)
    ok = passing & usable
    factors[candidates[ok]] = f[ok]
    seasonal[candidates[ok]] = True
    if recent:
        # A row whose test ran and failed is adjusted too, by its factors as shrunk: a weak season the test
        # cannot tell from noise comes through as far as its noise allows, noise comes out flat (``_flatter_factors``).
        faint = testable & ~passing & usable
        factors[candidates[faint]] = f[faint]
    tested[candidates[short & ok]] = True  # a short row's test settles it only when the row is adjusted
    return factors, seasonal, tested


def _neighbour_factors(f: np.ndarray, ratio: np.ndarray, season: int, recent: int | None) -> np.ndarray:
    """Weekly factors (``season // 52`` neighbours either side; monthly and quarterly ones are returned as they are)
    drawn towards the curve through their neighbours (weights ¼, ½, ¼) by as much as their noise explains of how far
    they stray from it: a week's factor from its own four to six ratios carried those weeks' noise, which the
    forecast then repeated a year later, but a peak that stands in the same week every year is no noise and stays
    sharp. The share kept is James and Stein's positive part, per row: 1 − Σ var(d) / Σ d², d being each week's
    distance from the curve and var(d) its variance from the spread of the week's ratios across the latest
    ``recent`` years (every year without ``recent``). Airline passengers and Walmart's departments by week:
    RESULTS-forecast.md, section AT."""
    reach = season // 52
    if not reach:
        return f
    T = ratio.shape[1]
    t = np.arange(T)
    pos = t % season
    recent_cols = t >= (T - recent * season) if recent else np.ones(T, dtype=bool)
    shifts = range(-reach, reach + 1)
    weights = (reach + 1 - np.abs(np.arange(-reach, reach + 1))) / (reach + 1) ** 2  # ¼, ½, ¼ for weeks
    smooth = sum(w * np.roll(f, k, axis=1) for w, k in zip(weights, shifts, strict=True))
    se2 = np.full(f.shape, np.nan)  # the squared standard error of each position's mean ratio
    for p in range(season):
        r_p = ratio[:, (pos == p) & recent_cols]
        k = (~np.isnan(r_p)).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            dev = r_p - (np.nansum(r_p, axis=1) / k)[:, None]
            se2[:, p] = np.where(k >= 2, np.nansum(dev * dev, axis=1) / (k - 1) / k, np.nan)
    # the deviation from the smooth curve and the noise in it: d = f − Σ w_k f_(p+k)
    coef = [(1.0 if k == 0 else 0.0) - w for w, k in zip(weights, shifts, strict=True)]
    noise = sum(c_ * c_ * np.roll(se2, k, axis=1) for c_, k in zip(coef, shifts, strict=True))
    with np.errstate(invalid="ignore", divide="ignore"):
        keep = np.clip(1.0 - np.nansum(noise, axis=1) / np.nansum((f - smooth) ** 2, axis=1), 0.0, 1.0)
    keep = np.where(np.isnan(keep), 1.0, keep)[:, None]
    return smooth + keep * (f - smooth)


def _nanmean(values: np.ndarray, **kwargs) -> np.ndarray:
    """``np.nanmean`` without its warning for a row that has nothing to average (its mean is NaN, as numpy gives):
    a row whose factors are incomplete is not adjusted anyway, and the warning reached the app's console."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.nanmean(values, **kwargs)


def _recent_factors(ratio: np.ndarray, season: int, recent: int, whole: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The factors of the latest ``recent`` seasons' ratios (rows × season), shrunk towards those of the whole
    history (``whole``) as far as the noise of the ratios accounts for their difference, and the variance of each
    factor that the noise leaves (rows × season, for ``_flatter_factors``).

    A season drifts (a peak moves, a trough deepens), so the latest seasons tell its shape now; but a factor from
    six ratios (four after trimming) carries their noise, and on a noisy row that noise is most of how the latest
    seasons' factors differ from the whole history's. Per row, with the recent factors r_p and the whole history's
    a_p from k_p and K_p ratios at position p and σ² the variance of the recent ratios about their position's
    factor (pooled over the positions), noise alone makes r_p − a_p vary by σ²·(1/k_p − 1/K_p) (the recent
    ratios are part of the whole history's). The factors are a + w·(r − a), w = max(0, 1 − σ²·mean(1/k − 1/K) /
    mean((r − a)²)): the positive-part James–Stein shrinkage of the difference. A row whose seasons differ by far
    more than their noise keeps its recent factors (w near 1); a row whose difference is all noise takes the whole
    history's (w = 0); a row without more than ``recent`` seasons has nothing older to shrink to (r = a). The
    noisy quarterly trips of Australia's regions: MASE 0.960 → 0.951 at the holdout, better at two earlier origins
    too; the sets whose seasons drift kept their recent factors (RESULTS-forecast.md, section AS)."""
    n, T = ratio.shape
    t = np.arange(T)
    pos = t % season
    in_recent = t >= T - recent * season
    factors = np.full((n, season), np.nan)
    squares = np.zeros(n)  # the recent ratios' squared deviations from their position's factor
    dof = np.zeros(n)
    noise = np.zeros(n)  # Σ_p (1/k_p − 1/K_p)
    recent_counts = np.zeros((n, season))
    counts = np.zeros((n, season))
    for p in range(season):
        values = ratio[:, (pos == p) & in_recent]
        factors[:, p] = _trimmed_mean(values)
        k = recent_counts[:, p] = (~np.isnan(values)).sum(axis=1)
        total = counts[:, p] = (~np.isnan(ratio[:, pos == p])).sum(axis=1)
        squares += np.nansum((values - factors[:, p, None]) ** 2, axis=1)
        dof += np.maximum(k - 1, 0)
        noise += np.where(k > 0, 1.0 / np.maximum(k, 1) - 1.0 / np.maximum(total, 1), 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        spread = _nanmean((factors - whole) ** 2, axis=1)
        weight = np.clip(1.0 - squares / np.maximum(dof, 1) * noise / season / spread, 0.0, 1.0)
    weight = np.where(spread > 0, weight, 1.0)
    # The factor (1 − w)·a + w·r of K ratios' mean a and k ratios' mean r, the k among the K: σ²·((1 − w²)/K + w²/k).
    w2 = weight[:, None] ** 2
    sigma2 = (squares / np.maximum(dof, 1))[:, None]
    variance = sigma2 * ((1.0 - w2) / np.maximum(counts, 1) + w2 / np.maximum(recent_counts, 1))
    return whole + weight[:, None] * (factors - whole), variance


def _flatter_factors(factors: np.ndarray, variance: np.ndarray) -> np.ndarray:
    """Seasonal factors (rows × season) shrunk towards a flat season (their row's mean) as far as their noise
    (``variance``, per factor) accounts for how far they spread: f̄ + v·(f − f̄), v = max(0, 1 − (s − 1)/s ·
    mean(variance) / mean((f − f̄)²)), the positive-part James–Stein estimate of the season's shape (Miller &
    Williams 2003 shrank multiplicative seasonal factors so). A row whose season stands far above its noise
    keeps its factors; a row that passed the seasonal test on noise (one row in ten without a season does at the
    80 % level) is adjusted by a season near flat, not by its noise; a weekly row of two or three years, whose factors
    rest on two or three ratios each, keeps the part of its season the noise cannot explain. Every set gained or held:
    M1 monthly −0.0035, Walmart −0.028 in MASE over three origins (RESULTS-forecast.md, section AS)."""
    season = factors.shape[1]
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = _nanmean(factors, axis=1, keepdims=True)
        spread = _nanmean((factors - mean) ** 2, axis=1)
        noise = _nanmean(variance, axis=1) * (season - 1) / season
        weight = np.clip(1.0 - noise / spread, 0.0, 1.0)
    weight = np.where(spread > 0, weight, 1.0)
    return mean + weight[:, None] * (factors - mean)


def _line_ratios(y: np.ndarray) -> np.ndarray:
    """Per row, each observed period over the least-squares line through the row's observed periods (NaN where
    the period is censored or the line is not above 0): a row detrended over its whole history, for the seasonal
    test of rows too short for a season of ratios to the centred moving average beyond the first."""
    observed = ~np.isnan(y)
    t = np.where(observed, np.arange(y.shape[1])[None, :], np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        t_mean = np.nanmean(t, axis=1, keepdims=True)
        y_mean = np.nanmean(y, axis=1, keepdims=True)
        slope = np.nansum((t - t_mean) * (y - y_mean), axis=1, keepdims=True) / np.nansum(
            (t - t_mean) ** 2, axis=1, keepdims=True
        )
        line = y_mean + slope * (np.arange(y.shape[1])[None, :] - t_mean)
        return np.where(observed & (line > 0), y / line, np.nan)


# ---------------------------------------------------------------- isolated extremes

EXTREME_IQR = 5.0  # a period is extreme above Q3 + 5·IQR of the row's demands (Tukey's far-out fence is 3)
EXTREME_MIN_DEMANDS = 8  # demands a row needs before one of them can be called extreme


def isolated_extremes(Y, season: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The history with a single extreme period brought down to the row's fence, and where that was done.

    A period is extreme when its demand lies above Q3 + ``EXTREME_IQR``·IQR of the row's non-zero demands (for
    exponentially distributed order sizes that is about seven times the mean, exceeded by one demand in a
    thousand). A row whose history holds exactly one such period has seen it once and has nothing to say it
    recurs: that period is set to the fence for the fit, the backtest errors and the quantiles' draws, so one
    week of 750 among weeks of 80 neither lifts the level for months nor, multiplied by the calibration, sets the
    reorder point. Two or more extremes recur and stay as they are, as does an extreme whose period a season
    before or after also stands out (above Q3 + 1.5·IQR: a season's peak that grew past the fence), and
    everything in rows with fewer than ``EXTREME_MIN_DEMANDS`` demands. The forecasts' scores are still taken
    against the history as it was.

    Returns:
        The clipped copy (rows × periods, NaN kept) and the mask of clipped periods.
    """
    y = np.atleast_2d(np.asarray(Y, dtype=float))
    sizes = np.where(y > 0, y, np.nan)  # NaN (censored) and zeros left out
    count = (~np.isnan(sizes)).sum(axis=1)
    mask = np.zeros(y.shape, dtype=bool)
    rows = np.flatnonzero(count >= EXTREME_MIN_DEMANDS)
    if len(rows) == 0:
        return y.copy(), mask
    ordered = np.sort(sizes[rows], axis=1)  # NaN last; quartiles by linear interpolation, as np.nanquantile
    k = count[rows] - 1
    picked = np.arange(len(rows))

    def quartile(p: float) -> np.ndarray:
        pos = p * k
        lo = np.floor(pos).astype(int)
        hi = np.minimum(lo + 1, k)
        return ordered[picked, lo] + (ordered[picked, hi] - ordered[picked, lo]) * (pos - lo)

    q1, q3 = quartile(0.25), quartile(0.75)
    fence = q3 + EXTREME_IQR * (q3 - q1)
    with np.errstate(invalid="ignore"):
        above = sizes[rows] > fence[:, None]
    single = above.sum(axis=1) == 1
    if season >= 2 and y.shape[1] > season:
        # The same period a season before or after standing out too (beyond Tukey's inner fence, Q3 + 1.5·IQR)
        # makes it a season's peak, not an isolated one.
        high = np.nan_to_num(sizes[rows] > (q3 + 1.5 * (q3 - q1))[:, None])
        echo = np.zeros_like(high)
        echo[:, season:] |= high[:, :-season]
        echo[:, :-season] |= high[:, season:]
        single &= ~(above & echo).any(axis=1)
    mask[rows[single]] = above[single]
    out = y.copy()
    out[rows[single]] = np.where(above[single], fence[single, None], y[rows[single]])
    return out, mask


def interruptions(Y, season: int, eligible) -> np.ndarray:
    """The periods of each ``eligible`` row that are an interruption, not demand: a run of at least
    ``INTERRUPTION_MIN`` periods without demand inside the row's history (demand before and after it) whose
    periods of the season are not without demand in any other season of the row (within ``season // 26`` periods
    of them: a week's holiday moves). Where a product sold every period, weeks of nothing that no other year shows
    at that time are a stoppage (a strike, a closure, a stockout nobody recorded); taken as demand, they pulled the
    level to zero and back, the smoothing constants that fit that best were the fastest, and the seasonal test read
    the gap instead of the season. A trough that recurs each season is the season and stays, and so does every
    run in a row with more than ``INTERRUPTION_ZEROS`` of its other periods without demand (a slow seller). The
    periods either side of the run that it cut short, under ``INTERRUPTION_SHARE`` of the median demand of a season
    around it, are part of it. An interruption at the row's end is not looked for: nothing after it tells it from
    an end (the app records stockouts as censored periods itself).

    Returns:
        The mask (rows × periods) of the periods to count as censored (NaN).
    """
    y = np.atleast_2d(np.asarray(Y, dtype=float))
    n, T = y.shape
    zero = (y == 0) & np.asarray(eligible, dtype=bool)[:, None]
    mask = np.zeros((n, T), dtype=bool)
    rows = np.flatnonzero(zero.any(axis=1))
    if len(rows) == 0:
        return mask
    z = zero[rows]
    fwd = np.zeros(z.shape, dtype=int)  # zeros in a row ending at each period
    bwd = np.zeros(z.shape, dtype=int)  # zeros in a row starting at each period
    for t in range(T):
        fwd[:, t] = np.where(z[:, t], (fwd[:, t - 1] if t else 0) + 1, 0)
    for t in range(T - 1, -1, -1):
        bwd[:, t] = np.where(z[:, t], (bwd[:, t + 1] if t < T - 1 else 0) + 1, 0)
    observed = y[rows] > 0
    t = np.arange(T)
    first = np.where(observed.any(axis=1), np.argmax(observed, axis=1), T)
    last = T - 1 - np.argmax(observed[:, ::-1], axis=1)
    start, end = t[None, :] - fwd + 1, t[None, :] + bwd - 1
    inside = z & (fwd + bwd - 1 >= INTERRUPTION_MIN) & (start > first[:, None]) & (end < last[:, None])
    # Only where the row's demand otherwise hardly ever stops: a slow seller's weeks without a sale are its demand,
    # and two of them in a row come as they come.
    span = (t[None, :] >= first[:, None]) & (t[None, :] <= last[:, None]) & ~np.isnan(y[rows])
    runs = z & (fwd + bwd - 1 >= INTERRUPTION_MIN)
    elsewhere = (z & ~runs & span).sum(axis=1) / np.maximum((span & ~runs).sum(axis=1), 1)
    inside &= (elsewhere <= INTERRUPTION_ZEROS)[:, None]
    if season >= 2 and T > season:
        # the same time of another season without demand too (that season's periods within ``reach``)
        reach = season // 26
        recurring = np.zeros(z.shape, dtype=bool)
        for k in range(season - reach, T, season):
            for d in range(k, min(k + 2 * reach + 1, T)):
                recurring[:, d:] |= z[:, :-d]
                recurring[:, :-d] |= z[:, d:]
        inside &= ~recurring
    # The periods either side of the gap that it cut short (under ``INTERRUPTION_SHARE`` of the median demand of the
    # season around it) are part of it: a stoppage begins and ends part-way through a period, and the first periods
    # after it run at a fraction of the usual demand while the service resumes.
    reach = max(season, 4)
    for i in np.flatnonzero(inside.any(axis=1)):
        v, gap = y[rows[i]], inside[i].copy()
        edges = np.flatnonzero(np.diff(np.concatenate([[0], inside[i].astype(int), [0]])))
        for lo, hi in zip(edges[::2], edges[1::2] - 1, strict=True):  # each run's first and last period
            near = np.r_[max(lo - reach, 0) : lo, hi + 1 : min(hi + 1 + reach, T)]
            around = v[near][(v[near] > 0) & ~inside[i, near]]
            if len(around) == 0:
                continue
            low = v < INTERRUPTION_SHARE * np.median(around)  # NaN compares False
            while lo - 1 > first[i] and low[lo - 1]:
                lo -= 1
            while hi + 1 < last[i] and low[hi + 1]:
                hi += 1
            gap[lo : hi + 1] = True
        inside[i] = gap
    mask[rows] = inside
    return mask


# ---------------------------------------------------------------- strength of the season


def season_strength(Y, factors: np.ndarray, season: int) -> np.ndarray:
    """How much of each row's movement about its trend the seasonal factors explain, per row (NaN where it cannot
    be told): 1 − Var(log remainder) / Var(log ratio), the ratio being each period's demand to its centred moving
    average over one season and the remainder that ratio divided by the period's factor (the strength of
    seasonality of Wang, Smith & Hyndman 2006, on the multiplicative decomposition's log scale). 1 is a season
    that repeats exactly, 0 one the factors do not explain at all. Only whole windows count (``_centred_mean``
    with the row's first period): periods whose window reaches back before the row's first observed period or
    past the matrix's end, censored or without demand are left out. A partial window's ratio carries part of the
    season itself, which no factor explains (an exact season scored 0.98, not 1); before, it was counted after
    leading NaN and not at the first column, so a row's strength depended on the matrix's width."""
    y = np.atleast_2d(np.asarray(Y, dtype=float))
    n, T = y.shape
    out = np.full(n, np.nan)
    if season < 2 or T <= season:
        return out
    t = np.arange(T)
    cma, full = _centred_mean(y, season, np.argmax(~np.isnan(y), axis=1))
    f = factors[:, t % season]
    with np.errstate(invalid="ignore", divide="ignore"):
        ok = full & (cma > 0) & (y > 0) & (f > 0)
        log_ratio = np.where(ok, np.log(np.where(ok, y / cma, 1.0)), np.nan)
        remainder = log_ratio - np.log(np.where(ok, f, 1.0))
    count = ok.sum(axis=1)

    def variance(v: np.ndarray) -> np.ndarray:
        mean = np.nansum(v, axis=1) / np.maximum(count, 1)
        return np.nansum((v - mean[:, None]) ** 2, axis=1) / np.maximum(count, 1)

    total = variance(log_ratio)
    usable = (count >= 2 * season) & (total > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        out[usable] = 1.0 - variance(remainder)[usable] / total[usable]
    return out


# ---------------------------------------------------------------- strength of the trend


def trend_strength(x) -> np.ndarray:
    """How much of each row's variance the least-squares straight line through its observed periods explains (its
    R², 0 to 1), per row; 0 where it cannot be told (fewer than three observed periods, or no variance). Taken on
    the seasonally adjusted history, so the season's swing does not count against the trend."""
    y = np.atleast_2d(np.asarray(x, dtype=float))
    observed = ~np.isnan(y)
    count = observed.sum(axis=1)
    t = np.broadcast_to(np.arange(y.shape[1], dtype=float), y.shape)
    size = np.maximum(count, 1)
    t_mean = np.where(observed, t, 0.0).sum(axis=1) / size
    y_mean = np.where(observed, y, 0.0).sum(axis=1) / size
    dt = np.where(observed, t - t_mean[:, None], 0.0)
    dy = np.where(observed, y - y_mean[:, None], 0.0)
    sxy, sxx, syy = (dt * dy).sum(axis=1), (dt * dt).sum(axis=1), (dy * dy).sum(axis=1)
    usable = (count >= 3) & (sxx > 0) & (syy > 0)
    out = np.zeros(len(y))
    out[usable] = sxy[usable] ** 2 / (sxx[usable] * syy[usable])
    return out


def trend_persistence(x, lag: int) -> np.ndarray:
    """How far each row's changes persist, 0 to 1: the variance ratio of its ``lag``-period changes to ``lag`` times
    its one-period changes' (both about the mean change, the drift), taken from 1/lag to 1. A row of noise about a
    line (a flow: trips, sales about their trend) has changes that undo each other, a ratio of 1/lag and 0 here; a
    row whose changes carry on (a stock: a population counted each quarter, whose inflow and outflow move slowly)
    has a ratio near 1 (a random walk's) and 1 here. 0 where fewer than 2·lag changes over ``lag`` periods are
    observed (too few to tell) or the row does not move."""
    y = np.atleast_2d(np.asarray(x, dtype=float))
    k = int(lag)
    if y.shape[1] <= k:
        return np.zeros(len(y))
    one, many = y[:, 1:] - y[:, :-1], y[:, k:] - y[:, :-k]
    n_one, n_many = (~np.isnan(one)).sum(axis=1), (~np.isnan(many)).sum(axis=1)
    drift = np.nansum(one, axis=1) / np.maximum(n_one, 1)
    v_one = np.nansum((one - drift[:, None]) ** 2, axis=1) / np.maximum(n_one, 1)
    v_many = np.nansum((many - k * drift[:, None]) ** 2, axis=1) / np.maximum(n_many, 1)
    usable = (n_many >= 2 * k) & (v_one > 0)
    ratio = np.where(usable, v_many / (k * np.where(usable, v_one, 1.0)), 0.0)
    return np.where(usable, np.clip((ratio - 1.0 / k) / (1.0 - 1.0 / k), 0.0, 1.0), 0.0)


def drift_share(x, season: int) -> np.ndarray:
    """The share of the line's slope the Theta member extrapolates, per row: ½ (the Theta method's) plus ½ times
    ``trend_persistence`` over a season (two periods where there is none). A slope of noise about a line that held
    for the whole history may still turn (Theta's half is the hedge that won the M3 competition); a slope made of
    changes that carry on is the row's drift, and a random walk's forecast carries all of it (the whole slope on
    the rows of prisoner counts, RESULTS-forecast.md, section BG)."""
    return 0.5 + 0.5 * trend_persistence(x, max(int(season), 2))


# ---------------------------------------------------------------- additive outliers


def _fence(err: np.ndarray) -> np.ndarray:
    """``OUTLIER_Z`` robust standard deviations (1.4826 × the median absolute size) of each row's errors (rows ×
    periods, NaN where a period does not count); NaN for a row without any."""
    n, T = err.shape
    size = np.where(np.isnan(err), np.inf, np.abs(err))
    count = (~np.isnan(err)).sum(axis=1)
    # The median of the observed absolute errors per row (sorted, NaN as +inf last).
    ordered = np.sort(size, axis=1)
    rows = np.arange(n)
    lo, hi = np.maximum((count - 1) // 2, 0), np.maximum(count // 2, 0)
    with np.errstate(invalid="ignore"):
        median = np.where(count > 0, (ordered[rows, lo] + ordered[rows, np.minimum(hi, T - 1)]) / 2.0, np.nan)
    return OUTLIER_Z * 1.4826 * median


def additive_outliers(x: np.ndarray, states: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The seasonally adjusted series with its additive outliers brought to their fence, and where that was done.

    A period's one-step error is its value less the SES level before it (``states``: rows × periods + 1, as
    ``methods.ses_states``). It is an additive outlier when the error lies beyond ``OUTLIER_Z`` robust standard
    deviations of the row's errors (1.4826 × their median absolute size, the ``BURN_IN`` first observed periods
    left out) and the next period's error, observed, does not lie beyond the fence on the same side: one month
    out of line that the next month does not follow (a strike, a one-off order, a noisy month of a season's
    trough divided by its small factor) rather than a new level. Such a period is set to the level before it
    plus the fence, on its side, so it still says that month was high or low but not that the level moved by
    all of it. Fitted as it was, one such month lifted every member's level for the whole horizon (on Tourism
    monthly a month of 25,000 among months of 11,000–14,000 set the next two years 20 % too high). The last
    observed period is never changed: nothing after it tells an outlier from a new level yet. Rows are
    independent."""
    x = np.atleast_2d(np.asarray(x, dtype=float))
    n, T = x.shape
    observed = ~np.isnan(x)
    rank = np.cumsum(observed, axis=1)
    err = np.where(observed & (rank > BURN_IN), x - states[:, :T], np.nan)
    size = np.where(np.isnan(err), np.inf, np.abs(err))
    fence = _fence(err)
    with np.errstate(invalid="ignore"):
        beyond = (size > fence[:, None]) & np.isfinite(size) & (fence[:, None] > 0)
        after = np.concatenate([err[:, 1:], np.full((n, 1), np.nan)], axis=1)
        followed = (np.abs(after) > fence[:, None]) & (np.sign(after) == np.sign(err))
    mask = beyond & ~np.isnan(after) & ~followed
    with np.errstate(invalid="ignore"):
        out = np.where(mask, states[:, :T] + np.sign(np.nan_to_num(err)) * fence[:, None], x)
    return out, mask


# ---------------------------------------------------------------- members


def _one_step_sse(states_fit: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Sum of squared one-step errors per row, skipping each row's first ``BURN_IN`` observed periods."""
    observed = ~np.isnan(y)
    rank = np.cumsum(observed, axis=1)
    err = y - states_fit
    use = observed & (rank > BURN_IN) & ~np.isnan(err)
    return np.where(use, err * err, 0.0).sum(axis=1)


def _grid_choice(y: np.ndarray, fits: list[np.ndarray]) -> np.ndarray:
    """Index of the lowest one-step SSE per row among ``fits`` (each rows × periods of one-step forecasts)."""
    sse = np.stack([_one_step_sse(f, y) for f in fits])
    return np.argmin(sse, axis=0)


def _ses_sse(x: np.ndarray, alpha) -> np.ndarray:
    """One-step squared errors of SES summed per row (the ``BURN_IN`` first observed periods skipped); ``alpha`` per
    row or a column of settings (settings × 1) for settings × rows at once, as ``_holt_sse``."""
    n, T = x.shape
    shape = np.broadcast_shapes(np.shape(alpha), (n,))
    columns = np.ascontiguousarray(x.T)
    level = np.full(shape, np.nan)
    seen = np.zeros(n)
    sse = np.zeros(shape)
    for t in range(T):
        v = columns[t]
        obs = ~np.isnan(v)
        err = v - level
        sse += np.where(obs & (seen >= BURN_IN) & ~np.isnan(err), err * err, 0.0)
        level = np.where(obs, np.where(np.isnan(level), v, level + alpha * err), level)
        seen += obs
    return sse


def ses_fit(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """SES with α chosen per row from ``SES_ALPHAS``: the states (rows × periods + 1) and α per row."""
    sse = _ses_sse(x, np.asarray(SES_ALPHAS)[:, None])
    alpha = np.asarray(SES_ALPHAS)[np.argmin(sse, axis=0)]
    return m.ses_states(x, alpha), alpha


def _holt_sse(x: np.ndarray, alpha, beta, phi, horizon: int = 1) -> np.ndarray:
    """The damped trend's grid criterion per row, without keeping the states (the grid search's pass over rows ×
    settings): the one-step squared errors summed, plus ``HORIZON_WEIGHT``/horizon times the squared errors of
    the forecasts made ``horizon`` periods earlier (the ``BURN_IN`` first observed periods skipped in both).

    One-step errors alone choose the settings that follow the last period best, not those whose trend holds over
    the lead time: on the quarterly development sets they chose a trend that ran away or a level too slow to
    follow a series that moves (RESULTS-forecast.md, section V).

    ``alpha``, ``beta`` and ``phi`` are per row or broadcast against the rows: a grid's settings as a column
    (settings × 1) score every row under every setting (settings × rows) without copying ``x`` once per setting."""
    n, T = x.shape
    shape = np.broadcast_shapes(np.shape(alpha), np.shape(beta), np.shape(phi), (n,))
    columns = np.ascontiguousarray(x.T)  # a period's figures side by side
    level = np.full(shape, np.nan)
    trend = np.zeros(shape)
    seen = np.zeros(n)  # observed periods so far: the same under every setting
    sse = np.zeros(shape)
    ahead = horizon > 1
    if ahead:
        damping = np.asarray(phi, dtype=float)
        steps = sum(damping**k for k in range(1, horizon + 1))  # the trend's multiplier ``horizon`` periods ahead
        # The states after the last ``horizon`` periods, in a ring: the arrays themselves (the recursion makes new
        # ones each period and never changes one in place), the count of observed periods copied.
        past_level = [np.full(shape, np.nan)] * horizon
        past_trend = [np.zeros(shape)] * horizon
        past_seen = [np.zeros(n)] * horizon
        weight = HORIZON_WEIGHT / horizon
    damp_keep = (1.0 - np.asarray(beta, dtype=float)) * phi  # the same product as ``(1 − β)·φ`` per element
    # A squared error is added where it counts (and is not NaN) and nothing elsewhere, which leaves the sum as
    # adding 0 did.
    for t in range(T):
        v = columns[t]
        obs = ~np.isnan(v)
        fit = level + phi * trend
        err = v - fit
        square = err * err
        np.add(sse, square, out=sse, where=(err == err) & (obs & (seen >= BURN_IN)))
        if ahead:
            # The states after period t − 1 go into slot t; slot t + 1 still holds those after period t − horizon,
            # whose forecast for period t is ``horizon`` periods ahead.
            past_level[t % horizon], past_trend[t % horizon], past_seen[t % horizon] = level, trend, seen.copy()
            old = (t + 1) % horizon
            far = v - (past_level[old] + steps * past_trend[old])
            np.multiply(far, far, out=square)
            square *= weight
            np.add(sse, square, out=sse, where=(far == far) & (obs & (past_seen[old] >= BURN_IN)))
        start = obs & np.isnan(level)
        new_level = alpha * v + (1.0 - alpha) * fit
        new_trend = beta * (new_level - level) + damp_keep * trend
        upd = obs & ~start
        trend = np.where(upd, new_trend, trend)
        level = np.where(start, v, np.where(upd, new_level, level))
        seen += obs
    return sse


def damped_states(x: np.ndarray, horizon: int = 1, grid: Sequence[tuple[float, float, float]] = HOLT_GRID):
    """Holt's damped trend with (α, β, φ) chosen per row from ``grid`` (``HOLT_GRID``; ``LINEAR_GRID`` for Holt's
    linear trend) by ``_holt_sse`` over ``horizon``: the level and trend states of the recursion, the trend as each
    origin's forecast reads it (``steady_trend``) and φ per row."""
    g = np.asarray(grid)
    sse = _holt_sse(x, g[:, 0, None], g[:, 1, None], g[:, 2, None], horizon)  # settings × rows
    choice = np.argmin(sse, axis=0)
    a, b, phi = g[choice, 0], g[choice, 1], g[choice, 2]
    level, trend = m.holt_states(x, a, b, phi)
    return level, trend, steady_trend(x, level, trend, a, b, phi), phi


def damped_fit(x: np.ndarray, horizon: int = 1, grid: Sequence[tuple[float, float, float]] = HOLT_GRID):
    """``damped_states`` for the forecasts: level, the trend as each origin reads it and φ per row."""
    level, _, trend, phi = damped_states(x, horizon, grid)
    return level, trend, phi


def steady_trend(x: np.ndarray, level: np.ndarray, trend: np.ndarray, alpha, beta, phi) -> np.ndarray:
    """The trend each origin's forecast reads: the state after the period before the origin, with that period's
    one-step error counted in the trend's update only up to ``OUTLIER_Z`` robust standard deviations of the row's
    one-step errors (``_fence``; the ``BURN_IN`` first observed periods left out). The level keeps the whole error.

    ``level`` and ``trend`` are ``methods.holt_states``' (rows × periods + 1) for the settings α, β, φ per row. An
    error e moves the trend by αβe; beyond the fence the excess moves it no more. Only the origin's reading changes:
    the states after later periods follow the recursion unchanged, since by then the periods after it tell whether
    it was a new level or a trend (and ``additive_outliers`` brought in those that nothing followed). At the last
    observed period a week of a moved holiday (the adjusted series at 2.5 times its level) set a trend of 2 % of the
    level a week for the whole horizon; a new level that holds is followed from the next period on."""
    x = np.atleast_2d(np.asarray(x, dtype=float))
    n, T = x.shape
    phi = np.broadcast_to(np.asarray(phi, dtype=float), (n,))
    observed = ~np.isnan(x)
    rank = np.cumsum(observed, axis=1)
    err = x - (level[:, :T] + phi[:, None] * trend[:, :T])
    err = np.where(observed & (rank > BURN_IN), err, np.nan)
    fence = _fence(err)[:, None]
    with np.errstate(invalid="ignore"):
        beyond = ~np.isnan(err) & (fence > 0) & (np.abs(err) > fence)
        excess = np.where(beyond, err - np.sign(err) * fence, 0.0)
    weight = np.broadcast_to(np.asarray(alpha, dtype=float) * np.asarray(beta, dtype=float), (n,))
    out = np.array(trend, dtype=float, copy=True)
    out[:, 1:] -= weight[:, None] * excess
    return out


def damped_paths(level, trend, phi, origins, horizon: int) -> np.ndarray:
    origins = np.asarray(origins, dtype=int)
    damp = np.cumsum(phi[:, None] ** np.arange(1, horizon + 1)[None, :], axis=1)  # rows × horizon
    return level[:, origins][:, :, None] + trend[:, origins][:, :, None] * damp[:, None, :]


def against_the_line(trend: np.ndarray, slope: np.ndarray, strength: np.ndarray) -> np.ndarray:
    """The damped trend each origin's forecast carries (rows × origins): ``trend`` as read at the origin, 0 where it
    points against ``slope``, the straight line's through the history before the origin (``_theta_line``), on a row
    whose line explains at least ``AGAINST_LINE`` of its variance (``strength``: ``trend_strength``, per row).

    A local trend against the direction the whole history has kept is a dip (or a surge) more often than a turn:
    the next periods undo it and the row goes on the line's way. Carried over the horizon, such a trend took the
    forecast further from the line each period; held at its level instead, the damped member waits for the periods
    after the origin to tell a turn, which the recursion then follows (RESULTS-forecast.md, section BV: Tourism
    monthly −0.012 and Tourism quarterly −0.010 in MASE a series over three origins, the prisoners −0.002, no set
    worse). Section AZ had found the other half: Theta's drift dropped on the same rows cost four sets, the line's
    direction being the right one. Where the line explains little (noisy rows about a flat level, the regions' trips)
    its direction is noise itself and says nothing against the local trend, which is kept."""
    opposed = (np.sign(trend) * np.sign(slope) < 0) & (np.asarray(strength) >= AGAINST_LINE)[:, None]
    return np.where(opposed, 0.0, trend)


def theta_sums(x: np.ndarray) -> tuple[np.ndarray, ...]:
    """The running sums (rows × periods + 1: before each period) of the observed periods' count, t, t², y and t·y
    that the least-squares line of ``theta_paths`` reads at each origin; the same for every origin and every α, so a
    caller forecasting one history many times computes them once."""
    observed = ~np.isnan(x)
    t = np.arange(x.shape[1], dtype=float)
    zero = np.zeros((x.shape[0], 1))

    def cum(a):
        return np.concatenate([zero, np.cumsum(a, axis=1)], axis=1)

    return (
        cum(observed.astype(float)),
        cum(np.where(observed, t, 0.0)),
        cum(np.where(observed, t * t, 0.0)),
        cum(np.where(observed, x, 0.0)),
        cum(np.where(observed, t * np.nan_to_num(x), 0.0)),
    )


def _theta_line(sums: tuple[np.ndarray, ...], origins: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The slope b of the least-squares line through the observed history before each origin and the number n of
    observed periods, both rows × origins, from ``theta_sums``."""
    if len(origins) > 1 and origins[0] >= 0 and np.all(np.diff(origins) == 1):
        origins = slice(origins[0], origins[-1] + 1)  # every period in a row (the fitted values): views, not copies
    nn, st, stt, sy, sty = (c[:, origins] for c in sums)
    with np.errstate(invalid="ignore", divide="ignore"):
        denom = nn * stt - st * st
        slope = np.where((nn >= 3) & (denom > 0), (nn * sty - st * sy) / denom, 0.0)
    return slope, nn


def _theta_ahead(
    levels: np.ndarray, slope: np.ndarray, nn: np.ndarray, alpha: np.ndarray, horizon: int, share=0.5
) -> np.ndarray:
    """Theta's forecasts (rows × origins × horizon) from the SES levels at the origins and ``_theta_line``'s b, n;
    ``share`` of the slope (one figure, or one per row) is the drift: ½ is the Theta method's."""
    a = alpha[:, None]
    k = np.arange(1, horizon + 1)[None, None, :]
    share = np.asarray(share, dtype=float)
    drift = (slope * (share[:, None] if share.ndim else share))[:, :, None] * (
        (k - 1) + (1.0 / a - (1.0 - a) ** nn / a)[:, :, None]
    )
    return levels[:, :, None] + drift


def theta_paths(
    x: np.ndarray,
    ses_states: np.ndarray,
    alpha: np.ndarray,
    origins,
    horizon: int,
    sums: tuple[np.ndarray, ...] | None = None,
    share=0.5,
) -> np.ndarray:
    """Theta forecasts from each origin: SES level + (b/2)·((k − 1) + 1/α − (1 − α)^n/α), where b is the slope of
    the least-squares line through the observed history before the origin and n the number of observed periods
    (from ``sums``, ``theta_sums(x)``, when the caller has them already); with ``share`` (one per row) the drift is
    that share of b instead of half (the combination's: ``drift_share``)."""
    origins = np.asarray(origins, dtype=int)
    slope, nn = _theta_line(theta_sums(x) if sums is None else sums, origins)
    return _theta_ahead(ses_states[:, origins], slope, nn, alpha, horizon, share)


def theta_fit(x: np.ndarray, sums: tuple[np.ndarray, ...] | None = None, share=0.5) -> tuple[np.ndarray, np.ndarray]:
    """The Theta member's SES states and α per row, α chosen from ``SES_ALPHAS`` by the Theta forecasts' own
    one-step squared errors (SES with the drift of ``theta_paths``, as the Theta method is estimated), not by SES's:
    with the drift added, the level that forecasts best is often a different one. ``sums``: ``theta_sums(x)``;
    ``share``: the drift's share of the slope, as ``theta_paths``."""
    n, T = x.shape
    slope, nn = _theta_line(theta_sums(x) if sums is None else sums, np.arange(T))  # the same under every α
    sse = []
    for a in SES_ALPHAS:
        alpha = np.full(n, a)
        ahead = _theta_ahead(m.ses_states(x, alpha)[:, :T], slope, nn, alpha, 1, share)
        sse.append(_one_step_sse(ahead[:, :, 0], x))
    alpha = np.asarray(SES_ALPHAS)[np.argmin(np.stack(sse), axis=0)]
    return m.ses_states(x, alpha), alpha  # each row's states under its own α are those its α gave above


def _sba_sse(y: np.ndarray, alpha, zero_run) -> np.ndarray:
    """One-step squared errors of SBA (``methods.croston_states`` with ``variant="sba"`` and ``zero_run``) summed
    per row, the ``BURN_IN`` first observed periods skipped, without keeping the states (the grid's pass).
    ``alpha`` and ``zero_run`` are per row or broadcast against the rows (as ``_holt_sse``): α as (α × 1 × 1) and
    c as (c × 1) score every pair on the states of each α alone, which c does not change."""
    n, T = y.shape
    shape = np.broadcast_shapes(np.shape(alpha), np.shape(zero_run), (n,))
    columns = np.ascontiguousarray(y.T)
    z = np.full(n, np.nan)
    p = np.full(n, np.nan)
    q = np.zeros(n)
    seen = np.zeros(n)
    sse = np.zeros(shape)
    factor = 1.0 - np.asarray(alpha) / 2.0
    f = np.full(shape, np.nan)  # the forecast for the coming period, NaN before the first observed one
    for t in range(T):
        v = columns[t]
        obs = ~np.isnan(v)
        err = v - f
        sse += np.where(obs & (seen >= BURN_IN) & ~np.isnan(err), err * err, 0.0)
        z, p, q = m.croston_step(z, p, q, v, alpha)
        seen += obs
        f = np.where(seen > 0, m.croston_forecast(z, p, q, factor, zero_run), np.nan)
    return sse


def croston_fit(y: np.ndarray) -> np.ndarray:
    """SBA with (α, c) chosen per row from ``SBA_GRID`` by the one-step squared errors: the states (rows × periods
    + 1). c is ``methods.croston_states``'s ``zero_run``: how fast the forecast decays while no demand comes."""
    n = y.shape[0]
    g = np.asarray(SBA_GRID)
    sse = _sba_sse(y, np.asarray(CROSTON_ALPHAS)[:, None, None], np.asarray(ZERO_RUN_WEIGHTS)[:, None])
    choice = np.argmin(sse.reshape(len(g), n), axis=0)  # the grid's order: α by α, c within
    return m.croston_states(y, g[choice, 0], variant="sba", zero_run=g[choice, 1])


def _tsb_sse(y: np.ndarray, alpha, beta) -> np.ndarray:
    """One-step squared errors of TSB (``methods.tsb_states``) summed per row, the ``BURN_IN`` first observed periods
    skipped, without keeping the states (the grid's pass over rows × settings). ``alpha`` and ``beta`` are per row or
    broadcast against the rows (as ``_holt_sse``): the size's state depends on α alone and the probability's on β
    alone, so α as (α × 1 × 1) and β as (β × 1) score every pair from one pass of each."""
    n, T = y.shape
    shape = np.broadcast_shapes(np.shape(alpha), np.shape(beta), (n,))
    columns = np.ascontiguousarray(y.T)
    z = np.full(np.broadcast_shapes(np.shape(alpha), (n,)), np.nan)
    p = np.full(np.broadcast_shapes(np.shape(beta), (n,)), np.nan)
    seen = np.zeros(n)
    sse = np.zeros(shape)
    for t in range(T):
        v = columns[t]
        obs = ~np.isnan(v)
        err = v - np.where(np.isnan(z), 0.0, p * z)  # NaN before the first observed period
        sse += np.where(obs & (seen >= BURN_IN) & ~np.isnan(err), err * err, 0.0)
        pos = obs & (v > 0)
        hit = pos.astype(float)
        p = np.where(obs & np.isnan(p), hit, np.where(obs, p + beta * (hit - p), p))
        z = np.where(pos & np.isnan(z), v, np.where(pos, z + alpha * (v - z), z))
        seen += obs
    return sse


def tsb_fit(y: np.ndarray) -> np.ndarray:
    """TSB with (α, β) chosen per row from ``TSB_GRID`` by the one-step squared errors: the states (rows × periods
    + 1)."""
    n = y.shape[0]
    g = np.asarray(TSB_GRID)
    alphas, betas = np.unique(g[:, 0]), np.unique(g[:, 1])
    sse = _tsb_sse(y, alphas[:, None, None], betas[:, None])
    choice = np.argmin(sse.reshape(len(g), n), axis=0)  # the grid's order: α by α, β within
    return m.tsb_states(y, g[choice, 0], g[choice, 1])


# ---------------------------------------------------------------- the combination


def combine(Y, origins, horizon: int, *, season: int, intermittent, calibration=None) -> Combined:
    """Forecast every row by the combination for its class (see the module docstring).

    Args:
        Y: demand (rows × periods), NaN for censored periods.
        origins: backtest origins (paths from each, ``y[:o]`` known).
        horizon: periods ahead.
        season: periods per season.
        intermittent: per row, whether its demand is intermittent or lumpy.
        calibration: more origins whose paths (``Combined.calibration``) measure how far the forecasts stray.
    """
    y = np.atleast_2d(np.asarray(Y, dtype=float))
    n, T = y.shape
    intermittent = np.asarray(intermittent, dtype=bool)
    origins = np.asarray(origins, dtype=int)

    factors, seasonal, tested = seasonal_factors(y, season, ~intermittent, recent=RECENT_SEASONS)
    # Rows whose test did not settle it (less than two seasons, or two to two and a half without passing the test
    # for short rows) with a season and a quarter of history take last year's shape instead: the mean of SES(0.1)
    # times the yearly index (last year's same periods against last year's quarter before the origin, shrunk
    # towards 1 by the volume behind it) and the seasonal level (the last quarter's mean times the same ratio);
    # ``methods`` has both, and all their windows follow the season.
    observed = (~np.isnan(y)).sum(axis=1)
    indexed = ~intermittent & ~tested & (observed >= season + max(season // 4, 1)) & (season >= 4)
    window, half = max(season // 4, 1), season // 26
    s = max(season, 1)
    x = y / factors[:, np.arange(T) % s]  # the seasonally adjusted series (factors are 1 for rows not adjusted)
    ses_s, alpha = ses_fit(x)
    cleaned, outliers = additive_outliers(x, ses_s)
    outliers &= ~intermittent[:, None]
    touched = outliers.any(axis=1)
    if touched.any():
        # The members are fitted to the series without its additive outliers (``additive_outliers``); SES again
        # for the rows that had any (each row's fit is its own).
        x = np.where(outliers, cleaned, x)
        ses_s[touched], alpha[touched] = ses_fit(x[touched])
    cleaned_history = np.where(outliers, x * factors[:, np.arange(T) % s], y)
    sums = theta_sums(x)  # Theta's line reads them at every origin of every call below
    # Theta's drift: half the line's slope, and up to the whole of it as far as the row's changes persist (a stock's
    # do, a flow's about its trend undo each other): ``drift_share``.
    drift = drift_share(x, season)
    theta_s, theta_alpha = theta_fit(x, sums, drift)
    level, recursion_trend, trend, phi = damped_states(x, horizon)
    # Rows whose adjusted history a straight line explains take Holt's linear trend as a member too: the damped
    # trend and Theta both hold a trend back that has held for the whole history (see the module docstring).
    strength = trend_strength(x)
    linear = ~intermittent & (strength >= STRONG_TREND)
    rows_l = np.flatnonzero(linear)
    if len(rows_l):
        linear_states = damped_fit(x[rows_l], horizon, LINEAR_GRID)
    # Rows whose season is strong take last season at today's level as a third member: the factors are an average
    # over six seasons and miss how the latest season's shape differs from it.
    strong = np.zeros(n, dtype=bool)
    if seasonal.any():
        with np.errstate(invalid="ignore"):
            strong[seasonal] = season_strength(y[seasonal], factors[seasonal], s) >= STRONG_SEASON
    rows_i = np.flatnonzero(intermittent)
    sba = croston_fit(y[rows_i]) if len(rows_i) else None
    tsb = tsb_fit(y[rows_i]) if len(rows_i) else None
    y_indexed = y[indexed]
    ses_slow = m.ses_states(y_indexed, SLOW_ALPHA) if indexed.any() else None
    begins = np.argmax(~np.isnan(y_indexed), axis=1)
    indexed_sums = m.window_means(y_indexed)  # the same for every call of ``at``

    def at(points, h, forecast=True):
        """The combination and its members from each origin in ``points``, ``h`` steps ahead; with ``forecast``
        False, the one-step fitted values of the level model (without last season's values and Holt's trend, Theta
        on SES's states and α with the Theta method's half slope, the damped trend on its recursion's states:
        ``steady_trend`` and ``drift_share`` are for forecasts)."""
        points = np.asarray(points, dtype=int)
        # The members' own paths are for their scores; the fitted values need only the combination's.
        members = {"ses": np.repeat(ses_s[:, points][:, :, None], h, axis=2)} if forecast else {}
        theta_states, theta_a, theta_share = (theta_s, theta_alpha, drift) if forecast else (ses_s, alpha, 0.5)
        if forecast:
            # A damped trend against the line of a row that kept its direction is carried flat: ``against_the_line``.
            read = trend.copy()
            read[:, points] = against_the_line(trend[:, points], _theta_line(sums, points)[0], strength)
        members |= {
            "damped": np.maximum(damped_paths(level, read if forecast else recursion_trend, phi, points, h), 0.0),
            "theta": np.maximum(theta_paths(x, theta_states, theta_a, points, h, sums, theta_share), 0.0),
        }
        index = factors[:, (points[:, None] + np.arange(h)[None, :]) % s]
        out = (members["damped"] + members["theta"]) / 2.0
        if len(rows_l) and forecast:
            holt = np.full((n, len(points), h), np.nan)
            holt[rows_l] = np.maximum(damped_paths(*linear_states, points, h), 0.0)
            members["holt"] = holt
            out[rows_l] = (2.0 * out[rows_l] + holt[rows_l]) / 3.0
        out = out * index
        if forecast and strong.any():
            cols = points[:, None] - s + (np.arange(h) % s)[None, :]  # the same period of the last season
            # Last season's adjusted demand less the level forecast for it then, on the level now, seasonal again.
            past = np.maximum(cols, 0)
            deviation = np.where((cols >= 0)[None], x[:, past] - ses_s[:, past], np.nan)
            naive = (ses_s[:, points][:, :, None] + deviation) * factors[:, past % s]
            three = (2.0 * out + naive) / 3.0
            out = np.where(strong[:, None, None] & ~np.isnan(three), three, out)
        if len(rows_i):
            flat = (sba[:, points] + tsb[:, points] + ses_s[rows_i][:, points]) / 3.0
            out[rows_i] = np.repeat(flat[:, :, None], h, axis=2)
            for name, states in (("sba", sba), ("tsb", tsb)) if forecast else ():
                full = np.full((n, len(points), h), np.nan)
                full[rows_i] = np.repeat(states[:, points][:, :, None], h, axis=2)
                members[name] = full
        if indexed.any():
            # A season and a quarter to three seasons of history, not adjusted: last year's shape on a slow level
            # (a fast one would chase last season's peak and then scale it again).
            # Of last year's shape only what the year before showed too (``methods.recurring_share``), where the
            # history reaches that far: a week of last year that stood out once is noise, not a season (a department's
            # weekly sales without a season were forecast with last year's noisy weeks: RESULTS-forecast.md, AB).
            # Last year's windows count from the row's own first period (``start``), not the matrix's first column.
            share = m.recurring_share(y_indexed, points, h, season=season, window=window, half=half, start=begins)
            index = m.yearly_index(y_indexed, points, h, season=season, window=window, half=half, start=begins)
            yearly = 1.0 + share * (index - 1.0)
            slow = np.repeat(ses_slow[:, points][:, :, None], h, axis=2) * yearly
            sl = m.seasonal_level_paths(y_indexed, points, h, season=season, window=window, half=half, start=begins)
            recent = m.mean_between(*indexed_sums, points - window, points)[:, :, None]  # the seasonal level's level
            sl = np.where(np.isnan(recent), sl, recent + share * (sl - recent))
            out[indexed] = (slow + sl) / 2.0
        nothing = np.isnan(ses_s[:, points])[:, :, None]
        return np.where(nothing, np.nan, np.maximum(out, 0.0)), members

    bt, members = at(origins, horizon)
    cal = at(calibration, horizon)[0] if calibration is not None and len(calibration) else None
    final, _ = at([T], horizon)
    # The one-step fitted values, whose errors the quantiles' paths draw, are those of the level model behind the
    # smoothing members: last season's values a season apart are not its errors, and drawn as changes of level they
    # widened every period's quantiles (measured with last season's values as they were: Australian retail's
    # pinball loss 0.135 → 0.160). Holt's linear trend is left out too: its one-step errors are smallest on exactly
    # the rows whose lead-time errors come from a trend that turns, and drawn as the level's errors they narrowed the
    # quantiles there (M1 quarterly's 0.95 lead-time cell 0.892 → 0.882 at the holdout, lower at two earlier origins
    # too; RESULTS-forecast.md, section AC). The quantiles' inputs stay those of the two members, and Theta's there
    # is on SES's α, not its own (drawn with its own, the quantiles were no better: section AF), and the damped
    # trend's on its recursion's trend, not on ``steady_trend``'s (a row whose last year ran wilder drew smaller
    # errors with it, the trend no longer following its wild periods: section AH). Theta's drift there is the half
    # slope, not ``drift_share``'s: with the row's own share the fitted values of the trending rows erred less, and
    # M1 quarterly's lead-time quantiles, already too narrow, covered less (0.95 cell 0.897 → 0.872; section BG).
    fits, _ = at(np.arange(T), 1, forecast=False)
    return Combined(
        paths=np.nan_to_num(bt, nan=0.0),
        calibration=None if cal is None else np.nan_to_num(cal, nan=0.0),
        final=np.nan_to_num(final[:, 0, :], nan=0.0),
        fitted=fits[:, :, 0],
        alpha=alpha,
        seasonal=seasonal,
        member_paths=members,
        last_season=strong,
        cleaned=cleaned_history,
        linear_trend=linear,
        factors=factors,
        tested=tested,
        line=_theta_line(sums, np.array([T]))[0][:, 0],
        strength=strength,
    )


# ---------------------------------------------------------------- quantiles by simulated paths


CHUNK_FIGURES = 1 << 19  # simulated figures (rows × draws × horizon) per block of ``simulate_quantiles``


class _QuantileReader:
    """``np.quantile``'s default ('linear', Hyndman & Fan's 7th) quantiles of each row of a (rows × n) array,
    every level from one sort of the row, with numpy's own arithmetic, so the figures are the same to the last bit
    (numpy partitions a copy of the array at every index it reads; a sort of the contiguous rows in place is faster
    for a dozen indices among 1,600).

    The level q sits at the virtual index v = (n − 1)·q of the sorted row, between its neighbours a (at ⌊v⌋, or the
    last element where v ≥ n − 1) and b (the next one) with weight g = v − ⌊v⌋: a + (b − a)·g for g < 0.5 and
    b − (b − a)·(1 − g) from 0.5, NaN where the row holds a NaN (sorted last)."""

    def __init__(self, n: int, qs: Sequence[float]):
        virtual = (n - 1) * np.asarray(qs, dtype=float)
        below = np.floor(virtual)
        above = below + 1
        below[virtual >= n - 1] = -1
        above[virtual >= n - 1] = -1
        below[virtual < 0] = 0
        above[virtual < 0] = 0
        self.below = below.astype(np.intp)
        self.above = above.astype(np.intp)
        self.gamma = virtual - self.below
        self.upper = self.gamma >= 0.5

    def __call__(self, a: np.ndarray) -> np.ndarray:
        """The levels of each row of ``a`` (rows × n), levels × rows; ``a`` is sorted in place."""
        a.sort(axis=1)
        lo = a[:, self.below].T
        hi = a[:, self.above].T
        diff = hi - lo
        out = lo + diff * self.gamma[:, None]
        np.subtract(hi, diff * (1 - self.gamma[:, None]), out=out, where=self.upper[:, None])
        nan = np.isnan(a[:, -1])
        if nan.any():
            np.copyto(out, a[:, -1][None, :], where=nan[None, :])
        return out


def rounding_unit(size: np.ndarray, bits: int) -> np.ndarray:
    """2⁻``bits`` of the power of two at or above each row's ``size`` (its largest figure). Figures rounded to it are
    the same to the bit whether their row was computed alone or inside a wider matrix, where sums taken in another
    order can differ in the last bits of a double; a power of two keeps the rounding itself exact."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.exp2(np.ceil(np.log2(np.maximum(size, 1e-300))) - bits)


def simulate_quantiles(
    mean: np.ndarray,
    errors: np.ndarray,
    alpha: np.ndarray,
    qs: Sequence[float],
    *,
    widen: np.ndarray | None = None,
    draws: int = DRAWS,
    seed: int = SEED,
    block: int | None = None,
) -> tuple[list[dict[float, np.ndarray]], list[dict[float, np.ndarray]]]:
    """Per-period and cumulative quantiles per row from simulated paths of the level model.

    Args:
        mean: forecast (rows × horizon).
        errors: one-step in-sample errors (rows × periods, NaN skipped).
        alpha: the level's smoothing constant per row (0 = errors independent from period to period).
        qs: the probabilities.
        widen: per row, a factor (≥ 1) the drawn errors are multiplied by.
        draws: paths per row.
        seed: combined with a hash of each row's figures from its own start (a row's quantiles depend on that row
            only, however wide the matrix it came in).
        block: with it, each row's paths are drawn ``block`` periods at a time, each block from its own generator
            (the hash of the row's errors and of its mean over the first ``block`` periods, and the block's number
            after the first), so the draws of the first k periods, and with them the quantiles over 1..k, are the
            same whatever the horizon; the first block's are those of a call over ``block`` periods. Without it one
            generator fills draws × horizon row by row, and every period's draws follow the horizon.

    Returns:
        Two lists, one dict per row: {q: (horizon,)} per period, and {q: (horizon,)} of the sums over 1..k, both
        non-decreasing in q (the sums also in k). A row without errors gets its mean (and cumulative mean).
    """
    mean = np.atleast_2d(np.asarray(mean, dtype=float))
    errors = np.atleast_2d(np.asarray(errors, dtype=float))
    rows, horizon = mean.shape
    alpha = np.broadcast_to(np.asarray(alpha, dtype=float), (rows,))
    widen = np.ones(rows) if widen is None else np.broadcast_to(np.asarray(widen, dtype=float), (rows,))
    qs = sorted(qs)
    packed = np.sort(errors, axis=1)
    count = (~np.isnan(errors)).sum(axis=1)
    # The hash reads a row's errors from its own start (the period before its first error: the row's first
    # observed period, which has none), not from the matrix's first column: a row that starts later than the
    # matrix has NaN before it there, which it does not have alone, and hashed those drew other paths. It reads
    # the figures rounded to 2⁻³² of the row's size (the power of two above its largest figure): the same row
    # computed inside a wider matrix can differ in the last bits of a double (sums taken in another order), which
    # drew other paths altogether, and rounded in single precision an error near 0 still did (M1 monthly: 1 row).
    start = np.maximum(np.argmax(~np.isnan(errors), axis=1) - 1, 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        size = np.maximum(
            np.abs(mean).max(axis=1, initial=0.0),
            np.where(np.isnan(errors), 0.0, np.abs(errors)).max(axis=1, initial=0.0),
        )
        unit = rounding_unit(size, 32)[:, None]
        key_mean = np.round(mean / unit)
        key_errors = np.where(np.isnan(errors), np.inf, np.round(errors / unit))
    reader = _QuantileReader(draws, qs)
    per_out, cum_out = [], []
    # Rows a block: its arrays of draws × horizon figures stay a few megabytes (they were 32 MB each, several of them
    # alive at once), and the buffers are reused from block to block.
    chunk = max(1, min(rows, CHUNK_FIGURES // max(1, draws * horizon)))
    uniform = np.empty((chunk, draws, horizon))
    picks = np.empty((chunk, draws, horizon), dtype=np.intp)
    eps = np.empty((horizon, chunk, draws))  # period-major: each period's draws of a row are contiguous
    carried, demand, total, scratch = (np.empty((chunk, draws)) for _ in range(4))
    width = packed.shape[1]
    for lo in range(0, rows, chunk):
        hi = min(rows, lo + chunk)
        b = hi - lo
        u = uniform[:b]
        for r in range(lo, hi):
            key = hashlib.blake2b(
                key_mean[r, :block].tobytes() + key_errors[r, start[r] :].tobytes() + np.float64(alpha[r]).tobytes(),
                digest_size=8,
            ).digest()
            stream = [seed, int.from_bytes(key, "little")]
            if block is None:
                np.random.default_rng(stream).random((draws, horizon), out=u[r - lo])
                continue
            for j, first in enumerate(range(0, horizon, block)):
                drawn = np.random.default_rng(stream + [j] if j else stream).random((draws, block))
                u[r - lo, :, first : first + block] = drawn[:, : horizon - first]
        u *= np.maximum(count[lo:hi], 1)[:, None, None]
        pick = picks[:b]
        np.copyto(pick, u, casting="unsafe")  # truncated, as ``astype(int)``
        pick += (np.arange(b) * width)[:, None, None]  # into the block's sorted errors, flattened
        e = eps[:, :b]
        np.take(packed[lo:hi].ravel(), pick.transpose(2, 0, 1), out=e, mode="clip")
        e[:, count[lo:hi] == 0] = 0.0
        e *= widen[lo:hi][None, :, None]
        # d_k = max(f_k + ε_k + α·Σ_{j<k} ε_j, 0) period by period, the sums carried and the demand summed over
        # 1..k in place: the same additions in the same order as the cumulative sums along the horizon.
        a = alpha[lo:hi, None]
        c, d, tot, srt = carried[:b], demand[:b], total[:b], scratch[:b]
        per = np.empty((len(qs), b, horizon))
        cum = np.empty((len(qs), b, horizon))
        for k in range(horizon):
            np.add(mean[lo:hi, k, None], e[k], out=d)
            if k == 0:
                d += a * 0.0  # α times nothing carried yet, as the sum had it: −0.0 and a NaN α come out as before
            else:
                if k == 1:
                    np.copyto(c, e[0])
                else:
                    c += e[k - 1]
                d += np.multiply(a, c, out=srt)
            np.maximum(d, 0.0, out=d)
            if k == 0:
                np.copyto(tot, d)
            else:
                tot += d
                np.copyto(srt, tot)
                cum[:, :, k] = reader(srt)
            per[:, :, k] = reader(d)
        cum[:, :, 0] = per[:, :, 0]  # the sum over period 1 alone is its demand
        per = np.maximum.accumulate(per, axis=0)
        cum = np.maximum.accumulate(np.maximum.accumulate(cum, axis=0), axis=2)
        for r in range(b):
            per_out.append({q: per[j, r] for j, q in enumerate(qs)})
            cum_out.append({q: cum[j, r] for j, q in enumerate(qs)})
    return per_out, cum_out


ZERO_UPTO = 0.5  # per-period levels up to the median may be 0 for intermittent and lumpy demand


def zero_below_demand_share(per: list[dict[float, np.ndarray]], Y, rows) -> list[dict[float, np.ndarray]]:
    """The per-period quantiles of the ``rows`` (intermittent and lumpy demand) with every level q ≤ 0.5 that is
    also ≤ 1 − p set to 0, p the share of the row's observed periods with demand.

    The simulated paths add the level model's errors to the mean, so their per-period median of a product that
    sells in one week of five is not 0 but wherever the drawn errors put it (0 for about a third of such histories,
    by chance), while in four weeks of five nothing sells. Demand of a period is 0 with probability about 1 − p, so
    a quantile at a level up to 1 − p is 0; the per-period median is then a median, and can be shown beside the
    mean (which the order-up-to level needs). Above the median the simulated levels are kept: on the demo's weekly
    demand zeroing them too (rows with p < 0.2) made the pinball loss of the levels 0.8–0.98 worse
    (RESULTS-forecast.md, section X). The lead-time quantiles (``cumulative``) are not touched.
    """
    y = np.atleast_2d(np.asarray(Y, dtype=float))
    out = [dict(d) for d in per]
    observed = ~np.isnan(y)
    share = (observed & (y > 0)).sum(axis=1) / np.maximum(observed.sum(axis=1), 1)
    for r in np.flatnonzero(np.asarray(rows, dtype=bool)):
        for q in out[r]:
            if q <= ZERO_UPTO and q <= 1.0 - share[r]:
                out[r][q] = np.zeros_like(out[r][q])
    return out


def conformal_cumulative(
    mean: np.ndarray,
    cum: list[dict[float, np.ndarray]],
    errors: np.ndarray,
    scale: np.ndarray | None = None,
    weight: float | np.ndarray = 1.0,
) -> list[dict[float, np.ndarray]]:
    """The lead-time quantiles rescaled level by level by what the row's own backtest errors say.

    For a level q and a row, the spread of the simulated quantile of demand summed over 1..k above the summed mean
    is S_q(k). The backtest's errors from the calibration origins (actual − forecast, ``errors``: rows × origins ×
    horizon), summed over 1..k, are divided by it; the q-quantile of those ratios is the factor by which S_q must be
    multiplied for a share q of the backtest's sums to lie at or below it (split conformal: one factor per level and
    row, so the width at each level follows the row's errors and not one ratio for all levels). The factor is the
    mean of two readings of the same ratios: by sign, their q-quantile, and by size, the (2q − 1)-quantile of
    |ratio| (the width of a band holding a share 2q − 1 of the sums around the forecast). A dozen overlapping sums
    hold few large errors on the upper side, and a stretch of history the forecasts ran behind (a trend the final
    constants have learned: most calibration sums positive) widened the upper levels of rows whose forecast from the
    whole history is unbiased; both sides hold twice as many errors. By size alone the upper tail of skewed demand
    (a spike every half year) is read from the errors of ordinary periods, so the sign keeps half the weight (the
    tail above 0.9 too, below). On the five monthly and quarterly development sets: 11 → 14 of 20 cells within ±3
    points and a lower pinball loss of the totals on four (RESULTS-forecast.md, section S). With n origins the level
    is raised to q·(1 + step/n), for the small sample (``quantiles.CONFORMAL_STEP``); the factor stays within
    ``quantiles.CONFORMAL_RANGE``. Up to 0.9 every level has its own factor; above it, where a dozen origins cannot
    tell a quantile, the simulated shape is kept and multiplied by the 0.9 level's own factor, the mean of both
    readings, never narrowed. Read by sign alone, the tail took the backtest's bias for a width: a row whose
    forecasts had run ahead of demand kept its simulated tail and one whose forecasts had lagged was widened by the
    lag, but which way a row's forecasts ran in the backtest does not hold into the next lead time (it turns: rows
    that had run ahead came in above their median most often, on eight of nine development sets). Read by the mean,
    the totals' pinball loss fell on eight development sets over three holdout origins (the airline's passengers
    4.6 %, Walmart 2.0 %, Australian retail 0.8 %, the bicycles 0.7 %, beyond two standard errors), rose within one
    on M1 quarterly (0.3 %), and the replay held 0.7 % less stock for 0.02 points of fill (RESULTS-forecast.md, section
    CB; section S had read the tail by sign when the mean raised class A's stock by 4 %). A row with fewer than
    ``quantiles.CONFORMAL_MIN`` ratios keeps its simulated quantiles. The rescaling itself is
    ``quantiles.conformal_levels``, which also calibrates the per-period quantiles
    (``quantiles.conformal_per_period``). ``scale`` (per row, ``quantiles.recent_volatility``: how its latest errors
    compare with its history's) then multiplies every level's spread above the summed mean: the backtest sums span
    three horizons and say little of whether the last one ran calmer or wilder. Results are floored at 0 and
    non-decreasing in q and k. Each row's figures come from that row only.

    ``weight`` (one for all rows, or one per row) is the backtest's share, in logs, of each level's own factor up
    to 0.9; the rest is the simulated spread's (factor**weight). ``forecast_many`` gives smooth and erratic rows
    ``quantiles.LEAD_TIME_WEIGHT`` (a half): the dozen sums from overlapping origins over three horizons are about
    three independent ones, and a factor read from them alone is noisy. Taken halfway, the pinball loss of the
    lead-time totals fell on nine development sets and rose on none (by 1.4 % on both M1 sets and 1.1 % on
    Australian regions, three paired standard errors over three holdout origins; 11 % on the airline's passengers),
    and the share of M1 quarterly's totals at or below the 0.8 level rose from 0.700 to 0.720 (RESULTS-forecast.md,
    section AY). Intermittent and lumpy rows keep the whole factor: their simulated spread runs wide (their factors'
    median is 0.8 on the bicycles' weeks), and shrunk towards it their pinball loss rose 4.4 %.

    The levels below the median are rescaled the same way in the mirror, by the backtest sums below the forecast
    (``conformal_levels(..., below=True)``: 0.2 read as 0.8, 0.1 as 0.9, below 0.1 the simulated shape times the 0.1
    level's factor, the mean of both readings); the levels from the median up are exactly what they are without
    them. Left to the simulation, the totals fell below the 0.02 level 3 to 6½ times as often as 2 % on M1, both
    Tourism sets and the prisoners; M1 quarterly's quantiles, too narrow at every origin, were so on both sides and
    the lower one worse (below 0.02 / 0.05: 0.131 / 0.183), most on strongly trending rows. Rescaled, the pinball
    loss of the levels 0.02–0.2 fell on nine sets (M1 quarterly 6.6 %, the bicycles 17 %) and rose within a standard
    error on the passengers (RESULTS-forecast.md, section BE).
    """
    from domain.planning.forecasting.quantiles import conformal_levels

    errors = np.asarray(errors, dtype=float)  # a censored period drops the later sums of its origin
    sums = np.cumsum(errors, axis=2)
    return conformal_levels(np.cumsum(mean, axis=1), cum, sums, scale, cumulative=True, weight=weight,
                            tail_by_level=True, below=True)
