"""Held documents (挂单 / 草稿): the lines of a document being entered, kept while it is not posted.

A clerk's unposted work must survive a quit, a crash or a second document started in between. The
entry screen saves its form as a ``HeldDocument`` as the clerk types (the one ``active`` in the form),
parks it on purpose (``active`` False: it waits in the list of held documents) and resumes it later;
posting or clearing the form removes it. A held document is this desk's own note of work in progress:
nothing of it is stock, it is never synced, and it is checked only when it is finally posted.

Lines travel as JSON (``lines_json``/``lines_from_json``): every quantity and cost as a decimal string,
so a held document comes back exactly as it was typed.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from decimal import Decimal
from decimal import InvalidOperation
from typing import Protocol

from domain.kernel.numbers import written_number
from domain.stock.cost_hint import CostSource
from domain.stock.cost_hint import CostSuggestion
from domain.stock.cost_hint import PriceSeen


@dataclass(frozen=True)
class HeldLine:
    product_id: str
    sku: str
    name: str
    unit: str
    qty: Decimal | None = None
    unit_cost: Decimal | None = None
    counted: Decimal | None = None
    expected: Decimal | None = None
    reason: str = ""
    scanned: bool = False  # scanned or typed (later scans add one)
    by_scan: bool = False  # against a PO: scanned at least once (posting asks about the lines left untouched)
    cost_hint: CostSuggestion | None = None  # a free receipt: ``unit_cost`` is this suggestion, not typed
    error: str = ""  # what the line was refused with (a posting's word, a fraction marked), shown on it


@dataclass(frozen=True)
class HeldDocument:
    """One document being entered on this desk.

    Attributes:
        id: the held document's own id (not the posted document's, which gets one when posted).
        kind: a ``domain.stock.documents.DocumentKind`` value.
        active: True for the document open in its screen's form (restored when the screen opens),
            False for one parked to be resumed from the list.
        po_number: on a receipt against a purchase order, the order's number.
    """

    id: str
    kind: str
    warehouse: str = ""
    to_warehouse: str = ""
    partner: str = ""
    reference: str = ""
    business_date: date | None = None
    po_number: str = ""
    lines: tuple[HeldLine, ...] = ()
    active: bool = True
    user: str = ""
    saved_at: datetime | None = None
    note: str = field(default="", compare=False)

    @property
    def total_qty(self) -> Decimal:
        return sum((x.counted if x.counted is not None else (x.qty or Decimal(0)) for x in self.lines), Decimal(0))


class HeldDocuments(Protocol):
    """Where a desk keeps its held documents (persistence.stock.held)."""

    def save(self, doc: HeldDocument) -> None: ...
    def remove(self, held_id: str) -> None: ...
    def get(self, held_id: str) -> HeldDocument | None: ...
    def list(self, kind: str | None = None) -> list[HeldDocument]: ...


_DECIMALS = ("qty", "unit_cost", "counted", "expected")


def _hint_json(hint: CostSuggestion | None) -> dict | None:
    if hint is None:
        return None
    seen = hint.seen
    return {"unit_cost": str(hint.unit_cost), "source": hint.source.value,
            "seen": None if seen is None else {"unit_cost": str(seen.unit_cost), "on": seen.on.isoformat(),
                                               "supplier": seen.supplier, "reference": seen.reference}}


def _hint_from_json(item: dict | None) -> CostSuggestion | None:
    """A suggested cost back from ``_hint_json`` (raises on anything else: the line is then dropped)."""
    if item is None:
        return None
    seen = item["seen"]
    return CostSuggestion(written_number(item["unit_cost"]), CostSource(item["source"]), None if seen is None else
                          PriceSeen(written_number(seen["unit_cost"]), date.fromisoformat(seen["on"]),
                                    str(seen.get("supplier", "")), str(seen.get("reference", ""))))


def lines_json(lines: tuple[HeldLine, ...]) -> str:
    """The lines as JSON text, decimals as strings."""
    out = []
    for line in lines:
        item = asdict(line)
        for key in _DECIMALS:
            item[key] = None if item[key] is None else str(item[key])
        item["cost_hint"] = _hint_json(line.cost_hint)
        out.append(item)
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def lines_from_json(text: str) -> tuple[HeldLine, ...]:
    """Lines back from ``lines_json``; a line that is not understood is dropped, never guessed at."""
    try:
        items = json.loads(text or "[]")
    except ValueError:
        return ()
    lines = []
    for item in items if isinstance(items, list) else ():
        try:
            values = {key: (None if item.get(key) in (None, "") else written_number(item[key])) for key in _DECIMALS}
            lines.append(HeldLine(
                product_id=str(item["product_id"]), sku=str(item["sku"]), name=str(item.get("name", "")),
                unit=str(item.get("unit", "")), reason=str(item.get("reason", "")),
                scanned=bool(item.get("scanned", False)), by_scan=bool(item.get("by_scan", False)),
                cost_hint=_hint_from_json(item.get("cost_hint")), error=str(item.get("error", "")), **values))
        except (KeyError, TypeError, AttributeError, InvalidOperation, ValueError):
            continue
    return tuple(lines)
