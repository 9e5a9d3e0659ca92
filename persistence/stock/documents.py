"""Stock documents: the repository the posting use case writes through, and the read queries
the document screens use (posted lists, lines, scan codes, header choices)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy import update

from domain.kernel.errors import RuleViolation
from domain.kernel.refusals import refusal
from domain.kernel.validate import code_key
from domain.stock.documents import Document
from domain.stock.documents import DocumentKind
from domain.stock.documents import DocumentLineRow
from domain.stock.documents import DocumentRow
from domain.stock.documents import ScanTarget
from domain.stock.documents_model import OUTGOING
from persistence import tables as t
from persistence.stock import merged
from persistence.stock.refs import ref_of
from persistence.stock.refs import written_as
from persistence.stock.repositories import Buffer

DOC, LINE, P, W, M, V = t.documents, t.document_lines, t.products, t.warehouses, t.movements, t.movement_values
PO_RECEIPT = "po"  # the source type of a receipt against a purchase order (domain.purchasing.orders)


def _document(row) -> Document:
    return Document(
        id=row.id, kind=DocumentKind(row.kind), number=row.number, year=row.year, seq=row.seq,
        warehouse_id=row.warehouse_id, business_date=row.business_date, occurred_at=row.occurred_at,
        posted_at=row.posted_at, to_warehouse_id=row.to_warehouse_id, partner=row.partner, reference=row.reference,
        note=row.note, user=row.user, device_id=row.device_id, reversed=row.reversed, reversed_at=row.reversed_at,
        version=row.version, tax_rate=row.tax_rate,
    )


class DocumentRepository:
    def __init__(self, buffer: Buffer) -> None:
        self.buf = buffer
        self.conn = buffer.conn

    def add(self, d: Document) -> None:
        self.add_many([d])

    def add_many(self, documents: list[Document]) -> None:
        self.buf.flush()
        if not documents:
            return
        self.conn.execute(insert(DOC), [dict(
            id=d.id, kind=d.kind.value, number=d.number, year=d.year, seq=d.seq, warehouse_id=d.warehouse_id,
            to_warehouse_id=d.to_warehouse_id, partner=d.partner, reference=d.reference,
            business_date=d.business_date, occurred_at=d.occurred_at, posted_at=d.posted_at, note=d.note,
            user=d.user, reversed=d.reversed, reversed_at=d.reversed_at, device_id=d.device_id, version=d.version,
            tax_rate=d.tax_rate,
        ) for d in documents])
        lines = [{"document_id": d.id, "line_no": x.line_no, "product_id": x.product_id, "qty": x.qty,
                  "unit_cost": x.unit_cost, "counted": x.counted, "expected": x.expected, "reason": x.reason,
                  "movement_id": x.movement_id}
                 for d in documents for x in d.lines]
        if lines:
            self.conn.execute(insert(LINE), lines)

    def by_number(self, number: str) -> Document | None:
        row = self.conn.execute(select(DOC).where(DOC.c.number == number)).first()
        return _document(row) if row else None

    def last_seq(self, kind: str, year: int) -> int:
        return self.conn.execute(
            select(func.max(DOC.c.seq)).where(DOC.c.kind == kind, DOC.c.year == year)
        ).scalar() or 0

    def movement_ids(self, source_type: str, source_ref: str) -> list[str]:
        self.buf.flush()
        return list(self.conn.execute(
            select(M.c.id)
            .where(M.c.source_type == source_type, written_as([source_ref]), ref_of() == source_ref,
                   M.c.kind.not_in(("reversal", "transfer_in")))
            .order_by(M.c.recorded_at, M.c.id)
        ).scalars())

    def delivery_movement_ids(self, d: Document) -> list[str]:
        self.buf.flush()
        lines = self.conn.execute(select(LINE.c.line_no, LINE.c.product_id, LINE.c.qty, LINE.c.movement_id)
                                  .where(LINE.c.document_id == d.id).order_by(LINE.c.line_no)).all()
        if not lines or not d.reference:
            return []
        if all(x.movement_id for x in lines):
            return self._linked(d, lines)
        return self._matched(d, lines)

    def _linked(self, d: Document, lines) -> list[str]:
        """The movements the lines name, each checked to be what the line says it posted: a link may have come
        through the hub from anywhere, so one naming another PO's, product's or receipt's movement is refused."""
        ids = [x.movement_id for x in lines]
        found = {r.id: r for r in self.conn.execute(
            select(M.c.id, M.c.kind, M.c.source_type, merged.product_of(M).label("product_id"), M.c.qty,
                   M.c.occurred_at, ref_of().label("ref")).where(M.c.id.in_(ids)))}
        claimed = dict(self.conn.execute(
            select(LINE.c.movement_id, DOC.c.number).join_from(LINE, DOC, DOC.c.id == LINE.c.document_id)
            .where(LINE.c.movement_id.in_(ids), LINE.c.document_id != d.id)).all())
        products = merged.merged(self.conn).get("products", {})
        out = []
        for line in lines:
            m = found.get(line.movement_id)
            if m is None:
                continue  # not pulled yet: the caller says so
            other = claimed.get(line.movement_id)
            if other is not None or len(set(ids)) != len(ids) or not (
                    m.kind == "receipt" and m.source_type == PO_RECEIPT and m.ref == d.reference
                    and m.occurred_at == d.occurred_at and m.qty == line.qty
                    and m.product_id == products.get(line.product_id, line.product_id)):
                raise refusal(RuleViolation, "delivery_link_wrong", number=d.number, line=line.line_no,
                              movement=line.movement_id, po=d.reference)
            out.append(m.id)
        return out

    def _matched(self, d: Document, lines) -> list[str]:
        """A delivery received before its lines named their movements (0017 linked the unambiguous ones): per line,
        the PO's receipt of that product, quantity and moment that no other receipt names, one not yet reversed
        first."""
        undone = M.alias("undone")
        candidates = self.conn.execute(
            select(M.c.id, M.c.product_id, M.c.qty, select(undone.c.id).where(undone.c.reverses_id == M.c.id)
                   .limit(1).scalar_subquery())
            # reading as the PO number now: a PO renumbered by a sync since (its old number now another PO's) is
            # not taken for that other PO; the receipt's reference keeps the number it was written with
            .where(M.c.source_type == PO_RECEIPT, M.c.kind == "receipt", written_as([d.reference]),
                   ref_of() == d.reference, M.c.occurred_at == d.occurred_at,
                   M.c.product_id.in_({x.product_id for x in lines}),
                   M.c.id.not_in(select(LINE.c.movement_id).where(LINE.c.movement_id.is_not(None))))
            .order_by(M.c.id)).all()
        # unreversed first: two deliveries of the same product, quantity and moment are told apart by nothing else
        candidates.sort(key=lambda r: r[3] is not None)
        found, taken = [], set()
        for _line_no, product_id, qty, _link in lines:
            match = next((r[0] for r in candidates if r[0] not in taken and r[1] == product_id and r[2] == qty), None)
            if match is not None:
                taken.add(match)
                found.append(match)
        return found

    def mark_reversed(self, d: Document) -> None:
        self.conn.execute(update(DOC).where(DOC.c.id == d.id).values(
            reversed=d.reversed, reversed_at=d.reversed_at, version=d.version))

    def line_quantities(self, document_id: str) -> dict[str, Decimal]:
        return dict(self.conn.execute(
            select(LINE.c.product_id, func.sum(LINE.c.qty)).where(LINE.c.document_id == document_id)
            .group_by(LINE.c.product_id)).all())

    def quantities_referencing(self, kind: str, reference: str) -> dict[str, Decimal]:
        return dict(self.conn.execute(
            select(LINE.c.product_id, func.sum(LINE.c.qty)).join_from(LINE, DOC, LINE.c.document_id == DOC.c.id)
            .where(DOC.c.kind == kind, DOC.c.reference == reference, DOC.c.reversed.is_(False))
            .group_by(LINE.c.product_id)).all())


def document_list(engine: Engine, kind: str | None = None, limit: int = 1000) -> list[DocumentRow]:
    """Posted documents, newest first, with line count, total quantity and value."""
    to_w = W.alias("to_w")  # Core alias: importing sqlalchemy.orm would cost every command 0.15 s
    lines = (
        select(LINE.c.document_id, func.count().label("n"), func.sum(LINE.c.qty).label("qty"))
        .group_by(LINE.c.document_id).subquery()
    )
    query = (
        select(DOC.c.id, DOC.c.number, DOC.c.kind, DOC.c.business_date, DOC.c.posted_at, W.c.code,
               to_w.c.code.label("to_code"), DOC.c.partner, DOC.c.reference, lines.c.n, lines.c.qty,
               DOC.c.reversed, DOC.c.user)
        .select_from(DOC.join(W, W.c.id == DOC.c.warehouse_id)
                     .outerjoin(to_w, to_w.c.id == DOC.c.to_warehouse_id)
                     .outerjoin(lines, lines.c.document_id == DOC.c.id))
        .order_by(DOC.c.posted_at.desc(), DOC.c.id.desc())
        .limit(limit)
    )
    if kind:
        query = query.where(DOC.c.kind == kind)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
        values = _values(conn, [r.number for r in rows])
        deliveries = _delivery_values(conn, [r.id for r in rows if r.kind == DocumentKind.RECEIPT
                                             and (r.kind, r.number) not in values])
    result = []
    for r in rows:
        value = values.get((r.kind, r.number), deliveries.get(r.id, Decimal(0)))
        if r.kind in OUTGOING:
            value = -value
        result.append(DocumentRow(r.id, r.number, r.kind, r.business_date, r.posted_at, r.code, r.to_code or "",
                                  r.partner, r.reference, r.n or 0, r.qty or Decimal(0), value, r.reversed, r.user,
                                  r.reference if r.id in deliveries else ""))
    return result


def _values(conn, numbers: list[str]) -> dict[tuple[str, str], Decimal]:
    """The value each document moved: the sum of its movements' values (transfers: the out legs)."""
    out: dict[tuple[str, str], Decimal] = {}
    for start in range(0, len(numbers), 500):
        chunk = numbers[start:start + 500]
        ref = ref_of()
        rows = conn.execute(
            select(M.c.source_type, ref, func.sum(V.c.value))
            .select_from(M.join(V, V.c.movement_id == M.c.id))
            .where(written_as(chunk), M.c.kind.not_in(("reversal", "transfer_in")))
            .group_by(M.c.source_type, ref)
        )
        wanted = set(chunk)
        for source_type, number, value in rows:
            if number in wanted:  # a movement written with a number in the chunk may read as another one now
                out[(source_type, number)] = value or Decimal(0)
    return out


def _delivery_values(conn, ids: list[str]) -> dict[str, Decimal]:
    """The value of each receipt of a delivery against a PO (its movements carry the PO's number, not the receipt's):
    the value of the movement each line names, as any receipt's is its movements'; a line that names none (received
    before 0017, or its movement not pulled yet) at the unit cost it was received at."""
    out: dict[str, Decimal] = {}
    for start in range(0, len(ids), 500):
        for document_id, qty, cost, value in conn.execute(
                select(LINE.c.document_id, LINE.c.qty, LINE.c.unit_cost, V.c.value)
                .select_from(LINE.outerjoin(V, V.c.movement_id == LINE.c.movement_id))
                .where(LINE.c.document_id.in_(ids[start:start + 500]))):
            out[document_id] = out.get(document_id, Decimal(0)) + (
                value if value is not None else (qty or 0) * (cost or 0))
    return out


def unlinked_deliveries(engine: Engine) -> list[tuple[str, str]]:
    """(number, PO number) of each receipt of a delivery against a PO with a line that names no movement: received
    before 0017 and left unlinked by it (its movements could not be told apart from another delivery's of the same
    PO, product, quantity and moment), or pulled from a desk that did not link it. ``stockroom check`` lists them."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(DOC.c.number, DOC.c.reference)
            .where(DOC.c.kind == DocumentKind.RECEIPT.value, DOC.c.reference != "",
                   DOC.c.id.in_(select(LINE.c.document_id).where(LINE.c.movement_id.is_(None))))
            .order_by(DOC.c.number)).all()
        own = _values(conn, [number for number, _ in rows])  # a free receipt's movements carry its own number
    return [(number, po) for number, po in rows if (DocumentKind.RECEIPT.value, number) not in own]


def _lines(condition):
    return (select(LINE.c.line_no, P.c.sku, P.c.name, P.c.unit, LINE.c.qty, LINE.c.unit_cost, LINE.c.counted,
                   LINE.c.expected, LINE.c.reason)
            .select_from(LINE.join(P, P.c.id == LINE.c.product_id)).where(condition).order_by(LINE.c.line_no))


def document_lines(engine: Engine, document_id: str) -> list[DocumentLineRow]:
    with engine.connect() as conn:
        return [DocumentLineRow(*row) for row in conn.execute(_lines(LINE.c.document_id == document_id))]


def source_lines(engine: Engine, source_id: str) -> tuple[str, list[DocumentLineRow]]:
    """The goods an account item was made by (``AccountItem.source_id``), with the number of their document: a
    document's own lines; for the payable of a line received against a purchase order (its source is the receipt
    movement), the goods receipt's line that names that movement (``document_lines.movement_id``). ("", []) when
    neither is here (money, an opening balance, or a delivery received before 0017 and left unlinked)."""
    with engine.connect() as conn:
        number = conn.execute(select(DOC.c.number).where(DOC.c.id == source_id)).scalar()
        if number is not None:
            return number, [DocumentLineRow(*row) for row in conn.execute(_lines(LINE.c.document_id == source_id))]
        rows = conn.execute(_lines(LINE.c.movement_id == source_id).add_columns(DOC.c.number)
                            .join_from(LINE, DOC, DOC.c.id == LINE.c.document_id)).all()
    return (rows[0][-1] if rows else ""), [DocumentLineRow(*row[:-1]) for row in rows]


def scan_codes(engine: Engine) -> dict[str, ScanTarget]:
    """Every code a scanner may send, mapped to its product: each active product's SKU and barcodes, and its packaging
    units' barcodes (their target counts the pack: ``per``, ``pack``).

    A SKU wins over an equal barcode of another product, as in ``domain.stock.ledger.find_product``.
    Each code is there as stored and, when that differs, by its ``code_key`` (lower case), so a
    lookup of ``code_key(scanned)`` finds it in any case. Plain tuples and two narrow queries: this
    runs for 100,000 products whenever a document screen opens.
    """
    with engine.connect() as conn:
        targets = {row[0]: ScanTarget(*row) for row in conn.execute(
            select(P.c.id, P.c.sku, P.c.name, P.c.unit, P.c.whole_units).where(P.c.active.is_(True)))}
        codes = {target.sku: target for target in targets.values()}
        for barcode, product_id in conn.execute(select(t.barcodes.c.barcode, t.barcodes.c.product_id)):
            target = targets.get(product_id)
            if target is not None:
                codes.setdefault(barcode, target)
        # a packaging unit's barcode (domain.catalog.packaging) counts its pack of the product
        U, UB = t.product_units, t.product_unit_barcodes
        for barcode, product_id, name, per in conn.execute(
                select(UB.c.barcode, U.c.product_id, U.c.name, U.c.per).join_from(UB, U, U.c.id == UB.c.unit_id)):
            target = targets.get(product_id)
            if target is not None:
                codes.setdefault(barcode, target._replace(per=per, pack=name))
    for code, target in list(codes.items()):
        folded = code.lower() if code.isascii() else code_key(code)  # the same for ASCII, and fast
        if folded != code:
            codes.setdefault(folded, target)
    return codes
