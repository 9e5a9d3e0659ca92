"""Stockroom's default against one peer, row by row, at the bench origin and one and two horizons before it.

Where ``bench_accuracy_public.py`` says a set is lost to a peer, this script says where: per origin the set's MASE
of the default, of its two smoothing members alone (the damped trend and Theta, each seasonal again) and of the
peer; the gap per series with its paired standard error, and over the three origins; the gap split by whether the
peer and the combination adjusted a row for its season; the two forecasts' levels and shapes swapped (each moved
so that its mean over the horizon is the other's); and the rows that lose most, with their last periods, held-out
periods and both forecasts. For AutoTheta the peer is refitted row by row with statsforecast's own ``auto_theta``
(its cached forecasts are the same to the digit) to read what it chose: the model, θ, α and whether it divided the
row by a classical decomposition. Not a ``bench_*`` script (``scripts/bench.sh`` runs those without arguments): it
needs the data packages and the peers of ``./scripts/bench-setup.sh``.

    PYTHONPATH=SITE STOCKROOM_BENCH_CACHE=DIR nice -n 5 .venv/bin/python tests/benchmarks/peer_rows.py \\
        --set prison_quarterly --peer AutoTheta [--top 6] [--out rows.pkl]

The data, holdout, origins and scoring are ``bench_accuracy_public``'s, and so is the peers' cache (a peer not yet
cached at an origin is fitted and cached as that bench would). Each row's forecast uses its own history only.
"""

from __future__ import annotations

import argparse
import functools
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_accuracy_public as bench  # noqa: E402

from domain.planning.forecasting import combine as cmb  # noqa: E402

# The peers' cache is written by ``bench_accuracy_public`` run as a script: its pickles name ``__main__.Fc``.
sys.modules["__main__"].Fc = bench.Fc


def _default_with_members(ds: bench.DataSet) -> tuple[list[bench.Fc], dict[str, np.ndarray], np.ndarray, np.ndarray]:
    """The default's forecasts as the bench makes them, and from the same call's combination: each smoothing
    member's final forecast (rows × h, seasonal again), whether each row was called seasonal and whether it was
    forecast as intermittent."""
    seen = {}
    inner = cmb.combine

    def watch(Y, origins, horizon, **options):
        seen.update(Y=Y, options=options)
        return inner(Y, origins, horizon, **options)

    cmb.combine = watch  # ``api.forecast_many`` imports it at call time
    try:
        fcs, _ = bench.stockroom(ds, thorough=False)
    finally:
        cmb.combine = inner
    Y, options = seen["Y"], seen["options"]
    T = Y.shape[1]
    final = inner(Y, np.array([T]), ds.h, season=options["season"], intermittent=options["intermittent"])
    index = final.factors[:, (T + np.arange(ds.h)) % max(ds.season, 1)]
    members = {name: final.member_paths[name][:, 0, :] * index for name in ("damped", "theta")}
    return fcs, members, final.seasonal, np.asarray(options["intermittent"], dtype=bool)


def _mase(actual: np.ndarray, scale: float, forecast: np.ndarray) -> float:
    return float(np.mean(np.abs(actual - forecast)) / scale)


def _autotheta_choice(y: np.ndarray, season: int) -> dict:
    """What statsforecast's AutoTheta chose for one row: its model, θ, α and whether it decomposed the row."""
    from statsforecast.theta import auto_theta

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = auto_theta(np.asarray(y, dtype=float), season)
    return {"peer_model": fit["modeltype"], "peer_theta": float(fit["par"]["theta"]),
            "peer_alpha": float(fit["par"]["alpha"]), "decomposed": bool(fit.get("decompose", False))}


def measure(name: str, peer: str, origins: list[int]) -> pd.DataFrame:
    rows = []
    for origin in origins:
        ds = bench.load(name, None, origin)
        ours, members, seasonal, intermittent = _default_with_members(ds)
        theirs, _ = bench.peer(ds, peer)
        for r, (y, actual) in enumerate(zip(ds.train, ds.test, strict=True)):
            scale = bench._scale(y, ds.scale_lag)[0]
            mase = functools.partial(_mase, actual, scale)
            mine, other = ours[r].mean, theirs[r].mean
            row = {"origin": origin, "series": ds.ids[r], "default": mase(mine), "peer": mase(other),
                   "damped": mase(members["damped"][r]), "theta": mase(members["theta"][r]),
                   "our_shape_their_level": mase(mine - mine.mean() + other.mean()),
                   "their_shape_our_level": mase(other - other.mean() + mine.mean()),
                   "seasonal": bool(seasonal[r]), "intermittent": bool(intermittent[r]),
                   "history": np.asarray(y, dtype=float), "actual": np.asarray(actual, dtype=float),
                   "ours": np.asarray(mine, dtype=float), "theirs": np.asarray(other, dtype=float)}
            if peer == "AutoTheta":
                row |= _autotheta_choice(y, ds.season)
            rows.append(row)
    frame = pd.DataFrame(rows)
    frame["gap"] = frame["default"] - frame["peer"]
    return frame


def _mean_se(values: pd.Series) -> str:
    return f"{values.mean():+.4f} ± {values.std(ddof=1) / np.sqrt(len(values)):.4f}"


def report(frame: pd.DataFrame, peer: str, top: int) -> None:
    n = frame.groupby("origin").size().max()
    print(f"| origin | default | damped trend alone | Theta alone | {peer} | default − {peer} per series | "
          f"our shape at {peer}'s level | {peer}'s shape at our level |")
    print("|---|---|---|---|---|---|---|---|")
    for origin, g in frame.groupby("origin"):
        print(f"| {origin} | {g['default'].mean():.4f} | {g['damped'].mean():.4f} | {g['theta'].mean():.4f} | "
              f"{g['peer'].mean():.4f} | {_mean_se(g['gap'])} | {g['our_shape_their_level'].mean():.4f} | "
              f"{g['their_shape_our_level'].mean():.4f} |")
    three = frame.groupby("series")["gap"].mean()
    print(f"\nover the {frame['origin'].nunique()} origins, each series' gaps averaged: {_mean_se(three)} a series")
    split = ["seasonal", "intermittent"] + (["decomposed"] if "decomposed" in frame else [])
    print("\nthe gap's share of the set (Σ gap / rows) by how each side read the row, per origin:")
    for key in split:
        parts = frame.groupby(["origin", key])["gap"].agg(rows="size", share=lambda s: s.sum() / n)
        print(f"  {key}: " + "; ".join(f"origin {o} {k}: {int(v.rows)} rows {v.share:+.4f}"
                                       for (o, k), v in parts.iterrows()))
    for origin, g in frame.groupby("origin"):
        print(f"\norigin {origin}, the {top} rows furthest behind:")
        for _, r in g.sort_values("gap", ascending=False).head(top).iterrows():
            chose = (f" [{r['peer_model']} θ {r['peer_theta']:.1f} α {r['peer_alpha']:.2f}"
                     f"{' decomposed' if r['decomposed'] else ''}]") if "peer_model" in r else ""
            print(f"  {r['series']}: default {r['default']:.2f} (damped {r['damped']:.2f}, Theta {r['theta']:.2f}), "
                  f"{peer} {r['peer']:.2f}{chose}; ours {'seasonal' if r['seasonal'] else 'not seasonal'}"
                  f"{', intermittent' if r['intermittent'] else ''}")
            print(f"    last {np.round(r['history'][-5:], 1).tolist()} → held out {np.round(r['actual'], 1).tolist()}")
            print(f"    ours {np.round(r['ours'], 1).tolist()}; {peer} {np.round(r['theirs'], 1).tolist()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", default="prison_quarterly", help="one of bench_accuracy_public's sets")
    parser.add_argument("--peer", default="AutoTheta", help="a peer of bench_accuracy_public")
    parser.add_argument("--origins", default="0,1,2", help="horizons held out before the competitions' test")
    parser.add_argument("--top", type=int, default=6, help="rows listed per origin")
    parser.add_argument("--out", help="keep every row's figures and forecasts in this pickle")
    args = parser.parse_args()
    frame = measure(args.set, args.peer, [int(o) for o in args.origins.split(",")])
    if args.out:
        frame.to_pickle(args.out)
    report(frame, args.peer, args.top)


if __name__ == "__main__":
    main()
