"""Order quantities: minimum order quantity, order multiples, supplier packs and price breaks.

All arithmetic is exact. Quantities are scaled to integers before any division, so an order
multiple of 0.1 on 5.1 stays 5.1 (a float would make it 5.2), and the step that satisfies both
an order multiple and a pack size is their least common multiple on that integer scale
(multiple 4 and packs of 6 order in steps of 12).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from domain.kernel.errors import BadInput
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import places_of


@dataclass(frozen=True)
class PriceBreak:
    """From ``min_qty`` stock units on, the price (per unit or per pack, as the terms say) is ``price``."""

    min_qty: Decimal
    price: Decimal


class RoundingReason(str):
    """Why an order quantity was raised: the English sentence, with what it says kept as data.

    The sentence (``160 raised to 168 (order multiple 12)``) is what the command line prints and what
    travels in a planning explanation as text; a screen says it from ``requested``, ``result`` and
    ``steps`` instead, each step a code (``moq``, ``multiple``, ``packs``) with its number.
    """

    requested: str
    result: str
    steps: tuple[tuple[str, str], ...]

    def __new__(cls, requested: str, result: str, steps: tuple[tuple[str, str], ...]) -> RoundingReason:
        words = ", ".join(STEP_ENGLISH[code].format(value) for code, value in steps)
        self = super().__new__(cls, f"{requested} raised to {result} ({words})")
        self.requested, self.result, self.steps = requested, result, steps
        return self

    def __reduce__(self):  # pickles (a planning run's result crosses a process) as itself
        return RoundingReason, (self.requested, self.result, self.steps)


STEP_ENGLISH = {"moq": "minimum order quantity {0}", "multiple": "order multiple {0}", "packs": "packs of {0}"}


@dataclass(frozen=True)
class Rounded:
    """An order quantity after rounding and why it changed (empty when it did not)."""

    qty: Decimal
    reason: str = ""  # a RoundingReason when it changed


def _scale(*values: Decimal) -> int:
    return max(places_of(v) for v in values)


def step_of(multiple: Decimal, pack_size: Decimal) -> Decimal:
    """The smallest quantity that is a whole number of both ``multiple`` and ``pack_size``.

    A pack size of 1 means the supplier sells loose stock units: only the multiple counts, so
    a multiple of 0.1 still allows 5.1 (packs of 1 would otherwise force whole units).

    Args:
        multiple: the supplier's order multiple in stock units (> 0).
        pack_size: stock units per supplier pack (> 0).
    """
    if multiple <= 0 or pack_size <= 0:
        raise BadInput("order multiple", "must be greater than 0", code="not_above_zero")
    if pack_size == 1:
        return multiple
    k = _scale(multiple, pack_size)
    a, b = int(multiple.scaleb(k)), int(pack_size.scaleb(k))
    return Decimal(math.lcm(a, b)).scaleb(-k)


def round_order_qty(
    requested: Decimal, *, moq: Decimal = ZERO, multiple: Decimal = Decimal(1), pack_size: Decimal = Decimal(1)
) -> Rounded:
    """Raise ``requested`` to the MOQ, then up to the next whole step of multiple and pack size.

    Args:
        requested: the quantity the purchaser asked for, in stock units (> 0).
        moq: the supplier's minimum order quantity in stock units (0 means none).
        multiple: the order multiple in stock units.
        pack_size: stock units per supplier pack.

    Returns:
        The quantity to order and, when it differs from ``requested``, a sentence saying why.
    """
    step = step_of(multiple, pack_size)
    qty = max(requested, moq)
    k = _scale(qty, step)
    q, s = int(qty.scaleb(k)), int(step.scaleb(k))
    n = -(-q // s)
    result = (Decimal(n * s).scaleb(-k)).normalize()
    if result == requested:
        return Rounded(requested)
    steps = []
    if requested < moq:
        steps.append(("moq", _f(moq)))
    if result != qty:
        if multiple != 1 or pack_size == 1:
            steps.append(("multiple", _f(multiple)))
        if pack_size != 1:
            steps.append(("packs", _f(pack_size)))
    return Rounded(_plain(result), RoundingReason(_f(requested), _f(result), tuple(steps)))


def packs(qty: Decimal, pack_size: Decimal) -> Decimal:
    """How many supplier packs ``qty`` stock units are (exact; may be fractional if not rounded)."""
    return _plain(qty / pack_size) if pack_size != 1 else qty


def price_for(qty: Decimal, base_price: Decimal, breaks: list[PriceBreak]) -> Decimal:
    """The price that applies to an order of ``qty`` stock units: the break with the largest
    ``min_qty`` not above ``qty``, else ``base_price``."""
    best = base_price
    for b in sorted(breaks, key=lambda x: x.min_qty):
        if b.min_qty <= qty:
            best = b.price
    return best


def _plain(value: Decimal) -> Decimal:
    """A normalised Decimal without exponent notation (``5E+1`` → ``50``)."""
    value = value.normalize()
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def _f(value: Decimal) -> str:
    return format(_plain(value), "f")
