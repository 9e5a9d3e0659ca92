"""A row of the posted sales list (the Ship screen's sales tab): a posted document with its money side.

Kept apart from ``domain.sales.rows``: the sales ports import those rows, and ``domain.stock.documents`` imports the
ports, so a row built on ``DocumentRow`` there would be a circular import.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain.stock.documents import DocumentRow


@dataclass(frozen=True)
class PostedSaleRow(DocumentRow):
    """A posted sale (SD-…) or customer return (SR-…) in the posted sales list: the document with its customer's
    name and what it was sold for (a return: negative), as well as the cost the ledger moved (``total_value``)."""

    customer_name: str = ""
    amount: Decimal = Decimal(0)  # without tax, after the discounts: the sum of its sales lines' revenue
    tax: Decimal = Decimal(0)

    @property
    def with_tax(self) -> Decimal:
        """价税合计: the amount and its tax."""
        return self.amount + self.tax
