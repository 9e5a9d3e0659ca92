"""Sales orders and the money side of sales documents on SQLAlchemy Core (``uow.sales``), and their read queries.

An order is loaded and saved whole (header and lines); saving writes only the lines that changed since they were
read. Availability reads the balances after flushing what the unit of work still buffers, so a posting earlier
in the same transaction is seen.

A reversed document's sales lines stay in ``sales_lines`` and count as zero: every figure read here (returnable
quantities, what an order line shipped, revenue, cost and margin) joins ``documents`` and leaves out the lines of
reversed documents.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import Connection
from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy import update

from domain.purchasing.model import OPEN_STATES as PO_OPEN_STATES
from domain.sales.model import OPEN_STATES
from domain.sales.model import SalesLine
from domain.sales.model import SalesOrder
from domain.sales.model import ShippedLine
from domain.sales.model import SoLine
from domain.sales.model import SoState
from domain.sales.model import open_quantity
from domain.sales.model import reserved as open_reserved
from domain.sales.ports import IncomingRow
from domain.sales.ports import OpenLineRow
from domain.sales.ports import StockRow
from domain.sales.rows import StaleCost
from domain.sales.rows import StaleReturn
from domain.stock.readmodels import CheckProblem
from persistence import tables as t
from persistence.reads import chunks
from persistence.sales import costs
from persistence.sales import returned
from persistence.stock.repositories import Buffer

SO, LINES, SL, DOC = t.sales_orders, t.sales_order_lines, t.sales_lines, t.documents


def _header(o: SalesOrder) -> dict:
    _, y, n = o.number.split("-")
    return {
        "number": o.number, "year": int(y), "seq": int(n), "customer_id": o.customer_id,
        "warehouse_id": o.warehouse_id, "state": o.state.value, "currency": o.currency, "created_at": o.created_at,
        "confirmed_at": o.confirmed_at, "closed_at": o.closed_at, "requested_on": o.requested_on,
        "reference": o.reference, "notes": o.notes, "reason": o.reason, "user": o.user, "device_id": o.device_id,
        "version": o.version,
    }


def _line(so_id: str, x: SoLine) -> dict:
    return {
        "id": x.id, "so_id": so_id, "line_no": x.line_no, "product_id": x.product_id, "warehouse_id": x.warehouse_id,
        "qty": x.qty, "shipped": x.shipped, "cancelled": x.cancelled, "returned": x.returned,
        "unit_price": x.unit_price, "discount": x.discount, "tax_rate": x.tax_rate, "price_source": x.price_source,
        "override_user": x.override_user,
    }


def _sales_line(x: SalesLine) -> dict:
    return {
        "document_id": x.document_id, "line_no": x.line_no, "customer_id": x.customer_id, "product_id": x.product_id,
        "order_line_id": x.order_line_id, "origin_document_id": x.origin_document_id,
        "origin_line_no": x.origin_line_no, "qty": x.qty, "unit_price": x.unit_price, "discount": x.discount,
        "tax_rate": x.tax_rate, "revenue": x.revenue, "tax": x.tax, "cost": x.cost, "margin": x.margin,
        "occurred_at": x.occurred_at,
    }


class SalesRepository:
    def __init__(self, buffer: Buffer) -> None:
        self.buf = buffer
        self.conn = buffer.conn
        self._stored: dict[str, dict[str, dict]] = {}

    # orders

    def add(self, order: SalesOrder) -> None:
        self.conn.execute(insert(SO).values(id=order.id, **_header(order)))
        self._write_lines(order)

    def save(self, order: SalesOrder) -> None:
        order.version += 1
        self.conn.execute(update(SO).where(SO.c.id == order.id).values(**_header(order)))
        self._write_lines(order)

    def _write_lines(self, order: SalesOrder) -> None:
        before = self._stored.get(order.id, {})
        now = {x.id: _line(order.id, x) for x in order.lines}
        gone = [k for k in before if k not in now]
        changed = [v for k, v in now.items() if k in before and before[k] != v]
        if gone:
            self.conn.execute(LINES.delete().where(LINES.c.id.in_(gone)))
        for values in changed:  # updated in place: sales_lines point at the line's id
            self.conn.execute(update(LINES).where(LINES.c.id == values["id"]).values(**values))
        added = [v for k, v in now.items() if k not in before]
        if added:
            self.conn.execute(insert(LINES), added)
        self._stored[order.id] = now

    def get(self, order_id: str) -> SalesOrder | None:
        return self._load(SO.c.id == order_id)

    def by_number(self, number: str) -> SalesOrder | None:
        return self._load(SO.c.number == number)

    def by_line(self, line_id: str) -> SalesOrder | None:
        so_id = self.conn.execute(select(LINES.c.so_id).where(LINES.c.id == line_id)).scalar()
        return None if so_id is None else self.get(so_id)

    def _load(self, where) -> SalesOrder | None:
        C = t.customers
        r = self.conn.execute(select(SO, C.c.code.label("customer_code"))
                              .join(C, C.c.id == SO.c.customer_id).where(where)).first()
        if r is None:
            return None
        P = t.products
        rows = self.conn.execute(
            select(LINES, P.c.sku, P.c.name, P.c.unit).join(P, P.c.id == LINES.c.product_id)
            .where(LINES.c.so_id == r.id).order_by(LINES.c.line_no))
        lines = [SoLine(id=x.id, line_no=x.line_no, product_id=x.product_id, sku=x.sku, name=x.name, unit=x.unit,
                        qty=x.qty, unit_price=x.unit_price, discount=x.discount, tax_rate=x.tax_rate,
                        warehouse_id=x.warehouse_id, shipped=x.shipped, cancelled=x.cancelled, returned=x.returned,
                        price_source=x.price_source, override_user=x.override_user) for x in rows]
        self._stored[r.id] = {x.id: _line(r.id, x) for x in lines}
        return SalesOrder(
            id=r.id, number=r.number, customer_id=r.customer_id, customer_code=r.customer_code,
            warehouse_id=r.warehouse_id, created_at=r.created_at, currency=r.currency, state=SoState(r.state),
            confirmed_at=r.confirmed_at, closed_at=r.closed_at, requested_on=r.requested_on, reference=r.reference,
            notes=r.notes, reason=r.reason, user=r.user, lines=lines, device_id=r.device_id, version=r.version)

    def next_number(self, year: int) -> int:
        last = self.conn.execute(select(func.max(SO.c.seq)).where(SO.c.year == year)).scalar()
        return (last or 0) + 1

    # availability

    def stock(self, product_ids: Iterable[str]) -> list[StockRow]:
        self.buf.flush()
        return stock_rows(self.conn, product_ids)

    def incoming(self, product_ids: Iterable[str]) -> list[IncomingRow]:
        return incoming_rows(self.conn, product_ids)

    # sales lines

    def add_lines(self, lines: list[SalesLine]) -> None:
        if lines:
            self.buf.flush()  # their documents are written through the buffer's connection first
            self.conn.execute(insert(SL), [_sales_line(x) for x in lines])

    def lines_of(self, document_id: str) -> list[SalesLine]:
        rows = self.conn.execute(select(SL).where(SL.c.document_id == document_id).order_by(SL.c.line_no))
        return [SalesLine(r.document_id, r.line_no, r.customer_id, r.product_id, r.qty, r.unit_price, r.discount,
                          r.tax_rate, r.revenue, r.tax, r.cost, r.occurred_at, r.order_line_id, r.origin_document_id,
                          r.origin_line_no) for r in rows]

    def shipped_lines(self, *, document_id: str | None = None,
                      order_line_ids: Iterable[str] = ()) -> list[ShippedLine]:
        query = (select(SL, DOC.c.number, DOC.c.warehouse_id).join(DOC, DOC.c.id == SL.c.document_id)
                 .where(DOC.c.kind == "sale", DOC.c.reversed.is_(False)))
        if document_id is not None:
            rows = list(self.conn.execute(query.where(SL.c.document_id == document_id)))
        else:
            rows = []
            for chunk in chunks(order_line_ids):
                rows += list(self.conn.execute(query.where(SL.c.order_line_id.in_(chunk))))
        back: dict[tuple[str, int], tuple[Decimal, Decimal]] = {}
        R = SL.alias("r")
        for chunk in chunks(r.document_id for r in rows):
            for origin, line_no, qty, cost in self.conn.execute(
                select(R.c.origin_document_id, R.c.origin_line_no, func.sum(R.c.qty), func.sum(R.c.cost))
                .join(DOC, DOC.c.id == R.c.document_id)
                .where(R.c.origin_document_id.in_(chunk), DOC.c.reversed.is_(False))
                .group_by(R.c.origin_document_id, R.c.origin_line_no)
            ):
                back[(origin, line_no)] = (-Decimal(qty), -Decimal(cost))
        out = []
        for r in sorted(rows, key=lambda r: (r.occurred_at, r.number, r.line_no)):
            returned, returned_cost = back.get((r.document_id, r.line_no), (Decimal(0), Decimal(0)))
            out.append(ShippedLine(r.document_id, r.number, r.line_no, r.customer_id, r.product_id, r.warehouse_id,
                                   r.qty, r.unit_price, r.discount, r.tax_rate, r.cost, r.occurred_at,
                                   r.order_line_id, returned, returned_cost))
        return out

    def open_lines(self) -> list[OpenLineRow]:
        return open_line_rows(self.conn)

    def stale_costs(self) -> list[StaleCost]:
        self.buf.flush()
        return costs.stale(self.conn)

    def set_costs(self, lines: Iterable[StaleCost]) -> None:
        self.buf.flush()
        costs.set_costs(self.conn, lines)

    def stale_returns(self, places: int) -> list[StaleReturn]:
        self.buf.flush()
        return returned.stale_returns(self.conn, places)

    def line_costs(self) -> dict[tuple[str, int], tuple]:
        self.buf.flush()
        return returned.line_costs(self.conn)

    def open_orders(self, customer_id: str) -> list[SalesOrder]:
        ids = self.conn.execute(select(SO.c.id).where(
            SO.c.customer_id == customer_id, SO.c.state.in_([s.value for s in OPEN_STATES]))
            .order_by(SO.c.number)).scalars().all()
        found = (self.get(x) for x in ids)
        return [o for o in found if o is not None]


# shared by the repository and the read side


def stock_rows(conn: Connection, product_ids: Iterable[str]) -> list[StockRow]:
    B = t.balances
    out: list[StockRow] = []
    for chunk in chunks(product_ids):
        out += [StockRow(*r) for r in conn.execute(
            select(B.c.product_id, B.c.warehouse_id, B.c.on_hand, B.c.reserved).where(B.c.product_id.in_(chunk)))]
    return out


def incoming_rows(conn: Connection, product_ids: Iterable[str]) -> list[IncomingRow]:
    PO, PL = t.purchase_orders, t.purchase_order_lines
    out: list[IncomingRow] = []
    for chunk in chunks(product_ids):
        out += [IncomingRow(*r) for r in conn.execute(
            select(PL.c.product_id, PO.c.warehouse_id, PO.c.expected_on, PL.c.qty, PL.c.received)
            .join(PO, PO.c.id == PL.c.po_id)
            .where(PL.c.product_id.in_(chunk), PO.c.state.in_([s.value for s in PO_OPEN_STATES])))]
    return out


def open_line_rows(conn: Connection) -> list[OpenLineRow]:
    C, P, W = t.customers, t.products, t.warehouses
    wh = func.coalesce(LINES.c.warehouse_id, SO.c.warehouse_id)
    rows = conn.execute(
        select(SO.c.number, C.c.code, SO.c.confirmed_at, LINES.c.id, LINES.c.line_no, LINES.c.product_id, P.c.sku,
               P.c.name, wh.label("wid"), W.c.code.label("wcode"), LINES.c.qty, LINES.c.shipped, LINES.c.cancelled,
               C.c.name.label("cname"), SO.c.requested_on)
        .select_from(SO.join(LINES, LINES.c.so_id == SO.c.id).join(C, C.c.id == SO.c.customer_id)
                     .join(P, P.c.id == LINES.c.product_id).join(W, W.c.id == wh))
        .where(SO.c.state.in_([s.value for s in OPEN_STATES]))
        .order_by(SO.c.confirmed_at, SO.c.year, SO.c.seq, LINES.c.line_no))
    return [OpenLineRow(r.number, r.code, r.confirmed_at, r.id, r.line_no, r.product_id, r.sku, r.name, r.wid,
                        r.wcode, open_quantity(r.qty, r.shipped, r.cancelled), r.cname, r.requested_on)
            for r in rows if open_quantity(r.qty, r.shipped, r.cancelled) > 0]


def reserved(conn: Connection) -> dict[tuple[str, str], Decimal]:
    """The reserved quantity per (product id, warehouse id) from the order lines themselves
    (``domain.sales.model.reserved``)."""
    rows = conn.execute(
        select(LINES.c.product_id, func.coalesce(LINES.c.warehouse_id, SO.c.warehouse_id), LINES.c.qty,
               LINES.c.shipped, LINES.c.cancelled)
        .join(SO, SO.c.id == LINES.c.so_id).where(SO.c.state.in_([s.value for s in OPEN_STATES])))
    return open_reserved(rows)


def check_reserved(engine: Engine) -> list[CheckProblem]:
    """Compare every balance's reserved with the open quantities of confirmed orders; empty means they agree."""
    B, P, W = t.balances, t.products, t.warehouses
    with engine.connect() as conn:
        expected = {k: v for k, v in reserved(conn).items() if v}
        kept = {(r.product_id, r.warehouse_id): r.reserved
                for r in conn.execute(select(B.c.product_id, B.c.warehouse_id, B.c.reserved)) if r.reserved}
        skus = dict(conn.execute(select(P.c.id, P.c.sku)).all())
        codes = dict(conn.execute(select(W.c.id, W.c.code)).all())
    problems = []
    for key in sorted(set(expected) | set(kept)):
        want, have = expected.get(key, Decimal(0)), kept.get(key, Decimal(0))
        if want != have:
            problems.append(CheckProblem(skus.get(key[0], key[0]), codes.get(key[1], key[1]), "reserved", want, have))
    return problems


def overridden(conn: Connection) -> dict[tuple[str, str], Decimal]:
    """Per (product id, warehouse id): the open quantity of order lines confirmed with an override."""
    rows = conn.execute(
        select(LINES.c.product_id, func.coalesce(LINES.c.warehouse_id, SO.c.warehouse_id), LINES.c.qty,
               LINES.c.shipped, LINES.c.cancelled)
        .join(SO, SO.c.id == LINES.c.so_id)
        .where(SO.c.state.in_([s.value for s in OPEN_STATES]), LINES.c.override_user != ""))
    return open_reserved(rows)


def with_engine(engine: Engine, read, *args):
    """Run a reader of this module (``stock_rows``, ``incoming_rows``, ``open_line_rows``) on its own connection."""
    with engine.connect() as conn:
        return read(conn, *args)

