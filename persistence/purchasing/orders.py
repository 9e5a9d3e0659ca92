"""Purchase orders and supplier purchasing details on SQLAlchemy Core, plus the PO read query.

A PO is loaded and saved whole (header and lines). The repository remembers the lines as it
read them, so saving writes only the lines that were added, changed or removed: adding the
500th line to a PO does not rewrite the other 499.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Connection
from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy import update

from domain.catalog.packs import PriceBreak
from domain.kernel.errors import RuleViolation
from domain.kernel.numbers import D
from domain.kernel.numbers import fmt
from domain.purchasing.model import OPEN_STATES
from domain.purchasing.model import PoLine
from domain.purchasing.model import PoState
from domain.purchasing.model import PricePer
from domain.purchasing.model import PurchaseOrder
from domain.purchasing.model import PurchasingPolicy
from domain.purchasing.model import SupplierProfile
from domain.purchasing.model import TermDetails
from domain.purchasing.model import on_order as open_on_order
from domain.purchasing.rows import PoLineRow
from domain.purchasing.rows import PoRow
from domain.purchasing.rows import SupplierRow
from domain.purchasing.rows import TermsRow
from domain.stock.readmodels import CheckProblem
from persistence import office
from persistence import tables as t
from persistence.purchasing.lead_times import observed_lead_times
from persistence.types import to_micros

PO, LINES, REV = t.purchase_orders, t.purchase_order_lines, t.purchase_order_revisions

# settings keys read by the purchasing policy
SETTING_TAX_RATE = "po_tax_rate"
SETTING_TOLERANCE = "po_over_receipt_tolerance"
SETTING_COMPANY_NAME = "company_name"
SETTING_COMPANY_ADDRESS = "company_address"
SETTING_COMPANY_LOGO = "company_logo"
SETTING_CURRENCY = "currency"


def _setting_number(values: dict[str, str], key: str, default: Decimal) -> Decimal:
    text = values.get(key)
    if not text:
        return default
    try:
        return D(text)
    except (TypeError, ValueError):
        raise RuleViolation(f"setting {key} holds {text!r}, which is not a number; set it again "
                            f"(stockroom po config)") from None


def _header_values(po: PurchaseOrder) -> dict:
    year = seq = None
    if po.number:
        _, y, n = po.number.split("-")
        year, seq = int(y), int(n)
    return {
        "number": po.number, "year": year, "seq": seq, "supplier_id": po.supplier_id,
        "warehouse_id": po.warehouse_id, "state": po.state.value, "revision": po.revision, "currency": po.currency,
        "created_at": po.created_at, "issued_at": po.issued_at, "expected_on": po.expected_on,
        "tax_rate": po.tax_rate, "terms": po.terms, "notes": po.notes, "reason": po.reason,
        "snapshot": po.snapshot, "device_id": po.device_id, "version": po.version, "fx_rate": po.fixed_rate,
    }


def _line_values(po_id: str, line: PoLine) -> dict:
    return {
        "id": line.id, "po_id": po_id, "line_no": line.line_no, "product_id": line.product_id,
        "description": line.description, "unit": line.unit, "qty": line.qty, "received": line.received,
        "price": line.price, "price_per": line.price_per.value, "pack_size": line.pack_size,
        "supplier_sku": line.supplier_sku,
    }


class PurchasingRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._policy: PurchasingPolicy | None = None
        self._stored: dict[str, dict[str, dict]] = {}  # po id -> line id -> the values as last read or written

    # purchase orders

    def add(self, po: PurchaseOrder) -> None:
        self.conn.execute(insert(PO).values(id=po.id, **_header_values(po)))
        self._write_lines(po)

    def save(self, po: PurchaseOrder) -> None:
        """Write the header and only the lines that were added, changed or removed since loading."""
        po.version += 1
        self.conn.execute(update(PO).where(PO.c.id == po.id).values(**_header_values(po)))
        self._write_lines(po)

    def _write_lines(self, po: PurchaseOrder) -> None:
        before = self._stored.get(po.id, {})
        now = {line.id: _line_values(po.id, line) for line in po.lines}
        gone = [line_id for line_id in before if line_id not in now]
        changed = [v for k, v in now.items() if k in before and before[k] != v]
        if gone or changed:  # delete first: a renumbered line may take a line number that is freed here
            self.conn.execute(LINES.delete().where(LINES.c.id.in_(gone + [v["id"] for v in changed])))
        added = [v for k, v in now.items() if k not in before] + changed
        if added:
            self.conn.execute(insert(LINES), added)
        self._stored[po.id] = now

    def get(self, po_id: str) -> PurchaseOrder | None:
        return self._load(PO.c.id == po_id)

    def by_number(self, number: str) -> PurchaseOrder | None:
        return self._load(PO.c.number == number)

    def _load(self, where) -> PurchaseOrder | None:
        r = self.conn.execute(select(PO).where(where)).first()
        if r is None:
            return None
        rows = self.conn.execute(
            select(LINES, t.products.c.sku).join(t.products, t.products.c.id == LINES.c.product_id)
            .where(LINES.c.po_id == r.id).order_by(LINES.c.line_no)
        )
        lines = [
            PoLine(id=x.id, line_no=x.line_no, product_id=x.product_id, sku=x.sku, description=x.description,
                   unit=x.unit, qty=x.qty, price=x.price, price_per=PricePer(x.price_per), pack_size=x.pack_size,
                   supplier_sku=x.supplier_sku, received=x.received)
            for x in rows
        ]
        self._stored[r.id] = {line.id: _line_values(r.id, line) for line in lines}
        return PurchaseOrder(
            id=r.id, supplier_id=r.supplier_id, warehouse_id=r.warehouse_id, created_at=r.created_at,
            currency=r.currency, state=PoState(r.state), number=r.number, revision=r.revision, issued_at=r.issued_at,
            expected_on=r.expected_on, tax_rate=r.tax_rate, terms=r.terms, notes=r.notes, reason=r.reason,
            snapshot=r.snapshot, lines=lines, device_id=r.device_id, version=r.version, fixed_rate=r.fx_rate,
        )

    def next_number(self, year: int) -> int:
        last = self.conn.execute(select(func.max(PO.c.seq)).where(PO.c.year == year)).scalar()
        return (last or 0) + 1

    def add_revision(self, po: PurchaseOrder, at: datetime, reason: str) -> None:
        self.conn.execute(insert(REV).values(po_id=po.id, revision=po.revision, at=at, reason=reason,
                                             snapshot=po.snapshot))

    def revisions(self, po_id: str) -> list[tuple[int, datetime, str, str]]:
        rows = self.conn.execute(select(REV).where(REV.c.po_id == po_id).order_by(REV.c.revision))
        return [(r.revision, r.at, r.reason, r.snapshot) for r in rows]

    # settings and supplier details

    def policy(self) -> PurchasingPolicy:
        if self._policy is None:
            s = t.settings.c  # the logo is the path of a file on this desk: its own setting; the rest the office's
            values = office.read(self.conn, (SETTING_TAX_RATE, SETTING_TOLERANCE, SETTING_COMPANY_NAME,
                                             SETTING_COMPANY_ADDRESS, SETTING_CURRENCY))
            values.update(self.conn.execute(select(s.key, s.value).where(s.key == SETTING_COMPANY_LOGO)).all())
            default = PurchasingPolicy()
            self._policy = PurchasingPolicy(
                tax_rate=_setting_number(values, SETTING_TAX_RATE, default.tax_rate),
                over_receipt_tolerance=_setting_number(values, SETTING_TOLERANCE, default.over_receipt_tolerance),
                company_name=values.get(SETTING_COMPANY_NAME) or default.company_name,
                company_address=values.get(SETTING_COMPANY_ADDRESS) or default.company_address,
                company_logo=values.get(SETTING_COMPANY_LOGO) or "",
                currency=values.get(SETTING_CURRENCY) or default.currency,
            )
        return self._policy

    def open_orders(self, supplier_id: str) -> list[tuple[str, str, str]]:
        """The supplier's drafts, issued and partly received POs: (number or draft id, state, currency)."""
        P = t.purchase_orders.c
        rows = self.conn.execute(select(P.id, P.number, P.state, P.currency).where(
            P.supplier_id == supplier_id, P.state.in_(("draft", "issued", "partly_received"))).order_by(P.created_at))
        return [(r.number or r.id, r.state, r.currency) for r in rows]

    def po_currencies(self) -> dict[str, int]:
        P = t.purchase_orders.c
        return dict(self.conn.execute(select(P.currency, func.count()).group_by(P.currency)).all())

    def set_policy(self, policy: PurchasingPolicy) -> None:
        # only what changes is written: a value left as it was (a default never stored included) is no edit, so it
        # does not become a version that would race another desk's real edit of it
        before = self.policy()
        values = {SETTING_TAX_RATE: (fmt(policy.tax_rate), fmt(before.tax_rate)),
                  SETTING_TOLERANCE: (fmt(policy.over_receipt_tolerance), fmt(before.over_receipt_tolerance)),
                  SETTING_COMPANY_NAME: (policy.company_name, before.company_name),
                  SETTING_COMPANY_ADDRESS: (policy.company_address, before.company_address),
                  SETTING_CURRENCY: (policy.currency, before.currency)}
        office.write(self.conn, {k: new for k, (new, old) in values.items() if new != old})
        self.conn.execute(t.settings.delete().where(t.settings.c.key == SETTING_COMPANY_LOGO))
        self.conn.execute(insert(t.settings).values(key=SETTING_COMPANY_LOGO, value=policy.company_logo))
        self._policy = policy

    def profile(self, supplier_id: str) -> SupplierProfile | None:
        c = t.supplier_profiles.c
        r = self.conn.execute(select(t.supplier_profiles).where(c.supplier_id == supplier_id)).first()
        return SupplierProfile(r.supplier_id, r.payment_terms, r.email, r.phone, r.payment_basis or "net",
                               r.payment_days or 0) if r else None

    def set_profile(self, profile: SupplierProfile) -> None:
        table = t.supplier_profiles
        old = self.conn.execute(select(table.c.version)
                                .where(table.c.supplier_id == profile.supplier_id)).first()
        self.conn.execute(table.delete().where(table.c.supplier_id == profile.supplier_id))
        self.conn.execute(insert(table).values(
            supplier_id=profile.supplier_id, payment_terms=profile.payment_terms, email=profile.email,
            phone=profile.phone, payment_basis=profile.payment_basis, payment_days=profile.payment_days,
            version=(old.version if old else 0) + 1))

    def term_details(self, supplier_id: str, product_id: str) -> TermDetails | None:
        c = t.supplier_term_details.c
        r = self.conn.execute(select(t.supplier_term_details)
                              .where(c.supplier_id == supplier_id, c.product_id == product_id)).first()
        return TermDetails(r.supplier_id, r.product_id, r.item_name, r.pack_size, PricePer(r.price_per)) if r else None

    def set_term_details(self, details: TermDetails) -> None:
        table = t.supplier_term_details
        where = (table.c.supplier_id == details.supplier_id, table.c.product_id == details.product_id)
        old = self.conn.execute(select(table.c.version).where(*where)).scalar()
        self.conn.execute(table.delete().where(*where))
        self.conn.execute(insert(table).values(
            supplier_id=details.supplier_id, product_id=details.product_id, item_name=details.item_name,
            pack_size=details.pack_size, price_per=details.price_per.value, version=(old or 0) + 1))

    def price_breaks(self, supplier_id: str, product_id: str) -> list[PriceBreak]:
        c = t.supplier_price_breaks.c
        rows = self.conn.execute(select(c.min_qty, c.price).where(c.supplier_id == supplier_id,
                                                                  c.product_id == product_id).order_by(c.min_qty))
        return [PriceBreak(r.min_qty, r.price) for r in rows]

    def set_price_breaks(self, supplier_id: str, product_id: str, breaks: list[PriceBreak]) -> None:
        table = t.supplier_price_breaks
        self.conn.execute(table.delete().where(table.c.supplier_id == supplier_id, table.c.product_id == product_id))
        if breaks:
            self.conn.execute(insert(table), [{"supplier_id": supplier_id, "product_id": product_id,
                                               "min_qty": b.min_qty, "price": b.price} for b in breaks])

    def lead_times(self, supplier_id: str, before: datetime) -> dict[tuple[str, str], list[float]]:
        return observed_lead_times(self.conn, to_micros(before), supplier_id)

    def preferred_supplier(self, product_id: str) -> str | None:
        c = t.preferred_suppliers.c
        return self.conn.execute(select(c.supplier_id).where(c.product_id == product_id)).scalar()

    def set_preferred_supplier(self, product_id: str, supplier_id: str | None) -> None:
        table = t.preferred_suppliers
        old = self.conn.execute(select(table.c.version).where(table.c.product_id == product_id)).scalar()
        self.conn.execute(table.delete().where(table.c.product_id == product_id))
        if supplier_id:
            self.conn.execute(insert(table).values(product_id=product_id, supplier_id=supplier_id,
                                                   version=(old or 0) + 1))


# read side


def purchase_orders(engine: Engine, state: str | tuple[str, ...] | None = None, supplier: str | None = None,
                    ref: str | None = None) -> list[PoRow]:
    """POs (numbered ones in number order, drafts last) with lines and their ordered and received quantities.

    Args:
        state: one state or several, e.g. ("issued", "partly_received") for what can be received.
        supplier: a supplier code.
        ref: a PO number or draft id (a scanned PO), giving at most one row.
    """
    S, W, P = t.suppliers, t.warehouses, t.products
    query = (
        select(PO.c.id, PO.c.number, S.c.code, S.c.name, W.c.code.label("warehouse"), PO.c.state, PO.c.revision,
               PO.c.created_at, PO.c.issued_at, PO.c.expected_on, PO.c.currency, PO.c.fx_rate)
        .select_from(PO.join(S, S.c.id == PO.c.supplier_id).join(W, W.c.id == PO.c.warehouse_id))
        .order_by(PO.c.number.is_(None), PO.c.year, PO.c.seq, PO.c.created_at)
    )
    if state:
        query = query.where(PO.c.state.in_([state] if isinstance(state, str) else list(state)))
    if supplier:
        query = query.where(S.c.code == supplier)
    if ref:
        query = query.where((PO.c.number == ref.strip().upper()) | (PO.c.id == ref.strip()))
    with engine.connect() as conn:
        heads = conn.execute(query).all()
        lines: dict[str, list[PoLineRow]] = {}
        line_query = (
            select(LINES.c.po_id, LINES.c.line_no, P.c.sku, LINES.c.description, LINES.c.unit, LINES.c.qty,
                   LINES.c.received, LINES.c.pack_size, LINES.c.price, LINES.c.price_per)
            .join(P, P.c.id == LINES.c.product_id).order_by(LINES.c.po_id, LINES.c.line_no)
        )
        if state or supplier or ref:
            line_query = line_query.where(LINES.c.po_id.in_([h.id for h in heads]))
        for x in conn.execute(line_query):
            lines.setdefault(x.po_id, []).append(PoLineRow(
                x.line_no, x.sku, x.description, x.unit, x.qty, x.received, max(Decimal(0), x.qty - x.received),
                x.pack_size, x.price, x.price_per))
    return [PoRow(h.id, h.number, h.code, h.name, h.warehouse, h.state, h.revision, h.created_at, h.issued_at,
                  h.expected_on, h.currency, tuple(lines.get(h.id, ())), h.fx_rate) for h in heads]


def suppliers(engine: Engine) -> list[SupplierRow]:
    """Every supplier with the purchasing details of its profile (blank where none was set)."""
    S, F = t.suppliers, t.supplier_profiles
    query = (select(S, F.c.payment_terms, F.c.email, F.c.phone, F.c.payment_basis, F.c.payment_days)
             .select_from(S.outerjoin(F, F.c.supplier_id == S.c.id)).order_by(S.c.code))
    with engine.connect() as conn:
        return [SupplierRow(r.id, r.code, r.name, r.contact, r.currency, r.lead_time_days, r.address,
                            r.payment_terms or "", r.email or "", r.phone or "", r.payment_basis or "net",
                            r.payment_days or 0) for r in conn.execute(query)]


def supplier_terms(engine: Engine, supplier: str | None = None, sku: str | None = None) -> list[TermsRow]:
    """Supplier × product terms with pack size, price basis, price breaks and the preferred flag."""
    S, P, T, X, B, F = (t.suppliers, t.products, t.supplier_terms, t.supplier_term_details,
                        t.supplier_price_breaks, t.preferred_suppliers)
    query = (
        select(S.c.code, P.c.sku, P.c.name, P.c.unit, T.c.supplier_sku, X.c.item_name, T.c.unit_price, X.c.price_per,
               X.c.pack_size, T.c.moq, T.c.order_multiple, T.c.lead_time_days, T.c.supplier_id, T.c.product_id,
               F.c.supplier_id.label("preferred_id"))
        .select_from(T.join(S, S.c.id == T.c.supplier_id).join(P, P.c.id == T.c.product_id)
                     .outerjoin(X, (X.c.supplier_id == T.c.supplier_id) & (X.c.product_id == T.c.product_id))
                     .outerjoin(F, F.c.product_id == T.c.product_id))
        .order_by(S.c.code, P.c.sku)
    )
    if supplier:
        query = query.where(S.c.code == supplier)
    if sku:
        query = query.where(P.c.sku == sku)
    with engine.connect() as conn:
        breaks: dict[tuple[str, str], list[tuple[Decimal, Decimal]]] = {}
        for b in conn.execute(select(B).order_by(B.c.min_qty)):
            breaks.setdefault((b.supplier_id, b.product_id), []).append((b.min_qty, b.price))
        return [TermsRow(r.code, r.sku, r.name, r.unit, r.supplier_sku, r.item_name or "", r.unit_price,
                         r.price_per or "unit", r.pack_size or Decimal(1), r.moq, r.order_multiple, r.lead_time_days,
                         tuple(breaks.get((r.supplier_id, r.product_id), ())), r.preferred_id == r.supplier_id)
                for r in conn.execute(query)]


def on_order(conn: Connection) -> dict[tuple[str, str], Decimal]:
    """The on-order quantity per (product id, warehouse id) from the PO lines themselves: every line of a PO in
    an open state, summed by the domain's rule (``domain.purchasing.model.on_order``)."""
    rows = conn.execute(select(LINES.c.product_id, PO.c.warehouse_id, LINES.c.qty, LINES.c.received)
                        .join(PO, PO.c.id == LINES.c.po_id)
                        .where(PO.c.state.in_([s.value for s in OPEN_STATES])))
    return open_on_order(rows)


def check_on_order(engine: Engine) -> list[CheckProblem]:
    """Compare every balance's on_order with the open quantities of issued POs; empty means they agree."""
    B, P, W = t.balances, t.products, t.warehouses
    with engine.connect() as conn:
        expected = on_order(conn)
        kept = {(r.product_id, r.warehouse_id): r.on_order
                for r in conn.execute(select(B.c.product_id, B.c.warehouse_id, B.c.on_order))}
        skus = dict(conn.execute(select(P.c.id, P.c.sku)).all())
        codes = dict(conn.execute(select(W.c.id, W.c.code)).all())
    problems = []
    for key in sorted(set(expected) | set(kept)):
        want, have = expected.get(key, Decimal(0)), kept.get(key, Decimal(0))
        if want != have:
            problems.append(CheckProblem(skus.get(key[0], key[0]), codes.get(key[1], key[1]), "on_order", want, have))
    return problems
