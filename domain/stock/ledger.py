"""Ledger use cases: receive, ship, transfer, adjust, count, reverse.

Each use case takes a command and a unit of work, runs in one transaction and returns
the new movement(s). ``post_many`` runs many commands in one transaction (bulk loads, demo
data) through exactly the same checks.

One path for a posting: a use case parses and checks its command's raw values once, at its edge
(``_receive``, ``_ship``, … here; ``documents.post_document`` and ``purchasing.receive`` for theirs),
and hands typed, valid values to the ledger's core (``post_receipt``, ``post_shipment``,
``post_transfer``, ``post_adjustment``, ``plan_count``/``post_count``, ``plan_reversal``/``post_reversal``),
which applies the ledger's rules and writes, and checks no field again.

Posting in business-time order is the common case and costs one balance read. A back-dated
movement (earlier than the latest one of its product × warehouse) is inserted and then the
product × warehouse is replayed from it (``_revalue``, through ``valuation.replay``, as the sync
recompute replays a pull): only derived values change (the movements' values, and with them the cost and
margin of the sales lines of the sales and returns replayed, which are their movements' values: a sale's cost is the
moving average at its business time, whenever a receipt before it was posted, and a customer return against it
comes back at its share of that cost, ``valuation.returned_unit_cost``), and the
replay refuses the posting if it would drive a later balance negative where the warehouse
does not allow it. A changed transfer-out value travels on to the receiving warehouse, and a changed value of a
receiving leg's reversal to the sending leg's reversal, which brings exactly that back (``valuation.replay``). A
reversal taking goods out reads where its original left the pair (``_span``): the position before the original comes
back exactly if the pair still stands there, else the goods leave at the average (``valuation._reverse_inbound``).

The period close (月结, ``domain.accounts.periods``): ``_post``, which every posting passes once per movement,
refuses a movement dated in a closed month (one comparison with the first open instant, read once per unit of
work), so nothing is posted or back-dated into a closed month and a back-dated replay starts after the close:
the values inside a closed month are never rewritten (``_revalue`` refuses to, should one start there). A
reversal is dated now (or at its original's time, if that is later), in the open period; reversing a movement
dated in a closed month is refused (``plan_reversal``): the documents, sales lines and open items of a closed
month stay as they were closed, and a correction is a new posting in the open month (a return, an adjustment).
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from functools import partial
from itertools import islice
from operator import attrgetter
from types import MappingProxyType
from typing import NamedTuple

from domain.access.roles import Permission
from domain.access.roles import require
from domain.accounts.items import billing_match
from domain.accounts.items import source_reversed
from domain.accounts.model import ItemKind
from domain.accounts.periods import closed as closed_period
from domain.catalog.model import Product
from domain.catalog.model import Warehouse
from domain.catalog.units import whole_quantity
from domain.kernel import clock
from domain.kernel import limits
from domain.kernel import validate as v
from domain.kernel.bulk import without_cycle_collection
from domain.kernel.errors import AlreadyReversed
from domain.kernel.errors import InsufficientStock
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.kernel.errors import TooLarge
from domain.kernel.ids import new_id
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import fmt
from domain.kernel.ports import UnitOfWork
from domain.kernel.refusals import refusal
from domain.stock import commands as cmd
from domain.stock import valuation
from domain.stock.model import Balance
from domain.stock.model import Movement
from domain.stock.model import MovementKind
from domain.stock.model import Position
from domain.stock.model import Valuation

Kind = MovementKind
# The kinds the posting path names for every movement: an enum member looked up on its class goes through a
# descriptor (60 ns, four times a movement), a module constant does not.
_RECEIPT, _SHIPMENT, _TRANSFER_OUT, _TRANSFER_IN, _REVERSAL = (
    Kind.RECEIPT, Kind.SHIPMENT, Kind.TRANSFER_OUT, Kind.TRANSFER_IN, Kind.REVERSAL)


def find_product(uow: UnitOfWork, code: str, field: str = "SKU") -> Product:
    """The product whose SKU or barcode is ``code``."""
    code = v.code(field, code)
    product = uow.products.by_sku(code) or uow.products.by_barcode(code)
    if product is None:
        raise refusal(NotFound, "ledger_unknown_product", field=field, code=code)
    return product


def find_warehouse(uow: UnitOfWork, code: str, field: str = "warehouse") -> Warehouse:
    code = v.code(field, code)
    warehouse = uow.warehouses.by_code(code)
    if warehouse is None:
        raise refusal(NotFound, "ledger_unknown_warehouse", field=field, code=code)
    return warehouse


class _Find:
    """``find_product`` and ``find_warehouse``, as each use case asks them."""

    @staticmethod
    def product(uow: UnitOfWork, code: str, field: str = "SKU") -> Product:
        return find_product(uow, code, field)

    @staticmethod
    def warehouse(uow: UnitOfWork, code: str, field: str = "warehouse") -> Warehouse:
        return find_warehouse(uow, code, field)

    def product_in(self, uow: UnitOfWork, sku: str, warehouse: str) -> tuple[Product, Warehouse]:
        """The product of a SKU or barcode and the warehouse of a code, looked up in that order."""
        return self.product(uow, sku), self.warehouse(uow, warehouse)


_FIND = _Find()


class _Remembered(_Find):
    """``find_product`` and ``find_warehouse`` answering a code met before from memory (``post_many``).

    One serves one transaction, in which the ledger changes no product nor warehouse: a bulk load looks
    each distinct SKU, barcode and warehouse code up once, by the same functions. A refusal is not
    remembered (it ends the transaction), nor is a code that is not even hashable (refused by name).
    """

    def __init__(self) -> None:
        self.products: dict[tuple[object, str], Product] = {}
        self.warehouses: dict[tuple[object, str], Warehouse] = {}
        self.pairs: dict[tuple[object, object], tuple[Product, Warehouse]] = {}

    def product_in(self, uow: UnitOfWork, sku: str, warehouse: str) -> tuple[Product, Warehouse]:
        try:
            return self.pairs[sku, warehouse]
        except KeyError:
            remember = True
        except TypeError:
            remember = False
        # (looked up outside the handlers above, so that a refusal does not carry their exception along)
        found = self.product(uow, sku), self.warehouse(uow, warehouse)
        if remember:
            self.pairs[sku, warehouse] = found
        return found

    def product(self, uow: UnitOfWork, code: str, field: str = "SKU") -> Product:
        try:
            return self.products[code, field]
        except KeyError:
            remember = True
        except TypeError:
            remember = False
        found = find_product(uow, code, field)
        if remember:
            self.products[code, field] = found
        return found

    def warehouse(self, uow: UnitOfWork, code: str, field: str = "warehouse") -> Warehouse:
        try:
            return self.warehouses[code, field]
        except KeyError:
            remember = True
        except TypeError:
            remember = False
        found = find_warehouse(uow, code, field)
        if remember:
            self.warehouses[code, field] = found
        return found


def receive(uow: UnitOfWork, c: cmd.ReceiveStock) -> Movement:
    return _one(uow, _receive, c, Permission.RECEIVE)


def ship(uow: UnitOfWork, c: cmd.ShipStock) -> Movement:
    return _one(uow, _ship, c, Permission.SHIP)


def transfer(uow: UnitOfWork, c: cmd.TransferStock) -> tuple[Movement, Movement]:
    return _one(uow, _transfer, c, Permission.TRANSFER)


def adjust(uow: UnitOfWork, c: cmd.AdjustStock) -> Movement:
    return _one(uow, _adjust, c, Permission.ADJUST)


def count(uow: UnitOfWork, c: cmd.CountStock) -> Movement | None:
    """Post the difference between a counted and the expected quantity; blank posts nothing."""
    return _one(uow, _count, c, Permission.COUNT)


def reverse(uow: UnitOfWork, c: cmd.ReverseMovement) -> list[Movement]:
    """Reverse a movement (both legs of a transfer); a movement can be reversed once."""
    return _one(uow, _reverse, c, Permission.REVERSE)


def post_many(uow: UnitOfWork, commands: Iterable[object], progress: Callable[[int], None] | None = None) -> int:
    """Post many commands in one transaction: all of them or, on the first refusal, none.

    Commands are taken ``READ_AHEAD`` at a time, and the products, warehouses and balances a batch names
    are read in a few queries before its commands are posted one by one (through the same checks as
    always), instead of a query or two for each product × warehouse met for the first time; each
    distinct code is looked up once (``_Remembered``). Python's cycle collector is paused meanwhile
    (``domain.kernel.bulk``).
    """
    handlers: dict[type, Callable] = {
        cmd.ReceiveStock: _receive,
        cmd.ShipStock: _ship,
        cmd.TransferStock: _transfer,
        cmd.AdjustStock: _adjust,
        cmd.CountStock: _count,
        cmd.ReverseMovement: _reverse,
    }
    n = 0
    allowed: set[type] = set()
    seen: set[tuple] = set()
    find = _Remembered()
    commands = iter(commands)
    with without_cycle_collection(), uow:
        while batch := list(islice(commands, READ_AHEAD)):
            _read_ahead(uow, batch, seen)
            for c in batch:
                n += 1
                if type(c) not in allowed:  # each kind of command is checked once, when it first comes
                    require(uow, NEEDS[type(c)])
                    allowed.add(type(c))
                handlers[type(c)](uow, c, find)
                if progress is not None and n % 10_000 == 0:
                    progress(n)
        uow.commit()
    return n


READ_AHEAD = 1_000
_ONE_WAREHOUSE = (cmd.ReceiveStock, cmd.ShipStock, cmd.AdjustStock, cmd.CountStock)
_ONE_WAREHOUSE_SET = frozenset(_ONE_WAREHOUSE)
_SKU_AND_WAREHOUSE = attrgetter("sku", "warehouse")


def _read_ahead(uow: UnitOfWork, batch: list[object], seen: set[tuple]) -> None:
    """Let the repositories read the products and balances ``batch`` names in a few queries.

    Only a speed hint: it refuses nothing and writes nothing. ``seen`` holds the (SKU, warehouse) texts
    read ahead before in this transaction, which need nothing more. Codes are taken as the checks will
    take them (stripped); one that names nothing, or is not text, is left to the command's own checks.
    """
    try:
        kinds = set(map(type, batch))
        if kinds <= _ONE_WAREHOUSE_SET:  # the common case (receipts, shipments): read in one C loop
            named = set(map(_SKU_AND_WAREHOUSE, batch))
        else:
            named = {(c.sku, c.warehouse) for c in batch if type(c) in _ONE_WAREHOUSE}
            for c in batch:
                if type(c) is cmd.TransferStock:
                    named.update(((c.sku, c.from_warehouse), (c.sku, c.to_warehouse)))
    except TypeError:  # a code that cannot even be hashed: its command will be refused by name
        return
    named = named - seen  # (``named -= seen`` would go through all of ``seen``, which only grows)
    seen |= named
    named = {(code.strip(), w.strip()) for code, w in named if isinstance(code, str) and isinstance(w, str)}
    uow.products.preload({code for code, _ in named})
    pairs = set()
    for code, w in named:
        product = code and (uow.products.by_sku(code) or uow.products.by_barcode(code))
        warehouse = w and uow.warehouses.by_code(w)
        if product and warehouse:
            pairs.add((product.id, warehouse.id))
    uow.balances.preload(pairs)


# What each ledger command needs of the acting user (domain.access.roles).
NEEDS: dict[type, Permission] = {
    cmd.ReceiveStock: Permission.RECEIVE,
    cmd.ShipStock: Permission.SHIP,
    cmd.TransferStock: Permission.TRANSFER,
    cmd.AdjustStock: Permission.ADJUST,
    cmd.CountStock: Permission.COUNT,
    cmd.ReverseMovement: Permission.REVERSE,
}


def _one(uow: UnitOfWork, handler: Callable, c: object, permission: Permission):
    with uow:
        require(uow, permission)
        result = handler(uow, c)
        uow.commit()
    return result


def _reference(value: str | None) -> str:
    return v.text("reference", value, required=False, max_len=limits.REFERENCE)


# The edge of each ledger use case: a command's raw values are parsed and checked here, once, in this
# order (the first refusal names its field), and the typed values go on to the ledger's core below.

def _receive(uow: UnitOfWork, c: cmd.ReceiveStock, find: _Find = _FIND) -> Movement:
    qty = v.quantity("quantity", c.qty)
    cost = v.money("unit cost", c.unit_cost)
    product, warehouse = find.product_in(uow, c.sku, c.warehouse)
    whole_quantity("quantity", product, qty)
    return post_receipt(uow, product, warehouse, qty, cost, v.moment("date", c.occurred_at), _reference(c.ref),
                        v.text("note", c.note, required=False), c.source_type or "receipt")


def _ship(uow: UnitOfWork, c: cmd.ShipStock, find: _Find = _FIND) -> Movement:
    qty = v.quantity("quantity", c.qty)
    product, warehouse = find.product_in(uow, c.sku, c.warehouse)
    whole_quantity("quantity", product, qty)
    moved = post_shipment(uow, product, warehouse, qty, v.moment("date", c.occurred_at), _reference(c.ref),
                          v.text("note", c.note, required=False), c.source_type or "shipment")
    refuse_reserved(uow, product, warehouse, qty)
    return moved


def _transfer(uow: UnitOfWork, c: cmd.TransferStock, find: _Find = _FIND) -> tuple[Movement, Movement]:
    qty = v.quantity("quantity", c.qty)
    product = find.product(uow, c.sku)
    whole_quantity("quantity", product, qty)
    source = find.warehouse(uow, c.from_warehouse, "from warehouse")
    target = find.warehouse(uow, c.to_warehouse, "to warehouse")
    if source.id == target.id:
        raise refusal(RuleViolation, "transfer_same_warehouse", code=target.code)
    at = v.moment("date", c.occurred_at)
    transfer_id = new_id()  # (drawn here, before the reference and note are checked, as it always was)
    legs = post_transfer(uow, product, source, target, qty, at, _reference(c.ref),
                         v.text("note", c.note, required=False), transfer_id)
    refuse_reserved(uow, product, source, qty)
    return legs


def _adjust(uow: UnitOfWork, c: cmd.AdjustStock, find: _Find = _FIND) -> Movement:
    delta = v.quantity("change", c.delta, positive=False)
    reason = v.text("reason", c.reason)
    product, warehouse = find.product_in(uow, c.sku, c.warehouse)
    whole_quantity("change", product, delta)
    return post_adjustment(uow, product, warehouse, delta, reason, v.moment("date", c.occurred_at),
                           _reference(c.ref))


def _count(uow: UnitOfWork, c: cmd.CountStock, find: _Find = _FIND) -> Movement | None:
    if c.counted is None or (isinstance(c.counted, str) and not c.counted.strip()):
        return None
    counted = v.quantity("counted quantity", c.counted, allow_zero=True)
    product, warehouse = find.product_in(uow, c.sku, c.warehouse)
    whole_quantity("counted quantity", product, counted)
    plan = plan_count(uow, product, warehouse, v.moment("date", c.occurred_at))
    if counted == plan.expected:  # nothing to post, so the reference is not looked at
        return None
    return post_count(uow, product, warehouse, counted, plan, _reference(c.ref))


def _reverse(uow: UnitOfWork, c: cmd.ReverseMovement, find: _Find = _FIND) -> list[Movement]:
    plan = plan_reversal(uow, v.text("movement id", c.movement_id, max_len=36))
    return post_reversal(uow, plan, v.text("note", c.note, required=False))


# The ledger's core: typed values, already checked (``domain.kernel.validate``: quantities, costs, dates in the
# accepted window as an aware UTC instant, references and notes of accepted length; the product and
# warehouses found). It applies the ledger's own rules (stock, value limits, back-dating, reversals) and
# writes. Every posting goes through it: the use cases above, documents and purchase-order receipts.

def post_receipt(uow: UnitOfWork, product: Product, warehouse: Warehouse, qty: Decimal, unit_cost: Decimal,
                 at: datetime, ref: str = "", note: str = "", source_type: str = "receipt",
                 fx: tuple[str, Decimal, Decimal] | None = None) -> Movement:
    """Post a receipt of ``qty`` (> 0) at ``unit_cost``; ``fx`` (currency, foreign unit price, rate) is kept on
    it when the cost was converted."""
    return _post(uow, _RECEIPT, product, warehouse, qty, at, unit_cost, None, None, source_type, ref, note, None, None,
                 fx)


def post_shipment(uow: UnitOfWork, product: Product, warehouse: Warehouse, qty: Decimal, at: datetime,
                  ref: str = "", note: str = "", source_type: str = "shipment") -> Movement:
    """Post a shipment of ``qty`` (> 0, the quantity that leaves)."""
    return _post(uow, _SHIPMENT, product, warehouse, -qty, at, None, None, None, source_type, ref, note)


def refuse_reserved(uow: UnitOfWork, product: Product, warehouse: Warehouse, asked: Decimal) -> None:
    """Refuse a plain shipment, transfer or return to a supplier (already posted, in the same transaction) that took
    stock reserved for confirmed sales orders: what is promised to a customer leaves only against the order
    (``domain.sales.shipping``), which releases the reservation as it ships. A warehouse that allows negative stock
    is not held to its reservations either."""
    balance = uow.balances.get(product.id, warehouse.id)
    reserved = balance.reserved
    # (a Decimal's truth is whether it is zero, asked without the context a comparison consults: nearly every
    # balance has nothing reserved)
    if reserved and reserved > ZERO and balance.position.on_hand < reserved and not warehouse.allow_negative:
        raise refusal(InsufficientStock, "reserved_stock", sku=product.sku, name=product.name,
                      warehouse=warehouse.code, on_hand=fmt(balance.position.on_hand + asked),
                      reserved=fmt(balance.reserved), asked=fmt(asked))


def post_transfer(uow: UnitOfWork, product: Product, source: Warehouse, target: Warehouse, qty: Decimal,
                  at: datetime, ref: str = "", note: str = "", transfer_id: str | None = None,
                  ) -> tuple[Movement, Movement]:
    """Move ``qty`` (> 0) from ``source`` to another warehouse, ``target``: an out and an in leg at one value."""
    transfer_id = transfer_id or new_id()
    leaving: dict[str, Valuation] = {}  # the out leg's value, so the in leg needs no lookup
    out = _post(uow, Kind.TRANSFER_OUT, product, source, -qty, at, transfer_id=transfer_id,
                source_type="transfer", source_ref=ref, note=note, known=leaving)
    into = _post(uow, Kind.TRANSFER_IN, product, target, qty, at, transfer_id=transfer_id,
                 source_type="transfer", source_ref=ref, note=note, known=leaving)
    return out, into


def post_adjustment(uow: UnitOfWork, product: Product, warehouse: Warehouse, delta: Decimal, reason: str,
                    at: datetime, ref: str = "") -> Movement:
    """Change the stock by ``delta`` (signed, not 0) for ``reason`` (required)."""
    return _post(uow, Kind.ADJUSTMENT, product, warehouse, delta, at, source_type="adjustment", source_ref=ref,
                 note=reason)


class CountPlan(NamedTuple):
    """A count about to be posted: its movement's id and place in time, and the quantity expected there."""

    movement_id: str
    at: datetime
    expected: Decimal


def plan_count(uow: UnitOfWork, product: Product, warehouse: Warehouse, at: datetime) -> CountPlan:
    """What a count at ``at`` is compared with: the on-hand quantity just before it."""
    movement_id = new_id()
    balance = uow.balances.get(product.id, warehouse.id)
    if balance.last_key is None or (at, movement_id) > balance.last_key:
        expected = balance.position.on_hand
    else:
        expected = uow.movements.position_before(product.id, warehouse.id, (at, movement_id)).on_hand
    return CountPlan(movement_id, at, expected)


def post_count(uow: UnitOfWork, product: Product, warehouse: Warehouse, counted: Decimal, plan: CountPlan,
               ref: str = "") -> Movement | None:
    """Post the difference between ``counted`` (>= 0) and the plan's expected quantity; none, nothing."""
    diff = counted - plan.expected
    if diff == 0:
        return None
    return _post(uow, Kind.COUNT, product, warehouse, diff, plan.at, movement_id=plan.movement_id,
                 source_type="count", source_ref=ref, note=f"counted {fmt(counted)}, expected {fmt(plan.expected)}")


def plan_reversal(uow: UnitOfWork, movement_id: str) -> list[tuple[Movement, datetime]]:
    """The movements a reversal of ``movement_id`` takes back (both legs of a transfer, the in leg first),
    each with the moment of its reversal.

    Raises:
        NotFound: no such movement.
        RuleViolation: it is itself a reversal.
        AlreadyReversed: a leg has been reversed before.
    """
    original = uow.movements.get(movement_id)
    if original is None:
        raise refusal(NotFound, "unknown_movement", movement=movement_id)
    if original.kind == Kind.REVERSAL:
        raise refusal(RuleViolation, "reverse_reversal", movement=movement_id)
    legs = [original]
    if original.transfer_id:
        legs = sorted(uow.movements.transfer_legs(original.transfer_id), key=lambda m: m.kind != Kind.TRANSFER_IN)
    now = clock.now()
    opens = uow.periods.open_from()
    for leg in legs:
        if uow.movements.reversal_of(leg.id):
            raise refusal(AlreadyReversed, "movement_already_reversed", movement=leg.id)
        if opens is not None and leg.occurred_at < opens:
            day = leg.occurred_at.astimezone().date()
            raise refusal(RuleViolation, "period_closed_reversal", movement=movement_id, day=day.isoformat(),
                          month=f"{day:%Y-%m}", through=f"{uow.periods.closed_through():%Y-%m}")
        if leg.source_type == "po" and leg.kind == _RECEIPT:
            _refuse_invoiced(uow, leg)
    # A reversal comes after its original in business time, even one dated in the future;
    # otherwise it would take away goods before they arrived.
    return [(leg, max(now, leg.occurred_at)) for leg in legs]


def _refuse_invoiced(uow: UnitOfWork, leg: Movement) -> None:
    """Refuse to reverse a receipt a supplier invoice bills: the invoice would bill a reversed receipt, and its match
    would leave credit standing (the sync lists the same thing as a conflict when two desks did it offline,
    ``persistence.sync.accounts``). The invoice is reversed first."""
    for item in uow.accounts.by_source(leg.id):
        match = billing_match(uow, item) if item.kind == ItemKind.GOODS_RECEIPT else None
        if match is not None:
            supplier = uow.suppliers.get(item.partner_id)
            raise refusal(RuleViolation, "receipt_invoiced", po=item.number, sku=item.reference,
                          invoice=match.number, supplier=supplier.code if supplier is not None else item.partner_id)


def post_reversal(uow: UnitOfWork, plan: list[tuple[Movement, datetime]], note: str = "") -> list[Movement]:
    """Post the reversals ``plan_reversal`` planned, with ``note`` (blank: "reverses" and the kind)."""
    result = []
    for leg, at in plan:
        product = uow.products.get(leg.product_id)
        warehouse = uow.warehouses.get(leg.warehouse_id)
        assert product is not None and warehouse is not None
        result.append(_post(uow, Kind.REVERSAL, product, warehouse, -leg.qty, at, reverses_id=leg.id,
                            transfer_id=leg.transfer_id, source_type=leg.source_type, source_ref=leg.source_ref,
                            note=note or f"reverses {leg.kind.value}"))
        if leg.source_type == "po" and leg.kind == _RECEIPT:  # its payable (domain.accounts.items) goes with it
            source_reversed(uow, leg.id, at.astimezone().date(), note)
    return result


def reverse_movement(uow: UnitOfWork, movement_id: str, note: str = "") -> list[Movement]:
    """Reverse a movement (both legs of a transfer) by its id: ``plan_reversal`` then ``post_reversal``."""
    return post_reversal(uow, plan_reversal(uow, movement_id), note)


def _post(
    uow: UnitOfWork, kind: Kind, product: Product, warehouse: Warehouse, qty: Decimal, at: datetime,
    unit_cost: Decimal | None = None, transfer_id: str | None = None, reverses_id: str | None = None,
    source_type: str = "", source_ref: str = "", note: str = "", movement_id: str | None = None,
    known: dict[str, Valuation] | None = None, fx: tuple[str, Decimal, Decimal] | None = None,
) -> Movement:
    """Value and write one movement; ``known`` passes a transfer-out leg's value on to its in leg.

    (Receipts and shipments call it with their arguments in order: keywords cost more, 100,000s of times in a
    bulk load. The refusals' own checks are repeated inline, so the common case costs no call.)
    """
    opens = uow.periods.open_from()  # the period close: nothing dated in a closed month (module docstring)
    if opens is not None and at < opens:
        raise closed_period(at.astimezone().date(), uow.periods.closed_through(), source_ref)
    movement_id = movement_id or new_id()
    # positionally, the fields in order: a keyword call costs more, 100,000s of times in a bulk load
    if fx is None:
        movement = Movement(movement_id, kind, product.id, warehouse.id, qty, at, clock.now(), unit_cost,
                            transfer_id, reverses_id, source_type, source_ref, note, uow.user, uow.device_id)
    else:
        movement = Movement(movement_id, kind, product.id, warehouse.id, qty, at, clock.now(), unit_cost,
                            transfer_id, reverses_id, source_type, source_ref, note, uow.user, uow.device_id, *fx)
    balance = uow.balances.get(product.id, warehouse.id)
    key = (at, movement_id)  # movement.key
    last = balance.last_key
    # key > last, as the tuples compare, but the common case (a later instant) in one comparison
    in_order = last is None or at > last[0] or (at == last[0] and movement_id > last[1])
    before = balance.position if in_order else uow.movements.position_before(product.id, warehouse.id, key)
    if kind is _REVERSAL or kind is _TRANSFER_IN:  # (the kinds are the members, from this module's callers)
        val = _value(uow, before, movement, _NOTHING if known is None else known)
    else:  # valued at its cost or the average: nothing to look up (``_value``)
        val = valuation.value(before, kind, qty, unit_cost, None, uow.money_places)
    after = val.after
    if qty < ZERO and after.on_hand < ZERO and not warehouse.allow_negative:
        _refuse_negative(product, warehouse, movement, before, val, None)
    # (_refuse_too_large's check, in its common case: see _VALUE_DIGITS)
    value, after_value, on_hand = val.value, after.value, after.on_hand
    if not (value.adjusted() < _VALUE_DIGITS and after_value.adjusted() < _VALUE_DIGITS
            and on_hand.adjusted() < _ON_HAND_DIGITS
            and value.is_finite() and after_value.is_finite() and on_hand.is_finite()):
        _refuse_too_large(product, warehouse, val)
    uow.movements.add(movement, val)
    if in_order:
        # the balance with its new position and last key (what dataclasses.replace gives, for less)
        uow.balances.put(Balance(balance.product_id, balance.warehouse_id, after, key, balance.reserved,
                                 balance.on_order))
    else:
        _revalue(uow, product.id, warehouse.id, key)
    if kind is _TRANSFER_OUT and transfer_id and known is not None:
        known[transfer_id] = val
    return movement


_NOTHING: Mapping[str, Valuation] = MappingProxyType({})  # no valuation known beforehand


def _value(uow: UnitOfWork, pos: Position, m: Movement, fresh: Mapping[str, Valuation]) -> Valuation:
    """Value one movement being posted (``valuation.value``, the rule for each kind), with the value of the
    original it reverses or of the out leg its transfer left with."""
    kind = m.kind
    if kind == _REVERSAL:
        assert m.reverses_id is not None
        if m.qty < ZERO:  # taking goods out: where its original left the pair (valuation._reverse_inbound)
            return valuation.value(pos, kind, m.qty, None, None, uow.money_places, _span(uow, m.reverses_id))
        exact = _back(uow, m.transfer_id, m.occurred_at, m.id) if m.transfer_id else None
        if exact is None:
            original = fresh.get(m.reverses_id) or uow.movements.valuation(m.reverses_id)
            assert original is not None
            exact = original.value
    elif kind == _TRANSFER_IN and m.transfer_id:
        out_val = fresh.get(m.transfer_id)  # set by _transfer while posting both legs
        if out_val is None:
            out = next(leg for leg in uow.movements.transfer_legs(m.transfer_id) if leg.kind == Kind.TRANSFER_OUT)
            out_val = fresh.get(out.id) or uow.movements.valuation(out.id)
        assert out_val is not None
        exact = out_val.value
    else:
        exact = None
    return valuation.value(pos, kind, m.qty, m.unit_cost, exact, uow.money_places)


def _span(uow: UnitOfWork, movement_id: str) -> tuple[Position, Position] | None:
    """The stored positions before and after a movement (a reversal's ``span``), None if there is no such one."""
    original = uow.movements.get(movement_id)
    found = uow.movements.valuation(movement_id)
    if original is None or found is None:
        return None
    return uow.movements.position_before(original.product_id, original.warehouse_id, original.key), found.after


def _back(uow: UnitOfWork, transfer_id: str, at: datetime, movement_id: str) -> Decimal | None:
    """The stored value of the latest reversal of ``transfer_id`` taking goods out at ``at`` before ``movement_id``
    (the receiving leg's reversal, which a sending leg's reversal brings back), None if there is none."""
    found = [m for m in uow.movements.transfer_reversals(transfer_id)
             if m.qty < ZERO and m.occurred_at == at and m.id < movement_id]
    return _stored(uow, max(found, key=attrgetter("id")).id).value if found else None


def _refuse_negative(product: Product, warehouse: Warehouse, m: Movement, before: Position,
                     val: Valuation, was: Valuation | None) -> None:
    """Refuse a decrease that leaves stock below zero where the warehouse does not allow it.

    During a replay, ``was`` is the movement's previous valuation: a balance that was already
    negative (after a sync merge) is not a reason to refuse an unrelated back-dated posting.
    """
    if val.after.on_hand >= ZERO or m.qty >= ZERO or warehouse.allow_negative:
        return
    if was is not None and was.after.on_hand < 0:
        return
    if was is None:
        raise refusal(InsufficientStock, "insufficient_stock", sku=product.sku, name=product.name,
                      warehouse=warehouse.code, on_hand=fmt(before.on_hand), asked=fmt(-m.qty))
    raise refusal(InsufficientStock, "insufficient_stock_back_dated", sku=product.sku, name=product.name,
                  warehouse=warehouse.code, on_hand=fmt(val.after.on_hand), when=f"{m.occurred_at:%Y-%m-%d %H:%M}")


# Values and quantities are stored as exact integers of 1/10,000 in signed 64-bit columns; a balance stays
# well inside them (domain.kernel.limits), so no sum of movements can overflow what the ledger keeps.
MAX_VALUE = limits.VALUE_MAX
_MIN_VALUE, _MIN_ON_HAND, _MAX_ON_HAND = -MAX_VALUE, -limits.ON_HAND_MAX, limits.ON_HAND_MAX
# Both limits are powers of ten, so a finite Decimal is inside one (|x| < 10**digits) whenever the exponent of its
# leading digit, ``adjusted()``, is below ``digits``: an integer comparison, where the two comparisons of Decimals
# cost six times as much, three times a movement. Anything else (a value at or past a limit, a zero written
# with a large exponent, infinity, NaN) goes to ``_refuse_too_large``, which compares the Decimals as always.
_VALUE_DIGITS, _ON_HAND_DIGITS = MAX_VALUE.adjusted(), limits.ON_HAND_MAX.adjusted()
assert MAX_VALUE == Decimal(10) ** _VALUE_DIGITS and limits.ON_HAND_MAX == Decimal(10) ** _ON_HAND_DIGITS


def _refuse_too_large(product: Product, warehouse: Warehouse, val: Valuation) -> None:
    """Refuse a movement whose value, or the stock value or quantity it leaves, is beyond what is kept exactly."""
    after = val.after
    if (_MIN_VALUE < val.value < MAX_VALUE and _MIN_VALUE < after.value < MAX_VALUE
            and _MIN_ON_HAND < after.on_hand < limits.ON_HAND_MAX):
        return
    for amount in (val.value, val.after.value):
        if abs(amount) >= MAX_VALUE:
            raise refusal(TooLarge, "value_too_large", sku=product.sku, name=product.name,
                          warehouse=warehouse.code, value=fmt(amount))
    if abs(val.after.on_hand) >= limits.ON_HAND_MAX:
        raise refusal(TooLarge, "on_hand_too_large", sku=product.sku, name=product.name,
                      warehouse=warehouse.code, on_hand=fmt(val.after.on_hand))


def revalue(uow: UnitOfWork, product_id: str, warehouse_id: str, key: tuple[datetime, str]) -> None:
    """Replay a product × warehouse's values from ``key`` on, as a back-dated posting does: only derived values
    change (movement values, the balance, the sales lines that copy them); no movement is written. A repair uses it
    (``domain.sales.recost``) for values an earlier version left behind the rules.

    Raises:
        RuleViolation: ``key`` is in a closed month (``period_closed``).
    """
    _revalue(uow, product_id, warehouse_id, key)


def _revalue(uow: UnitOfWork, product_id: str, warehouse_id: str, key: tuple[datetime, str]) -> None:
    """Replay product × warehouse pairs from ``key`` on (``valuation.replay``); follow changed transfer values."""
    work = [(product_id, warehouse_id, key)]
    movements = uow.movements
    opens = uow.periods.open_from()
    while work:
        p_id, w_id, start = work.pop(0)
        if opens is not None and start[0] < opens:  # never rewrite a value inside a closed month
            raise closed_period(start[0].astimezone().date(), uow.periods.closed_through())
        product = uow.products.get(p_id)
        warehouse = uow.warehouses.get(w_id)
        assert product is not None and warehouse is not None
        pos = movements.position_before(p_id, w_id, start)
        history = movements.history_from(p_id, w_id, start)
        rows = [(m.id, m.kind, m.product_id, m.warehouse_id, m.qty, m.unit_cost, m.transfer_id, m.reverses_id,
                 m.occurred_at) for m, _ in history]
        # a customer return takes back its share of its sale's value, as that is now (valuation.returned_unit_cost)
        returned = movements.returns_in(m.id for m, _ in history if m.kind == _RECEIPT
                                        and m.source_type == "customer_return")
        replayed = valuation.replay({(p_id, w_id): pos}, rows, places=uow.money_places,
                                    value_before=lambda movement_id: _stored(uow, movement_id).value,
                                    out_value_before=lambda transfer_id: _out_leg(uow, transfer_id).value,
                                    span_before=partial(_span, uow), back_before=partial(_back, uow),
                                    returns=returned,
                                    reversed_ids={m.reverses_id for m, _ in history
                                                  if m.kind == _REVERSAL and m.qty < ZERO})
        fresh: dict[str, Valuation] = {}
        last_key = None
        for (m, was), (_, val) in zip(history, replayed, strict=True):
            _refuse_negative(product, warehouse, m, pos, val, was)
            _refuse_too_large(product, warehouse, val)
            if was != val:
                fresh[m.id] = val
                if m.kind == Kind.TRANSFER_OUT and m.transfer_id and (was is None or was.value != val.value):
                    into = next(x for x in movements.transfer_legs(m.transfer_id) if x.kind == Kind.TRANSFER_IN)
                    work.append((into.product_id, into.warehouse_id, into.key))
                elif (m.kind == _REVERSAL and m.transfer_id and m.qty < ZERO
                      and (was is None or was.value != val.value)):  # the sending leg's reversal brings it back
                    work.extend((back.product_id, back.warehouse_id, back.key)
                                for back in movements.transfer_reversals(m.transfer_id)
                                if back.qty > ZERO and back.occurred_at == m.occurred_at and back.id > m.id)
            pos = val.after
            last_key = m.key
        movements.set_valuations(fresh.items())
        balance = uow.balances.get(p_id, w_id)
        uow.balances.put(replace(balance, position=pos, last_key=max(filter(None, (balance.last_key, last_key)))))


def _stored(uow: UnitOfWork, movement_id: str) -> Valuation:
    found = uow.movements.valuation(movement_id)
    assert found is not None
    return found


def _out_leg(uow: UnitOfWork, transfer_id: str) -> Valuation:
    out = next(leg for leg in uow.movements.transfer_legs(transfer_id) if leg.kind == Kind.TRANSFER_OUT)
    return _stored(uow, out.id)
