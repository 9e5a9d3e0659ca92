"""The statsmodels models' rolling backtest, row by row within a time budget, in this process or a process pool.

``forecast_many`` (``domain.planning.forecasting.api``) hands it the rows where the models may pay (smooth or erratic,
with enough history, largest total demand first); see ``domain.planning.forecasting.selection`` step 3 for what is
fitted when.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor

import numpy as np

from domain.planning.forecasting.backtest import score
from domain.planning.forecasting.combine import against_the_line
from domain.planning.forecasting.models import MODELS
from domain.planning.forecasting.models import without_trend


@dataclasses.dataclass(frozen=True)
class RowTask:
    """What one row brings to the models' backtest (``run_models``).

    Attributes:
        actuals: the row's actuals after each origin (origins × horizon), NaN where not its own.
        scale: the row's MASE scale.
        to_beat: the MASE a model must beat to be fitted on the whole history (``inf``: any model that ran).
        own: which origins are the row's own (None: every origin, the matrix's row as it is: the per-row choice).
        begin: the row's first observed period in the matrix (with ``own``).
        factors: seasonal factors the row was adjusted by (position ``t % len(factors)`` for the matrix's period
            t), or None: the models are then fitted without a season and their forecasts made seasonal again.
        line: the slope of the straight line through the row's history before the forecast (``Combined.line``), or
            None; ``strength`` how much of the row's variance it explains (``Combined.strength``).
    """

    actuals: np.ndarray
    scale: float
    to_beat: float
    own: np.ndarray | None = None
    begin: int = 0
    factors: np.ndarray | None = None
    line: float | None = None
    strength: float = 0.0


def _against_the_line(forecast, task: RowTask):
    """The final ``forecast`` with its trend carried flat where it points against the row's line, where the
    combination's damped member's is (``combine.against_the_line``): an ETS trend read from the last periods' dip
    took Thorough further from the line each period, where the default no longer goes. The backtest's paths keep
    their trend: flattened there too, the choice between the models moved with it, and M1 quarterly lost at an
    earlier origin what the rule gained (RESULTS-forecast.md, section BX)."""
    if task.line is None or forecast.trend is None or not len(forecast.trend):
        return forecast
    kept = against_the_line(forecast.trend[-1:][None], np.array([[task.line]]), np.array([task.strength]))
    return forecast if kept[0, 0] == forecast.trend[-1] else without_trend(forecast)


def _backtest_models(job) -> list[tuple[int, dict]]:
    """Backtest the statsmodels models on some rows until the deadline (a worker's job).

    Each row comes with a ``RowTask``: its actuals, MASE scale and the MASE to beat, and optionally which of the
    origins are its own, where its history begins and the factors it was adjusted by. Only a model that beats that
    MASE is fitted on the whole history, best first; if that fit fails the next one is tried. Of the models that
    ran, only the best gets a final forecast; the others keep their backtest paths, for their scores. Returns, per
    row, {model: (backtest paths, NaN at the origins not its own; final ModelForecast or None)}.

    A row that comes with its own origins (the combination) is fitted to its own history, from its first observed
    period, at its own origins only: inside a wider matrix the NaN before a later row was filled with its first
    demand (``models.fill_censored``) and fitted as history it does not have, and its first fit, whose
    specification the later origins reuse, was at the matrix's first origin. So a row's models are those it gets
    alone (RESULTS-forecast.md, sections AE and AO). A row without (the per-row choice) is fitted as the matrix
    holds it.
    """
    rows, series, tasks, names, horizon, origins, season, qs, starts, deadline = job
    origins = np.asarray(origins, dtype=int)
    out = []
    for r, y, task in zip(rows, series, tasks, strict=True):
        if deadline is not None and time.time() > deadline:
            break
        act, scale, to_beat = task.actuals, task.scale, task.to_beat
        if task.own is not None:  # the combination: the row's own history and origins
            own, begin = np.asarray(task.own, dtype=bool), int(task.begin)
        else:  # the per-row choice (``selection``): the matrix's row as it is, every origin
            own, begin = np.ones(len(origins), dtype=bool), 0
        # A row handed seasonally adjusted comes with its factors (position ``t % len(index)`` for the matrix's
        # period t): the models are fitted without a season and their forecasts seasonal again, before scoring.
        index = None if task.factors is None else np.asarray(task.factors, dtype=float)
        row_season = 1 if index is not None else season
        y = y[begin:]
        points = origins[own] - begin
        row_starts = None if starts is None else starts[begin:]
        tried = []
        for name in names if len(points) else ():
            fit = MODELS[name]
            try:
                first = fit(y[: points[0]], horizon, season=row_season, starts=_upto(row_starts, points[0]))
                reuse = first.reuse or {}
                later = [
                    fit(y[:o], horizon, season=row_season, starts=_upto(row_starts, o), **reuse).mean
                    for o in points[1:]
                ]
                paths = np.full((len(origins), horizon), np.nan)
                paths[own] = np.array([first.mean, *later]) * _season_ahead(index, origins[own], horizon)
            except Exception:  # noqa: BLE001 - a model that fails falls back to the next one
                continue
            if np.all(np.isfinite(paths[own])):
                mase = float(score(paths[None], act[None], np.array([scale])).mase[0])
                tried.append((mase if np.isfinite(mase) else np.inf, name, paths, reuse))
        fitted = {name: (paths, None) for _, name, paths, _ in tried}
        for mase, name, paths, reuse in sorted(tried, key=lambda t: t[0]):
            if not mase < to_beat:
                break
            spec_only = {k: v for k, v in reuse.items() if k == "spec"}
            try:
                final = MODELS[name](y, horizon, season=row_season, quantiles=qs, starts=row_starts, **spec_only)
            except Exception:  # noqa: BLE001 - the next best model is tried instead
                continue
            final = _against_the_line(final, task)
            if index is not None:
                again = _season_ahead(index, np.array([begin + len(y)]), horizon)[0]
                final = dataclasses.replace(
                    final, mean=final.mean * again, quantiles={q: v * again for q, v in (final.quantiles or {}).items()}
                )
            if np.all(np.isfinite(final.mean)):
                fitted[name] = (paths, final)
                break
        out.append((r, fitted))
    return out


def _season_ahead(index, points, horizon: int):
    """The factors of the ``horizon`` periods after each of ``points`` (points × horizon); 1 without ``index``."""
    if index is None:
        return np.ones((len(points), horizon))
    return index[(np.asarray(points)[:, None] + np.arange(horizon)[None, :]) % len(index)]


def _upto(starts, o):
    return None if starts is None else starts[:o]


def run_models(
    Y, rows, tasks, names, horizon, origins, season, qs, starts, budget_seconds, workers, start_method
) -> dict:
    if len(rows) == 0:
        return {}
    deadline = None if budget_seconds is None else time.time() + budget_seconds
    starts = None if starts is None else list(starts)
    chunk = 16
    jobs = []
    for i in range(0, len(rows), chunk):
        part = rows[i : i + chunk]
        job = (part, [Y[r] for r in part], [tasks[r] for r in part], names, horizon, origins, season, qs, starts)
        jobs.append((*job, deadline))
    found: dict[int, dict] = {}
    if workers <= 1:
        for job in jobs:
            if deadline is not None and time.time() > deadline:
                break
            found.update(_backtest_models(job))
        return found
    if start_method == "fork":
        # Forked workers inherit what is imported here: import the models once instead of per worker.
        for name in names:
            _preload(name)
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for part in pool.map(_backtest_models, jobs):
                found.update(part)
        return found
    # Spawned workers start with one BLAS thread each: statsmodels' small matrices only lose from
    # more, and two processes on two cores would otherwise fight over them.
    saved = {k: os.environ.get(k) for k in _THREAD_VARS}
    os.environ.update(dict.fromkeys(_THREAD_VARS, "1"))
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(start_method)) as pool:
            for part in pool.map(_backtest_models, jobs):
                found.update(part)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return found


_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
_PRELOAD = {
    "ets": "statsmodels.tsa.exponential_smoothing.ets",
    "holt_winters": "statsmodels.tsa.holtwinters",
    "theta": "statsmodels.tsa.forecasting.theta",
    "sarimax": "statsmodels.tsa.statespace.sarimax",
}


def _preload(name: str) -> None:
    import importlib

    if name in _PRELOAD:
        importlib.import_module(_PRELOAD[name])
