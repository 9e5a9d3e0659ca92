"""Held documents in the desk's SQLite file (domain.stock.held): one row per unposted document form."""

from __future__ import annotations

import threading

from sqlalchemy import Engine
from sqlalchemy import select

from domain.kernel import clock
from domain.stock.held import HeldDocument
from domain.stock.held import lines_from_json
from domain.stock.held import lines_json
from persistence import tables as t

H = t.held_documents


class SqlHeldDocuments:
    """``domain.stock.held.HeldDocuments`` on an engine. Saves may come from several worker threads: a save that
    arrives after a newer one of the same document (``seq``) is dropped, so the last typed state wins."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._seq: dict[str, int] = {}

    def save(self, doc: HeldDocument, seq: int | None = None) -> None:
        with self._lock:
            if seq is not None:
                if seq < self._seq.get(doc.id, -1):
                    return
                self._seq[doc.id] = seq
            values = dict(kind=doc.kind, warehouse=doc.warehouse, to_warehouse=doc.to_warehouse,
                          partner=doc.partner, reference=doc.reference, business_date=doc.business_date,
                          po_number=doc.po_number, lines=lines_json(doc.lines), active=doc.active, user=doc.user,
                          saved_at=doc.saved_at or clock.now())
            with self.engine.begin() as conn:
                if conn.execute(H.update().where(H.c.id == doc.id).values(**values)).rowcount == 0:
                    conn.execute(H.insert().values(id=doc.id, **values))

    def remove(self, held_id: str, seq: int | None = None) -> None:
        with self._lock:
            if seq is not None:
                if seq < self._seq.get(held_id, -1):
                    return
                self._seq[held_id] = seq
            with self.engine.begin() as conn:
                conn.execute(H.delete().where(H.c.id == held_id))

    def get(self, held_id: str) -> HeldDocument | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(H).where(H.c.id == held_id)).first()
        return _doc(row) if row is not None else None

    def list(self, kind: str | None = None) -> list[HeldDocument]:
        """Newest first."""
        query = select(H).order_by(H.c.saved_at.desc(), H.c.id)
        if kind is not None:
            query = query.where(H.c.kind == kind)
        with self.engine.connect() as conn:
            return [_doc(r) for r in conn.execute(query)]


def _doc(row) -> HeldDocument:
    return HeldDocument(id=row.id, kind=row.kind, warehouse=row.warehouse, to_warehouse=row.to_warehouse,
                        partner=row.partner, reference=row.reference, business_date=row.business_date,
                        po_number=row.po_number, lines=lines_from_json(row.lines), active=bool(row.active),
                        user=row.user, saved_at=row.saved_at)
