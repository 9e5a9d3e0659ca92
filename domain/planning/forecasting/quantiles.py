"""Forecast quantiles: of demand per period, and of demand summed over the lead time.

``forecast_many`` (``domain.planning.forecasting.api``) builds its quantiles from these: per period from a row's
one-step in-sample errors (``residual_quantiles``) or a statsmodels model's own distribution (``model_quantiles``); over
the lead time by bootstrap of the one-step errors (``bootstrap_cumulative``, see
``domain.planning.forecasting.selection`` step 6), or, for the combination, from its simulated paths widened by how far
the row's own backtest errors exceeded what the level model expects (``calibration_origins``, ``widening``), then
rescaled level by level by those errors (``conformal_levels``: the sums over 1..k for the lead-time quantiles, each
period's errors for the per-period ones; the levels below the median by the errors below the forecast) and by the size
of the row's latest errors (``recent_volatility``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

BOOTSTRAP_DRAWS = 200
BOOTSTRAP_SEED = 20261125
WIDEN_CAP = 3.0
CALIBRATION_ORIGINS = 12
# Origins in the last horizon whose partial errors calibrate intermittent and lumpy rows (``calibration_origins``).
# With them an intermittent row's lead-time quantiles rest on 19 origins instead of 12 on weekly data, the
# small-sample raise of each level is smaller, and the bicycles' lead-time pinball loss fell 9.9 % (9 paired
# standard errors, three holdout origins) while the replay's stockout days fell with 2.7 % less stock. For smooth and
# erratic rows the same origins traded sets (M1 and Tourism quarterly worse by 3 standard errors), so they do not
# count there (RESULTS-forecast.md, sections AM and AN).
LATEST_ORIGINS = 7


def calibration_origins(periods: int, horizon: int, min_periods: int, latest: int = 0) -> np.ndarray:
    """Up to ``CALIBRATION_ORIGINS`` origins, evenly spread over the last three horizons, from which the forecasts'
    errors are compared with what the level model expects; those before ``min_periods`` are left out.

    The grid is counted back from the end, always over three horizons, and not squeezed into what the matrix
    holds: a row's origins are then the same periods before its end whether it comes alone or inside a wider
    matrix (where ``calibration_errors`` leaves out those before its own ``min_periods``). Squeezed into a short
    row's own history, the grid put its origins elsewhere than inside a matrix, so its quantiles depended on the
    other rows (RESULTS-forecast.md, section AE).

    ``latest`` more origins (at most ``horizon`` − 1) are spread over the last horizon, after the grid's last
    origin: their forecasts run past the history's end, so they give the errors of the periods they have
    (``calibration_errors``), the latest a row has. The caller decides whose errors count (``LATEST_ORIGINS``).
    """
    last = periods - horizon
    first = last - 3 * horizon
    grid = np.unique(np.linspace(first, last, min(CALIBRATION_ORIGINS, last - first + 1)).round().astype(int))
    k = min(latest, horizon - 1)
    if k > 0:
        grid = np.union1d(grid, np.linspace(last + 1, periods - 1, k).round().astype(int))
    return grid[grid >= min_periods]


def calibration_errors(Y, origins, paths: np.ndarray, min_periods: int) -> np.ndarray:
    """The calibration forecasts' errors (actual − forecast, rows × origins × horizon), NaN where the row had fewer
    than ``min_periods`` observed periods before the origin.

    The origins are the matrix's, so a row whose history starts later than the others' has origins before it or
    just after its start; a forecast from there (no level yet, set to 0, or one from a handful of periods) errs by
    the whole demand and made the row's lead-time quantiles several times too wide (M1 monthly: the rows of under
    six years, half the set, covered 0.943 at 0.9). Those origins say nothing about the forecast from the whole
    history and are left out; the row's own history decides, whatever rows come with it.
    """
    y = np.atleast_2d(np.asarray(Y, dtype=float))
    origins = np.asarray(origins, dtype=int)
    idx = origins[:, None] + np.arange(paths.shape[2])[None, :]
    beyond = int(idx.max(initial=0)) + 1 - y.shape[1]
    if beyond > 0:  # an origin in the last horizon: the periods after the history's end have no error (NaN)
        y = np.concatenate([y, np.full((y.shape[0], beyond), np.nan)], axis=1)
    errors = y[:, idx] - paths
    seen = np.concatenate([np.zeros((y.shape[0], 1)), np.cumsum(~np.isnan(y), axis=1)], axis=1)[:, origins]
    return np.where((seen >= min_periods)[:, :, None], errors, np.nan)


def widening(errors: np.ndarray, sigma: np.ndarray, alpha: np.ndarray, cap: float = WIDEN_CAP) -> np.ndarray:
    """How much wider than its in-sample errors a row's forecast errors turned out in the backtest.

    The level model behind the quantiles expects an error of variance σ²·(1 + (k − 1)·α²) at step k; the ratio
    of the backtest's squared errors to that, averaged over origins and steps, is the factor (its root, between
    1 and ``cap``) the simulated errors are multiplied by. In-sample errors come from constants fitted to those
    very periods, so they understate what new periods bring, most for short and trending histories.
    """
    rows, _, horizon = errors.shape
    k = np.arange(1, horizon + 1)[None, None, :]
    expected = (sigma**2)[:, None, None] * (1.0 + (k - 1) * (alpha**2)[:, None, None])
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where(expected > 0, errors**2 / expected, np.nan)
    flat = ratio.reshape(rows, -1)  # one row's sum is then added up the same way whatever rows come with it
    count = (~np.isnan(flat)).sum(axis=1)
    mean = np.where(count > 0, np.nansum(flat, axis=1) / np.maximum(count, 1), 1.0)
    return np.clip(np.sqrt(mean), 1.0, cap)


RECENT_EXPONENT = 0.5  # half way (geometric mean) between the whole history's error size and the last window's
RECENT_RANGE = (0.5, 2.0)  # how far the recent errors may narrow or widen the lead-time quantiles


def recent_volatility(errors: np.ndarray, horizon: int, season: int) -> np.ndarray:
    """Per row, how much the lead-time spread follows the size of its latest one-step errors.

    The last ``max(horizon, season)`` observed one-step errors (a lead time, and never less than a season) against
    all of the row's errors: the root of the ratio of their mean squares, raised to ``RECENT_EXPONENT`` (half way
    between the two: one window tells a size only roughly) and kept within ``RECENT_RANGE``. Error sizes cluster:
    on every public monthly and quarterly development set the rows whose last lead time erred more than their
    history covered the held-out totals less, and those that erred less covered more (RESULTS-forecast.md, section
    U). The window spans a whole season so that a calm season (or the weeks between two recurring spikes) is not
    read as a calm regime just before the peak; rows with fewer than two windows of errors (weekly histories of
    two years) get 1. Each row's figure comes from that row only.
    """
    e = np.atleast_2d(np.asarray(errors, dtype=float))
    window = max(int(horizon), int(season), 1)
    observed = ~np.isnan(e)
    count = observed.sum(axis=1)
    from_end = np.cumsum(observed[:, ::-1], axis=1)[:, ::-1]  # observed errors from this one to the last
    square = np.where(observed, e * e, 0.0)
    recent = np.where(observed & (from_end <= window), square, 0.0).sum(axis=1) / window
    whole = square.sum(axis=1) / np.maximum(count, 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where((count >= 2 * window) & (whole > 0), np.sqrt(recent / whole), 1.0)
    low, high = RECENT_RANGE
    return np.clip(ratio**RECENT_EXPONENT, low, high)


CONFORMAL_UPTO = 0.9  # levels set by the row's own backtest; above, the simulated shape scaled by this level's factor
CONFORMAL_STEP = 0.5  # the level is raised by this share of a step per origin: q·(1 + step/origins)
CONFORMAL_RANGE = (0.5, 3.0)  # how far a level's spread may be narrowed or widened
CONFORMAL_MIN = 12  # errors a row needs before its quantiles are rescaled by them
PER_PERIOD_WEIGHT = 0.75  # the backtest's share (in logs) of each per-period level's factor; the rest, the simulation's
# The backtest's share (in logs) of each lead-time level's factor for smooth and erratic rows (``conformal_cumulative``
# in ``combine``): a dozen overlapping sums over three horizons are about three independent ones, and the factor read
# from them alone was noisy enough to cost pinball loss on every development set (RESULTS-forecast.md, section AY).
LEAD_TIME_WEIGHT = 0.5


def row_quantiles(values: np.ndarray, level: np.ndarray) -> np.ndarray:
    """Per row, the ``level[row]`` quantile of its non-NaN values (linear interpolation), NaN for an empty row."""
    s = np.sort(values, axis=1)  # NaN last
    count = (~np.isnan(values)).sum(axis=1)
    pos = level * np.maximum(count - 1, 0)
    lo = np.floor(pos).astype(int)
    hi = np.minimum(lo + 1, np.maximum(count - 1, 0))
    rows = np.arange(len(s))
    out = s[rows, lo] + (s[rows, hi] - s[rows, lo]) * (pos - lo)
    return np.where(count > 0, out, np.nan)


def conformal_levels(
    centre: np.ndarray,
    levels: list[dict[float, np.ndarray]],
    errors: np.ndarray,
    scale: np.ndarray | None = None,
    *,
    cumulative: bool,
    weight: float | np.ndarray = 1.0,
    tail_by_level: bool = False,
    below: bool = False,
) -> list[dict[float, np.ndarray]]:
    """Quantiles rescaled level by level by the row's own backtest errors (split conformal).

    ``centre`` is what the quantiles spread around (rows × horizon: the forecast, or its sums over 1..k),
    ``levels`` the simulated quantiles (per row {q: (horizon,)}), ``errors`` the backtest's errors of the same
    quantity (actual − forecast from each calibration origin, rows × origins × steps, NaN where unknown; steps up to
    the horizon: fewer calibrate the first steps and their factors carry to the later ones). For each
    level q > 0.5 up to ``CONFORMAL_UPTO`` the ratios of the errors to the simulated spread S_q above the centre,
    pooled over origins and steps, give the factor S_q is multiplied by: the mean of their q-quantile (by sign) and
    the (2q − 1)-quantile of their sizes, the level raised to q·(1 + ``CONFORMAL_STEP``/origins) for the small
    sample and the factor kept within ``CONFORMAL_RANGE``. Above ``CONFORMAL_UPTO`` the simulated shape is kept and
    multiplied by the last own level's factor read by sign, never narrowed (with ``tail_by_level``: by that level's
    own factor, the mean of the two readings, never narrowed). ``weight`` < 1 (one for all rows, or one per row)
    shrinks each own level's factor towards 1 (the simulated spread) in logs: factor**weight. A row with fewer
    than ``CONFORMAL_MIN`` ratios keeps its simulated quantiles. ``scale`` (per row, ``recent_volatility``) then
    multiplies every level's spread above the centre. Results are floored at 0 and non-decreasing in q, and with
    ``cumulative`` in k too (the rationale of each reading: ``combine.conformal_cumulative``). The median is left as
    it is, and so are the levels below it unless ``below``.

    With ``below`` the levels under 0.5 are read the same way in the mirror: the spread below the centre, the errors
    with their sign turned, the level q read as 1 − q (0.2 as 0.8, 0.1 as 0.9, below 0.1 the simulated shape times
    the 0.1 level's factor), ``scale`` on rows that have backtest errors, and no level above the next one up, so the
    levels from the median up are exactly those without it. Left to the simulation, the levels below the median
    missed what the level model leaves out (a trend that flattens or turns, constants fitted to the same periods):
    on M1, both Tourism sets and the prisoners the held-out totals fell below their 0.02 quantile 3 to 6½ times as
    often as 2 % (M1 quarterly 0.131, M1 monthly 0.109), most on the rows with the strongest trends
    (RESULTS-forecast.md, section BE). Each row's figures come from that row only.
    """
    centre = np.atleast_2d(np.asarray(centre, dtype=float))
    rows = centre.shape[0]
    if rows == 0 or not levels:
        return levels
    qs = sorted(levels[0])
    arr = {q: np.stack([np.asarray(c[q], dtype=float) for c in levels]) for q in qs}
    errors = np.asarray(errors, dtype=float)
    steps = errors.shape[2]  # the errors may cover only the first steps: their factors carry to the later ones
    origins = (~np.isnan(errors)).any(axis=2).sum(axis=1)
    low, high = CONFORMAL_RANGE
    shrink = np.broadcast_to(np.asarray(weight, dtype=float), (rows,))
    # Above the median the spread above the centre and the errors as they are; below it (``below``), mirrored: the
    # spread below the centre and the errors with their sign turned, level q read as 1 − q.
    sides = [(1.0, [q for q in qs if q > 0.5])]
    if below:
        sides.append((-1.0, [q for q in reversed(qs) if q < 0.5]))
    for sign, side in sides:
        tail = np.ones(rows)
        turned = sign * errors
        for q in side:
            p = q if sign > 0 else 1.0 - q
            spread = sign * (arr[q] - centre)
            if p > CONFORMAL_UPTO:
                arr[q] = centre + sign * tail[:, None] * spread
                continue
            usable = spread[:, :steps] > 1e-9
            ok = usable[:, None, :] & ~np.isnan(errors)
            with np.errstate(invalid="ignore", divide="ignore"):
                ratio = np.where(ok, turned / np.where(usable, spread[:, :steps], 1.0)[:, None, :], np.nan)
                ratio = ratio.reshape(rows, -1)
            level = np.minimum(p * (1.0 + CONFORMAL_STEP / np.maximum(origins, 1)), 1.0)
            enough = ok.reshape(rows, -1).sum(axis=1) >= CONFORMAL_MIN
            # Half by sign (the p-quantile of the ratios), half by size (the (2p − 1)-quantile of |ratio|).
            signed, sized = row_quantiles(ratio, level), row_quantiles(np.abs(ratio), 2.0 * level - 1.0)
            factor = np.where(enough, np.clip((signed + sized) / 2.0, low, high), 1.0)
            arr[q] = centre + sign * (factor**shrink)[:, None] * spread
            tail = np.maximum(factor if tail_by_level else np.where(enough, np.clip(signed, low, high), 1.0), 1.0)
    if scale is not None:
        s = np.broadcast_to(np.asarray(scale, dtype=float), (rows,))[:, None]
        # Below the median only rows with backtest errors: a row without them (an intermittent row's periods, whose
        # levels up to its share of empty periods are 0) keeps its levels there.
        s_below = np.where(origins[:, None] > 0, s, 1.0)
        for q in qs:
            if q > 0.5:
                arr[q] = centre + s * (arr[q] - centre)
            elif below and q < 0.5:
                arr[q] = centre + s_below * (arr[q] - centre)
    if below:  # a level below the median never above the next one up: the levels from the median up stay as they are
        above = None
        for q in reversed(qs):
            if q < 0.5 and above is not None:
                arr[q] = np.minimum(arr[q], above)
            above = arr[q]
    previous = None
    for q in qs:
        cur = np.maximum(arr[q], 0.0)
        if cumulative:
            cur = np.maximum.accumulate(cur, axis=1)
        if previous is not None:
            cur = np.maximum(cur, previous)
        arr[q] = previous = cur
    return [{q: arr[q][r] for q in qs} for r in range(rows)]


def conformal_per_period(
    mean: np.ndarray, per: list[dict[float, np.ndarray]], errors: np.ndarray, scale: np.ndarray | None = None
) -> list[dict[float, np.ndarray]]:
    """The per-period quantiles rescaled level by level by the row's own backtest errors, as the lead-time ones are.

    The simulated per-period quantiles carry only the widening of the one-step errors (``widening``, never
    narrower) and were too wide on smooth monthly data (Australian retail: 0.861 / 0.943 at 0.8 / 0.9) and too
    narrow on M1 quarterly; each step's error from each calibration origin (rows × origins × horizon, not summed),
    against the simulated spread at that step, sets each level's factor (``conformal_levels``), and ``scale``
    (``recent_volatility``) then follows the size of the row's latest errors. On the five monthly and quarterly
    development sets 14 → 16 of 20 per-period cells within ±3 points, the bench's pinball loss lower on four and
    within noise on M1 monthly (RESULTS-forecast.md, section Y).

    Two readings differ from the lead-time totals' (RESULTS-forecast.md, section AD). Each level's factor is shrunk
    a quarter of the way (in logs) towards the simulated spread (``PER_PERIOD_WEIGHT``): it is one row's reading of
    a dozen origins' correlated errors, and on M1 monthly, Tourism quarterly and Australian retail the rows with
    the lowest factors covered less than their level and those with the highest more (Australian retail's 0.8 by
    thirds of the 0.9 factor: 0.717 / 0.815 / 0.857). And the levels above 0.9 carry the 0.9 level's own factor,
    never narrowed, not its reading by sign: the sign alone carries the calibration window's drift (errors mostly
    positive where the forecasts ran behind a trend) into every tail, and Australian retail's per-period 0.95
    covered 0.981. The lead-time tail is read so too (``combine.conformal_cumulative``, RESULTS-forecast.md section
    CB).

    The levels below the median are rescaled in the mirror by the errors below the forecast (``below``), the same
    weight and tail; a row without backtest errors (intermittent rows' periods, whose levels up to the share of empty
    periods are 0) keeps them. Pinball loss of the per-period levels 0.02–0.2 lower on eight development sets
    (M1 quarterly 10 %, M1 monthly, both Tourism sets 7 %), within a standard error on the airline's passengers
    (RESULTS-forecast.md, section BE).
    """
    return conformal_levels(
        mean, per, errors, scale, cumulative=False, weight=PER_PERIOD_WEIGHT, tail_by_level=True, below=True
    )


def bootstrap_cumulative(
    mean: np.ndarray,
    errors: np.ndarray,
    qs: Sequence[float],
    *,
    draws: int = BOOTSTRAP_DRAWS,
    seed: int = BOOTSTRAP_SEED,
) -> list[dict[float, np.ndarray]]:
    """Quantiles of demand summed over steps 1..k, per row, by bootstrap of its one-step errors.

    Args:
        mean: forecast per row and step (rows × horizon).
        errors: one-step in-sample errors per row (rows × periods, NaN skipped).
        qs: the probabilities.
        draws: bootstrap paths per row.
        seed: the generators' seed; each row's generator is also seeded by a hash of its mean and
            errors, so a row's quantiles depend on that row only (same row, same quantiles, whatever
            else is in the call) and rows draw independently.

    Returns:
        Per row {q: (horizon,) non-decreasing in k and in q}. A row without errors gets its cumulative
        mean for every q.
    """
    mean = np.atleast_2d(np.asarray(mean, dtype=float))
    errors = np.atleast_2d(np.asarray(errors, dtype=float))
    rows, horizon = mean.shape
    # Each row draws from its own generator, seeded by the seed and a hash of the row's forecast and errors:
    # its quantiles depend on that row only (a cached row equals a recomputed one, whatever batch it came in),
    # and rows draw independently (one common draw would shift every row's tail the same way).
    import hashlib

    packed = np.sort(errors, axis=1)  # observed errors first, NaN last
    count = (~np.isnan(errors)).sum(axis=1)
    out = []
    chunk = max(1, 4_000_000 // max(1, draws * horizon))
    for lo in range(0, rows, chunk):
        hi = min(rows, lo + chunk)
        uniform = np.empty((hi - lo, draws, horizon))
        for r in range(lo, hi):
            key = hashlib.blake2b(mean[r].tobytes() + errors[r].tobytes(), digest_size=8).digest()
            uniform[r - lo] = np.random.default_rng([seed, int.from_bytes(key, "little")]).random((draws, horizon))
        pick = uniform * np.maximum(count[lo:hi], 1)[:, None, None]
        drawn = np.take_along_axis(packed[lo:hi], pick.astype(int).reshape(hi - lo, -1), axis=1)
        drawn = np.where(count[lo:hi, None] > 0, drawn, 0.0).reshape(hi - lo, draws, horizon)
        sums = np.cumsum(np.maximum(mean[lo:hi, None, :] + drawn, 0.0), axis=2)
        levels = np.quantile(sums, sorted(qs), axis=1)  # qs × rows × horizon
        levels = np.maximum.accumulate(np.maximum.accumulate(levels, axis=0), axis=2)
        for r in range(hi - lo):
            out.append({q: levels[j, r] for j, q in enumerate(sorted(qs))})
    return out


def nanstd(a: np.ndarray) -> np.ndarray:
    count = (~np.isnan(a)).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.nansum(a, axis=1) / count
        var = np.nansum((a - mean[:, None]) ** 2, axis=1) / count
    return np.where(count > 1, np.sqrt(var), 0.0)


def residual_quantiles(mean: np.ndarray, resid: np.ndarray, qs) -> dict[float, np.ndarray]:
    """Empirical error quantiles (linear interpolation, NaN skipped) scaled by √step (``selection`` step 5)."""
    s = np.sort(resid, axis=1)  # NaN sort last
    count = (~np.isnan(resid)).sum(axis=1)
    steps = np.sqrt(np.arange(1, mean.shape[1] + 1))[None, :]
    out = {}
    previous = None
    for q in qs:
        pos = q * np.maximum(count - 1, 0)
        lo = np.floor(pos).astype(int)
        hi = np.minimum(lo + 1, np.maximum(count - 1, 0))
        frac = pos - lo
        rows = np.arange(len(s))
        val = s[rows, lo] + (s[rows, hi] - s[rows, lo]) * frac
        val = np.where(count > 0, val, 0.0)
        cur = np.maximum(mean + val[:, None] * steps, 0.0)
        if previous is not None:
            cur = np.maximum(cur, previous)
        out[q] = cur
        previous = cur
    return out


def model_quantiles(final, qs) -> dict[float, np.ndarray]:
    from statistics import NormalDist

    if not final.quantiles:
        steps = np.sqrt(np.arange(1, len(final.mean) + 1))
        raw = {q: final.mean + NormalDist().inv_cdf(q) * final.sigma * steps for q in qs}
    else:
        raw = final.quantiles
    out, previous = {}, None
    for q in qs:
        cur = np.maximum(np.asarray(raw[q], dtype=float), 0.0)
        if previous is not None:
            cur = np.maximum(cur, previous)
        out[q] = cur
        previous = cur
    return out
