"""The demo's office desk: the sales and purchase documents of the history's last ``DOC_DAYS`` days.

The history (``domain.demo.history``) simulates what leaves and arrives; over its last ``DOC_DAYS`` days part of
that trade goes through the documents a clerk writes, posted through the same use cases the screens and commands
call (``domain.sales``, ``domain.purchasing``, ``domain.stock.demand``, ``domain.accounts.money``):

* **Key accounts.** ``KEY_ACCOUNTS`` customers on account (月结30天), the heaviest buyers among them, order on a rhythm
  of their own (every 2 to 14 days): on each of its days a key account takes one of the day's orders of its
  warehouse as a sales order — created, lines added at the customer's price, confirmed (reserving) and shipped
  against the order. A line the shelf cannot cover is lowered to what is there and the rest recorded as unfilled
  demand for the customer under the order's number (a lost sale); some orders leave in two shipments (the second
  at the day's end or, a backorder overnight, the next day), a few goods come back later (a customer return
  against the shipment), and each key account pays the month before on the fifth. Orders a key account would have
  placed off its rhythm go to another customer of its region, so the quantities are the history's.
* **Going quiet.** ``QUIET`` of the key accounts meet empty shelves on their last orders (lines recorded as lost
  sales) and then order nothing more for the last 25–40 days: the customers-at-risk list names them with the reason.
* **Counter sales.** A share of the orders of cash customers (现款现货) are counter sales (销售单), paid at once.
* **Lost sales.** What a document's line could not get is recorded as unfilled demand, with the customer and the
  document's number: the dashboard's fill rate and lost sales. The plain shipments record theirs too, over the
  whole history (``domain.demo.history``: recorded only over the last days, they would lift those weeks above the
  rest of the demand history planning reads); both go through ``lost_sale``, the use case a clerk's record takes.
* **Purchase orders.** A share of the replenishment orders (``PO_SHARE``; all of them over the last ``PO_DAYS``,
  the desk's days) are purchase orders — drafted, issued with their expected date, received as the goods come (late
  or in two parts, as the history says), at prices that rise for two suppliers in the last two months; the desk's
  share may also come short and be closed short, and on the last day a few suppliers get goods of those back (a
  return to the supplier).
  Every supplier is paid the months before. Those not yet delivered at the end stay open, as do some of the last
  day's sales orders (confirmed, leaving tomorrow) and a few backorders promised beyond the stock on the last day.
  What stays reserved overnight has left in the history already, so the history's counts keep it (``held``).
* **Goods receipts.** The deliveries of the other orders, over the whole history, are goods receipts (采购入库单)
  naming their supplier (``free_receipts``): a purchase order for each of the two years' 14,000 orders would make
  the demo several times slower to build.

The desk never changes what the history draws: its own choices come from a ``random.Random`` seeded from the demo's
seed alone (``seed ^ SALT``). A document takes its stream position and time from the history's slot for it (the
first line's), so movements stay in business-time order. All of it is posted in the history's transactions: the
use cases run on the open unit of work lent to them (``Lent``), so a month costs what its movements cost, not a
transaction per document.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from datetime import timedelta
from decimal import Decimal

from domain.accounts import commands as ac
from domain.accounts.model import Side
from domain.accounts.money import record_money
from domain.demo.master import TERMS
from domain.demo.master import World
from domain.kernel import clock
from domain.kernel.ids import new_id
from domain.kernel.numbers import ZERO
from domain.purchasing import commands as pc
from domain.purchasing import orders as purchasing
from domain.purchasing.returns import ReturnLine
from domain.purchasing.returns import ReturnToSupplier
from domain.purchasing.returns import return_to_supplier
from domain.sales import commands as sc
from domain.sales import drafts
from domain.sales import orders as selling
from domain.sales import returns as customer_returns
from domain.sales import shipping
from domain.stock import demand
from domain.stock import ledger
from domain.stock.commands import ReceiveStock
from domain.stock.documents_model import Document
from domain.stock.documents_model import DocumentKind
from domain.stock.documents_model import DocumentLine
from domain.stock.documents_model import number_for

DOC_DAYS = 60  # the last days of the history whose trade goes (partly) through documents
KEY_ACCOUNTS = 14
QUIET = 3
RHYTHMS = (2, 3, 3, 4, 5, 7, 7, 10, 14)  # days between a key account's orders
COUNTER_SHARE = 0.02  # of the cash customers' orders
PO_SHARE = 0.12  # of the replenishment orders: the desk's own, some short, some goods sent back
# The last days whose replenishment orders are all purchase orders (before them, the desk's share only), so that the
# supplier scorecard and the lead times planning learns (issue to receipt, against the promised date) have a base:
# with none, 153 POs and 216 lead-time observations (5 supplier × product pairs learned); with the desk's 60 days,
# 1,190 POs and 1,795 observations (213 pairs). It cannot reach further back: the desk sees only its DOC_DAYS. Each PO
# costs the build about 15 ms of CPU (38.6 s → 54.3 s on a busy machine); the demand history is the same either way
# (tests/integration/demo: the movements by kind, SKU, warehouse, quantity and day).
PO_DAYS = DOC_DAYS
SHORT_PO = 0.12  # of those: the supplier delivers less and the order is closed short
SPLIT = 0.15  # of the sales orders: shipped in two parts
OVERNIGHT = 0.5  # of those: the second part the next day
STAY = 0.35  # of the last day's sales orders: confirmed, shipped tomorrow
RISE = Decimal("1.08")  # the price rise of two suppliers over the last RISE_DAYS days
RISE_DAYS = 60
SUPPLIER_RETURNS = 6
SALT = 0x5D
LATE = timedelta(hours=17, minutes=29, seconds=59, milliseconds=500)  # the day's end of shipping: desk work


def lost_sale(uow, sku: str, qty: int, wh: str, customer: str, at: datetime, ref: str, note: str) -> None:
    """Record ``qty`` of ``sku`` asked for by ``customer`` and not shipped, as a clerk does (a lost sale)."""
    at = min(at, clock.now())  # the last day's evening may be still to come (a lost sale is never ahead)
    demand.record_unfilled_demand(uow, demand.RecordUnfilledDemand(sku, qty, wh, customer, at, ref, note))


class Lent:
    """An open unit of work lent to use cases: their ``with`` and ``commit`` are the lender's, who commits once."""

    def __init__(self, uow) -> None:
        self._uow = uow

    def __getattr__(self, name: str):
        return getattr(self._uow, name)

    def __enter__(self) -> Lent:
        return self

    def __exit__(self, *exc) -> None:
        return None

    def commit(self) -> None:
        return None


class Act:
    """One piece of desk work at a moment: ``run(uow)`` calls the use cases."""

    __slots__ = ("run",)

    def __init__(self, run: Callable[[object], None]) -> None:
        self.run = run


@dataclass
class Line:
    i: int  # the history's pair
    sku: str
    asked: int
    shipped: int


@dataclass
class PoDoc:
    supplier: str
    warehouse: str
    lines: list[tuple[int, str, int, Decimal]]  # pair, SKU, quantity, unit price
    expected: date
    short: bool
    number: str = ""
    deliveries: int = 0  # still to come within the history
    open_at_end: bool = False  # a delivery comes after the history's end
    own: bool = True  # the desk's share over the last days (else the history's order, as placed)


FREE = object()  # the history's slot for the day's goods receipts of orders placed without a purchase order


@dataclass
class FreeReceipt:
    """The goods of one order placed without a purchase order (before the desk's days) arriving on one day."""

    ref: str  # the history's order reference, kept as the receipt's
    supplier: str
    warehouse: str
    note: str
    lines: list[tuple[str, int, Decimal]] = field(default_factory=list)  # SKU, quantity, unit cost


@dataclass
class Sold:
    day: int
    made: dict  # the order's numbers, once posted
    sku: str
    qty: int


@dataclass
class Counts:
    orders: int = 0
    counter: int = 0
    pos: int = 0
    history_pos: int = 0  # the history's other orders, each a purchase order too
    lost: int = 0
    returns: int = 0
    supplier_returns: int = 0
    money: int = 0
    open_orders: int = 0


class Desk:
    """What the office writes over the history's last days; ``history.Simulation`` asks it what to do."""

    def __init__(self, world: World, dates: list[date], seed: int) -> None:
        self.world = world
        self.dates = dates
        self.first = len(dates) - DOC_DAYS
        self.rnd = random.Random(seed ^ SALT)
        rnd = self.rnd
        customers = world.customers
        on_account = [i for i, _ in enumerate(customers) if TERMS[i % len(TERMS)][2] == "月结30天"]
        self.cash = {customers[i]["code"] for i, _ in enumerate(customers) if TERMS[i % len(TERMS)][2] == "现款现货"}
        heavy = sorted(on_account, key=lambda i: -customers[i]["weight"])[:KEY_ACCOUNTS]
        self.key = [customers[i] for i in sorted(heavy)]
        self.key_codes = {c["code"] for c in self.key}
        self.rhythm = {c["code"]: (r := rnd.choice(RHYTHMS), rnd.randrange(r)) for c in self.key}
        steady = [c for c in self.key if self.rhythm[c["code"]][0] <= 5]
        quiet = rnd.sample(steady, min(QUIET, len(steady)))
        self.quiet_from = {c["code"]: len(dates) - rnd.randint(25, 40) for c in quiet}
        # an order a key account places off its rhythm goes to another customer of its region
        self.stand_in: dict[str, dict] = {}
        for region in sorted({c["region"] for c in customers}):
            others = [c for c in customers if c["region"] == region and c["code"] not in self.key_codes] or \
                [c for c in customers if c["code"] not in self.key_codes]
            for n, c in enumerate(c for c in customers if c["region"] == region and c["code"] in self.key_codes):
                self.stand_in[c["code"]] = others[n % len(others)]
        by_products = sorted(range(len(world.suppliers)),
                             key=lambda s: -sum(1 for p in world.products if p.suppliers[0] == s))
        self.rising = set(by_products[:2])
        self.counts = Counts()
        self.late: list[Act] = []  # the day's desk work at its end
        self.today = datetime.min
        self.paid = (0, 0)
        self.returned: set[str] = set()
        self.disappointed: dict[str, int] = {}
        self.tomorrow: list[tuple[dict, list[tuple[int, int]]]] = []  # orders whose rest leaves the next day
        self.pos: dict[str, PoDoc] = {}  # the history's PO reference → its purchase order
        self.sold: list[Sold] = []
        self.received: list[tuple[int, PoDoc]] = []
        self.held: dict[int, int] = {}  # pair → confirmed, shipped in the history, not yet posted (overnight)
        self.numbered = (0, 0)  # the year and number of the last goods receipt ``free_receipts`` wrote

    # -- the history asks ------------------------------------------------------------------------------------

    def active(self, d: int) -> bool:
        return d >= self.first

    def price_factor(self, supplier: int, d: int) -> float:
        return float(RISE) if supplier in self.rising and d >= len(self.dates) - RISE_DAYS else 1.0

    def route(self, d: int, orders: list[tuple[dict, list[int]]], warehouse_of: Callable[[list[int]], str]
              ) -> list[tuple[dict, list[int], str]]:
        """Each order's customer and way: "plain" (a shipment), "so" (a key account's sales order) or "counter"."""
        out = []
        taken: set[str] = set()
        due = [c for c in self.key if self._orders_on(c["code"], d)]
        for customer, chunk in orders:
            code = customer["code"]
            if code in self.key_codes:
                customer = self.stand_in[code]
            way = "plain"
            wh = warehouse_of(chunk)
            for c in due:
                if c["code"] not in taken and c["region"] == wh:
                    taken.add(c["code"])
                    customer, way = c, "so"
                    break
            if way == "plain" and customer["code"] in self.cash and self.rnd.random() < COUNTER_SHARE:
                way = "counter"
            out.append((customer, chunk, way))
        return out

    def _orders_on(self, code: str, d: int) -> bool:
        every, phase = self.rhythm[code]
        return d % every == phase and d < self.quiet_from.get(code, len(self.dates))

    def extra_lost(self, code: str, d: int) -> int:
        """Products the shelf does not hold that a key account about to go quiet asks for: one on each of its last
        three orders."""
        if code not in self.quiet_from or d < self.quiet_from[code] - 3 * self.rhythm[code][0]:
            return 0
        self.disappointed[code] = self.disappointed.get(code, 0) + 1
        return 1 if self.disappointed[code] <= 3 else 0

    # -- sales -----------------------------------------------------------------------------------------------

    def sales_order(self, d: int, customer: dict, wh: str, lines: list[Line], missing: list[tuple[str, int]]
                    ) -> Callable[[datetime], Act]:
        """The act of a key account's order: ``lines`` as the history filled them, ``missing`` products the shelf
        did not hold at all (lost sales named on the order)."""
        last_day = d == len(self.dates) - 1
        split = self.rnd.random() < SPLIT and any(x.shipped >= 2 for x in lines)
        stay = last_day and self.rnd.random() < STAY  # confirmed on the last day, leaving tomorrow
        overnight = split and not last_day and self.rnd.random() < OVERNIGHT
        self.counts.orders += 1
        made: dict[str, str] = {}  # the order's and its first shipment's numbers, once posted
        if stay or overnight:  # what stays reserved overnight (the history has shipped it): counts keep it
            rest = [(x.i, x.shipped if stay or x.shipped < 2 else x.shipped - x.shipped // 2) for x in lines]
            for i, q in rest:
                self.held[i] = self.held.get(i, 0) + q
            if stay:
                self.counts.open_orders += 1
            else:
                self.tomorrow.append((made, rest))

        def make(at: datetime) -> Act:
            if split and not overnight:
                self._later(lambda uow, end: shipping.ship(uow, sc.ShipSalesOrder(
                    made["order"], occurred_at=end, note="第二批 rest of the order")))
            elif not split:
                self.sold += [Sold(d, made, x.sku, x.shipped) for x in lines if x.shipped >= 3]

            def run(uow) -> None:
                order = selling.create_order(uow, sc.CreateSalesOrder(
                    customer["code"], wh, requested_on=at.date(), created_at=at - timedelta(minutes=20)))
                made["order"] = order.number
                for x in lines:
                    selling.add_line(uow, sc.AddSalesOrderLine(order.number, x.sku, x.asked))
                for no, x in enumerate(lines, 1):
                    if x.shipped < x.asked:  # the shelf is short: the line is lowered, the rest a lost sale
                        drafts.change_line(uow, drafts.ChangeDraftLine(order.number, no, qty=x.shipped))
                        self._lost(uow, x.sku, x.asked - x.shipped, wh, customer["code"], at, order.number,
                                   f"缺货 short of stock: ordered {x.asked}, {x.shipped} in stock")
                for sku, qty in missing:
                    self._lost(uow, sku, qty, wh, customer["code"], at, order.number,
                               f"缺货 out of stock: ordered {qty}, none in stock")
                selling.confirm(uow, sc.ConfirmSalesOrder(order.number, confirmed_at=at - timedelta(minutes=5),
                                                          credit_override=True))
                if stay:
                    return
                if split:
                    halves = tuple((x.sku, x.shipped // 2) for x in lines if x.shipped >= 2)
                    shipping.ship(uow, sc.ShipSalesOrder(order.number, halves, at, "第一批 first part"))
                    return
                made["shipment"] = shipping.ship(uow, sc.ShipSalesOrder(order.number, occurred_at=at))[0].number

            return Act(run)

        return make

    def begin(self, day: datetime) -> None:
        """A new day (local midnight): the desk work at its end is still to come, first the rest of yesterday's
        orders shipped in two parts (a backorder overnight, its line late)."""
        self.today = day
        self.late = []
        for made, rest in self.tomorrow:
            for i, q in rest:
                self.held[i] -= q
            self._later(lambda uow, end, made=made: shipping.ship(uow, sc.ShipSalesOrder(
                made["order"], occurred_at=end, note="第二批 (次日) rest of the order, a day late")))
        self.tomorrow = []

    def _later(self, run: Callable[[object, datetime], object]) -> None:
        """Desk work at the day's end of shipping, each a millisecond after the one before."""
        at = self.today + LATE + timedelta(milliseconds=len(self.late))
        self.late.append(Act(lambda uow: run(uow, at)))

    def counter_sale(self, customer: dict, wh: str, lines: list[Line]) -> Callable[[datetime], Act]:
        self.counts.counter += 1
        method = self.rnd.choice(("cash", "wechat", "alipay", "wechat"))

        def make(at: datetime) -> Act:
            def run(uow) -> None:
                doc = shipping.sell(uow, sc.CounterSale(
                    customer["code"], wh, tuple(sc.SaleLineInput(x.sku, x.shipped) for x in lines), at))
                for x in lines:
                    if x.shipped < x.asked:
                        self._lost(uow, x.sku, x.asked - x.shipped, wh, customer["code"], at, doc.number,
                                   "counter sale short of stock")
                owed = sum((i.amount for i in uow.accounts.by_source(doc.id)), ZERO)
                if owed > 0:
                    record_money(uow, ac.RecordMoney("receipt", customer["code"], owed, method=method,
                                                     day=at.date(), reference=doc.number))
                    self.counts.money += 1

            return Act(run)

        return make

    def _lost(self, uow, sku: str, qty: int, wh: str, customer: str, at: datetime, ref: str, note: str) -> None:
        lost_sale(uow, sku, qty, wh, customer, at, ref, note)
        self.counts.lost += 1

    def customer_return(self, d: int) -> None:
        """Now and then a key account brings back part of a recent shipment."""
        recent = [s for s in self.sold if 3 <= d - s.day <= 20]
        if not recent or self.rnd.random() >= 0.2:
            return
        s = self.rnd.choice(recent)
        self.sold.remove(s)
        qty = max(1, s.qty // 5)
        reason = self.rnd.choice(("质量问题 defective", "发错货 wrong item", "包装破损 damaged packaging"))
        self.counts.returns += 1
        self._later(lambda uow, at: customer_returns.return_goods(
            uow, sc.ReturnFromCustomer(s.sku, qty, reason, shipment=s.made["shipment"], occurred_at=at)))

    # -- purchasing ------------------------------------------------------------------------------------------

    def all_ordered(self, d: int) -> bool:
        """Every replenishment order of day ``d`` is a purchase order (the last ``PO_DAYS``); before, the desk's share
        only, the others received as goods receipts naming their supplier (``free_receipts``)."""
        return d >= len(self.dates) - PO_DAYS

    def takes_po(self) -> bool:
        return self.rnd.random() < PO_SHARE

    def issue(self, ref: str, supplier: str, warehouse: str, own: bool) -> PoDoc:
        """A purchase order for the history's order ``ref`` (the history adds its lines and expected date): drafted,
        its lines at the history's prices, issued. ``own``: one of the desk's share over the last days, which may be
        short (it asks for a fifth more than the supplier sends) and whose goods may go back to the supplier; the
        others are the history's orders as they were placed, received as they come."""
        short = own and self.rnd.random() < SHORT_PO
        po = PoDoc(supplier, warehouse, [], self.today.date(), short, own=own)
        self.pos[ref] = po
        if own:
            self.counts.pos += 1
        else:
            self.counts.history_pos += 1

        def run(uow, at: datetime) -> None:
            draft = purchasing.create_draft(uow, pc.CreatePurchaseOrder(supplier, warehouse, po.expected))
            purchasing.add_lines(uow, draft.id, [pc.AddPurchaseOrderLine(
                draft.id, sku, qty + (max(1, qty // 5) if short else 0), price) for _, sku, qty, price in po.lines])
            po.number = purchasing.issue(uow, pc.IssuePurchaseOrder(draft.id, at)).number

        self._later(run)
        return po

    def scheduled(self, ref: str, within: bool) -> None:
        """A delivery of the history's order ``ref`` comes within the history (or after its end)."""
        po = self.pos.get(ref)
        if po is not None:
            if within:
                po.deliveries += 1
            else:
                po.open_at_end = True

    def delivery(self, d: int, ref: str, lines: list[tuple[str, int]]) -> Callable[[datetime], Act]:
        """The act receiving what arrives of a purchase order at once; after its last delivery, what the supplier
        did not send is closed short."""
        po = self.pos[ref]
        po.deliveries -= len(lines)
        done = po.deliveries == 0 and not po.open_at_end
        if done and po.own:
            self.received.append((d, po))

        def make(at: datetime) -> Act:
            def run(uow) -> None:
                purchasing.receive(uow, pc.ReceivePurchaseOrder(po.number, tuple(lines), at))
                if done and purchasing.find_po(uow, po.number).state.value in ("issued", "partly_received"):
                    purchasing.close_short(uow, pc.ClosePurchaseOrderShort(
                        po.number, "供应商缺货 the supplier cannot deliver the rest"))

            return Act(run)

        return make

    def free_receipts(self, d: int, receipts: list[FreeReceipt]) -> Callable[[datetime], Act]:
        """The act posting the day's goods receipts of orders placed without a purchase order: each a receipt
        document (采购入库单) naming its supplier, numbered with the other receipts, its lines' movements referring
        to it as a receipt posted on the Receive screen's documents does (``domain.stock.documents``), so that the
        purchase summary, the scorecard's share of returns and the list of goods receipts read whom the goods came
        from. They are posted in bulk (``ledger.post_many``), each receipt a millisecond after the one before: a
        purchase order of its own for each of them (issued, received, its payable settled) would make the demo
        several times slower to build. What they cost was paid at the time: they carry no payable
        (``domain.demo.accounts`` carries the last months' in)."""

        def make(at: datetime) -> Act:
            def run(uow) -> None:
                posted_at = clock.now()
                year = posted_at.astimezone().year
                # before the desk's days nothing else numbers a receipt: the number last used is the one kept here
                last_year, seq = self.numbered
                if last_year != year or self.active(d):
                    seq = uow.documents.last_seq(DocumentKind.RECEIPT.value, year)
                commands, documents = [], []
                for n, r in enumerate(receipts):
                    seq += 1
                    number = number_for(DocumentKind.RECEIPT, year, seq)
                    when = at + timedelta(milliseconds=n)
                    commands += [ReceiveStock(sku, Decimal(qty), r.warehouse, cost, number, when, r.note,
                                              DocumentKind.RECEIPT.value) for sku, qty, cost in r.lines]
                    documents.append((r, number, seq, when))
                self.numbered = (year, seq)
                ledger.post_many(uow, commands)
                rate = uow.purchasing.policy().tax_rate  # as a free receipt posted on the Receive screen keeps it
                uow.documents.add_many([Document(
                    id=new_id(), kind=DocumentKind.RECEIPT, number=number, year=year, seq=seq,
                    warehouse_id=ledger.find_warehouse(uow, r.warehouse).id, business_date=when.astimezone().date(),
                    occurred_at=when, posted_at=posted_at, partner=r.supplier, reference=r.ref, note=r.note,
                    user=uow.user, device_id=uow.device_id, tax_rate=rate,
                    lines=tuple(DocumentLine(k, ledger.find_product(uow, sku).id, Decimal(qty), unit_cost=cost)
                                for k, (sku, qty, cost) in enumerate(r.lines, 1)))
                    for r, number, seq, when in documents])

            return Act(run)

        return make

    def supplier_returns(self, on_hand) -> list[tuple[int, int]]:
        """On the last day, goods received against purchase orders go back to a few suppliers (one return each);
        (pair, quantity) that left, for the history. Only on the last day: an earlier return would change the
        history's stock, and with it every day after."""
        d = len(self.dates) - 1
        out: list[tuple[int, int]] = []
        for day, po in self.received:
            if d - day < 2 or po.supplier in self.returned or len(out) == SUPPLIER_RETURNS:
                continue
            for i, sku, qty, _ in po.lines:
                if qty >= 4 and on_hand[i] >= 2:
                    q = max(1, min(qty // 10, int(on_hand[i]) // 2))
                    self.returned.add(po.supplier)
                    self.counts.supplier_returns += 1
                    reason = self.rnd.choice(("质量问题 defective batch", "规格不符 wrong specification"))
                    self._later(lambda uow, at, po=po, sku=sku, q=q, reason=reason: return_to_supplier(
                        uow, ReturnToSupplier(po.supplier, po.warehouse, (ReturnLine(sku, q),), reason, po=po.number,
                                              occurred_at=at)))
                    out.append((i, q))
                    break
        return out

    # -- money and the last day ------------------------------------------------------------------------------

    def pay_month(self) -> None:
        """On the first working day from the fifth, key accounts pay last month's sales, and the suppliers are paid
        what they delivered the month before last."""
        day = self.today.date()
        if day.day < 5 or (day.year, day.month) == self.paid:
            return
        self.paid = (day.year, day.month)
        first = day.replace(day=1)
        before = (first - timedelta(days=1)).replace(day=1)

        def run(uow, at: datetime) -> None:
            for c in self.key:
                self._settle(uow, Side.AR, c["code"], first, day)
            for s in self.world.suppliers:
                self._settle(uow, Side.AP, s["code"], before, day)

        self._later(run)

    def _settle(self, uow, side: Side, code: str, before: date, day: date) -> None:
        partner = uow.customers.by_code(code) if side == Side.AR else uow.suppliers.by_code(code)
        owed = sum((x.open for x in uow.accounts.open_items(side, partner.id)
                    if x.item.amount > 0 and x.item.business_date < before and x.item.source_id), ZERO)
        if owed > 0:
            record_money(uow, ac.RecordMoney("receipt" if side == Side.AR else "payment", code, owed, method="bank",
                                             day=day, reference=f"{before:%Y-%m} 货款"))
            self.counts.money += 1

    def backorders(self, wh_of: Callable[[int], str], sku_of: Callable[[int], str], on_hand, active
                   ) -> list[tuple[int, int]]:
        """At the last day's end of shipping a few key accounts order a product the shelf is out of, promised anyway
        (a backorder), with one they get at once; two more orders wait as drafts. Returns (pair, quantity) shipped,
        for the history."""
        plans = []
        used: set[int] = set()
        for c in self.key:
            if c["code"] in self.quiet_from:
                continue
            mine = [i for i in range(len(on_hand)) if wh_of(i) == c["region"] and i not in used and active(i)]
            empty = [i for i in mine if on_hand[i] <= 0]
            full = [i for i in mine if on_hand[i] - self.held.get(i, 0) >= 20]
            if not empty or not full:
                continue
            out, have = self.rnd.choice(empty), self.rnd.choice(full)
            used |= {out, have}
            plans.append((c, out, have, len(plans) >= 5))
            if len(plans) == 7:
                break
        self.counts.open_orders += len(plans)

        def run(uow, when: datetime) -> None:
            for c, out, have, draft in plans:
                order = selling.create_order(uow, sc.CreateSalesOrder(
                    c["code"], c["region"], requested_on=when.date() + timedelta(days=3), created_at=when))
                selling.add_line(uow, sc.AddSalesOrderLine(order.number, sku_of(have), 5))
                selling.add_line(uow, sc.AddSalesOrderLine(order.number, sku_of(out), 6))
                if draft:
                    continue
                selling.confirm(uow, sc.ConfirmSalesOrder(order.number, override=True, confirmed_at=when,
                                                          credit_override=True))
                shipping.ship(uow, sc.ShipSalesOrder(order.number, ((sku_of(have), 5),), when, "有货先发 in stock"))

        self._later(run)
        return [(have, 5) for _, _, have, draft in plans if not draft]

    def summary(self) -> str:
        k = self.counts
        return (f"{k.orders:,} sales orders ({k.open_orders} open), {k.counter:,} counter sales, {k.returns} customer "
                f"returns, {k.pos:,} purchase orders some of them short, {k.supplier_returns} returns to suppliers, "
                f"{k.lost:,} lost sales recorded" + (f", and {k.history_pos:,} more purchase orders received as they "
                                                     f"came" if k.history_pos else ""))
