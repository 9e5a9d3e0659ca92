"""The return dialogs read a typed quantity as every number is read: a decimal comma is refused, not multiplied."""

from __future__ import annotations

from decimal import Decimal

from ui.models.document_lines import typed_positive


def test_a_typed_quantity_is_read_once_and_the_ambiguous_comma_refused():
    assert typed_positive(" 2.5 ") == Decimal("2.5")
    assert typed_positive("1,250.5") == Decimal("1250.5")
    assert typed_positive("2,5") is None  # ambiguous: never 25
    assert typed_positive("0") is None and typed_positive("-1") is None and typed_positive("abc") is None
    assert typed_positive("") is None
