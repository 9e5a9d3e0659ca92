"""Random sequences of postings on a real SQLite file keep the ledger exact.

A hypothesis state machine posts receipts, shipments, transfers, adjustments, counts and
reversals, many of them back-dated, into two warehouses that refuse negative stock and one
that allows it. After every step:

* the balances equal the sums of the ledger (``queries.check`` is empty);
* on hand 0 ⇒ value 0, and no balance (nor any running balance) is negative where that is
  not allowed;
* the value has not drifted: replaying every movement from scratch in (occurred_at, id)
  order through ``domain.stock.valuation.apply`` (``value`` for a reversal taking goods out, with the
  positions before and after its original) gives the same value for each movement and the same final
  balances;
* a refused posting changed nothing in the file, and an accepted one changed no recorded
  movement (only added rows and re-valued derived ones).

Sales run beside them on a product of their own (``SOLD``, in the strict warehouses, posted at the present
moment): orders confirmed (some with an override), shipped against, cut and cancelled, counter sales, customer
returns against a sale or free, and reversals of sales and returns. After every step also:

* reserved equals the open quantities of confirmed orders, per product × warehouse (``check_reserved``);
* available to promise (on hand − reserved) is never below zero, except by at most what lines confirmed with an
  override still have open there.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import event
from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine
from hypothesis.stateful import invariant
from hypothesis.stateful import rule
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import text

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import DomainError
from domain.sales import commands as sc
from domain.sales import orders as sales_orders
from domain.sales import returns as sales_returns
from domain.sales import shipping as sales_shipping
from domain.stock import commands as c
from domain.stock import ledger
from domain.stock.documents import ReverseDocument
from domain.stock.documents import reverse_document
from domain.stock.model import MovementKind
from domain.stock.model import Position
from domain.stock.valuation import apply
from domain.stock.valuation import value
from persistence import tables as t
from persistence.db import open_database
from persistence.sales.orders import check_reserved
from persistence.sales.orders import overridden
from persistence.stock import queries
from tests import clock

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")

T0 = datetime(2026, 1, 1, tzinfo=UTC)
SKUS = ["P1", "P2"]
STRICT = ["W1", "W2"]
WAREHOUSES = [*STRICT, "NEG"]

# Few products and warehouses, weighted, so that postings meet each other and stock often
# comes back to exactly zero through several issues, where rounding would leave a cent behind.
skus = st.sampled_from(["P1", "P1", "P1", "P2"])
warehouses = st.sampled_from(["W1", "W1", "W2", "NEG"])
quantities = st.sampled_from(["1", "2", "3", "3", "5", "0.5", "1.3333", "10"])
small = st.sampled_from(["1", "1", "1", "2", "0.5", "1.3333"])
costs = st.sampled_from(["0", "0.01", "1.005", "2.5", "3.33333333", "0.07", "19.99"])
routes = st.sampled_from([(a, b) for a in WAREHOUSES for b in WAREHOUSES if a != b] + [("W1", "W1")])
moments = st.integers(min_value=0, max_value=24 * 40).map(lambda h: T0 + timedelta(hours=h))
SOLD = "S1"  # the sales rules' own product, so the plain shipments above never take what orders reserved
sold_in = st.sampled_from(STRICT)
sold_qty = st.sampled_from(["1", "2", "3", "0.5", "4"])
picks = st.integers(min_value=0)

_template: Path | None = None
# A real SQLite file with the production pragmas; on a RAM disk where there is one, so that
# synchronous=FULL costs no disk flushes and the test stays within its time budget.
_SCRATCH = "/dev/shm" if Path("/dev/shm").is_dir() else None


def template() -> Path:
    """A migrated database with the master data, made once and copied for each example."""
    global _template
    if _template is None:
        folder = tempfile.mkdtemp(prefix="stockroom-props-", dir=_SCRATCH)
        atexit.register(shutil.rmtree, folder, True)
        path = Path(folder) / "template.sqlite3"
        db = open_database(path)
        for sku in SKUS:
            # measured (fractions such as 1.3333 are what these postings check the exactness of)
            catalog.add_product(db.uow(), cc.AddProduct(sku, f"Product {sku}", unit="kg"))
        for code in WAREHOUSES:
            catalog.add_warehouse(db.uow(), cc.AddWarehouse(code, code, allow_negative=code == "NEG"))
        catalog.add_product(db.uow(), cc.AddProduct(SOLD, "Sold product", unit="kg"))
        catalog.add_customer(db.uow(), cc.AddCustomer("CUST", "Customer"))
        for code in STRICT:  # the sold product starts with some stock (and so a balance row) where it is sold
            ledger.receive(db.uow(), c.ReceiveStock(SOLD, "5", code, "2.00", occurred_at=T0))
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        _template = path
    return _template


def dump(engine, tables=("movements", "movement_values", "balances")) -> dict[str, list[tuple]]:
    with engine.connect() as conn:
        return {name: sorted(tuple(r) for r in conn.execute(text(f"SELECT * FROM {name}"))) for name in tables}


def replay(engine) -> tuple[dict[str, Decimal], dict[tuple[str, str], Position]]:
    """Value every movement from scratch, in business-time order, with the valuation rules alone."""
    with engine.connect() as conn:
        rows = list(conn.execute(select(t.movements).order_by(t.movements.c.occurred_at, t.movements.c.id)))
        places = int(conn.execute(select(t.settings.c.value).where(t.settings.c.key == "money_places")).scalar() or 2)
    values: dict[str, Decimal] = {}
    spans: dict[str, tuple[Position, Position]] = {}  # each movement's positions before and after
    backs: dict[tuple, Decimal] = {}  # what a transfer's receiving leg's reversal took out, by (transfer, moment)
    positions: dict[tuple[str, str], Position] = {}
    out_leg: dict[str, str] = {r.transfer_id: r.id for r in rows if r.kind == MovementKind.TRANSFER_OUT}
    for r in rows:
        pair = (r.product_id, r.warehouse_id)
        pos = positions.get(pair, Position())
        if r.kind == MovementKind.REVERSAL:
            assert r.reverses_id in values, "a reversal comes after its original"
            if r.qty < 0:  # goods out again: the position before the original back if the pair is where it left it
                v = value(pos, r.kind, r.qty, None, None, places, spans[r.reverses_id])
            else:  # goods back: the opposite of what left (for a sending leg, what its receiving leg's reversal took)
                exact = backs.get((r.transfer_id, r.occurred_at), values[r.reverses_id]) if r.transfer_id \
                    else values[r.reverses_id]
                v = apply(pos, r.qty, exact_value=-exact, reversal=True, places=places)
            if r.transfer_id and r.qty < 0:
                backs[r.transfer_id, r.occurred_at] = v.value
        elif r.kind == MovementKind.TRANSFER_IN:
            assert out_leg[r.transfer_id] in values, "a transfer's out leg comes before its in leg"
            v = apply(pos, r.qty, exact_value=-values[out_leg[r.transfer_id]], places=places)
        else:
            v = apply(pos, r.qty, unit_cost=r.unit_cost, places=places)
        values[r.id] = v.value
        spans[r.id] = (pos, v.after)
        positions[pair] = v.after
    return values, positions


class LedgerMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="stockroom-prop-", dir=_SCRATCH))
        shutil.copy(template(), self.dir / "db.sqlite3")
        self.db = open_database(self.dir / "db.sqlite3")
        self.movement_ids: list[str] = []
        self.orders: list[str] = []
        self.sales: list[str] = []  # sale documents
        self.returns: list[str] = []  # customer return documents
        # after everything, reversals dated today included, and inside the business dates (a year after today)
        self.late = clock.now().replace(microsecond=0) + timedelta(days=30)

    def teardown(self) -> None:
        self.db.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def _post(self, post) -> None:
        before = dump(self.db.engine)
        try:
            result = post(self.db.uow())
        except DomainError as exc:
            event(f"refused: {type(exc).__name__}")
            assert dump(self.db.engine) == before, "a refused posting changed the file"
            return
        after = dump(self.db.engine)
        assert set(before["movements"]) <= set(after["movements"]), "a recorded movement was changed"
        if result is None:
            assert after == before
            return
        for m in result if isinstance(result, (list, tuple)) else [result]:
            self.movement_ids.append(m.id)
        event("accepted")
        values_after = {row[0]: row for row in after["movement_values"]}
        if any(values_after[row[0]] != row for row in before["movement_values"]):
            event("accepted and re-valued earlier-recorded movements")

    @rule(sku=skus, wh=warehouses, qty=quantities, cost=costs, at=moments)
    def receive(self, sku, wh, qty, cost, at):
        self._post(lambda uow: ledger.receive(uow, c.ReceiveStock(sku, qty, wh, cost, occurred_at=at)))

    @rule(sku=skus, wh=warehouses, qty=small, at=moments)
    def ship(self, sku, wh, qty, at):
        self._post(lambda uow: ledger.ship(uow, c.ShipStock(sku, qty, wh, occurred_at=at)))

    @rule(sku=skus, wh=warehouses, parts=st.integers(min_value=1, max_value=3))
    def ship_everything(self, sku, wh, parts):
        """Empty a pair in a few issues after everything else: the last one must close the value at 0."""
        on_hand = queries.on_hand(self.db.engine, sku, wh)
        if on_hand <= 0:
            return
        self.late += timedelta(minutes=1)
        for i in range(parts):
            piece = on_hand if i == parts - 1 else min(on_hand, Decimal(1))
            on_hand -= piece
            if piece:
                self._post(lambda uow, q=piece: ledger.ship(uow, c.ShipStock(sku, q, wh, occurred_at=self.late)))

    @rule(sku=skus, route=routes, qty=small, at=moments)
    def transfer(self, sku, route, qty, at):
        source, destination = route
        self._post(lambda uow: ledger.transfer(uow, c.TransferStock(sku, qty, source, destination, occurred_at=at)))

    @rule(sku=skus, wh=warehouses, qty=small, sign=st.sampled_from(["", "-"]), at=moments)
    def adjust(self, sku, wh, qty, sign, at):
        self._post(lambda uow: ledger.adjust(uow, c.AdjustStock(sku, sign + qty, wh, "random", occurred_at=at)))

    @rule(sku=skus, wh=warehouses, counted=st.sampled_from([None, "", "0", "0", "1", "2", "3", "4.5"]), at=moments)
    def count(self, sku, wh, counted, at):
        self._post(lambda uow: ledger.count(uow, c.CountStock(sku, counted, wh, occurred_at=at)))

    @rule(batch=st.lists(
        st.one_of(
            st.builds(c.ReceiveStock, skus, quantities, warehouses, costs, occurred_at=moments),
            st.builds(c.ShipStock, skus, small, warehouses, occurred_at=moments),
            st.builds(lambda s, q, r, at: c.TransferStock(s, q, *r, occurred_at=at), skus, small, routes, moments),
        ),
        min_size=2, max_size=6,
    ))
    def post_many(self, batch):
        """Several postings in one transaction, through the buffered bulk path: all or nothing."""
        before = dump(self.db.engine)
        try:
            ledger.post_many(self.db.uow(), batch)
        except DomainError:
            assert dump(self.db.engine) == before, "a refused batch changed the file"
            return
        after = dump(self.db.engine)
        assert set(before["movements"]) <= set(after["movements"])
        event("batch accepted")

    @rule(pick=st.integers(min_value=0))
    def reverse(self, pick):
        if not self.movement_ids:
            return
        movement_id = self.movement_ids[pick % len(self.movement_ids)]
        self._post(lambda uow: ledger.reverse(uow, c.ReverseMovement(movement_id)))

    # -- sales, on their own product

    def _sale(self, act) -> object | None:
        """Run a sales use case: a refusal must leave the ledger, the balances and the sales tables as they were."""
        tables = ("movements", "movement_values", "balances", "sales_orders", "sales_order_lines", "sales_lines",
                  "documents")
        before = dump(self.db.engine, tables)
        try:
            result = act(self.db.uow())
        except DomainError as exc:
            event(f"sales refused: {getattr(exc, 'code', '') or type(exc).__name__}")
            assert dump(self.db.engine, tables) == before, "a refused sales step changed the file"
            return None
        event("sales accepted")
        return result

    @rule(wh=sold_in, qty=sold_qty, cost=costs)
    def receive_sold(self, wh, qty, cost):
        self._sale(lambda uow: ledger.receive(uow, c.ReceiveStock(SOLD, qty, wh, cost)))

    @rule(wh=sold_in, qty=sold_qty, override=st.booleans())
    def confirm_order(self, wh, qty, override):
        number = sales_orders.create_order(self.db.uow(), sc.CreateSalesOrder("CUST", wh)).number
        sales_orders.add_line(self.db.uow(), sc.AddSalesOrderLine(number, SOLD, qty, "5", "10"))
        if self._sale(lambda uow: sales_orders.confirm(uow, sc.ConfirmSalesOrder(number, override))) is not None:
            self.orders.append(number)

    @rule(pick=picks, qty=st.sampled_from([None, "1", "0.5", "3"]))
    def ship_against_order(self, pick, qty):
        if not self.orders:
            return
        number = self.orders[pick % len(self.orders)]
        pairs = () if qty is None else ((SOLD, qty),)
        docs = self._sale(lambda uow: sales_shipping.ship(uow, sc.ShipSalesOrder(number, pairs)))
        self.sales += [d.number for d in docs or ()]

    @rule(wh=sold_in, qty=sold_qty)
    def counter_sale(self, wh, qty):
        doc = self._sale(lambda uow: sales_shipping.sell(
            uow, sc.CounterSale("CUST", wh, (sc.SaleLineInput(SOLD, qty, "4.99"),))))
        if doc is not None:
            self.sales.append(doc.number)

    @rule(pick=picks, cut=st.booleans())
    def cancel_or_cut(self, pick, cut):
        if not self.orders:
            return
        number = self.orders[pick % len(self.orders)]
        if cut:
            self._sale(lambda uow: sales_orders.cut_line(uow, sc.CutSalesOrderLine(number, SOLD, "cut", "0.5")))
        else:
            self._sale(lambda uow: sales_orders.cancel(uow, sc.CancelSalesOrder(number, "cancelled")))

    @rule(pick=picks, qty=st.sampled_from(["1", "0.5", "2"]), free=st.booleans(), wh=sold_in)
    def customer_return(self, pick, qty, free, wh):
        if free:
            made = self._sale(lambda uow: sales_returns.return_goods(uow, sc.ReturnFromCustomer(
                SOLD, qty, "free", customer="CUST", warehouse=wh, price="4")))
        elif self.sales:
            number = self.sales[pick % len(self.sales)]
            made = self._sale(lambda uow: sales_returns.return_goods(uow, sc.ReturnFromCustomer(
                SOLD, qty, "damaged", shipment=number)))
        else:
            return
        self.returns += [d.number for d in made or ()]

    @rule(pick=picks, of_return=st.booleans())
    def reverse_sales_document(self, pick, of_return):
        numbers = self.returns if of_return else self.sales
        if numbers:
            number = numbers[pick % len(numbers)]
            self._sale(lambda uow: reverse_document(uow, ReverseDocument(number)))

    @invariant()
    def reserved_is_what_confirmed_orders_have_open(self):
        assert check_reserved(self.db.engine) == []

    @invariant()
    def available_to_promise_is_never_negative_without_a_recorded_override(self):
        with self.db.engine.connect() as conn:
            allowed = overridden(conn)
            rows = conn.execute(select(t.balances.c.product_id, t.balances.c.warehouse_id, t.balances.c.on_hand,
                                       t.balances.c.reserved)).all()
        for product_id, warehouse_id, on_hand, reserved in rows:
            if reserved:
                assert on_hand - reserved >= -allowed.get((product_id, warehouse_id), Decimal(0)), (
                    product_id, warehouse_id, on_hand, reserved)

    @invariant()
    def balances_equal_the_ledger(self):
        assert queries.check(self.db.engine) == []

    @invariant()
    def empty_stock_has_no_value_and_strict_warehouses_never_go_negative(self):
        for row in queries.stock(self.db.engine):
            if row.on_hand == 0:
                assert row.value == 0, row
            if row.warehouse in STRICT:
                assert row.on_hand >= 0, row
        with self.db.engine.connect() as conn:
            lowest = conn.execute(
                select(t.warehouses.c.code, func.min(t.movement_values.c.on_hand_after))
                .select_from(t.movement_values.join(t.movements).join(t.warehouses))
                .group_by(t.warehouses.c.code)
            ).all()
        for code, running in lowest:
            if code in STRICT:
                assert running >= 0, (code, running)

    @invariant()
    def value_never_drifts_from_a_replay_from_scratch(self):
        values, positions = replay(self.db.engine)
        with self.db.engine.connect() as conn:
            stored = dict(conn.execute(select(t.movement_values.c.movement_id, t.movement_values.c.value)).all())
            balances = {(r.product_id, r.warehouse_id): Position(r.on_hand, r.value, r.avg_cost)
                        for r in conn.execute(select(t.balances))}
        assert stored == values
        assert {k: (p.on_hand, p.value) for k, p in balances.items()} == {
            k: (p.on_hand, p.value) for k, p in positions.items()
        }
        for key, pos in positions.items():
            assert balances[key].avg_cost == pos.avg_cost, key


LedgerMachine.TestCase.settings = settings(
    max_examples=30, stateful_step_count=20, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
test_random_postings_keep_the_ledger_exact = LedgerMachine.TestCase


# -- receipts reversed after stock has moved

# Whole quantities and costs of at least 1, so that no shipment's rounding alone can leave stock worth nothing.
whole = st.sampled_from(["1", "2", "5", "10"])
dear = st.sampled_from(["1", "1.005", "2.5", "3.33333333", "5", "19.99"])
days = st.integers(min_value=0, max_value=4).map(lambda n: T0 + timedelta(days=n))  # close: back-dated often
steps = st.lists(st.one_of(
    st.tuples(st.just("receive"), whole, dear, days),
    st.tuples(st.just("ship"), whole, st.just(""), days),
    st.tuples(st.just("reverse"), picks, st.just(""), st.just(None)),
), min_size=3, max_size=10)


@given(steps)
@example([("receive", "10", "1", T0), ("receive", "10", "5", T0 + timedelta(days=1)),
          ("ship", "5", "", T0 + timedelta(days=2)), ("reverse", 1, "", None)])
@settings(max_examples=25, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_receipts_shipments_and_reversals_never_leave_stock_worth_nothing_or_less(steps):
    """In a warehouse that refuses negative stock, after every posting and at every point of the ledger: stock is
    never worth less than nothing, stock of 0 is worth 0, and stock on hand is worth what it was bought at: between
    the lowest and the highest cost of the receipts (give or take half a cent for each movement's rounding),
    back-dated receipts, shipments and reversals of either whatever their order."""
    folder = Path(tempfile.mkdtemp(prefix="stockroom-prop-", dir=_SCRATCH))
    shutil.copy(template(), folder / "db.sqlite3")
    db = open_database(folder / "db.sqlite3")
    try:
        posted: list[str] = []
        costs_seen: list[Decimal] = []
        for kind, qty, cost, at in steps:
            try:
                if kind == "receive":
                    posted.append(ledger.receive(db.uow(), c.ReceiveStock("P1", qty, "W1", cost, occurred_at=at)).id)
                    costs_seen.append(Decimal(cost))
                elif kind == "ship":
                    posted.append(ledger.ship(db.uow(), c.ShipStock("P1", qty, "W1", occurred_at=at)).id)
                elif posted:
                    ledger.reverse(db.uow(), c.ReverseMovement(posted[qty % len(posted)]))
            except DomainError:
                continue
            assert queries.check(db.engine) == []
            with db.engine.connect() as conn:
                running = conn.execute(select(t.movement_values.c.on_hand_after, t.movement_values.c.value_after)
                                       .select_from(t.movement_values.join(t.movements))
                                       .where(t.movements.c.product_id == t.products.c.id,
                                              t.products.c.sku == "P1")).all()
            rounding = Decimal("0.005") * len(running)
            for on_hand, value in running:
                assert value >= 0 and (value == 0) == (on_hand == 0), (on_hand, value)
                low, high = min(costs_seen) * on_hand - rounding, max(costs_seen) * on_hand + rounding
                assert low <= value <= high, (on_hand, value, min(costs_seen), max(costs_seen))
    finally:
        db.close()
        shutil.rmtree(folder, ignore_errors=True)
