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


class ProductLabel(NamedTuple):
    sku: str
    name: str
    category: str
    unit: str


class SummaryRow(NamedTuple):
    """One line of the summary. ``flows`` holds every flow signed as in the ledger (an outward flow is
    negative); ``shown`` turns the outward ones round, as the report prints them. (A NamedTuple: a summary by
    product makes one per product, 100,000 and more.)"""

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
    groups: dict[tuple[str, str, str], list[PairFigures]] = {}
    for pair in pairs:
        key = _key(by, pair, products, warehouses)
        group = groups.get(key)
        if group is None:
            groups[key] = [pair]
        else:
            group.append(pair)
    rows = []
    for (key, name, unit), group in sorted(groups.items(), key=lambda item: item[0]):
        if len(group) == 1:  # the read summed it already (per product, per warehouse): taken as it is
            opening, closing, flows = group[0].opening, group[0].closing, group[0].flows
        else:
            opening, closing, flows = _added(group)
        if opening == NOTHING and closing == NOTHING and not any(a != NOTHING for a in flows.values()):
            continue
        rows.append(SummaryRow(key, name, unit, opening, flows, closing))
    return rows


def _added(group: list[PairFigures]) -> tuple[Amount, Amount, dict[Flow, Amount]]:
    """The figures of ``group`` added up, in plain Decimals while adding and as Amounts at the end."""
    oq = ov = cq = cv = ZERO
    sums: dict[Flow, list[Decimal]] = {}
    for pair in group:
        oq += pair.opening.qty
        ov += pair.opening.value
        cq += pair.closing.qty
        cv += pair.closing.value
        for flow, amount in pair.flows.items():
            both = sums.get(flow)
            if both is None:
                sums[flow] = [amount.qty, amount.value]
            else:
                both[0] += amount.qty
                both[1] += amount.value
    return Amount(oq, ov), Amount(cq, cv), {f: Amount(*sums[f]) for f in FLOWS if f in sums}


def total(rows: Iterable[SummaryRow]) -> SummaryRow:
    """The rows added up (the report's last line)."""
    opening, closing, flows = NOTHING, NOTHING, {}
    for row in rows:
        opening += row.opening
        closing += row.closing
        for flow, amount in row.flows.items():
            flows[flow] = flows.get(flow, NOTHING) + amount
    return SummaryRow("", "", "", opening, {f: flows[f] for f in FLOWS if f in flows}, closing)
