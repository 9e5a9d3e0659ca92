"""Replenishment: run planning, read the reorder alerts and their reasons, turn suggestions into draft POs.

"Run planning" (F5, the main window's refresh) runs ``domain.planning.run.plan`` on the task runner with the
history reader from ``services.planning.reader`` and the forecast cache from ``services.planning.forecast_cache``:
only the rows whose history changed since the last run are forecast again. A progress bar counts the rows.
"Thorough" also fits the statsmodels models (ETS, Theta) and adds them to the combination the forecast is made
of, in two processes under a time budget: slower, and a little more accurate on public data. Cancel sets the
run's cancel flag, which planning asks between batches of rows (reading the history comes first and is not
interrupted); the run then stops with ``Cancelled``, nothing of it is shown or stored, and the table keeps the
previous result.

The table lists every product × warehouse with an alert. A line with a suggested quantity and a supplier
can be ticked (the SKU cell) and its quantity edited; "Create purchase orders…" confirms suppliers and
line counts and calls ``domain.planning.run.create_drafts`` on the task runner, then plans again — the
drafts count as on order, so the same lines are not suggested twice. The selected line's explanation
(every number planning froze with it) and its forecast chart are shown below the table.
"""

from __future__ import annotations

import dataclasses
import math
import threading
import time
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QSettings
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtGui import QColor
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QProgressBar
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QTextBrowser
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from domain.catalog.packs import RoundingReason
from domain.kernel.numbers import D
from domain.kernel.numbers import fmt
from ui.i18n import fill
from ui.models.proxy import RowFilterProxy
from ui.models.table import Column
from ui.models.table import RowTableModel
from ui.models.table import qty_text
from ui.refusals import refusal_text
from ui.search import needle
from ui.search import search_key
from ui.widgets.screen import Screen
from ui.widgets.table_view import DataTable

if TYPE_CHECKING:
    from ui.services import PlanningQueries
    from ui.services import PurchasingQueries

translate = QCoreApplication.translate

SEVERITIES = {
    "critical": QT_TRANSLATE_NOOP("Replenishment", "critical"),
    "high": QT_TRANSLATE_NOOP("Replenishment", "high"),
    "normal": QT_TRANSLATE_NOOP("Replenishment", "normal"),
}
SEVERITY_RANK = {"critical": 0, "high": 1, "normal": 2}
SEVERITY_COLOURS = {"critical": "#f8d0d0", "high": "#fde6c4", "normal": "#fdf6c8"}
DEMAND_CLASSES = {
    "smooth": QT_TRANSLATE_NOOP("Replenishment", "smooth"),
    "erratic": QT_TRANSLATE_NOOP("Replenishment", "erratic"),
    "intermittent": QT_TRANSLATE_NOOP("Replenishment", "intermittent"),
    "lumpy": QT_TRANSLATE_NOOP("Replenishment", "lumpy"),
    "too_short": QT_TRANSLATE_NOOP("Replenishment", "too short"),
}

MODELS = {
    "naive": QT_TRANSLATE_NOOP("Replenishment", "naive (last week)"),
    "seasonal_naive": QT_TRANSLATE_NOOP("Replenishment", "seasonal naive (same week last year)"),
    "moving_average": QT_TRANSLATE_NOOP("Replenishment", "moving average"),
    "holt_damped": QT_TRANSLATE_NOOP("Replenishment", "Holt's damped trend"),
    "seasonal_level": QT_TRANSLATE_NOOP("Replenishment", "last year's weekly shape at this year's level"),
    "ses": QT_TRANSLATE_NOOP("Replenishment", "simple exponential smoothing"),
    "croston": QT_TRANSLATE_NOOP("Replenishment", "Croston"),
    "sba": QT_TRANSLATE_NOOP("Replenishment", "Syntetos–Boylan (SBA)"),
    "tsb": QT_TRANSLATE_NOOP("Replenishment", "Teunter–Syntetos–Babai (TSB)"),
    "ets": QT_TRANSLATE_NOOP("Replenishment", "exponential smoothing (ETS)"),
    "holt_winters": QT_TRANSLATE_NOOP("Replenishment", "Holt-Winters"),
    "theta": QT_TRANSLATE_NOOP("Replenishment", "Theta"),
    "sarimax": QT_TRANSLATE_NOOP("Replenishment", "SARIMAX"),
    "simple_average": QT_TRANSLATE_NOOP("Replenishment", "simple average (short history)"),
    "category_profile": QT_TRANSLATE_NOOP("Replenishment", "its category's weekly profile (new product)"),
    "damped": QT_TRANSLATE_NOOP("Replenishment", "damped trend"),
}
LEAD_TIME_SOURCES = {
    "terms": QT_TRANSLATE_NOOP("Replenishment", "supplier terms"),
    "receipts_product": QT_TRANSLATE_NOOP("Replenishment", "purchase-order receipts of this product"),
    "receipts_supplier": QT_TRANSLATE_NOOP("Replenishment", "purchase-order receipts from this supplier"),
}
ROUNDING_STEPS = {  # domain.catalog.packs.RoundingReason.steps
    "moq": QT_TRANSLATE_NOOP("Replenishment", "minimum order quantity %1"),
    "multiple": QT_TRANSLATE_NOOP("Replenishment", "order multiple %1"),
    "packs": QT_TRANSLATE_NOOP("Replenishment", "packs of %1"),
}


def model_text(name: str) -> str:
    """A method's name for people, its parameters kept: ``ses(0.3)`` → simple exponential smoothing (0.3);
    a statsmodels pick ``ets: ETS(A,Ad,N)`` keeps its specification after the name."""
    if name.startswith("combination("):
        return _combination_text(name)
    head, colon, spec = name.partition(":")
    base, _, params = head.strip().partition("(")
    label = MODELS.get(base)
    if label is None:
        return name
    return _tr(label) + (f" ({params}" if params else "") + (f": {spec.strip()}" if colon else "")


def _combination_text(name: str) -> str:
    """``combination(damped,theta,seasonal)+ets+theta`` (``domain.planning.forecasting.combine``) for people."""
    inside, _, joined = name.removeprefix("combination(").partition(")")
    names = [_tr(MODELS[m]) if m in MODELS else m for m in inside.split(",") if m and m != "seasonal"]
    # Thorough's members: the statsmodels fits of ETS and Theta
    names += [fill(translate("Replenishment", "%1 (statsmodels)"), _tr(MODELS[m]) if m in MODELS else m)
              for m in joined.split("+") if m]
    names = translate("Replenishment", ", ").join(names)
    text = fill(translate("Replenishment", "combination of %1"), names)
    if "seasonal" in inside.split(","):
        text += translate("Replenishment", ", on the seasonally adjusted history")
    return text


def rounding_text(reason: str) -> str:
    """A ``domain.catalog.packs.RoundingReason`` in the current language (other text is shown as it is)."""
    if not isinstance(reason, RoundingReason):
        return reason or "–"
    steps = [fill(_tr(ROUNDING_STEPS[code]), value) if code in ROUNDING_STEPS else code + " " + value
             for code, value in reason.steps]
    return fill(translate("Replenishment", "%1 raised to %2 (%3)"), reason.requested, reason.result, ", ".join(steps))


# The explanation panel: (key of the explanation dict, label). Keys missing from a line are skipped.
EXPLANATION = [
    ("on_hand", QT_TRANSLATE_NOOP("Replenishment", "On hand")),
    ("on_order_issued", QT_TRANSLATE_NOOP("Replenishment", "On order (issued purchase orders)")),
    ("on_order_drafts", QT_TRANSLATE_NOOP("Replenishment", "On order (draft purchase orders)")),
    ("reserved", QT_TRANSLATE_NOOP("Replenishment", "Reserved")),
    ("position", QT_TRANSLATE_NOOP("Replenishment", "Inventory position (on hand + on order − reserved)")),
    ("forecast_per_week", QT_TRANSLATE_NOOP("Replenishment", "Forecast per week")),
    ("model", QT_TRANSLATE_NOOP("Replenishment", "Forecast model")),
    ("demand_class", QT_TRANSLATE_NOOP("Replenishment", "Demand class")),
    ("abc_class", QT_TRANSLATE_NOOP("Replenishment", "ABC class")),
    ("demand_per_period", QT_TRANSLATE_NOOP("Replenishment", "Demand per week d (over lead time + review)")),
    ("sigma_demand", QT_TRANSLATE_NOOP("Replenishment", "Forecast error per week σd")),
    ("lead_time_days", QT_TRANSLATE_NOOP("Replenishment", "Lead time (days)")),
    ("lead_time_source", QT_TRANSLATE_NOOP("Replenishment", "Lead time from")),
    ("lead_time_observations", QT_TRANSLATE_NOOP("Replenishment", "Receipts observed")),
    ("lead_time_sigma_days", QT_TRANSLATE_NOOP("Replenishment", "Lead time spread σL (days)")),
    ("review_days", QT_TRANSLATE_NOOP("Replenishment", "Review period (days)")),
    ("lead_time", QT_TRANSLATE_NOOP("Replenishment", "Lead time L (weeks)")),
    ("review_period", QT_TRANSLATE_NOOP("Replenishment", "Review period R (weeks)")),
    ("service_target", QT_TRANSLATE_NOOP("Replenishment", "Service target (cycle service level)")),
    ("service_source", QT_TRANSLATE_NOOP("Replenishment", "Service target from")),
    ("review_source", QT_TRANSLATE_NOOP("Replenishment", "Review period from")),
    ("z", QT_TRANSLATE_NOOP("Replenishment", "Safety factor z")),
    ("sigma_lt", QT_TRANSLATE_NOOP("Replenishment", "σ over the lead time")),
    ("safety_stock", QT_TRANSLATE_NOOP("Replenishment", "Safety stock")),
    ("reorder_point", QT_TRANSLATE_NOOP("Replenishment", "Reorder point s")),
    ("order_up_to", QT_TRANSLATE_NOOP("Replenishment", "Order-up-to level S")),
    ("order_due", QT_TRANSLATE_NOOP("Replenishment", "Order due")),
    ("order_qty", QT_TRANSLATE_NOOP("Replenishment", "Order quantity")),
    ("rounding", QT_TRANSLATE_NOOP("Replenishment", "Rounding")),
    ("supplier", QT_TRANSLATE_NOOP("Replenishment", "Supplier")),
    ("days_of_stock", QT_TRANSLATE_NOOP("Replenishment", "Days of stock")),
    ("stockout_date", QT_TRANSLATE_NOOP("Replenishment", "Projected stockout date")),
    ("severity", QT_TRANSLATE_NOOP("Replenishment", "Severity")),
    ("today", QT_TRANSLATE_NOOP("Replenishment", "Planned on")),
    ("formula", QT_TRANSLATE_NOOP("Replenishment", "Formula")),
]


# The formula line of the explanation (domain.planning.replenishment.FORMULA, as frozen with the alerts), translated.
FORMULAS = {
    "s = d·L + z·σ_LT; S = d(L+R) + z·σ_(L+R); order S − position when position − d·R ≤ s": QT_TRANSLATE_NOOP(
        "Replenishment", "s = d·L + z·σ_LT; S = d(L+R) + z·σ_(L+R); order S − position when position − d·R ≤ s"),
    "SS = Q_α(L+R) − d(L+R); s = d·L + SS; S = s + 2d·R; order S − position when position − d·R ≤ s": QT_TRANSLATE_NOOP(  # noqa: E501
        "Replenishment", "SS = Q_α(L+R) − d(L+R); s = d·L + SS; S = s + 2d·R; order S − position when position − d·R ≤ s"),  # noqa: E501
}


def _tr(text: str) -> str:
    return translate("Replenishment", text)


def value_text(key: str, value) -> str:
    """One explanation value, readable: exact decimals, floats to 2 places, shares as %, lists joined."""
    if value is None:
        return "–"
    if key == "severity":
        return _tr(SEVERITIES.get(value, value))
    if key == "model":
        return model_text(str(value))
    if key == "rounding":
        return rounding_text(value)
    if key == "formula":
        return _tr(FORMULAS[value]) if value in FORMULAS else str(value)
    if key == "lead_time_source":
        return _tr(LEAD_TIME_SOURCES.get(value, value))
    if key == "demand_class":
        return _tr(DEMAND_CLASSES.get(value, value))
    if key == "service_source" or key == "review_source":
        if value == "product":
            return translate("Replenishment", "set for this product")
        if value == "default":
            return translate("Replenishment", "the default")
        return fill(translate("Replenishment", "ABC class %1"), str(value).removeprefix("class "))
    if key == "service_target" or key == "service_level":
        return f"{float(value) * 100:g} %"
    if isinstance(value, bool):
        return translate("Replenishment", "yes") if value else translate("Replenishment", "no")
    if isinstance(value, Decimal):
        return fmt(value)
    if isinstance(value, float):
        return "∞" if math.isinf(value) else "–" if math.isnan(value) else f"{value:,.2f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(value_text("", v) for v in value)
    return str(value)


def explanation_html(item) -> str:
    """The explanation of one line as an HTML table of translated labels and values."""
    e = item.explanation or {}
    head = f"<b>{item.sku} {item.name}</b> · {item.warehouse}"
    rows = "".join(
        f"<tr><td>{_tr(label)}</td><td style='padding-left:12px'>{value_text(key, e[key])}</td></tr>"
        for key, label in EXPLANATION if key in e)
    return f"{head}<table cellspacing='2'>{rows}</table>"


def _severity(row) -> str:
    return row.alert.severity if row.alert else ""


def ordered(row) -> bool:
    """A line whose alert draft purchase orders already answer (shown as ordered, not orderable again)."""
    return row.alert is None and getattr(row, "draft_alert", None) is not None


ORDERED_COLOUR = "#e3efe3"


class ReplenishmentModel(RowTableModel):
    CONTEXT = "Replenishment"
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Replenishment", "SKU"), lambda r: r.sku),
        Column(QT_TRANSLATE_NOOP("Replenishment", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("Replenishment", "Warehouse"), lambda r: r.warehouse),
        Column(QT_TRANSLATE_NOOP("Replenishment", "Class"), lambda r: (r.abc, r.forecast.demand_class),
               lambda v: f"{v[0]} · {_tr(DEMAND_CLASSES.get(v[1], v[1]))}"),
        Column(QT_TRANSLATE_NOOP("Replenishment", "Severity"), lambda r: SEVERITY_RANK.get(_severity(r), 9),
               lambda v: _tr(SEVERITIES.get({0: "critical", 1: "high", 2: "normal"}.get(v, ""), ""))),
        Column(QT_TRANSLATE_NOOP("Replenishment", "On hand"), lambda r: r.explanation["on_hand"], qty_text, True),
        Column(QT_TRANSLATE_NOOP("Replenishment", "On order"), lambda r: r.explanation["on_order"], qty_text, True),
        Column(QT_TRANSLATE_NOOP("Replenishment", "Reorder point"), lambda r: r.explanation["reorder_point"],
               qty_text, True),
        Column(QT_TRANSLATE_NOOP("Replenishment", "Stockout"), lambda r: r.alert.stockout_date if r.alert else None,
               lambda v: "" if v is None else v.isoformat()),
        Column(QT_TRANSLATE_NOOP("Replenishment", "Suggested qty"),
               lambda r: r.suggestion.qty if r.suggestion else None, qty_text, True),
        Column(QT_TRANSLATE_NOOP("Replenishment", "Supplier"), lambda r: r.explanation.get("supplier") or ""),
    )
    SKU, NAME, WAREHOUSE, CLASS, SEVERITY, ON_HAND, ON_ORDER, REORDER, STOCKOUT, QTY, SUPPLIER = range(11)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.checked: set[tuple[str, str]] = set()
        self.qty: dict[tuple[str, str], Decimal] = {}
        self.drafts: dict[tuple[str, str], list[str]] = {}  # (SKU, warehouse) → labels of its draft POs
        self.edit_error = ""

    def set_rows(self, rows, keys=None, *, tick_critical: bool = False, drafts=None) -> None:
        """New plan lines, none ticked (or only the critical ones when ``tick_critical``)."""
        self.checked = {_key(r) for r in rows if orderable(r) and tick_critical and _severity(r) == "critical"}
        self.qty = {}
        self.drafts = dict(drafts or {})
        super().set_rows(rows, keys)

    def ordered_text(self, row) -> str:
        labels = self.drafts.get((row.sku, row.warehouse)) or []
        return fill(translate("Replenishment", "ordered (draft PO %1)"), ", ".join(labels) or "—")

    def set_ticks(self, rows: list[int], on: bool) -> None:
        """Tick or untick the orderable lines among these source rows."""
        for i in rows:
            r = self._rows[i]
            if orderable(r):
                (self.checked.add if on else self.checked.discard)(_key(r))
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    @classmethod
    def make_keys(cls, rows) -> list[str]:
        return [search_key(r.sku, r.name, r.warehouse, r.explanation.get("supplier") or "", chinese=r.name)
                for r in rows]

    def qty_of(self, row) -> Decimal | None:
        if row.suggestion is None:
            return None
        return self.qty.get(_key(row), row.suggestion.qty)

    def sort_value(self, row, column: int):
        if column == self.QTY:
            return self.qty_of(row)
        return super().sort_value(row, column)

    def background(self, row):
        colour = ORDERED_COLOUR if ordered(row) else SEVERITY_COLOURS.get(_severity(row))
        return QBrush(QColor(colour)) if colour else None

    def cell(self, row: int, column: int, role):
        r = self._rows[row]
        if column == self.SEVERITY and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) \
                and ordered(r):
            return self.ordered_text(r)
        if column == self.SKU and role == Qt.ItemDataRole.CheckStateRole and orderable(r):
            return Qt.CheckState.Checked if _key(r) in self.checked else Qt.CheckState.Unchecked
        if column == self.QTY and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return qty_text(self.qty_of(r))
        if column == self.QTY and role == Qt.ItemDataRole.UserRole + 1:
            return self.qty_of(r)
        return super().cell(row, column, role)

    def flags(self, index):
        flags = super().flags(index)
        if not index.isValid():
            return flags
        r = self._rows[index.row()]
        if orderable(r) and index.column() == self.SKU:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if orderable(r) and index.column() == self.QTY:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        r = self._rows[index.row()]
        if not orderable(r):
            return False
        if index.column() == self.SKU and role == Qt.ItemDataRole.CheckStateRole:
            state = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
            (self.checked.add if state == Qt.CheckState.Checked else self.checked.discard)(_key(r))
        elif index.column() == self.QTY and role == Qt.ItemDataRole.EditRole:
            try:
                qty = D(str(value))
            except ValueError:  # not a number, or an ambiguous comma (domain.kernel.numbers)
                qty = None
            if qty is None or not qty.is_finite() or qty <= 0:
                self.edit_error = translate("Replenishment",
                                            "Suggested qty: enter a number greater than 0, such as 24.")
                return False
            self.edit_error = ""
            self.qty[_key(r)] = qty
            self.checked.add(_key(r))
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.COLUMNS) - 1))
        return True

    def chosen(self, rows: list[int] | None = None) -> list:
        """The ticked suggestions, with edited quantities, among ``rows`` (source row numbers; None: all)."""
        picked = self._rows if rows is None else [self._rows[i] for i in rows]
        return [dataclasses.replace(r.suggestion, qty=self.qty_of(r)) for r in picked
                if orderable(r) and _key(r) in self.checked]


def _key(row) -> tuple[str, str]:
    return (row.product_id, row.warehouse)


def orderable(row) -> bool:
    return row.suggestion is not None and row.suggestion.supplier is not None and row.suggestion.qty > 0


THOROUGH_BUDGET_SECONDS = 20.0
TICK_CRITICAL_SETTING = "replenishment/tick_critical"


def created_html(drafts) -> str:
    """The created drafts as a list of links (the PO id is the link target): label, supplier, warehouse, amount."""
    from html import escape

    from ui.models.table import money_text

    head = translate("Replenishment", "Draft purchase orders created:")
    each = translate("Replenishment", "%1 — supplier %2, to %3, %4 line(s), %5 %6 before tax")
    items = "".join(
        "<li><a href='{}'>{}</a></li>".format(
            escape(d.po_id, quote=True),
            escape(fill(each, fill(
                translate("PurchasingScreen", "Draft %1"),
                d.po_id[:8]), d.supplier, d.warehouse, str(len(d.lines)), money_text(d.amount), d.currency)))
        for d in drafts)
    total = ""
    if len(drafts) > 1:  # one total per currency, never a sum of different currencies
        from domain.purchasing.exchange import totals_by_currency
        from domain.purchasing.exchange import totals_text

        sums = totals_text(totals_by_currency((d.currency, d.amount) for d in drafts), money_text)
        total = escape(fill(translate("Replenishment", "Together %1 before tax"), sums))
    return f"{escape(head)}<ul style='margin:0'>{items}</ul>{total}"


@dataclasses.dataclass(frozen=True)
class PlanResult:
    rows: list  # the ItemPlans with an alert, or with one that draft purchase orders answer
    planned: int  # product × warehouses planned
    computed: int  # of them forecast in this run (the rest came from the cache)
    drafts: dict = dataclasses.field(default_factory=dict)  # (SKU, warehouse) → draft PO labels


def run_plan(history: PlanningQueries, orders: PurchasingQueries, today: date, weeks: int, *, thorough: bool = False,
             cancel=None, progress=None) -> PlanResult:
    """``domain.planning.run.plan`` with the app's history reader and forecast cache (worker thread).

    ``cancel`` (a callable) is asked between batches; ``progress`` gets (rows done, rows in all).
    """
    from domain.planning import run as planning

    reader = history.reader(utc_offset_seconds=time.localtime().tm_gmtoff)
    control = planning.RunControl(cache=history.forecast_cache(), cancel=cancel, progress=progress)
    plans = planning.plan(reader, today=today, weeks=weeks, thorough=thorough,
                          budget_seconds=THOROUGH_BUDGET_SECONDS, workers=2, run=control)
    rows = [p for p in plans if p.alert is not None or p.draft_alert is not None]
    return PlanResult(rows, len(plans), control.computed, draft_labels(orders) if any(map(ordered, rows)) else {})


def draft_labels(orders: PurchasingQueries) -> dict[tuple[str, str], list[str]]:
    """(SKU, warehouse) → the labels of the draft purchase orders that hold it (worker thread)."""
    from ui.screens.purchasing import po_label

    labels: dict[tuple[str, str], list[str]] = {}
    for po in orders.purchase_orders(state="draft"):
        for line in po.lines:
            labels.setdefault((line.sku, po.warehouse), []).append(po_label(po))
    return labels


def group_by_supplier(suggestions) -> list[tuple[str, str, int]]:
    """(supplier, warehouse, line count) per draft that ``create_drafts`` will make."""
    groups: dict[tuple[str, str], int] = {}
    for s in suggestions:
        groups[(s.supplier, s.warehouse)] = groups.get((s.supplier, s.warehouse), 0) + 1
    return [(sup, wh, n) for (sup, wh), n in sorted(groups.items())]


class ReplenishmentScreen(Screen):
    marks_stale = True  # says when the database changed after the shown data was read (ui.watch)

    def __init__(self, services, parent=None) -> None:
        super().__init__(services, parent)
        self.today: date | None = None  # None: the real today; tests and replays set a day
        self.weeks = 104
        self._chart_ticket = 0
        self._planned_once = False
        self._status_text = None
        self.model = ReplenishmentModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.modelReset.connect(self._update_summary)
        self.model.dataChanged.connect(self._checks_changed)

        self.run_button = QPushButton(self)
        self.run_button.clicked.connect(self.refresh)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        # Esc cancels at once (a button's own shortcut would click 100 ms later, by animation).
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(lambda: self.cancel() if self.cancel_button.isEnabled() else None)
        self.thorough = QCheckBox(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumHeight(14)
        self.progress.hide()
        self._cancel_flag: threading.Event | None = None
        self.create_button = QPushButton(self)
        self.create_button.clicked.connect(self.create_orders)
        self.create_button.setEnabled(False)
        # Ticks act on the lines shown: tick all shown, untick all shown; critical lines ticked after a run
        # only when the user asks for it (a setting kept between sessions).
        self.tick_all_button = QPushButton(self)
        self.tick_all_button.clicked.connect(lambda: self.tick_shown(True))
        self.tick_none_button = QPushButton(self)
        self.tick_none_button.clicked.connect(lambda: self.tick_shown(False))
        self.tick_critical = QCheckBox(self)
        self.tick_critical.setChecked(QSettings().value(TICK_CRITICAL_SETTING, False, type=bool))
        self.tick_critical.toggled.connect(lambda on: QSettings().setValue(TICK_CRITICAL_SETTING, on))
        self.created_label = QLabel(self)
        self.created_label.setTextFormat(Qt.TextFormat.RichText)
        self.created_label.setWordWrap(True)
        self.created_label.linkActivated.connect(self.open_draft)
        self.created_label.hide()
        # A product's own service target and review period (Ctrl+T), for the selected line.
        self.target_button = QPushButton(self)
        self.target_button.clicked.connect(self.edit_target)
        self.target_button.setEnabled(False)
        self.target_dialog = None
        self._reselect: str | None = None
        target = QShortcut(QKeySequence("Ctrl+T"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        target.activated.connect(lambda: self.edit_target() if self.target_button.isEnabled() else None)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.proxy.set_search(needle(text)))
        self.filter_labels: dict[str, QLabel] = {}
        self.filters: dict[str, QComboBox] = {}
        for name in ("warehouse", "supplier", "severity", "class"):
            self.filter_labels[name] = QLabel(self)
            combo = self.filters[name] = QComboBox(self)
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(self._apply_filters)

        self.table = DataTable("replenishment", self)
        self.table.setModel(self.proxy)
        m = ReplenishmentModel
        self.table.set_widths({m.SKU: 110, m.NAME: 200, m.WAREHOUSE: 70, m.CLASS: 110, m.SEVERITY: 180,
                               m.ON_HAND: 70, m.ON_ORDER: 70, m.REORDER: 90, m.STOCKOUT: 90, m.QTY: 90})
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.explanation = QTextBrowser(self)
        from ui.widgets.forecast_chart import ForecastChart

        self.chart = ForecastChart(self)
        self.summary = QLabel(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        bar = QHBoxLayout()
        bar.addWidget(self.run_button)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.thorough)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.target_button)
        bar.addWidget(self.create_button)
        filter_bar = QHBoxLayout()
        for name in self.filters:
            filter_bar.addWidget(self.filter_labels[name])
            filter_bar.addWidget(self.filters[name], 1)
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.addWidget(self.explanation)
        bottom.addWidget(self.chart)
        bottom.setStretchFactor(0, 2)
        bottom.setStretchFactor(1, 3)
        bottom.setSizes([440, 660])
        split = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table)
        ticks = QHBoxLayout()
        ticks.addWidget(self.summary, 1)
        ticks.addWidget(self.tick_critical)
        ticks.addWidget(self.tick_all_button)
        ticks.addWidget(self.tick_none_button)
        top_layout.addLayout(ticks)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(filter_bar)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.progress)
        layout.addWidget(self.error_label)
        layout.addWidget(self.status)
        layout.addWidget(self.created_label)
        layout.addWidget(split, 1)
        self._status_text = lambda: translate(
            "Replenishment", "Run planning (F5) to forecast every product's demand and list what to order.")
        self.retranslate()

    # -- planning ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Run planning in the background (F5 or the button); ignored while a run is still stopping."""
        if self._cancel_flag is not None:
            return
        history, orders = self.services.planning, self.services.purchasing
        today, weeks = self.today or date.today(), self.weeks
        thorough = self.thorough.isChecked()
        flag = self._cancel_flag = threading.Event()
        self._running(True)
        self.progress.setRange(0, 0)
        self.progress.show()
        self._say(lambda: translate("Replenishment", "Planning: reading the history and forecasting every product…"))

        def job(progress):
            return run_plan(history, orders, today, weeks, thorough=thorough, cancel=flag.is_set,
                            progress=lambda done, total: progress((done, total)))

        self.load(job, self._planned, on_progress=self._progressed)

    def stale_text(self) -> str:
        return translate("Replenishment", "Stock, orders or sales changed since this plan was made: run planning "
                                          "again (F5) before ordering.")

    def show_stale(self) -> None:
        if self._planned_once and self._cancel_flag is None:  # no plan yet, or one on its way: nothing old
            super().show_stale()

    def cancel(self) -> None:
        """Ask the running planning to stop between two batches; nothing of it is kept."""
        if self._cancel_flag is None:
            return
        self._cancel_flag.set()
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)  # the bar stops where it is
        self._say(lambda: translate("Replenishment", "Cancelling planning…"))

    def _progressed(self, counts) -> None:
        done, total = counts
        if self._cancel_flag is None or self._cancel_flag.is_set():
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self._say(lambda: fill(translate("Replenishment", "Planning: forecast %1 of %2 product × warehouse rows…"),
                               f"{done:,}", f"{total:,}"))

    def _stopped(self) -> None:
        self._cancel_flag = None
        self.progress.hide()
        self._running(False)

    def _say(self, text) -> None:
        """Show a status line; ``text`` is a callable so that it can be said again in another language."""
        self._status_text = text
        self.status.setText(text() if text else "")

    def _running(self, on: bool) -> None:
        self.run_button.setEnabled(not on)
        self.thorough.setEnabled(not on)
        self.cancel_button.setEnabled(on)
        self.create_button.setEnabled(not on and bool(self.chosen()))
        self.target_button.setEnabled(not on and self.selected_row() is not None)

    def show_error(self, exc: BaseException) -> None:
        from domain.planning.cache import Cancelled

        self._stopped()
        if isinstance(exc, Cancelled):
            self._say(lambda: translate("Replenishment", "Planning cancelled; nothing was changed."))
            return
        super().show_error(exc)
        self._say(None)

    def _planned(self, result: PlanResult) -> None:
        self._stopped()
        self._planned_once = True
        # The run wrote its forecasts to the cache: that change is its own, not a reason to call the plan old.
        self._loaded_generation = self.services.data_generation()
        rows = result.rows
        for name, values in (("warehouse", {r.warehouse for r in rows}),
                             ("supplier", {r.explanation.get("supplier") or "" for r in rows} - {""})):
            self._fill(self.filters[name], [(v, v) for v in sorted(values)])
        self.model.set_rows(sorted(rows, key=lambda r: (SEVERITY_RANK.get(_severity(r), 9), r.sku, r.warehouse)),
                            tick_critical=self.tick_critical.isChecked(), drafts=result.drafts)
        self.create_button.setEnabled(bool(self.chosen()))
        n = sum(1 for r in rows if orderable(r))
        rows = [r for r in rows if not ordered(r)]
        day = (self.today or date.today()).isoformat()
        planned, computed = result.planned, result.computed
        self._say(lambda: fill(translate("Replenishment", "Planned for %1: %2 alert(s), %3 with a suggested order."),
                               day, str(len(rows)), str(n)) + " " +
                  fill(translate("Replenishment", "%1 of %2 rows forecast anew; the others had not changed."),
                       f"{computed:,}", f"{planned:,}"))
        if self.proxy.rowCount():
            keep = [i for i in range(self.proxy.rowCount())
                    if self.proxy.index(i, ReplenishmentModel.SKU).data() == self._reselect]
            self.table.selectRow(keep[0] if keep else 0)
            self._reselect = None
        else:
            self.explanation.clear()
            self.chart.clear()

    def _fill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(translate("Replenishment", "All"), None)
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(combo.findData(current) if current is not None else 0, 0))
        combo.blockSignals(False)
        self._apply_filters()

    def _apply_filters(self, *_) -> None:
        f = {name: combo.currentData() for name, combo in self.filters.items()}
        wh, sup, sev, cls = f["warehouse"], f["supplier"], f["severity"], f["class"]
        self.proxy.set_filter("warehouse", (lambda i, r: r.warehouse == wh) if wh else None)
        self.proxy.set_filter("supplier", (lambda i, r: r.explanation.get("supplier") == sup) if sup else None)
        self.proxy.set_filter("severity", (lambda i, r: _severity(r) == sev) if sev else None)
        self.proxy.set_filter("class", (lambda i, r: r.forecast.demand_class == cls or r.abc == cls) if cls else None)

    def chosen(self) -> list:
        """The ticked suggestions among the lines shown: a line hidden by a filter or search is never ordered."""
        return self.model.chosen(self.proxy.source_rows())

    def tick_shown(self, on: bool) -> None:
        self.model.set_ticks(list(self.proxy.source_rows()), on)

    def _update_summary(self) -> None:
        shown = len(self.proxy.source_rows())
        ticked = len(self.chosen())
        text = (fill(translate("Replenishment", "%1 of %2 line(s) shown, %3 ticked to order"),
                     str(shown), str(len(self.model.rows)), str(ticked)))
        hidden = len(self.model.chosen()) - ticked
        if hidden:
            text += " " + fill(
                translate("Replenishment", "(%1 ticked line(s) hidden by the filters will not be ordered)"
                          ), str(hidden))
        self.summary.setText(text)
        self.create_button.setEnabled(self.run_button.isEnabled() and ticked > 0)

    def _checks_changed(self, *_) -> None:
        self._update_summary()

    # -- the selected line ---------------------------------------------------------------
    def selected_row(self):
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.data(self.proxy.index(index.row(), 0), Qt.ItemDataRole.UserRole + 2)

    def _selected(self, *_) -> None:
        row = self.selected_row()
        self.target_button.setEnabled(row is not None and self.run_button.isEnabled())
        if row is None:
            self.explanation.clear()
            self.chart.clear()
            return
        self.explanation.setHtml(explanation_html(row))
        self._chart_ticket += 1
        ticket = self._chart_ticket

        def compute():
            from ui.widgets.forecast_chart import chart_data

            return chart_data(row)

        def done(data) -> None:
            from ui.widgets.busy import alive

            if alive(self) and ticket == self._chart_ticket:
                self.chart.set_data(data)

        self.services.tasks.submit(compute, on_done=done, on_error=self.show_error)

    # -- the product's own service target ---------------------------------------------------
    def edit_target(self) -> None:
        """Open the service-target dialog for the selected line; OK saves in the background, then plans again."""
        from ui.screens.product_target import ServiceTargetDialog

        row = self.selected_row()
        if row is None or not self.target_button.isEnabled():  # also disabled for a role that may not purchase
            return
        dialog = self.target_dialog = ServiceTargetDialog(row, self)
        dialog.accepted.connect(lambda: self._save_target(row, *dialog.texts()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _save_target(self, row, service: str, review: str) -> None:
        from domain.planning.product import SetProductPlanning

        self.target_dialog = None
        self.target_button.setEnabled(False)
        command = SetProductPlanning(row.sku, service, review)
        uow = self.services.uow

        def save():
            from domain.planning.product import set_product_planning

            return set_product_planning(uow(), command)

        def saved(planning) -> None:
            from ui.screens.product_target import saved_text

            self._reselect = row.sku
            self.refresh()
            self._say(lambda: saved_text(row.sku, planning.service_target, planning.review_days))

        def failed(exc: BaseException) -> None:
            self.target_button.setEnabled(self.selected_row() is not None)
            QMessageBox.warning(self, translate("Replenishment", "Service target"),
                                fill(translate("Replenishment", "The service target was not saved: %1"),
                                     refusal_text(exc)))

        self.services.tasks.submit(save, on_done=saved, on_error=failed)

    # -- purchase orders -----------------------------------------------------------------
    def create_orders(self) -> None:
        chosen = self.chosen()
        if not chosen:
            QMessageBox.information(
                self, translate("Replenishment", "Create purchase orders"),
                translate("Replenishment", "Tick at least one shown line with a suggested quantity and a supplier."))
            return
        each = translate("Replenishment", "%1 → %2: %3 line(s)")
        lines = "\n".join(fill(each, sup, wh, str(n))
                          for sup, wh, n in group_by_supplier(chosen))
        text = fill(translate("Replenishment", "Create these draft purchase orders?\n\n%1"), lines)
        if not self.confirm(text):
            return
        self.create_button.setEnabled(False)
        uow = self.services.uow
        note = translate("Replenishment", "suggested by replenishment planning")  # printed on the PO

        def create():
            from domain.planning import run as planning

            return planning.create_drafts(uow(), chosen, note)

        self.services.tasks.submit(create, on_done=self._created, on_error=self._create_failed)

    def confirm(self, text: str) -> bool:
        """Asks the user; tests replace it."""
        answer = QMessageBox.question(self, translate("Replenishment", "Create purchase orders"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _created(self, drafts) -> None:
        self.last_drafts = drafts
        self.created_label.setText(created_html(drafts))
        self.created_label.show()
        self._say(lambda: translate("Replenishment", "%n draft purchase order(s) created; click one to open it.",
                                    "", len(drafts)))
        self.notify(created_html(drafts))
        self.refresh()

    def open_draft(self, po_id: str) -> None:
        """Open a created draft on the Purchasing screen (a link of the created list)."""
        window = self.window()
        if hasattr(window, "show_screen"):
            window.show_screen("purchasing").select(po_id)

    def _create_failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        QMessageBox.warning(self, translate("Replenishment", "Create purchase orders"),
                            fill(translate("Replenishment", "No purchase order was created: %1"), refusal_text(exc)))

    def notify(self, text: str) -> None:
        """Tells the user (rich text, its links open the drafts); tests replace it."""
        box = QMessageBox(QMessageBox.Icon.Information, translate("Replenishment", "Create purchase orders"), "",
                          QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(text)
        for label in box.findChildren(QLabel):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            label.linkActivated.connect(lambda link: (box.accept(), self.open_draft(link)))
        box.exec()

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.run_button.setText(translate("Replenishment", "Run planning (F5)"))
        self.cancel_button.setText(translate("Replenishment", "Cancel (Esc)"))
        self.thorough.setText(translate("Replenishment", "Thorough"))
        self.thorough.setToolTip(translate(
            "Replenishment", "Also fit the statsmodels models (ETS, Theta) and add them to the forecast's "
                             "combination: slower, about 20 seconds more"))
        self.create_button.setText(translate("Replenishment", "Create purchase orders…"))
        self.create_button.setToolTip(translate("Replenishment", "Drafts for the ticked lines that are shown"))
        self.tick_all_button.setText(translate("Replenishment", "Tick shown"))
        self.tick_none_button.setText(translate("Replenishment", "Untick shown"))
        self.tick_critical.setText(translate("Replenishment", "Tick critical lines after planning"))
        if self.created_label.isVisible() and getattr(self, "last_drafts", None):
            self.created_label.setText(created_html(self.last_drafts))
        self.target_button.setText(translate("Replenishment", "Service target…"))
        self.target_button.setToolTip(translate(
            "Replenishment", "This product's own service target and review period instead of the defaults (Ctrl+T)"))
        self.search.setPlaceholderText(translate("Replenishment", "Search SKU, name, supplier or pinyin…"))
        labels = {"warehouse": translate("Replenishment", "Warehouse:"),
                  "supplier": translate("Replenishment", "Supplier:"),
                  "severity": translate("Replenishment", "Severity:"),
                  "class": translate("Replenishment", "Class:")}
        for name, label in labels.items():
            self.filter_labels[name].setText(label)
        fixed = {
            "severity": [(_tr(text), key) for key, text in SEVERITIES.items()],
            "class": [(f"ABC {c}", c) for c in "ABC"] + [(_tr(text), key) for key, text in DEMAND_CLASSES.items()],
        }
        for name, items in fixed.items():
            self._fill(self.filters[name], items)
        for combo in self.filters.values():
            if combo.count():
                combo.setItemText(0, translate("Replenishment", "All"))
        self.model.retranslate()
        self._update_summary()
        row = self.selected_row()
        if row is not None:
            self.explanation.setHtml(explanation_html(row))
        self.chart.retranslate()
        self._say(self._status_text)
