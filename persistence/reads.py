"""What the areas' repositories and queries share when they read: an ``IN`` list a chunk at a time, and a
stored integer as the Decimal it holds."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Iterator
from decimal import Decimal

# Read-ahead statements (imports) take their ``IN`` list this many values at a time.
CHUNK = 500


def chunks(values: Iterable[str]) -> Iterator[list[str]]:
    items = sorted(set(values))
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]


def dec(value: int | None, scale: int) -> Decimal | None:
    """A number stored as an integer of ``scale`` decimals (read with plain SQL), as a Decimal; None stays None."""
    return None if value is None else Decimal(value).scaleb(-scale)

