"""ABC/XYZ classification of products: how much each matters (ABC) and how steady its demand is (XYZ).

Each planning run classifies every planned product over all its warehouses (``classify_history``) and the
app stores the classes with the run's forecast cache, so the screens read them without planning again.

* **ABC** ranks products by their demand of the last 364 days (52 whole weeks of the history) with
  ``domain.planning.history.abc_classes``: A the products making the first 80 % of the total, B the next
  15 %, C the rest and every product without demand. The *basis* (a setting, ``BASES``) is either
  ``value`` (the default: quantity × the chosen supplier terms' unit price, else the average cost) or
  ``volume`` (the quantity alone, whatever its unit). The class sets the service target
  (``domain.planning.run.SERVICE_BY_CLASS``) unless the product has its own.
* **XYZ** is the coefficient of variation (CV = standard deviation / mean) of the product's weekly demand
  over the whole planning history: the weeks of ``domain.planning.history.aggregate_weeks`` (shipped plus
  recorded unfilled demand, stockout days estimated, weeks without an in-stock day left out as censored).
  X when CV < 0.5, Y when 0.5 ≤ CV < 1.0, Z when CV ≥ 1.0 (``XYZ_LIMITS``). The standard deviation is the
  population one (divided by n, not n − 1), so a series is judged by its own weeks alone.
* Intermittent demand: a week without demand counts as 0, so a product that sells in few weeks has a
  large CV and is Z — which it is: its next week cannot be foreseen. Weeks before a product was first in
  stock are censored, not zeros, so a newer product is not made Z by the weeks before it existed. A product
  with fewer than ``MIN_XYZ_WEEKS`` observed weeks, or none with demand, is Z with no CV (``cv`` None): too
  little is known to call its demand steady.

Pure functions on plain numbers; numpy only where the daily history is gathered into product weeks.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.kernel.errors import BadInput
from domain.planning.history import DEFAULT_WEEKS
from domain.planning.history import abc_classes
from domain.planning.history import aggregate_weeks
from domain.planning.history import planned_items
from domain.planning.history import weekly_matrix
from domain.planning.history import window
from domain.planning.model import HistoryReader
from domain.planning.model import PlanningHistory
from domain.planning.model import StockItem
from domain.planning.terms import choose_terms

BASES = ("value", "volume")
DEFAULT_BASIS = "value"
XYZ_LIMITS = (0.5, 1.0)  # CV below the first: X; below the second: Y; else Z
MIN_XYZ_WEEKS = 8
ANNUAL_DAYS = 364
ABC = ("A", "B", "C")
XYZ = ("X", "Y", "Z")


@dataclass(frozen=True)
class ProductClass:
    """One product's classes and the figures they came from.

    Attributes:
        product_id: the product.
        abc: A, B or C by ``basis``.
        xyz: X, Y or Z by ``cv``.
        value: demand value of the last 364 days (quantity × unit price or average cost).
        volume: demand quantity of the last 364 days.
        cv: coefficient of variation of the weekly demand; None when too little is known (then Z).
        weeks: the observed (not censored) weeks the CV was taken over.
        basis: ``value`` or ``volume``, what ABC ranked.
    """

    product_id: str
    abc: str
    xyz: str
    value: float
    volume: float
    cv: float | None
    weeks: int
    basis: str = DEFAULT_BASIS

    @property
    def cell(self) -> str:
        """The matrix cell, such as ``AX``."""
        return self.abc + self.xyz


def parse_basis(text: str | None) -> str:
    """``value`` or ``volume`` (any case, blank: ``value``); anything else is refused naming the choices."""
    basis = (text or "").strip().lower() or DEFAULT_BASIS
    if basis not in BASES:
        raise BadInput("ABC basis", f"{text!r} is not a basis; give value or volume",
                       code="not_an_abc_basis", values=(repr(text),))
    return basis


def xyz_of(weekly: Iterable[float]) -> tuple[str, float | None, int]:
    """(X/Y/Z, CV or None, observed weeks) of one weekly demand series; NaN weeks are censored and left out.

    Args:
        weekly: demand per week, NaN where censored.

    Returns:
        The class by ``XYZ_LIMITS``; Z with CV None under ``MIN_XYZ_WEEKS`` observed weeks or without demand.
    """
    observed = [float(x) for x in weekly if x == x]
    n = len(observed)
    mean = sum(observed) / n if n else 0.0
    if n < MIN_XYZ_WEEKS or mean <= 0:
        return "Z", None, n
    cv = math.sqrt(sum((x - mean) ** 2 for x in observed) / n) / mean
    return ("X" if cv < XYZ_LIMITS[0] else "Y" if cv < XYZ_LIMITS[1] else "Z"), cv, n


def classify(
    value: Mapping[str, float],
    volume: Mapping[str, float],
    weekly: Mapping[str, Sequence[float]],
    basis: str = DEFAULT_BASIS,
) -> dict[str, ProductClass]:
    """ABC by ``basis`` and XYZ by the weekly series, for every product in ``value``.

    Args:
        value: per product id, the annual demand value.
        volume: per product id, the annual demand quantity (a product missing here has 0).
        weekly: per product id, its weekly demand (NaN censored); a product missing here is Z.
        basis: ``value`` or ``volume``.

    Returns:
        Per product id, its ``ProductClass``.
    """
    return rank(value, volume, {pid: xyz_of(weekly.get(pid, ())) for pid in value}, basis)


def rank(
    value: Mapping[str, float],
    volume: Mapping[str, float],
    variability: Mapping[str, tuple[str, float | None, int]],
    basis: str = DEFAULT_BASIS,
) -> dict[str, ProductClass]:
    """``classify`` with each product's (XYZ, CV, observed weeks) already measured (``xyz_of``, ``xyz_many``)."""
    basis = parse_basis(basis)
    ranked = abc_classes(dict(value) if basis == "value" else {p: volume.get(p, 0.0) for p in value})
    out = {}
    for pid in value:
        xyz, cv, weeks = variability.get(pid, ("Z", None, 0))
        out[pid] = ProductClass(pid, ranked[pid], xyz, float(value[pid]), float(volume.get(pid, 0.0)), cv, weeks,
                                basis)
    return out


def xyz_many(weeks) -> list[tuple[str, float | None, int]]:
    """``xyz_of`` of every row of a rows × weeks numpy array at once (100,000 rows of two years: a fraction of a
    second, where row by row in Python takes seconds); the same classes, CVs and counts."""
    import numpy as np

    observed = ~np.isnan(weeks)
    n = observed.sum(axis=1)
    mean = np.where(observed, weeks, 0.0).sum(axis=1) / np.maximum(n, 1)
    spread = np.sqrt((np.where(observed, weeks - mean[:, None], 0.0) ** 2).sum(axis=1) / np.maximum(n, 1))
    known = (n >= MIN_XYZ_WEEKS) & (mean > 0)
    cv = np.divide(spread, mean, out=np.zeros_like(mean), where=known)
    out: list[tuple[str, float | None, int]] = []
    for k, c, count in zip(known.tolist(), cv.tolist(), n.tolist(), strict=True):
        if not k:
            out.append(("Z", None, count))
        else:
            out.append(("X" if c < XYZ_LIMITS[0] else "Y" if c < XYZ_LIMITS[1] else "Z", c, count))
    return out


def classify_history(
    history: PlanningHistory,
    items: Sequence[StockItem],
    shipped,
    in_stock,
    basis: str = DEFAULT_BASIS,
) -> dict[str, ProductClass]:
    """Classify the products of a planning run from its daily matrices (``history.weekly_matrix``).

    Args:
        history: what the run read (for the terms' prices and the first day).
        items: the planned product × warehouses, one per row of ``shipped`` and ``in_stock``.
        shipped: daily demand per row; in_stock: the daily in-stock mask per row.
        basis: what ABC ranks: ``value`` or ``volume``.

    Returns:
        Per product id, its ``ProductClass``; a product's warehouses add up, and a day is in stock when one of
        them was (as ``domain.planning.run.forecast_products`` forecasts it).
    """
    import numpy as np

    value, volume = annual_demand(history, items, shipped)
    order: dict[str, int] = {}
    for x in items:
        order.setdefault(x.product_id, len(order))
    variability: dict[str, tuple[str, float | None, int]] = {}
    if order:
        rows = np.array([order[x.product_id] for x in items], dtype=int)
        daily = np.zeros((len(order), shipped.shape[1]))
        stocked = np.zeros((len(order), shipped.shape[1]), dtype=bool)
        np.add.at(daily, rows, shipped)
        np.logical_or.at(stocked, rows, in_stock)
        weeks, _ = aggregate_weeks(daily, stocked, history.first_day)
        measured = xyz_many(weeks)
        variability = {pid: measured[r] for pid, r in order.items()}
    return rank(value, volume, variability, basis)


def annual_demand(history: PlanningHistory, items: Sequence[StockItem], shipped) -> tuple[dict, dict]:
    """(value, quantity) of the demand of the last 364 days per product: quantity × the chosen terms' unit
    price, else the row's average cost; a product's warehouses add up."""
    last_year = shipped[:, -ANNUAL_DAYS:].sum(axis=1) if len(items) else []
    value: dict[str, float] = {}
    volume: dict[str, float] = {}
    for item, qty in zip(items, last_year, strict=True):
        terms = choose_terms(history.terms.get(item.product_id, ()))
        price = terms.unit_price if terms else item.unit_cost
        value[item.product_id] = value.get(item.product_id, 0.0) + float(qty) * float(price)
        volume[item.product_id] = volume.get(item.product_id, 0.0) + float(qty)
    return value, volume


@dataclass(frozen=True)
class MatrixCell:
    """One cell of the 3 × 3 matrix: how many products and their annual demand value."""

    count: int = 0
    value: Decimal = Decimal(0)


def matrix(classes: Iterable[ProductClass]) -> dict[str, MatrixCell]:
    """The nine cells ``AX`` … ``CZ`` (every one present, empty ones with 0) over these products; values to the
    cent."""
    counts = {a + x: [0, 0.0] for a in ABC for x in XYZ}
    for c in classes:
        cell = counts[c.cell]
        cell[0] += 1
        cell[1] += c.value
    cent = Decimal("0.01")
    return {k: MatrixCell(n, Decimal(repr(v)).quantize(cent)) for k, (n, v) in counts.items()}


@dataclass(frozen=True)
class Classification:
    """The classes of every planned product, with what they were made from.

    Attributes:
        classes: per product id, its ``ProductClass``.
        names: per product id, (SKU, name).
        basis: what ABC ranked: ``value`` or ``volume``.
        first_day, end_day: the history read (end exclusive).
    """

    classes: dict[str, ProductClass]
    names: dict[str, tuple[str, str]]
    basis: str
    first_day: date
    end_day: date


def classify_products(reader: HistoryReader, *, today: date, weeks: int = DEFAULT_WEEKS,
                      abc_basis: str | None = None) -> Classification:
    """Classify what a planning run would, without forecasting (``stockroom abc``).

    Args:
        reader: gives the history for (first day, end day exclusive).
        today: the day the history ends before (its week is left out, as planning does).
        weeks: complete weeks of history to read.
        abc_basis: ``value`` or ``volume``; None: the setting the reader gives.
    """
    first, end = window(today, weeks)
    history = reader(first, end)
    items = planned_items(history)
    shipped, in_stock = weekly_matrix(history, [x.key for x in items])
    basis = parse_basis(abc_basis or history.abc_basis)
    classes = classify_history(history, items, shipped, in_stock, basis)
    names = {x.product_id: (x.sku, x.name) for x in items}
    return Classification(classes, names, basis, first, end)
