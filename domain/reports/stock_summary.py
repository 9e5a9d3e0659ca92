"""进销存汇总表: opening, what came in and went out by flow, and closing, for a period.

The read (``persistence.reports.queries.stock_summary``) hands one ``PairFigures`` per product × warehouse:

* the opening and closing as the ledger's running balance says them: the quantity and value after the last
  movement before the period's first day, and after the last movement of its last day
  (``movement_values.on_hand_after`` / ``value_after``);
* what the period's movements moved, summed per flow (``domain.reports.model.flow_of``).

``summarize`` adds these up per product, category or warehouse. The running balance moves by each
movement's value, so opening + in − out = closing to the cent; should a replay ever leave it otherwise,
the rest is shown in its own column (``difference``), never folded into a flow.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from domain.kernel.numbers import ZERO
from domain.reports.model import FLOWS
from domain.reports.model import NOTHING
from domain.reports.model import OUTWARD
from domain.reports.model import Amount
from domain.reports.model import Flow


class SummaryBy(enum.StrEnum):
    PRODUCT = "product"
    CATEGORY = "category"
    WAREHOUSE = "warehouse"


class PairFigures(NamedTuple):
    """The period's figures of a product × warehouse, of a product over all warehouses (``warehouse_id`` "") or
    of a warehouse over all products (``product_id`` ""), as the read was asked (quantities and values signed as
    in the ledger)."""

    product_id: str
    warehouse_id: str
    opening: Amount
    closing: Amount
    flows: dict[Flow, Amount]


@dataclass(frozen=True)
class ProductLabel:
    sku: str
    name: str
    category: str
    unit: str


@dataclass(frozen=True)
class SummaryRow:
    """One line of the summary. ``flows`` holds every flow signed as in the ledger (an outward flow is
    negative); ``shown`` turns the outward ones round, as the report prints them."""

    key: str
    name: str
    unit: str
    opening: Amount
    flows: dict[Flow, Amount]
    closing: Amount

    @property
    def difference(self) -> Decimal:
        """What the closing value holds beyond opening + the flows (zero on a consistent ledger)."""
        return self.closing.value - self.opening.value - sum((a.value for a in self.flows.values()), ZERO)

    @property
    def qty_difference(self) -> Decimal:
        return self.closing.qty - self.opening.qty - sum((a.qty for a in self.flows.values()), ZERO)

    def shown(self, flow: Flow) -> Amount:
        amount = self.flows.get(flow, NOTHING)
        return -amount if flow in OUTWARD else amount


def _key(by: SummaryBy, pair: PairFigures, products: dict[str, ProductLabel],
         warehouses: dict[str, str]) -> tuple[str, str, str]:
    if by == SummaryBy.WAREHOUSE:
        code = warehouses.get(pair.warehouse_id, pair.warehouse_id)
        return code, "", ""
    label = products.get(pair.product_id) or ProductLabel(pair.product_id, "", "", "")
    if by == SummaryBy.CATEGORY:
        return label.category, "", ""
    return label.sku, label.name, label.unit


def summarize(pairs: Iterable[PairFigures], by: SummaryBy, products: dict[str, ProductLabel],
              warehouses: dict[str, str]) -> list[SummaryRow]:
    """The summary's rows by ``by``, in key order; a row that opened, moved and closed at nothing is left out.

    Args:
        pairs: the read's figures per product × warehouse.
        by: product (SKU, name, unit), category, or warehouse (code).
        products: product id → its label.
        warehouses: warehouse id → its code.
    """
    # plain Decimals while adding up (a pair adds four or five amounts), Amounts once per row at the end
    acc: dict[tuple[str, str, str], list] = {}
    for pair in pairs:
        key = _key(by, pair, products, warehouses)
        row = acc.get(key)
        if row is None:
            row = acc[key] = [ZERO, ZERO, {}, ZERO, ZERO]
        row[0] += pair.opening.qty
        row[1] += pair.opening.value
        row[3] += pair.closing.qty
        row[4] += pair.closing.value
        flows = row[2]
        for flow, amount in pair.flows.items():
            sums = flows.get(flow)
            if sums is None:
                flows[flow] = [amount.qty, amount.value]
            else:
                sums[0] += amount.qty
                sums[1] += amount.value
    rows = []
    for (key, name, unit), (oq, ov, sums, cq, cv) in sorted(acc.items()):
        opening, closing = Amount(oq, ov), Amount(cq, cv)
        flows = {f: Amount(*sums[f]) for f in FLOWS if f in sums}
        if opening == NOTHING and closing == NOTHING and not any(a != NOTHING for a in flows.values()):
            continue
        rows.append(SummaryRow(key, name, unit, opening, flows, closing))
    return rows


def total(rows: Iterable[SummaryRow]) -> SummaryRow:
    """The rows added up (the report's last line)."""
    opening, closing, flows = NOTHING, NOTHING, {}
    for row in rows:
        opening += row.opening
        closing += row.closing
        for flow, amount in row.flows.items():
            flows[flow] = flows.get(flow, NOTHING) + amount
    return SummaryRow("", "", "", opening, {f: flows[f] for f in FLOWS if f in flows}, closing)
