"""Incremental forecasting: reuse the stored forecast of every row whose history and settings did not change.

A row (one product in one scope: a warehouse id, or ``*`` for all warehouses) is forecast from its weekly
demand series. Its *history key* is a SHA-256 over

* the series itself (the float64 bytes, NaN = censored week, so a changed censoring changes the key),
* the first week's start date (a new week moves every series),
* the settings that change a forecast: the row's horizon (planning's: its own lead time + review), season,
  quantiles, the statsmodels candidates and the mode (fast numpy methods only, or thorough), and
* the version of the forecasting code: a hash of the source of ``domain.planning.forecasting`` and of this module,
  so an upgrade of the methods recomputes everything once.

``forecast_rows`` loads the stored results of the rows (``ForecastCache.load``), keeps those whose key
matches, forecasts only the rest — in batches, asking ``cancel`` between them — and stores what it
computed in one write at the end (nothing when cancelled). In thorough mode a row that the statsmodels
time budget did not reach is stored with its numpy forecast like any other: keeping it out would make
every later run spend the whole budget again (measured on the demo database: 350 rows and 36 s a run
instead of seconds); it is tried again when its history changes, at the latest with the next week.

Results are stored as JSON: arrays as their base64 bytes with shape and dtype (exact, and read back with
one ``numpy.frombuffer`` instead of parsing every number: reading 2,700 stored forecasts took 1.5 s
with arrays as JSON lists, 0.7 s so), mappings with string keys as they are, other mappings
as key/value pairs (quantile keys are floats), NaN as JSON's ``NaN``. Only Python reads them back.
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import fields
from datetime import date
from numbers import Integral
from pathlib import Path
from typing import Protocol

BATCH_ROWS = 400
_version: str | None = None


class Cancelled(Exception):
    """Planning was cancelled between two batches; nothing was stored."""


class ForecastCache(Protocol):
    def load(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
        """{(product id, scope): (history key, result JSON)} of the stored rows among ``keys``."""
        ...

    def store(self, rows: Sequence[tuple[str, str, str, str]]) -> None:
        """Replace the rows (product id, scope, history key, result JSON) in one transaction."""
        ...


def code_version() -> str:
    """A hash of the forecasting code (``domain/planning/forecasting/*.py`` and this module), computed once."""
    global _version
    if _version is None:
        digest = hashlib.sha256()
        here = Path(__file__).resolve()
        sources = sorted((here.parent / "forecasting").glob("*.py")) + [here]
        found = False
        for path in sources:
            try:
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
                found = True
            except OSError:
                continue
        if not found:  # a bundle without sources: the bundled code does not change without a new bundle
            import sys

            digest.update(str(getattr(sys, "_MEIPASS", "frozen")).encode())
        _version = digest.hexdigest()[:16]
    return _version


def settings_text(horizon: int, options: dict, first_week: date | None) -> str:
    """The part of every key that does not depend on the row."""
    plain = {k: (list(v) if isinstance(v, tuple) else v) for k, v in sorted(options.items()) if k not in _NOT_IN_KEY}
    return json.dumps({"horizon": horizon, "options": plain, "first_week": first_week and first_week.isoformat(),
                       "code": code_version()}, sort_keys=True, default=str)


# Options that change how long forecasting may take, not what a row's forecast is once it is computed.
_NOT_IN_KEY = {"budget_seconds", "workers", "start_method"}


def history_key(row, settings: str) -> str:
    """SHA-256 (hex) of one series (a float64 numpy row) and the settings text."""
    import numpy as np

    digest = hashlib.sha256(settings.encode())
    digest.update(np.ascontiguousarray(row, dtype=np.float64).tobytes())
    return digest.hexdigest()


def encode(result) -> str:
    """A forecast result (a dataclass of arrays, floats, strings and mappings) as JSON."""
    return json.dumps({f.name: _enc(getattr(result, f.name)) for f in fields(result)}, separators=(",", ":"))


def decode(text: str, cls):
    """The ``cls`` instance ``encode`` wrote; raises ``ValueError`` when the stored fields do not fit ``cls``."""
    raw = json.loads(text)
    names = {f.name for f in fields(cls)}
    if set(raw) != names:
        raise ValueError("stored forecast has other fields than " + cls.__name__)
    return cls(**{k: _dec(v) for k, v in raw.items()})


def _enc(value):
    import numpy as np

    if isinstance(value, np.ndarray):
        data = np.ascontiguousarray(value)
        return {"nd": base64.b64encode(data.tobytes()).decode("ascii"), "shape": list(data.shape),
                "dtype": data.dtype.str}
    if isinstance(value, dict):
        if all(isinstance(k, str) and isinstance(v, (str, int, float, bool)) for k, v in value.items()):
            return {"obj": value}  # e.g. the backtest scores: read back as they are
        return {"map": [[_enc(k), _enc(v)] for k, v in value.items()]}
    if isinstance(value, (list, tuple)):
        return {"seq": [_enc(v) for v in value]}
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, date):
        return {"date": value.isoformat()}
    return value


def _dec(value):
    import numpy as np

    if isinstance(value, dict):
        if "nd" in value:
            raw = base64.b64decode(value["nd"])
            return np.frombuffer(raw, dtype=np.dtype(value["dtype"])).reshape(value["shape"]).copy()
        if "obj" in value:
            return value["obj"]
        if "map" in value:
            return {_dec(k): _dec(v) for k, v in value["map"]}
        if "seq" in value:
            return [_dec(v) for v in value["seq"]]
        if "date" in value:
            return date.fromisoformat(value["date"])
    return value


def horizon_groups(horizons: Sequence[int]) -> dict[int, list[int]]:
    """The rows (their indices, in order) of each horizon, shortest horizon first."""
    groups: dict[int, list[int]] = {}
    for r, h in enumerate(horizons):
        groups.setdefault(int(h), []).append(r)
    return dict(sorted(groups.items()))


def forecast_by_horizon(values, horizons: Sequence[int], forecast_many: Callable, **options) -> list:
    """``forecast_many`` of every row of ``values`` at that row's own horizon: one call per distinct horizon.

    A row's forecast depends on its own history and horizon only, not on the rows that share its call
    (tests/benchmarks/RESULTS-forecast.md, section AE), so this equals forecasting each row alone.
    """
    results: list = [None] * len(horizons)
    for h, rows in horizon_groups(horizons).items():
        for r, result in zip(rows, forecast_many(values[rows], h, **options), strict=True):
            results[r] = result
    return results


def forecast_rows(
    values,
    ids: Sequence[tuple[str, str]],
    horizon: int | Sequence[int],
    options: dict,
    *,
    forecast_many: Callable,
    result_type,
    cache: ForecastCache | None = None,
    first_week: date | None = None,
    cancel: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
    batch_rows: int = BATCH_ROWS,
) -> tuple[list, int]:
    """Forecasts of every row of ``values`` (rows × weeks), reusing what ``cache`` holds for unchanged rows.

    Args:
        values: weekly demand, NaN where censored; row ``i`` belongs to ``ids[i]`` (product id, scope).
        horizon: as ``forecast_many`` takes it, for every row, or one per row (its lead time + review): each row is
            forecast at its own, with the rows of one horizon batched together, and its key holds its own horizon.
        options: ``forecast_many``'s keyword arguments.
        forecast_many: the forecasting entry point (``domain.planning.forecasting.api.forecast_many``).
        result_type: its result class (to read stored results back).
        cache: where results are kept between runs; None forecasts everything and stores nothing.
        first_week: the start of the first week (part of the key).
        cancel: asked before each batch; when it returns True, ``Cancelled`` is raised and nothing stored.
        progress: told (rows done, rows in all) after the cache was read and after each batch.
        batch_rows: rows per batch (each batch is one ``forecast_many`` call).

    Returns:
        (one result per row in order, the number of rows forecast in this run).
    """
    n = len(ids)
    horizons = [int(horizon)] * n if isinstance(horizon, Integral) else [int(h) for h in horizon]
    if len(horizons) != n:
        raise ValueError(f"horizon: one per row ({n}) or one for all, not {len(horizons)}")
    settings = {h: settings_text(h, options, first_week) for h in set(horizons)}
    keys = [history_key(values[r], settings[horizons[r]]) for r in range(n)]
    results: list = [None] * n
    stored = cache.load(list(ids)) if cache is not None else {}
    for r, row_id in enumerate(ids):
        hit = stored.get(row_id)
        if hit is not None and hit[0] == keys[r]:
            try:
                results[r] = decode(hit[1], result_type)
            except (ValueError, TypeError, KeyError):
                results[r] = None
    todo = [r for r in range(n) if results[r] is None]
    # one horizon per batch (one forecast_many call, which shares the time budget out as before): each horizon's
    # rows in their order, shortest horizon first
    batches = [rows[i : i + batch_rows] for rows in horizon_groups([horizons[r] for r in todo]).values()
               for i in range(0, len(rows), batch_rows)]
    if progress is not None:
        progress(n - len(todo), n)
    budget = options.get("budget_seconds")
    deadline = None if budget is None else time.monotonic() + budget
    done = 0
    for positions in batches:
        if cancel is not None and cancel():
            raise Cancelled()
        batch = [todo[i] for i in positions]
        run_options = dict(options)
        if deadline is not None and "budget_seconds" in options:
            # the time left, shared out over the rows still to do
            left = max(0.0, deadline - time.monotonic())
            run_options["budget_seconds"] = left * len(batch) / (len(todo) - done)
        for r, result in zip(batch, forecast_many(values[batch], horizons[batch[0]], **run_options), strict=True):
            results[r] = result
        done += len(batch)
        if progress is not None:
            progress(n - len(todo) + done, n)
    if cancel is not None and cancel():
        raise Cancelled()
    if cache is not None and todo:
        cache.store([(ids[r][0], ids[r][1], keys[r], encode(results[r])) for r in todo])
    return results, len(todo)

