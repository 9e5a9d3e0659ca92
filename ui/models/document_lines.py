"""Table models of the document screens: the editable lines being entered, posted documents, their lines.

``DocumentLinesModel`` is the entry grid. Its rows are the document's lines in order (row
``i`` is line ``i + 1``, the number the domain names in its errors), so it is never sorted.
A scan adds a line or adds one to the line of the same product, in constant time (a
product-id → row map), which is what keeps a scanner burst instant. Edits are checked here
(numbers, sign, decimals) and refused with a translated message through ``edit_refused``;
the domain checks everything again when the document is posted.

A receipt can be entered against a purchase order (``load_po``): its lines are the PO's open
lines with what is still expected, the received quantity is prefilled with it and stays
editable (0 receives nothing of that line now), the unit cost is the PO's, and a scan counts
only a product on the PO: its first scan starts the line at 1 (the clerk is counting it now),
each further scan adds 1, as the Receive… dialog of the purchasing screen does. Once a line is
scanned, the lines neither scanned nor edited (``unconfirmed_lines``) still hold the prefilled
quantity only: posting asks about them (``ui.dialogs.unscanned``), and ``po_receipt(...,
leave_unconfirmed=True)`` receives them as 0, so they stay open on the PO.
"""

from __future__ import annotations

import copy
from collections import deque
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QAbstractTableModel
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush
from PySide6.QtGui import QColor
from PySide6.QtGui import QFont

from domain.catalog.model import Product
from domain.catalog.units import whole_quantity
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.numbers import AmbiguousNumber
from domain.kernel.numbers import D
from domain.kernel.numbers import fmt
from domain.kernel.numbers import round_cost
from domain.purchasing import commands as pc
from domain.purchasing.model import PricePer
from domain.stock.cost_hint import CostSource
from domain.stock.cost_hint import CostSuggestion
from domain.stock.documents import DocumentKind
from domain.stock.documents import LineInput
from domain.stock.held import HeldLine
from ui.i18n import fill
from ui.models.table import Column
from ui.models.table import RowTableModel
from ui.models.table import money_text
from ui.models.table import price_text
from ui.models.table import qty_text
from ui.models.table import when_text
from ui.refusals import field_problem_text

_ROOT = QModelIndex()
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ERROR_BACK = QBrush(QColor("#fde4e1"))
_MUTED = QBrush(QColor("#8a8a8a"))
_SUGGESTED = QBrush(QColor("#6b6b6b"))
_ITALIC = QFont()
_ITALIC.setItalic(True)
UNDO_LEVELS = 200


def _count_pack(line: EntryLine, per: Decimal, pack: str) -> None:
    if pack:
        count, _ = (line.packs or {}).get(pack, (0, per))
        line.packs = {**(line.packs or {}), pack: (count + 1, per)}


@dataclass
class EntryLine:
    """One line being entered (mutable: the clerk edits it)."""

    product_id: str
    sku: str
    name: str
    unit: str
    qty: Decimal | None = None
    unit_cost: Decimal | None = None
    counted: Decimal | None = None
    expected: Decimal | None = None
    reason: str = ""
    error: str = ""
    scanned: bool = False  # against a PO: scanned or typed, so scans count up from 1
    by_scan: bool = False  # against a PO: scanned at least once in this receipt (typing alone leaves it False);
    # kept with a held document, so a resumed receipt still asks about the lines left untouched
    cost_hint: CostSuggestion | None = None  # a free receipt: the unit cost is this suggestion, not typed (yet)
    # packs scanned (domain.catalog.packaging): name → (how many, base units each), replaced (never changed in place)
    # on each scan, so an undo's copy of the line keeps its own
    packs: dict[str, tuple[int, Decimal]] | None = None

    @property
    def amount(self) -> Decimal | None:
        if self.qty is None or self.unit_cost is None:
            return None
        return self.qty * self.unit_cost

    @property
    def difference(self) -> Decimal | None:
        if self.counted is None or self.expected is None:
            return None
        return self.counted - self.expected


LINE, SKU, NAME, QTY, UNIT, COST, AMOUNT, EXPECTED, COUNTED, DIFF, REASON = (
    "line", "sku", "name", "qty", "unit", "unit_cost", "amount", "expected", "counted", "difference", "reason")

TITLES = {
    LINE: QT_TRANSLATE_NOOP("DocumentLinesModel", "#"),
    SKU: QT_TRANSLATE_NOOP("DocumentLinesModel", "SKU"),
    NAME: QT_TRANSLATE_NOOP("DocumentLinesModel", "Name"),
    QTY: QT_TRANSLATE_NOOP("DocumentLinesModel", "Qty"),
    UNIT: QT_TRANSLATE_NOOP("DocumentLinesModel", "Unit"),
    COST: QT_TRANSLATE_NOOP("DocumentLinesModel", "Unit cost"),
    AMOUNT: QT_TRANSLATE_NOOP("DocumentLinesModel", "Amount"),
    EXPECTED: QT_TRANSLATE_NOOP("DocumentLinesModel", "Expected"),
    COUNTED: QT_TRANSLATE_NOOP("DocumentLinesModel", "Counted"),
    DIFF: QT_TRANSLATE_NOOP("DocumentLinesModel", "Difference"),
    REASON: QT_TRANSLATE_NOOP("DocumentLinesModel", "Reason"),
}
ADJUST_QTY = QT_TRANSLATE_NOOP("DocumentLinesModel", "Change (+/−)")
PO_EXPECTED = QT_TRANSLATE_NOOP("DocumentLinesModel", "Still expected")
PO_QTY = QT_TRANSLATE_NOOP("DocumentLinesModel", "Received")

# The line number is a column, not the vertical header: a header sizes itself by asking for
# the text of up to 200 sections on every change, which made each scan repaint slow.
LAYOUTS = {
    DocumentKind.RECEIPT: (LINE, SKU, NAME, EXPECTED, QTY, UNIT, COST, AMOUNT),  # expected: against a PO only
    DocumentKind.SHIPMENT: (LINE, SKU, NAME, QTY, UNIT),
    DocumentKind.TRANSFER: (LINE, SKU, NAME, QTY, UNIT),
    DocumentKind.COUNT: (LINE, SKU, NAME, UNIT, EXPECTED, COUNTED, DIFF),
    DocumentKind.ADJUSTMENT: (LINE, SKU, NAME, QTY, UNIT, REASON),
}
NUMERIC = {LINE, QTY, COST, AMOUNT, EXPECTED, COUNTED, DIFF}
EDITABLE = {QTY, COST, COUNTED, REASON}
MUTED = {LINE, UNIT, AMOUNT, EXPECTED}
_DISPLAY, _EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole
_ALIGN, _BACK, _FORE, _TIP = (Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole,
                              Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole)
_FONT = Qt.ItemDataRole.FontRole


class DocumentLinesModel(QAbstractTableModel):
    """The lines of the document being entered; row i is line i + 1."""

    edit_refused = Signal(int, str)  # row, translated message
    totals_changed = Signal()

    def __init__(self, kind: DocumentKind, parent=None) -> None:
        super().__init__(parent)
        self.kind = DocumentKind(kind)
        self.columns = LAYOUTS[self.kind]
        self._lines: list[EntryLine] = []
        self._row_of: dict[str, int] = {}  # product id → row; against a PO: upper-case SKU → row
        self.po_mode = False
        # The SKUs (upper case) of the products counted in whole units (domain.catalog.units): a typed fraction of one
        # is refused here and a held line holding one is marked (``mark_fractions``), not first at posting.
        self._whole: set[str] = set()
        # Undo (Ctrl+Z) of line changes: what to put back, newest last. A scan or an edit keeps a copy of the
        # one line it changes (or notes the line it added); removing lines keeps copies of every line.
        self._undo: deque[tuple] = deque(maxlen=UNDO_LEVELS)
        # What came in the background, not from the clerk, by product id: a count line's expected quantity, a free
        # receipt line's suggested cost. A line put back by an undo may be a copy taken before it came (a second
        # scan before the first's expected quantity arrived): it gets it again, and came back with Expected blank.
        self._filled: dict[str, dict[str, object]] = {}
        self._set_flags()
        # The cells a scan changes: repainting only them keeps a scan on a long document cheap.
        changed = (COUNTED, DIFF) if self.kind == DocumentKind.COUNT else (QTY, AMOUNT)
        self._scan_columns = [i for i, key in enumerate(self.columns) if key in changed]

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate("DocumentLinesModel", text, disambiguation, n)

    def _set_flags(self) -> None:
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        editable = EDITABLE - {COST} if self.po_mode else EDITABLE  # against a PO the cost is the PO's
        self._flags = [base | Qt.ItemFlag.ItemIsEditable if key in editable else base for key in self.columns]

    def _title(self, key: str) -> str:
        if key == QTY and self.kind == DocumentKind.ADJUSTMENT:
            return ADJUST_QTY
        if self.po_mode and key in (EXPECTED, QTY):
            return PO_EXPECTED if key == EXPECTED else PO_QTY
        return TITLES[key]

    # --- reading --------------------------------------------------------------------------
    @property
    def lines(self) -> list[EntryLine]:
        return self._lines

    def column(self, key: str) -> int:
        return self.columns.index(key)

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=_DISPLAY):
        # Called for every visible cell and role on each repaint: cheapest tests first.
        if role == _DISPLAY or role == _EDIT:
            key = self.columns[index.column()]
            if key == LINE:
                return str(index.row() + 1)
            value = getattr(self._lines[index.row()], key)
            if key == AMOUNT:
                return money_text(value)
            if isinstance(value, Decimal):
                return fmt(value)
            return "" if value is None else value
        if role == _ALIGN:
            return _RIGHT if self.columns[index.column()] in NUMERIC else None
        if role == _BACK:
            return _ERROR_BACK if self._lines[index.row()].error else None
        if role == _FORE:
            key = self.columns[index.column()]
            if key == COST and self._lines[index.row()].cost_hint is not None:
                return _SUGGESTED
            return _MUTED if key in MUTED else None
        if role == _TIP:
            line = self._lines[index.row()]
            if line.error:
                return line.error
            if line.cost_hint is not None and self.columns[index.column()] in (COST, AMOUNT):
                return self.cost_hint_text(line.cost_hint)
            if line.packs and self.columns[index.column()] in (QTY, COUNTED):
                return self.packs_text(line) or None
            return None
        if role == _FONT:  # a suggested unit cost is in italics (and grey) until the clerk types one
            if self.columns[index.column()] == COST and self._lines[index.row()].cost_hint is not None:
                return _ITALIC
            return None
        return None

    def cost_hint_text(self, hint: CostSuggestion) -> str:
        """Where a suggested unit cost comes from, for its tooltip."""
        seen = hint.seen
        if hint.source == CostSource.SUPPLIER and seen is not None:
            text = fill(self.tr("Filled in: %1's last purchase price, on %2 (%3)."), seen.supplier,
                        seen.on.isoformat(), seen.reference)
        elif hint.source == CostSource.LAST and seen is not None:
            text = fill(self.tr("Filled in: the last purchase price, on %1 (%2)."), seen.on.isoformat(),
                        seen.reference)
        else:
            text = self.tr("Filled in: the average cost of the stock (no purchase of it on record).")
        return text + " " + self.tr("Type a unit cost to change it.")

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Vertical:
                return str(section + 1)
            return self.tr(self._title(self.columns[section]))
        if role == Qt.ItemDataRole.TextAlignmentRole and orientation == Qt.Orientation.Horizontal:
            return _RIGHT if self.columns[section] in NUMERIC else None
        return super().headerData(section, orientation, role)

    def flags(self, index):
        return self._flags[index.column()] if index.isValid() else Qt.ItemFlag.NoItemFlags

    def inputs(self) -> tuple[LineInput, ...]:
        """The lines as the posting use case takes them."""
        return tuple(LineInput(x.sku, x.qty, x.unit_cost, x.counted, x.reason) for x in self._lines)

    def po_inputs(self, *, leave_unconfirmed: bool = False) -> tuple[tuple[str, Decimal], ...]:
        """Against a PO: (SKU, quantity) of every line with something received now.

        ``leave_unconfirmed``: the lines neither scanned nor edited receive nothing (they stay open).
        """
        skipped = {id(x) for x in self.unconfirmed_lines()} if leave_unconfirmed else set()
        return tuple((x.sku, x.qty) for x in self._lines if x.qty and id(x) not in skipped)

    def unconfirmed_lines(self) -> list[EntryLine]:
        """Against a PO, once at least one line is scanned in this receipt: the lines with a quantity that were
        neither scanned nor edited, i.e. still hold only the prefilled expected quantity. Empty otherwise
        (a receipt entered by typing alone, or nothing scanned yet, posts as entered)."""
        if not self.po_mode or not any(x.by_scan for x in self._lines):
            return []
        return [x for x in self._lines if x.qty and not x.scanned]

    def po_receipt(self, po: str, *, note: str = "", occurred_at=None,
                   leave_unconfirmed: bool = False) -> pc.ReceivePurchaseOrder | None:
        """Against a PO: the receipt of what is entered now (``domain.purchasing.orders.receive`` posts it).

        ``leave_unconfirmed``: see ``po_inputs``. None when no line has a quantity: a receipt without lines would
        receive everything still open.
        """
        lines = self.po_inputs(leave_unconfirmed=leave_unconfirmed)
        if not lines:
            return None
        return pc.ReceivePurchaseOrder(po, lines, note=note, occurred_at=occurred_at)

    def row_of_sku(self, sku: str) -> int | None:
        return next((i for i, x in enumerate(self._lines) if x.sku.upper() == sku.upper()), None)

    def total_qty(self) -> Decimal:
        key = "counted" if self.kind == DocumentKind.COUNT else "qty"
        return sum((getattr(x, key) or Decimal(0) for x in self._lines), Decimal(0))

    def count_progress(self) -> tuple[int, int]:
        """On a count sheet: how many lines are counted, and how many of those differ from the expected."""
        counted = [x for x in self._lines if x.counted is not None]
        return len(counted), sum(1 for x in counted if x.difference)

    def total_amount(self) -> Decimal:
        return sum((x.amount or Decimal(0) for x in self._lines), Decimal(0))

    # --- whole units (domain.catalog.units) -----------------------------------------------------------
    def set_whole(self, skus) -> None:
        """The SKUs of the products counted in whole units (as the scan codes say, read again when they change)."""
        self._whole = {sku.upper() for sku in skus}

    def _fraction_of(self, line: EntryLine, key: str, value: Decimal | None, field: str) -> BadInput | None:
        """The refusal of ``value`` in ``key`` of ``line`` when it is a fraction of a whole-unit product, else None."""
        if value is None or key not in (QTY, COUNTED) or line.sku.upper() not in self._whole:
            return None
        try:
            whole_quantity(field, Product(id=line.product_id, sku=line.sku, name=line.name, unit=line.unit,
                                          whole_units=True), value)
        except BadInput as exc:
            return exc
        return None

    def fractions(self) -> list[tuple[int, BadInput]]:
        """Each line holding a fraction of a product counted in whole units, with its refusal (the field named after
        the line, as posting names it): a held document resumed, or the product's setting changed since."""
        found = []
        for row, line in enumerate(self._lines):
            key = COUNTED if self.kind == DocumentKind.COUNT else QTY
            refused = self._fraction_of(line, key, getattr(line, key),
                                        f"{'counted quantity' if key == COUNTED else 'quantity'} of line {row + 1}")
            if refused is not None:
                found.append((row, refused))
        return found

    def mark_fractions(self, say) -> int | None:
        """Mark every line of ``fractions`` with its refusal as ``say(exc)`` words it; returns the first such row."""
        found = self.fractions()
        for row, refused in found:
            self.set_error(row + 1, say(refused))
        return found[0][0] if found else None

    # --- held documents (domain.stock.held) -------------------------------------------------------------
    def held_lines(self) -> tuple[HeldLine, ...]:
        """The lines as they stand, to be kept while the document is not posted."""
        return tuple(HeldLine(x.product_id, x.sku, x.name, x.unit, x.qty, x.unit_cost, x.counted, x.expected,
                              x.reason, x.scanned, x.by_scan, cost_hint=x.cost_hint, error=x.error)
                     for x in self._lines)

    def restore(self, lines) -> None:
        """Lines of a held document back in the grid (a free document; see ``restore_po_quantities``)."""
        self.forget_undo()
        self.beginResetModel()
        self._lines = [EntryLine(x.product_id, x.sku, x.name, x.unit, x.qty, x.unit_cost, x.counted, x.expected,
                                 x.reason, error=x.error, scanned=x.scanned, by_scan=x.by_scan, cost_hint=x.cost_hint)
                       for x in lines]
        self._reindex()
        self.endResetModel()
        self.totals_changed.emit()

    def restore_po_quantities(self, lines) -> None:
        """Against a PO loaded afresh: the held received quantities on the lines still open."""
        held = {x.sku.upper(): x for x in lines}
        for row, line in enumerate(self._lines):
            kept = held.get(line.sku.upper())
            if kept is not None:
                line.qty, line.scanned, line.by_scan = kept.qty, kept.scanned, kept.by_scan
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        self.totals_changed.emit()

    # --- undo -----------------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def forget_undo(self) -> None:
        """A new document (posted, cleared, loaded from a PO or a held document): nothing to undo into."""
        self._undo.clear()
        self._filled.clear()

    def _refill(self, line: EntryLine) -> None:
        """A line an undo put back gets what came in the background since its copy was taken (``_filled``)."""
        filled = self._filled.get(line.product_id)
        if not filled:
            return
        if line.expected is None and "expected" in filled:
            line.expected = filled["expected"]
        hint = filled.get("cost")
        if line.unit_cost is None and isinstance(hint, CostSuggestion):
            line.unit_cost, line.cost_hint = hint.unit_cost, hint

    def _keep_line(self, row: int) -> None:
        self._undo.append(("line", row, copy.copy(self._lines[row])))

    def undo(self) -> bool:
        """Put back the last scan, edit or removal of lines; False when there is nothing to undo."""
        if not self._undo:
            return False
        step = self._undo.pop()
        if step[0] == "added":  # a scan added the last line: take it away again
            row = len(self._lines) - 1
            self.beginRemoveRows(_ROOT, row, row)
            self._lines.pop()
            self._reindex()
            self.endRemoveRows()
        elif step[0] == "line":
            _, row, kept = step
            vars(self._lines[row]).update(vars(kept))  # in place: the line object stays the one of the row
            self._refill(self._lines[row])
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        else:  # "lines": every line as it was before lines were removed
            self.beginResetModel()
            self._lines = step[1]
            for line in self._lines:
                self._refill(line)
            self._reindex()
            self.endResetModel()
        self.totals_changed.emit()
        return True

    # --- changing -------------------------------------------------------------------------
    def scan(self, product_id: str, sku: str, name: str, unit: str, whole: bool = False, per: Decimal = Decimal(1),
             pack: str = "") -> int:
        """Add one of a product (``whole``: counted in whole units), or ``per`` of it for a scan of its pack ``pack``
        (a carton's barcode): a new line, or more on its line. Returns the row."""
        if whole:
            self._whole.add(sku.upper())
        row = self._row_of.get(product_id)
        if row is None:
            self._undo.append(("added",))
            row = len(self._lines)
            self.beginInsertRows(_ROOT, row, row)
            self._lines.append(EntryLine(product_id, sku, name, unit))
            self._row_of[product_id] = row
            self._bump(self._lines[row], per, pack)
            self.endInsertRows()
        else:
            self._keep_line(row)
            line = self._lines[row]
            self._bump(line, per, pack)
            if line.error:
                line.error = ""
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
            else:
                for column in self._scan_columns:  # one cell per signal: the view repaints just that cell
                    cell = self.index(row, column)
                    self.dataChanged.emit(cell, cell)
        self.totals_changed.emit()
        return row

    def scan_po(self, sku: str, per: Decimal = Decimal(1), pack: str = "") -> int | None:
        """Against a PO: count one of ``sku`` (``per`` for a scan of its pack ``pack``) on its line; None when the
        SKU is not on the PO."""
        row = self._row_of.get(sku.upper())
        if row is None:
            return None
        self._keep_line(row)
        line = self._lines[row]
        if not line.scanned:
            line.packs = None
        line.qty = (line.qty or Decimal(0)) + per if line.scanned else per
        _count_pack(line, per, pack)
        line.scanned = line.by_scan = True
        line.error = ""
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        self.totals_changed.emit()
        return row

    def load_open_lines(self, po) -> None:
        """Enter a receipt against ``po`` (a ``PoRow``): its open lines, each with what is still expected."""
        self.load_po([(x.sku, x.description, x.unit, x.open_qty, po_unit_cost(x)) for x in po.lines if x.open_qty > 0])

    def load_po(self, items: list[tuple[str, str, str, Decimal, Decimal]] | None) -> None:
        """Enter a receipt against a PO: (SKU, name, unit, still expected, unit cost) per open line.

        The received quantity starts at what is expected. ``None`` goes back to a free receipt (empty).
        """
        self.forget_undo()
        self.beginResetModel()
        self.po_mode = items is not None
        self._set_flags()
        self._lines = [EntryLine("", sku, name, unit, qty=expected, unit_cost=cost, expected=expected)
                       for sku, name, unit, expected, cost in items or ()]
        self._reindex()
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        self.totals_changed.emit()

    def _reindex(self) -> None:
        if self.po_mode:
            self._row_of = {x.sku.upper(): i for i, x in enumerate(self._lines)}
        else:
            self._row_of = {x.product_id: i for i, x in enumerate(self._lines)}

    def _bump(self, line: EntryLine, per: Decimal = Decimal(1), pack: str = "") -> None:
        if self.kind == DocumentKind.COUNT:
            line.counted = (line.counted or Decimal(0)) + per
        else:
            line.qty = (line.qty or Decimal(0)) + per
        _count_pack(line, per, pack)

    def packs_text(self, line: EntryLine) -> str:
        """How a line scanned in packs was counted, "2 箱 + 3" (packs, then what is left in base units), or '' when
        no pack was scanned or the quantity was typed below what the packs hold."""
        qty = line.counted if self.kind == DocumentKind.COUNT else line.qty
        if not line.packs or qty is None:
            return ""
        left = qty - sum((n * per for n, per in line.packs.values()), Decimal(0))
        if left < 0:
            return ""
        parts = [f"{n} {name}" for name, (n, _per) in line.packs.items()]
        if left:
            parts.append(fmt(left))
        held = "; ".join(fill(self.tr("1 %1 = %2 %3"), name, fmt(per), line.unit)
                         for name, (_n, per) in line.packs.items())
        return fill(self.tr("Counted as %1 (%2)"), " + ".join(parts), held)

    def load_expected(self, items: list[tuple[str, str, str, str, Decimal]]) -> None:
        """Fill a count sheet: (product id, SKU, name, unit, expected) per product.

        Lines already on the sheet keep what was counted and get the new expected quantity.
        """
        self.forget_undo()
        self.beginResetModel()
        for product_id, sku, name, unit, expected in items:
            row = self._row_of.get(product_id)
            if row is None:
                self._row_of[product_id] = len(self._lines)
                self._lines.append(EntryLine(product_id, sku, name, unit, expected=expected))
            else:
                self._lines[row].expected = expected
        self.endResetModel()
        self.totals_changed.emit()

    def set_expected(self, product_id: str, expected: Decimal) -> None:
        """A count sheet's line of ``product_id`` (scanned onto the sheet) gets its expected quantity, unless it has
        one or has gone; not an edit of the clerk's, so nothing to undo."""
        self._filled.setdefault(product_id, {})["expected"] = expected
        row = self._row_of.get(product_id)
        if row is None or self._lines[row].expected is not None:
            return
        self._lines[row].expected = expected
        for key in (EXPECTED, DIFF):  # these cells only: a view puts a changed cell's value back into its open editor,
            cell = self.index(row, self.column(key))  # and the clerk may be typing the counted quantity already
            self.dataChanged.emit(cell, cell)
        self.totals_changed.emit()

    def suggest_costs(self, found: dict[str, CostSuggestion], busy_row: int | None = None) -> None:
        """A free receipt: each line of a SKU in ``found`` whose unit cost was not typed takes the suggestion (shown
        as one, see ``data``); not an edit of the clerk's, so nothing to undo. ``busy_row``: a line whose unit cost
        is being typed, left alone (a changed cell's value is put back into its open editor)."""
        if self.po_mode:
            return
        cells = [self.column(COST), self.column(AMOUNT)]
        for row, line in enumerate(self._lines):
            hint = found.get(line.sku)
            if hint is None:
                continue
            self._filled.setdefault(line.product_id, {})["cost"] = hint
            if row == busy_row or (line.unit_cost is not None and line.cost_hint is None) or line.cost_hint == hint:
                continue
            line.unit_cost, line.cost_hint = hint.unit_cost, hint
            for column in cells:
                cell = self.index(row, column)
                self.dataChanged.emit(cell, cell)
        self.totals_changed.emit()

    def suggested_skus(self) -> list[str]:
        """A free receipt: the SKUs of the lines whose unit cost is not typed (none yet, or a suggestion)."""
        if self.po_mode:
            return []
        return [x.sku for x in self._lines if x.unit_cost is None or x.cost_hint is not None]

    def remove_rows(self, rows: list[int]) -> None:
        if not rows:
            return
        self._undo.append(("lines", [copy.copy(x) for x in self._lines]))
        self.beginResetModel()
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._lines):
                del self._lines[row]
        self._reindex()
        self.endResetModel()
        self.totals_changed.emit()

    def clear(self) -> None:
        """No lines, and a free receipt again if it was against a PO."""
        was_po = self.po_mode
        self.forget_undo()
        self.beginResetModel()
        self._lines = []
        self._row_of = {}
        self.po_mode = False
        self._set_flags()
        self.endResetModel()
        if was_po:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        self.totals_changed.emit()

    def set_error(self, line_no: int, message: str) -> int | None:
        """Mark line ``line_no`` (1-based) with a message; returns its row."""
        row = line_no - 1
        if not 0 <= row < len(self._lines):
            return None
        self._lines[row].error = message
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        return row

    def clear_errors(self) -> None:
        for row, line in enumerate(self._lines):
            if line.error:
                line.error = ""
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        key = self.columns[index.column()]
        if key not in EDITABLE:
            return False
        line = self._lines[index.row()]
        text = "" if value is None else str(value).strip()
        if key == REASON:
            if len(text) > 200:
                self.edit_refused.emit(index.row(), self.tr("Reason: at most 200 characters are accepted."))
                return False
            self._keep_line(index.row())
            line.reason = text
        else:
            parsed = self._number(index.row(), key, text)
            if parsed is False:
                return False
            self._keep_line(index.row())
            setattr(line, key, parsed)
            if key == QTY:
                line.scanned = True  # a typed quantity: further scans add to it
            elif key == COST:
                line.cost_hint = None  # typed: no longer a suggestion
        line.error = ""
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.columns) - 1))
        self.totals_changed.emit()
        return True

    def _number(self, row: int, key: str, text: str) -> Decimal | None | bool:
        """The parsed value, None for blank (allowed for counted only), or False when refused."""
        field = self.tr(self._title(key))

        def refuse(message: str) -> bool:
            self.edit_refused.emit(row, fill(message, field))
            return False

        if not text:
            if key == COUNTED:
                return None
            if key == QTY and self.po_mode:
                return Decimal(0)  # nothing of this PO line is received now
            return refuse(self.tr("%1 is required: enter a number such as 12 or 2.50."))
        try:
            value = D(text)
        except AmbiguousNumber as exc:
            return refuse(ambiguous_text(exc))
        except (TypeError, ValueError):
            return refuse(self.tr("%1: not a number; enter digits such as 12 or 2.50."))
        # The domain's own field checks decide what a line may hold (places, sign, zero, the largest
        # quantity or cost), so the grid refuses exactly what posting would; only the wording is the grid's.
        signed = key == QTY and self.kind == DocumentKind.ADJUSTMENT
        allow_zero = key == COUNTED or (key == QTY and self.po_mode)  # a PO line may receive nothing now
        try:
            if key == COST:
                return v.money("unit cost", value)
            checked = v.quantity(key, value, positive=not signed, allow_zero=allow_zero)
        except BadInput as exc:
            problem, values = exc.code, exc.values
        else:
            fraction = self._fraction_of(self._lines[row], key, checked, key)
            if fraction is None:
                return checked
            self.edit_refused.emit(row, fill(QCoreApplication.translate("Refusals", "%1: %2"), field,
                                             field_problem_text(fraction)))
            return False
        if problem == "too_many_places":  # %1 stays for the field's name
            return refuse(fill(self.tr("%1: at most %2 decimal places are accepted."), "%1", values[1]))
        if problem == "too_large":
            return refuse(self.tr("%1: the number is too large."))
        if problem == "zero" and signed:
            return refuse(self.tr("%1 must not be 0: enter a positive number to add, a negative one to remove."))
        if problem == "zero":
            return refuse(self.tr("%1 must be greater than 0."))
        return refuse(self.tr("%1 must not be negative."))

    def retranslate(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)


def po_unit_cost(line) -> Decimal:
    """The cost of one stock unit of a PO line (``PoLineRow``), as ``PoLine.unit_cost`` computes it."""
    if line.price_per == PricePer.UNIT.value:
        return line.price
    return round_cost(line.price / line.pack_size)


def typed_positive(text: str) -> Decimal | None:
    """A quantity typed into a dialog, read as every number is read (``domain.kernel.numbers.D``: ``2,5`` is refused
    as ambiguous, never taken for 25); None when it is not a number above 0."""
    try:
        value = D(text.strip())
    except (TypeError, ValueError, ArithmeticError):
        return None
    return value if value > 0 else None


def ambiguous_text(exc: AmbiguousNumber) -> str:
    """A refused comma, translated (``%1`` is left for the field's name)."""
    translate = QCoreApplication.translate
    text = translate("DocumentLinesModel", "%1: '%2' is ambiguous: a comma may only separate thousands (as in "
                                           "1,250.5) and decimals take a point.").replace("%2", exc.text)
    if exc.suggestion:
        text += " " + fill(translate("DocumentLinesModel", "Type %1 if that is what you meant."), exc.suggestion)
    return text


def _yes(value: bool) -> str:
    return QCoreApplication.translate("PostedDocumentsModel", "Reversed") if value else ""


class PostedDocumentsModel(RowTableModel):
    """Posted documents (``domain.stock.documents.DocumentRow``), newest first."""

    CONTEXT = "PostedDocumentsModel"
    NUMBER, DATE, WAREHOUSE, TO_WAREHOUSE, PARTNER, REFERENCE, LINES, QTY, VALUE, REVERSED, POSTED, USER = range(12)
    WIDTHS = {NUMBER: 140, DATE: 95, REFERENCE: 140, POSTED: 140}  # a number, a reference, a time shown whole
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("PostedDocumentsModel", "Number"), lambda r: r.number),
        Column(QT_TRANSLATE_NOOP("PostedDocumentsModel", "Date"), lambda r: r.business_date, lambda d: d.isoformat()),
        Column(QT_TRANSLATE_NOOP("PostedDocumentsModel", "Warehouse"), lambda r: r.warehouse),
        Column(QT_TRANSLATE_NOOP("PostedDocumentsModel", "To warehouse"), lambda r: r.to_warehouse),
        Column(QT_TRANSLATE_NOOP("PostedDocumentsModel", "Partner"), lambda r: r.partner),
        Column(QT_TRANSLATE_NOOP("PostedDocumentsModel", "Reference"), lambda r: r.reference),
        Column(QT_TRANSLATE_NOOP("PostedDocumentsModel", "Lines"), lambda r: r.line_count, str, True),
        Column(QT_TRANSLATE_NOOP("PostedDocumentsModel", "Total qty"), lambda r: r.total_qty, qty_text, True),
        Column(QT_TRANSLATE_NOOP("PostedDocumentsModel", "Value"), lambda r: r.total_value, money_text, True),
        Column(QT_TRANSLATE_NOOP("PostedDocumentsModel", "Status"), lambda r: r.reversed, _yes),
        Column(QT_TRANSLATE_NOOP("PostedDocumentsModel", "Posted at"), lambda r: r.posted_at, when_text),
        Column(QT_TRANSLATE_NOOP("PostedDocumentsModel", "User"), lambda r: r.user),
    )

    def foreground(self, row):
        return _MUTED if row.reversed else None


class PostedSalesModel(PostedDocumentsModel):
    """Posted sales and customer returns (``domain.sales.posted.PostedSaleRow``), newest first: the customer by code
    and name, what each was sold for without and with tax, and the cost the ledger moved. The columns it shares with
    the generic list are that list's, headers and all (one context)."""

    (NUMBER, DATE, WAREHOUSE, CUSTOMER, CUSTOMER_NAME, REFERENCE, LINES, QTY, AMOUNT, WITH_TAX, COST, REVERSED, POSTED,
     USER) = range(14)
    WIDTHS = {NUMBER: 140, DATE: 95, CUSTOMER_NAME: 200, REFERENCE: 140, POSTED: 140}
    _SHARED = PostedDocumentsModel.COLUMNS
    COLUMNS = (
        *_SHARED[PostedDocumentsModel.NUMBER:PostedDocumentsModel.TO_WAREHOUSE],
        Column(QT_TRANSLATE_NOOP("PostedDocumentsModel", "Customer"), lambda r: r.partner),
        Column(QT_TRANSLATE_NOOP("PostedDocumentsModel", "Customer name"), lambda r: r.customer_name),
        *_SHARED[PostedDocumentsModel.REFERENCE:PostedDocumentsModel.VALUE],
        Column(QT_TRANSLATE_NOOP("PostedDocumentsModel", "Amount"), lambda r: r.amount, money_text, True),
        Column(QT_TRANSLATE_NOOP("PostedDocumentsModel", "Amount with tax"), lambda r: r.with_tax, money_text, True),
        Column(QT_TRANSLATE_NOOP("PostedDocumentsModel", "Cost"), lambda r: r.total_value, money_text, True),
        *_SHARED[PostedDocumentsModel.REVERSED:],
    )


class PostedLinesModel(RowTableModel):
    """The lines of one posted document (``domain.stock.documents.DocumentLineRow``)."""

    CONTEXT = "PostedLinesModel"
    LINE, SKU, NAME, QTY, UNIT, COST, EXPECTED, COUNTED, REASON = range(9)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("PostedLinesModel", "Line"), lambda r: r.line_no, str, True),
        Column(QT_TRANSLATE_NOOP("PostedLinesModel", "SKU"), lambda r: r.sku),
        Column(QT_TRANSLATE_NOOP("PostedLinesModel", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("PostedLinesModel", "Qty"), lambda r: r.qty, qty_text, True),
        Column(QT_TRANSLATE_NOOP("PostedLinesModel", "Unit"), lambda r: r.unit),
        Column(QT_TRANSLATE_NOOP("PostedLinesModel", "Unit cost"), lambda r: r.unit_cost, price_text, True),
        Column(QT_TRANSLATE_NOOP("PostedLinesModel", "Expected"), lambda r: r.expected, qty_text, True),
        Column(QT_TRANSLATE_NOOP("PostedLinesModel", "Counted"), lambda r: r.counted, qty_text, True),
        Column(QT_TRANSLATE_NOOP("PostedLinesModel", "Reason"), lambda r: r.reason),
    )
