"""How many decimals a typed number may carry: ``number``'s check is ``places_of`` (trailing zeros dropped)."""

from __future__ import annotations

import random
from decimal import Decimal
from decimal import Inexact
from decimal import localcontext

import pytest

from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.numbers import places_of

_TEXTS = ["0", "-0", "0E-20", "1E+30", "12.3400", "1.0000000000", "-0.000000001", "1E-8", "1.5E-9", "2.50",
          "99999999999999999999.123", "123456789012345678901234567890", "1.000000000000000000000000000000",
          "-2321668484751350004957656115.9"]  # more digits than the context keeps: places_of rounds them away


def _values() -> list[Decimal]:
    rng = random.Random(11)
    values = [Decimal(x) for x in _TEXTS]
    for _ in range(20_000):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 35)))
        values.append(Decimal(f"{'-' if rng.random() < 0.3 else ''}{digits}E{rng.randrange(-15, 10)}"))
    return values


@pytest.mark.parametrize("max_places", [0, 2, 4, 8, 12, 13])
def test_more_places_is_places_of(max_places: int) -> None:
    for value in _values():
        assert v._more_places(value, max_places) == (places_of(value) > max_places), value


def _outcome(check, value: Decimal) -> object:
    try:
        return check(value)
    except ArithmeticError as exc:
        return type(exc)


def test_more_places_under_a_context_that_traps_rounding_is_places_of() -> None:
    with localcontext() as ctx:
        ctx.traps[Inexact] = True
        for value in _values()[:2_000]:
            assert _outcome(lambda x: v._more_places(x, 2), value) == _outcome(lambda x: places_of(x) > 2, value), value


@pytest.mark.parametrize(("text", "refused"), [("1.12345678", False), ("1.123456780000", False),
                                                ("1.123456789", True), ("-0.000000001", True), ("5E-9", True)])
def test_money_takes_eight_decimals(text: str, refused: bool) -> None:
    if refused:
        with pytest.raises(BadInput, match="more than 8 decimal places"):
            v.money("unit cost", text)
    else:
        assert v.money("unit cost", text) == Decimal(text)
