"""Opening stock and sales history from a file, posted to the ledger so that importing twice posts once.

**Idempotency.** Each posted row carries ``source_type = "import"`` and a ``source_ref`` made from a
hash of its content (kind, SKU, warehouse, quantity, cost, date, customer, reference) and of how
many identical rows came before it in the file: ``imp-S-…`` for opening stock, ``imp-H-…`` for a
sales-history shipment. Before posting, which of the file's refs the ledger already holds for their
product × warehouse is read in bulk (a few queries for the whole file), and a row whose ref is
there is skipped. Importing the same file again, or the same file with rows added, posts only what
is new. The balances of the file's product × warehouse pairs are read in bulk too.

**Opening stock** is a receipt of the counted quantity at the given unit cost, at 00:00 of the
given date (today when the date is blank); a quantity of 0 posts nothing. It adds to what is on
hand: it is meant for the day the business starts with Stockroom.

**Sales history** is demand from before Stockroom, so forecasting has a past from the first day. A
back-dated shipment needs stock at its time, and there was none in the ledger then. So the new
history rows of each product × warehouse are posted as one block: an opening receipt of exactly
the quantity they ship (``imp-HB-…``, at 00:00 of the first history day, at unit cost 0), then the
shipments at 12:00 of their days. The block never drives stock negative and ends at exactly
zero on hand and zero value, so the stock and its value after the history are what they were.
Because the block must not mix with real stock (that would move its average cost), it is refused
for a product × warehouse that has stock on hand before the block's first day or any movement
within the block's days; and opening stock is refused when dated on or before the last imported
sale of its product × warehouse. The intended order is: sales history first, then opening stock
dated after it; opening stock first and history dated before it also works (slower: each
back-dated movement replays the later ones). Forecasting sees in-stock days throughout the history
except the last history day of each product, which closes at zero.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from decimal import Decimal

from domain.accounts.periods import is_closed
from domain.accounts.periods import month_of
from domain.catalog.model import Product
from domain.catalog.model import Warehouse
from domain.catalog.units import whole_quantity
from domain.imports.cells import Row
from domain.imports.cells import business_day
from domain.imports.cells import parse_date
from domain.imports.problems import Said
from domain.imports.problems import said_of
from domain.imports.report import ImportResult
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.numbers import fmt
from domain.kernel.ports import UnitOfWork
from domain.stock import commands as cmd
from domain.stock.model import Movement

SOURCE_TYPE = "import"
STOCK_REF, HISTORY_REF, BRIDGE_REF = "imp-S-", "imp-H-", "imp-HB-"
_SINCE_EVER = (datetime(1900, 1, 1, tzinfo=UTC), "")
_SALE_TIME = time(12, 0)


def row_ref(prefix: str, parts: tuple[str, ...], occurrence: int) -> str:
    """The source ref of an imported row: a hash of its content and of the identical rows before it."""
    text = "\x1f".join((*parts, str(occurrence)))
    return prefix + hashlib.blake2b(text.encode("utf-8"), digest_size=10).hexdigest()


@dataclass
class _Pair:
    """What the ledger already holds for one product × warehouse, read once per import (sales history only)."""

    history: list[tuple[Movement, Decimal]] = field(default_factory=list)  # movement, on hand after it


class _Ledger:
    """Looks up products, warehouses, and the pairs' imported refs and history inside the import's transaction."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self.pairs: dict[tuple[str, str], _Pair] = {}
        self._only: tuple[Warehouse | None] | None = None  # the only warehouse, once asked

    def product(self, row: Row, code: str | None) -> Product | None:
        if not code:
            return None
        found = self.uow.products.by_sku(code) or self.uow.products.by_barcode(code)
        if found is None:
            row.problem("sku", Said("unknown_product", (repr(code),)), Said("accept_import_products_first"))
        return found

    def warehouse(self, row: Row, code: str | None) -> Warehouse | None:
        """The warehouse of ``code``; for "" (no column, a blank cell) the company's only warehouse; None: refused."""
        if code == "":
            if self._only is None:
                self._only = (self.uow.warehouses.only(),)
            found = self._only[0]
            if found is None:
                row.problem("warehouse", Said("required"))
            return found
        if not code:
            return None
        found = self.uow.warehouses.by_code(code)
        if found is None:
            row.problem("warehouse", Said("unknown_warehouse", (repr(code),)), Said("accept_add_warehouse_first"))
        return found

    def imported(self, wanted: list[tuple[str, Product, Warehouse]]) -> set[str]:
        """Of ``(ref, product, warehouse)``, the refs the ledger already holds for their product × warehouse;
        reads the balances of all these pairs on the way (a few queries in all)."""
        self.uow.balances.preload({(p.id, w.id) for _, p, w in wanted})
        # A pair with no movement holds no ref (a first import asks nothing more).
        pairs = {ref: (p.id, w.id) for ref, p, w in wanted if self.has_movements(p, w)}
        if not pairs:
            return set()
        return {ref for ref, p, w in self.uow.movements.with_refs(SOURCE_TYPE, pairs) if pairs.get(ref) == (p, w)}

    def has_movements(self, product: Product, warehouse: Warehouse) -> bool:
        return self.uow.balances.get(product.id, warehouse.id).last_key is not None

    def pair(self, product: Product, warehouse: Warehouse) -> _Pair:
        key = (product.id, warehouse.id)
        pair = self.pairs.get(key)
        if pair is None:
            pair = self.pairs[key] = _Pair()
            if self.uow.balances.get(*key).last_key is not None:
                for m, val in self.uow.movements.history_from(*key, _SINCE_EVER):
                    pair.history.append((m, val.after.on_hand if val is not None else Decimal(0)))
        return pair


def _memo(check):
    """``check(field, text)`` remembered per text: a file repeats its quantities, costs, dates and warehouses.
    A text that is refused is not remembered (its BadInput is raised again for every row that has it)."""
    known: dict[tuple[str, str], object] = {}

    def checked(field: str, text: str):
        key = (field, text)
        if key not in known:
            known[key] = check(field, text)
        return known[key]
    return checked


def _local(day: date, at: time = time(0)) -> datetime:
    return v.moment("date", datetime.combine(day, at))


def _note(what: str, source: str, row: int) -> str:
    return f"{what}, imported from {source[-120:] or 'a file'} row {row}"


def _whole(row: Row, product: Product | None, qty: Decimal | None) -> None:
    """A fraction of a product counted in whole units is a problem of the row's quantity (the ledger would refuse
    it, and with it the whole file)."""
    if product is None or qty is None:
        return
    try:
        whole_quantity("quantity", product, qty)
    except BadInput as exc:
        row.problem("qty", said_of(exc), Said("accept_whole_qty", (product.sku,)))


def _in_closed_month(uow: UnitOfWork, row: Row, day: date | None) -> None:
    """The period close: a row dated in a closed month is a problem of its date (the ledger would refuse it)."""
    through = uow.periods.closed_through()
    if day is not None and is_closed(through, day):
        row.problem("date", Said("in_closed_month", (str(day), month_of(day), month_of(through))),
                    Said("accept_date_after", (str(through),)))


def plan_stock(uow: UnitOfWork, rows: Iterable[Row], result: ImportResult, *, today: date, source: str = "") -> list:
    """Opening stock rows → receipts (see the module docstring)."""
    ledger = _Ledger(uow)
    seen: dict[tuple[str, str], int] = {}
    commands: list[tuple[datetime, cmd.ReceiveStock]] = []
    checked: list[tuple[Row, Product, Warehouse, Decimal, Decimal, date, str, str]] = []
    wh_check = _memo(lambda f, t: v.code(f, t, max_len=32))
    qty_check = _memo(lambda f, t: v.quantity(f, t, allow_zero=True))
    cost_check, day_check = _memo(lambda f, t: v.money(f, t)), _memo(business_day)
    local = _memo(lambda _, day: _local(day))
    for row in rows:
        result.rows += 1
        sku = row.take("sku", lambda f, t: v.code(f, t))
        wh_code = row.take("warehouse", wh_check, default="")  # "": none named (the only warehouse, if one)
        qty = row.take("qty", qty_check)
        cost = row.take("unit_cost", cost_check)
        day = row.take("date", day_check, default=today)
        _in_closed_month(uow, row, day)
        product = ledger.product(row, sku)
        warehouse = ledger.warehouse(row, wh_code)
        _whole(row, product, qty)
        if product is not None and warehouse is not None:
            first = seen.setdefault((product.id, warehouse.id), row.number)
            if first != row.number:
                row.problem("sku", Said("duplicate_stock", (product.sku, warehouse.code, str(first))),
                            Said("accept_each_product_once_per_warehouse"))
        if not row.ok:
            continue
        if qty == 0:
            result.skipped_empty += 1
            continue
        # The day, not its text: 2026-03-01 re-saved by Excel as 2026/3/1 is the same row (a blank date stays blank:
        # the same row imported another day). ``legacy``: the ref as made before, from the date as written.
        parts, written = ("stock", product.sku, warehouse.code, fmt(qty), fmt(cost)), row.text("date")
        ref = row_ref(STOCK_REF, (*parts, day.isoformat() if written else ""), 0)
        checked.append((row, product, warehouse, qty, cost, day, ref, row_ref(STOCK_REF, (*parts, written), 0)))
    imported = ledger.imported([(r, p, w) for _, p, w, _, _, _, ref, legacy in checked for r in {ref, legacy}])
    new = [item for item in checked if item[6] not in imported and item[7] not in imported]
    result.unchanged += len(checked) - len(new)
    # The latest imported sale of each pair that has movements at all (none in a first import).
    sold = uow.movements.latest_with_prefix(
        SOURCE_TYPE, HISTORY_REF, {p.id for _, p, w, *_ in new if ledger.has_movements(p, w)})
    for row, product, warehouse, qty, cost, day, ref, _ in new:
        at = local("", day)
        last_sale = sold.get((product.id, warehouse.id))
        if last_sale is not None and last_sale >= at:
            last = last_sale.astimezone().date()
            row.problem("date", Said("history_runs_until", (product.sku, warehouse.code, str(last))),
                        Said("accept_date_after", (str(last),)))
            continue
        commands.append((at, cmd.ReceiveStock(product.sku, qty, warehouse.code, cost, ref,
                                              datetime.combine(day, time(0)),
                                              _note("opening stock", source, row.number), SOURCE_TYPE)))
        result.added += 1
    commands.sort(key=lambda item: item[0])
    return [c for _, c in commands]


@dataclass
class _Sale:
    day: date
    row: int
    qty: Decimal
    ref: str
    note: str


def plan_sales_history(uow: UnitOfWork, rows: Iterable[Row], result: ImportResult, *, today: date,
                       source: str = "") -> list:
    """Sales history rows → per product × warehouse an opening receipt and the shipments (module docstring)."""
    ledger = _Ledger(uow)
    occurrences: dict[tuple[str, ...], int] = {}
    blocks: dict[tuple[str, str], tuple[Product, Warehouse, Row, list[_Sale]]] = {}
    checked: list[tuple[Row, Product, Warehouse, str, _Sale]] = []
    wh_check, day_check = _memo(lambda f, t: v.code(f, t, max_len=32)), _memo(parse_date)
    qty_check = _memo(lambda f, t: v.quantity(f, t))
    for row in rows:
        result.rows += 1
        sku = row.take("sku", lambda f, t: v.code(f, t))
        wh_code = row.take("warehouse", wh_check, default="")  # "": none named (the only warehouse, if one)
        qty = row.take("qty", qty_check)
        day = row.take("date", day_check)
        customer = row.take("customer", lambda f, t: v.code(f, t, max_len=32), default="")
        reference = row.take("reference", lambda f, t: v.text(f, t, max_len=64), default="")
        if day is not None and day > today:
            row.problem("date", Said("in_future", (str(day),)), Said("accept_date_up_to", (str(today),)))
        _in_closed_month(uow, row, day)
        product = ledger.product(row, sku)
        warehouse = ledger.warehouse(row, wh_code)
        _whole(row, product, qty)
        if customer and uow.customers.by_code(customer) is None:
            row.problem("customer", Said("unknown_customer", (repr(customer),)), Said("accept_import_customers_first"))
        if not row.ok:
            continue
        parts = ("sales", product.sku, warehouse.code, fmt(qty), day.isoformat(), customer, reference)
        n = occurrences[parts] = occurrences.get(parts, -1) + 1
        ref = row_ref(HISTORY_REF, parts, n)
        said = ", ".join(x for x in (f"customer {customer}" if customer else "", reference) if x)
        note = _note(f"sales history{': ' + said if said else ''}", source, row.number)
        checked.append((row, product, warehouse, ref, _Sale(day, row.number, qty, ref, note)))
    imported = ledger.imported([(ref, p, w) for _, p, w, ref, _ in checked])
    for row, product, warehouse, ref, sale in checked:
        if ref in imported:
            result.unchanged += 1
            continue
        block = blocks.setdefault((product.id, warehouse.id), (product, warehouse, row, []))
        block[3].append(sale)
    commands: list = []
    for product, warehouse, first_row, sales in blocks.values():
        sales.sort(key=lambda s: (s.day, s.row))
        start, end = _local(sales[0].day), _local(sales[-1].day + timedelta(days=1))
        history = ledger.pair(product, warehouse).history if ledger.has_movements(product, warehouse) else []
        before = [on_hand for m, on_hand in history if m.occurred_at < start]
        inside = [m.occurred_at for m, _ in history if start <= m.occurred_at < end]
        if before and before[-1] != 0:
            first_row.problem(
                "date", Said("stock_before_history", (product.sku, warehouse.code, fmt(before[-1]), str(sales[0].day))),
                Said("accept_dates_before_stock"))
            continue
        if inside:
            seen = min(inside).astimezone().date()
            first_row.problem(
                "date", Said("movements_within_history", (product.sku, warehouse.code, str(seen), str(sales[0].day),
                                                          str(sales[-1].day))),
                Said("accept_dates_before", (str(seen),)))
            continue
        total = sum((s.qty for s in sales), Decimal(0))
        bridge = row_ref(BRIDGE_REF, tuple(s.ref for s in sales), 0)
        commands.append(cmd.ReceiveStock(
            product.sku, total, warehouse.code, Decimal(0), bridge, datetime.combine(sales[0].day, time(0)),
            "opening balance for the imported sales history (its shipments take it out again)", SOURCE_TYPE))
        same_day = 0
        for i, sale in enumerate(sales):
            same_day = same_day + 1 if i and sales[i - 1].day == sale.day else 0
            at = datetime.combine(sale.day, _SALE_TIME) + timedelta(seconds=same_day)  # keeps the order
            commands.append(cmd.ShipStock(product.sku, sale.qty, warehouse.code, sale.ref, at, sale.note,
                                          SOURCE_TYPE))
        result.added += len(sales)
    return commands
