"""Which count lines are far enough from the book to be asked about before the count posts.

A line is far off when the counted quantity differs from the book (the quantity the sheet expects) by more than half
of the book and by more than ``FEW`` units (a shelf of 5 counted as 2 is a normal count; 40 counted as 4 is not),
or when it is exactly ten times or a tenth of the book, a digit typed twice or dropped, whatever the size. A line
not counted, or without a book quantity yet, is never far off.
"""

from __future__ import annotations

from decimal import Decimal

FEW = Decimal(5)  # a difference of up to this many units is never asked about on size alone
SHARE = Decimal("0.5")  # more than this share of the book is far off (with more than FEW units)
TYPO = Decimal(10)


def far_from_book(book: Decimal | None, counted: Decimal | None) -> bool:
    """Whether ``counted`` is far enough from ``book`` to ask before posting (see the module)."""
    if book is None or counted is None:
        return False
    difference = abs(counted - book)
    if difference > FEW and difference > abs(book) * SHARE:
        return True
    return book > 0 and counted > 0 and (counted == book * TYPO or counted * TYPO == book)
