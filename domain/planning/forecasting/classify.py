"""Demand classes by average demand interval (ADI) and squared coefficient of variation (CV²).

Syntetos, Boylan & Croston (2005) split demand at ADI = 1.32 and CV² = 0.49:

============  ============  ==============
              CV² < 0.49    CV² ≥ 0.49
============  ============  ==============
ADI < 1.32    smooth        erratic
ADI ≥ 1.32    intermittent  lumpy
============  ============  ==============

ADI is observed periods per period with demand; CV² is (σ/μ)² of the non-zero demand sizes
(population standard deviation). Censored periods (NaN) are left out of both. A history with fewer
than ``min_periods`` observed periods or fewer than two demands is ``too_short``: there is not
enough to tell, and forecasting falls back to a plain average.
"""

from __future__ import annotations

import numpy as np

SMOOTH = "smooth"
ERRATIC = "erratic"
INTERMITTENT = "intermittent"
LUMPY = "lumpy"
TOO_SHORT = "too_short"
ADI_CUT = 1.32
CV2_CUT = 0.49
CLASS_NAMES = (SMOOTH, ERRATIC, INTERMITTENT, LUMPY, TOO_SHORT)


def adi_cv2(matrix) -> tuple[np.ndarray, np.ndarray]:
    """ADI and CV² per row of a (products × periods) array with NaN for censored periods.

    Returns:
        Two 1-D arrays; ADI is ``inf`` for a row without demand, CV² is ``nan`` with no demand.
    """
    y = np.atleast_2d(np.asarray(matrix, dtype=float))
    observed = ~np.isnan(y)
    positive = observed & (y > 0)
    n_obs = observed.sum(axis=1)
    n_pos = positive.sum(axis=1)
    sizes = np.where(positive, y, np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        adi = np.where(n_pos > 0, n_obs / np.maximum(n_pos, 1), np.inf)
        mean = np.nansum(sizes, axis=1) / n_pos
        var = np.nansum((sizes - mean[:, None]) ** 2, axis=1) / n_pos
        cv2 = var / mean**2
    return adi, cv2


def classify(matrix, *, min_periods: int = 8) -> np.ndarray:
    """The demand class of each row (an array of class names, see the module docstring)."""
    y = np.atleast_2d(np.asarray(matrix, dtype=float))
    adi, cv2 = adi_cv2(y)
    n_obs = (~np.isnan(y)).sum(axis=1)
    n_pos = ((~np.isnan(y)) & (y > 0)).sum(axis=1)
    frequent = adi < ADI_CUT
    steady = cv2 < CV2_CUT
    out = np.where(frequent, np.where(steady, SMOOTH, ERRATIC), np.where(steady, INTERMITTENT, LUMPY))
    return np.where((n_obs < min_periods) | (n_pos < 2), TOO_SHORT, out).astype(object)
