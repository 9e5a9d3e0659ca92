"""Conflicts found by sync, for a manager to review, and stock that went below zero after a merge.

Sync never drops a losing edit: the version that lost a rule (a concurrent edit, or the same
SKU, barcode or warehouse code created on two desktops) is kept here beside the one in use.
The table lists them (open ones, or all); the pane below shows both versions side by side with
the differing fields marked. "Mark reviewed" (Ctrl+Enter) closes one with an optional note;
"Apply losing version" puts the losing version in place instead, after a confirmation; it is
offered only for the kinds of conflict where it can work (``ConflictRow.loser_applies``: not for a
renumbered document, a fact such as an allocation, or a deletion). Where
sign-in is on, both need the manager role (``domain.access.roles``).

Negative stock after a merge is not an error: both clerks' movements are kept. The list at the
bottom says which balances are below zero and how to fix them (a count or a correction);
"Count this product…" opens the Count screen with the product and warehouse filled in.

Records sync kept aside are listed at the bottom with their reasons in the reader's language
(``ui.sync_reasons``). A user record the desk holds back (a new user, a role raised elsewhere:
``persistence.sync.gate.user_authority``) can be let in there with "Approve…", by whoever may
manage users (the permission ``sync approve`` checks; the button is guarded in ``ui.access``).
"""

from __future__ import annotations

import json
import re
from datetime import UTC
from datetime import datetime
from decimal import Decimal
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QSettings
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QTextBrowser
from PySide6.QtWidgets import QToolTip
from PySide6.QtWidgets import QVBoxLayout

from domain.kernel.numbers import fmt
from persistence.sync.reasons import waits_for_approval
from ui import sync_service
from ui.access import role_title
from ui.dialogs.reason import ReasonDialog
from ui.i18n import fill
from ui.models.table import Column
from ui.models.table import RowTableModel
from ui.models.table import qty_text
from ui.models.table import when_text
from ui.screens.accounts.words import kind_text
from ui.sync_reasons import FIELD_NAMES
from ui.sync_reasons import field_text
from ui.sync_reasons import reason_text
from ui.sync_reasons import refusal_with_reason
from ui.sync_reasons import rule_text
from ui.sync_reasons import table_text
from ui.widgets.busy import alive
from ui.widgets.screen import Screen
from ui.widgets.table_view import DataTable

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
_RED = "color: #b00020;"


# how a Decimal's text looks when it carries an exponent ("5E+1" for 50), read as a number except in the fields
# that hold what a user typed as text
_EXPONENT = re.compile(r"-?[0-9]{1,40}(\.[0-9]{1,40})?E[+-][0-9]{1,4}")
_TEXT_FIELDS = ("sku", "code", "number", "name", "username", "reference", "barcode", "notes", "reason", "contact")
_LINKS = ("id", "document_id", "po_id", "product_id", "device_id", "version")
_HIDDEN = ("id", "device_id")  # global ids: the same on both sides or meaningless to a clerk

def value_text(name: str, value, items: dict | None = None) -> str:
    """A field of a stored version as a clerk reads it: instants as local time, child rows briefly, an account item
    an allocation names (``items``: ``ConflictRow.items``) by its number, partner and products (``item_text``)."""
    if value is None:
        return ""
    if items and isinstance(value, str) and value in items:
        return item_text(items[value])
    if name.endswith("_at") and isinstance(value, int) and not isinstance(value, bool):
        return when_text(datetime.fromtimestamp(value / 1_000_000, UTC))
    if isinstance(value, list):
        rows = [summary({k: v for k, v in row.items() if k not in _LINKS}) if isinstance(row, dict) else str(row)
                for row in value]
        return "; ".join(rows[:6]) + (f"; … (+{len(rows) - 6})" if len(rows) > 6 else "")
    if isinstance(value, dict):
        return summary(value)
    if isinstance(value, bool):
        return translate("ConflictsScreen", "yes") if value else translate("ConflictsScreen", "no")
    if isinstance(value, str) and name not in _TEXT_FIELDS and _EXPONENT.fullmatch(value):  # an exact quantity
        return fmt(Decimal(value))
    return str(value)


def caption(name: str) -> str:
    """A field of a version as the reader names it; a child table (its rows, shown as one field, such as a document's
    lines or a product's barcodes) as the kind of record it holds."""
    return field_text(name) if name in FIELD_NAMES else table_text(name)


def fields_of(version) -> dict:
    """The fields of a version, child tables (``_children``) as fields of their own."""
    if not isinstance(version, dict):
        return {"": version}
    result = {k: v for k, v in version.items() if k != "_children"}
    result.update(version.get("_children") or {})
    return result


def item_text(item) -> str:
    """An account item as the clerk knows it (``persistence.sync.conflict_items.ItemName``): its kind and number, its
    customer or supplier, and the products its document moved: "Sale SD-2026-00002, C1 Hangzhou Mingyuan (BOLT
    Bolt M8)"."""
    said = fill(translate("ConflictsScreen", "%1 %2, %3"), kind_text(item.kind), item.number, item.partner)
    if item.products:
        shown = "; ".join(item.products[:3]) + (f"; … (+{len(item.products) - 3})" if len(item.products) > 3 else "")
        said = fill(translate("ConflictsScreen", "%1 (%2)"), said, shown)
    return said


def _items(row) -> dict:
    return getattr(row, "items", None) or {}


def lost_summary(row) -> str:
    """The losing version by what it would change: the fields that differ from the kept one first."""
    kept, lost = fields_of(row.kept_data or {}), fields_of(row.lost)
    if not row.lost:
        return summary(row.lost)
    differ = {k: v for k, v in lost.items() if kept.get(k) != v and k not in _HIDDEN}
    return summary(differ, _items(row)) or summary(row.lost, _items(row))


def summary(value, items: dict | None = None) -> str:
    """One line for a version: a dict as ``field=value, …``; anything else as text."""
    if isinstance(value, dict):
        return ", ".join(f"{caption(k)}={value_text(k, v, items)}" for k, v in fields_of(value).items()
                         if k not in _LINKS and v not in (None, "", []))
    return "" if value is None else str(value)


_KEPT_FIELDS = ("sku", "code", "number", "name", "username", "state", "price", "unit_price", "value")


def key_text(row) -> str:
    """The business key of a conflict's record; an office-wide setting's key (``po_tax_rate``) as the reader names
    the setting."""
    if row.table == "office_settings":
        return field_text(row.business_key)
    return row.business_key


def kept_summary(row) -> str:
    """The version in use, by the fields that name it and its version, in the reader's words (the sync's English
    summary for a deleted or unreadable one)."""
    kept = row.kept_data
    if not isinstance(kept, dict) or not kept:
        return row.kept
    named = {k: kept[k] for k in _KEPT_FIELDS if kept.get(k) not in (None, "")}
    lost = fields_of(row.lost) if isinstance(row.lost, dict) and row.lost else {}
    differ = {k: v for k, v in fields_of(kept).items()  # what the losing version would change (a credit limit)
              if lost and k not in named and k not in _HIDDEN and k != "version" and not k.endswith(("_id", "item"))
              and lost.get(k) != v}
    shown = ", ".join(part for part in (summary(named), summary(differ)) if part)
    if "version" in kept:
        shown += fill(translate("ConflictsScreen", " (version %1)"), str(kept["version"]))
    return shown or row.kept


class ConflictTableModel(RowTableModel):
    CONTEXT = "ConflictTableModel"
    WHEN, TABLE, KEY, KEPT, LOST, RULE, REVIEWED = range(7)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("ConflictTableModel", "Detected"), lambda r: r.detected_at, when_text),
        Column(QT_TRANSLATE_NOOP("ConflictTableModel", "Table"), lambda r: r.table, table_text),
        Column(QT_TRANSLATE_NOOP("ConflictTableModel", "Key"), key_text),
        Column(QT_TRANSLATE_NOOP("ConflictTableModel", "Kept"), kept_summary),
        Column(QT_TRANSLATE_NOOP("ConflictTableModel", "Losing version"), lost_summary),
        Column(QT_TRANSLATE_NOOP("ConflictTableModel", "Rule"), lambda r: rule_of(r)),
        Column(QT_TRANSLATE_NOOP("ConflictTableModel", "Reviewed"), lambda r: r.resolved_at, when_text),
    )


class NegativeStockModel(RowTableModel):
    CONTEXT = "NegativeStockModel"
    SKU, NAME, WAREHOUSE, ON_HAND = range(4)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("NegativeStockModel", "SKU"), lambda r: r.sku),
        Column(QT_TRANSLATE_NOOP("NegativeStockModel", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("NegativeStockModel", "Warehouse"), lambda r: r.warehouse),
        Column(QT_TRANSLATE_NOOP("NegativeStockModel", "On hand"), lambda r: r.on_hand, qty_text, True),
    )


def rule_of(row) -> str:
    """The rule that settled a conflict, in the reader's language (its English for a conflict kept before codes)."""
    return rule_text(getattr(row, "rule_code", ""), getattr(row, "rule_params", {}), row.rule)


def field_cell(name: str) -> str:
    """A field as the detail's first column names it: its label, bold; the stored name only in its tooltip (for
    whoever compares the record with the database or the command line's JSON)."""
    label = caption(name)
    if label == name:  # a field of a newer version, named as it is stored
        return f"<b>{escape(label)}</b>"
    return f"<span title='{escape(name, quote=True)}'><b>{escape(label)}</b></span>"


def side_by_side(row) -> str:
    """Both versions as an HTML table, one field a row, differing fields marked."""
    kept, lost = row.kept_data or row.kept, row.lost
    captions = (translate("ConflictsScreen", "Field"), translate("ConflictsScreen", "Kept (in use)"),
                translate("ConflictsScreen", "Losing version"))
    head = "<tr>" + "".join(f"<th align='left'>{escape(c)}</th>" for c in captions) + "</tr>"
    kept, lost = fields_of(kept), fields_of(lost)
    items = _items(row)
    # an id both versions hold alike (the customer of a customer's terms, a price's product) is what the heading
    # names already: a row of the same 36 hex digits twice told the manager nothing
    names = [n for n in dict.fromkeys([*kept, *lost]) if n not in _HIDDEN
             and not (str(n).endswith(("_id", "item")) and kept.get(n) == lost.get(n))]
    names.sort(key=lambda n: kept.get(n) == lost.get(n))  # the differing fields first, each group in order
    body = []
    for name in names:
        a, b = kept.get(name), lost.get(name)
        if a in (None, "") and b in (None, ""):  # empty on both sides (one holds no such field): nothing to compare
            continue
        style = " style='background:#fff3bf'" if a != b else ""
        body.append(f"<tr{style}><td>{field_cell(str(name))}</td><td>{escape(value_text(name, a, items))}</td>"
                    f"<td>{escape(value_text(name, b, items))}</td></tr>")
    rows = "".join(body)
    facts = [(translate("ConflictsScreen", "Rule"), rule_of(row)),
             (translate("ConflictsScreen", "Detected"), when_text(row.detected_at))]
    if row.resolved_at is not None:
        facts.append((translate("ConflictsScreen", "Reviewed"),
                      f"{when_text(row.resolved_at)} · {row.resolved_by or ''}"))
    if row.note:
        facts.append((translate("ConflictsScreen", "Note"), row.note))
    lines = "".join(f"<b>{escape(k)}:</b> {escape(str(v))}<br>" for k, v in facts)
    title = escape(f"{table_text(row.table)} · {key_text(row)}")
    return (f"<h3 style='margin:0'>{title}</h3><p>{lines}</p>"
            f"<table border='1' cellspacing='0' cellpadding='4' width='100%'>{head}{rows}</table>")


def _name(row) -> str:
    return f"{table_text(row.table)} {key_text(row)}"


def _record(q) -> dict:
    """The user record a kept-aside entry holds ({} for a merge, whose data is the other user's id)."""
    try:
        record = json.loads(q.data) if q.data and not q.table.startswith("alias:") else {}
    except ValueError:
        return {}
    return record if isinstance(record, dict) else {}


def who_waits(q) -> str:
    """A held-back user as the list of those waiting names it: li (Admin), or a merge li → wang."""
    if q.table.startswith("alias:"):
        return f"{q.params.get('username') or q.row_id} → {q.params.get('into') or q.data}"
    record = _record(q)
    role = role_title(record.get("role"))
    return f"{record.get('username', q.row_id)} ({role})" if role else str(record.get("username", q.row_id))


class ConflictsScreen(Screen):
    follows_data = True  # reloads by itself when the database changes (ui.watch)

    def __init__(self, services, parent=None) -> None:
        super().__init__(services, parent)
        self.model = ConflictTableModel(self)
        self.show_all = QComboBox(self)
        self.show_all.addItem("", False)
        self.show_all.addItem("", True)
        self.show_all.currentIndexChanged.connect(lambda *_: self.refresh())
        self.filter_label = QLabel(self)
        self.filter_label.setBuddy(self.show_all)
        self.reload = QPushButton(self)
        self.reload.clicked.connect(self.refresh)
        self.review = QPushButton(self)
        self.review.clicked.connect(self.mark_reviewed)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.mark_reviewed)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.mark_reviewed)
        self.apply_loser = QPushButton(self)
        self.apply_loser.clicked.connect(self.apply_losing_version)
        self.table = DataTable("conflicts", self)
        self.table.setModel(self.model)
        self.table.set_widths({0: 125, 1: 90, 2: 120, 3: 220, 4: 220, 5: 170})
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.details = QTextBrowser(self)
        self.details.viewport().installEventFilter(self)  # a field's stored name as its tooltip (``field_cell``)
        self.status = QLabel(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.may_resolve = True

        self.negative_model = NegativeStockModel(self)
        self.negative_table = DataTable("negative-stock", self)
        self.negative_table.setModel(self.negative_model)
        self.negative_table.set_widths({0: 110, 1: 220, 2: 90})
        self.negative_table.setMaximumHeight(5 * self.negative_table.verticalHeader().defaultSectionSize() + 8)
        self.negative_help = QLabel(self)
        self.negative_help.setWordWrap(True)
        self.count_button = QPushButton(self)
        self.count_button.clicked.connect(self.count_selected)
        self.negative_box = QGroupBox(self)
        box = QVBoxLayout(self.negative_box)
        box.addWidget(self.negative_help)
        row = QHBoxLayout()
        row.addWidget(self.negative_table, 1)
        row.addWidget(self.count_button, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(row)

        self.kept_view = QTextBrowser(self)
        self.kept_view.setMaximumHeight(6 * self.negative_table.verticalHeader().defaultSectionSize())
        self.kept_box = QGroupBox(self)
        kept_layout = QVBoxLayout(self.kept_box)
        kept_layout.addWidget(self.kept_view)
        self.waiting_label = QLabel(self)
        self.waiting = QComboBox(self)  # the held-back users an admin may let in
        self.waiting_label.setBuddy(self.waiting)
        self.approve_button = QPushButton(self)
        self.approve_button.clicked.connect(self.approve_selected)
        approve_row = QHBoxLayout()
        approve_row.addWidget(self.waiting_label)
        approve_row.addWidget(self.waiting, 1)
        approve_row.addWidget(self.approve_button)
        kept_layout.addLayout(approve_row)
        self.kept_box.hide()
        self.kept: list = []

        bar = QHBoxLayout()
        bar.addWidget(self.filter_label)
        bar.addWidget(self.show_all)
        bar.addWidget(self.reload)
        bar.addStretch(1)
        bar.addWidget(self.review)
        bar.addWidget(self.apply_loser)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setSizes([220, 300])
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.negative_box)
        layout.addWidget(self.kept_box)
        sync_service.service_for(services).finished.connect(lambda _report: alive(self) and self.refresh())
        self.retranslate()
        self.refresh()

    # -- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        services, everything = self.services, bool(self.show_all.currentData())

        def read():
            return (services.sync.conflicts(include_resolved=everything),
                    services.sync.negative_stock(), sync_service.may_resolve(services),
                    services.sync.kept_aside())

        self.load(read, self._loaded)

    def _loaded(self, result) -> None:
        rows, negative, self.may_resolve, self.kept = result
        self._show_kept()
        selected = self.selected()
        self.model.set_rows(rows)
        self.negative_model.set_rows(negative)
        self.negative_box.setVisible(bool(negative))
        if selected is not None:
            for i, r in enumerate(rows):
                if r.id == selected.id:
                    self.table.selectRow(i)
                    break
        if self.selected() is None and rows:
            self.table.selectRow(0)
        self._selection_changed()
        self._update_status()

    def selected(self):
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() and index.row() < self.model.rowCount() else None

    def _selection_changed(self) -> None:
        row = self.selected()
        self.details.setHtml(side_by_side(row) if row is not None else "")
        open_row = row is not None and row.resolved_at is None
        for button in (self.review, self.apply_loser):
            button.setEnabled(open_row and self.may_resolve)
            button.setToolTip("" if self.may_resolve else
                              translate("ConflictsScreen", "Resolving sync conflicts needs the manager role."))
        # only what works for this kind of conflict: a renumbered document keeps its number, a fact (an open item, an
        # allocation) is corrected by a reversal, a deletion has nothing to apply
        applies = row is None or row.loser_applies
        self.apply_loser.setVisible(applies)
        if not applies:
            self.apply_loser.setEnabled(False)

    # -- resolving -------------------------------------------------------------------------
    def ask_note(self, row) -> tuple[bool, str]:
        prompt = translate("ConflictsScreen", "Keep the version in use for %1. A note for the record (optional):")
        dialog = ReasonDialog(translate("ConflictsScreen", "Mark reviewed"), fill(prompt, _name(row)),
                              required=False, parent=self)
        return dialog.exec() == QDialog.DialogCode.Accepted, dialog.reason()

    def confirm_apply(self, row) -> bool:
        text = fill(translate("ConflictsScreen", "Put the losing version of %1 in place of the one in use? The version "
                                                 "in use now is kept in this list."), _name(row))
        answer = QMessageBox.question(self, translate("ConflictsScreen", "Apply losing version"), text)
        return answer == QMessageBox.StandardButton.Yes

    def mark_reviewed(self) -> None:
        row = self.selected()
        if row is None or row.resolved_at is not None or not self.review.isEnabled():
            return
        ok, note = self.ask_note(row)
        if ok:
            self._resolve(row, note, apply_loser=False)

    def apply_losing_version(self) -> None:
        row = self.selected()
        if row is None or row.resolved_at is not None or not self.apply_loser.isEnabled():
            return
        if self.confirm_apply(row):
            self._resolve(row, "", apply_loser=True)

    def _resolve(self, row, note: str, apply_loser: bool) -> None:
        services = self.services
        said = (translate("ConflictsScreen", "The losing version of %1 is now in use.") if apply_loser else
                translate("ConflictsScreen", "%1 marked reviewed."))
        self._submit(lambda: services.admin.resolve_conflict(
            row.id, user=services.user, note=note, apply_loser=apply_loser, role=services.role), fill(said, _name(row)))

    def _submit(self, work, said: str) -> None:
        """Run a manager's decision (``work``) in the background: ``said`` when it is done, else why not, in red; the
        list reloads either way (someone may have decided first), and so does the status bar's count when done."""
        services = self.services

        def done(_=None) -> None:
            if alive(self):
                self.message.setText(said)
                self.refresh()
                sync_service.service_for(services).refresh()

        def failed(exc: BaseException) -> None:
            if alive(self):
                self.message.setStyleSheet(_RED)
                self.message.setText(fill(translate("ConflictsScreen", "Not done: %1"), refusal_with_reason(exc)))
                self.refresh()

        self.message.setStyleSheet("")
        self.message.clear()
        services.tasks.submit(work, done, failed)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """Hovering a field of the detail shows its stored name (the ``title`` its cell carries), which the text
        browser keeps with the text but does not show by itself."""
        if event.type() == QEvent.Type.ToolTip and watched is self.details.viewport():
            tip = self.details.cursorForPosition(event.pos()).charFormat().toolTip()
            if tip:
                QToolTip.showText(event.globalPos(), tip, watched)
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)

    # -- negative stock --------------------------------------------------------------------
    def count_selected(self) -> None:
        """Open the Count screen on the selected balance's warehouse with a line for its product."""
        index = self.negative_table.currentIndex()
        if not index.isValid() and self.negative_model.rowCount():
            index = self.negative_model.index(0, 0)
        if not index.isValid():
            return
        balance = self.negative_model.row(index.row())
        sku, warehouse = balance.sku, balance.warehouse
        window = self.window()
        if not hasattr(window, "show_screen"):
            return
        QSettings().setValue("documents/count/warehouse", warehouse)  # chosen when the screen loads its warehouses
        screen = window.show_screen("count")
        combo = getattr(screen, "warehouse", None)
        if combo is not None and combo.findData(warehouse) >= 0:
            combo.setCurrentIndex(combo.findData(warehouse))
        scan = getattr(screen, "scan", None)
        if scan is not None:
            scan.setText(sku)
            scan.returnPressed.emit()  # waits for the product list when it is still loading

    # -- users held back from the hub -------------------------------------------------------
    def waiting_users(self) -> list:
        """The kept-aside entries an admin of this desk may let in: users, and merges of users."""
        return [q for q in self.kept if waits_for_approval(q.table, q.code, q.reason)]

    def _show_waiting(self) -> None:
        waiting = self.waiting_users()
        chosen = self.waiting.currentData()
        self.waiting.blockSignals(True)
        self.waiting.clear()
        for q in waiting:
            self.waiting.addItem(who_waits(q), q.row_id)
        if chosen is not None and self.waiting.findData(chosen) >= 0:
            self.waiting.setCurrentIndex(self.waiting.findData(chosen))
        self.waiting.blockSignals(False)
        for widget in (self.waiting_label, self.waiting, self.approve_button):
            widget.setVisible(bool(waiting))
        self.approve_button.setEnabled(bool(waiting))  # a role that may not manage users: kept off by ui.access

    def confirm_approve(self, q) -> bool:
        """Ask before letting a held-back user in, saying who it is and with what role."""
        record = _record(q)
        if q.table.startswith("alias:"):
            text = fill(translate("ConflictsScreen", "Merge user %1 into user %2 on this computer, as the shared "
                                                     "database says? %1 can then no longer sign in here."),
                        q.params.get("username") or q.row_id, q.params.get("into") or q.data)
        elif q.code == "user_changed":
            text = fill(translate("ConflictsScreen", "Take the change to user %1 made on another computer? %1 will "
                                                     "sign in here with the role %2 and the password set there."),
                        record.get("username", q.row_id), role_title(record.get("role")))
        else:
            text = fill(translate("ConflictsScreen", "Let user %1 sign in on this computer with the role %2? The "
                                                     "user was added on another computer."),
                        record.get("username", q.row_id), role_title(record.get("role")))
        answer = QMessageBox.question(self, translate("ConflictsScreen", "Approve user"), text)
        return answer == QMessageBox.StandardButton.Yes

    def approve_selected(self) -> None:
        """Approve… : the chosen held-back user, after a confirmation, in the background."""
        key = self.waiting.currentData()
        q = next((q for q in self.waiting_users() if q.row_id == key), None)
        if q is None or not self.approve_button.isEnabled() or not self.confirm_approve(q):
            return
        services = self.services
        self._submit(lambda: services.admin.approve_held_user(key, user=services.user, role=services.role),
                     fill(translate("ConflictsScreen", "%1 approved and let in."), who_waits(q)))

    def _show_kept(self) -> None:
        """Records sync kept aside: refused from the hub (with the hub's entry) or held back from it."""
        items = []
        for q in self.kept:
            if q.outgoing:
                head = translate("ConflictsScreen", "Not sent: %1 %2")
                head = fill(head, table_text(q.table.removeprefix("outgoing:")), q.shown_key)
            elif waits_for_approval(q.table, q.code, q.reason):
                head = translate("ConflictsScreen", "Waits for an admin of this computer: %1 %2 "
                                                    "(to let it in: stockroom sync approve %2)")
                head = fill(head, table_text(q.table.removeprefix("alias:")), q.row_id)
            elif q.table.startswith("alias:"):
                head = translate("ConflictsScreen", "A merge from the shared database kept aside: %1 %2")
                head = fill(head, table_text(q.table.removeprefix("alias:")), q.shown_key)
            else:
                head = translate("ConflictsScreen", "Refused from the shared database: %1 %2 (entry %3)")
                head = fill(head, table_text(q.table), q.shown_key, str(q.seq))
            items.append(f"<li><b>{escape(head)}</b><br>{escape(reason_text(q.code, q.params, q.reason))}</li>")
        self.kept_view.setHtml("<ul>" + "".join(items) + "</ul>" if items else "")
        self.kept_box.setVisible(bool(items))
        self._show_waiting()

    # -- text ------------------------------------------------------------------------------
    def _update_status(self) -> None:
        rows = self.model.rows
        open_count = sum(1 for r in rows if r.resolved_at is None)
        self.status.setText(translate("ConflictsScreen", "%n open conflict(s)", None, open_count) + self.loading_note())

    def retranslate(self) -> None:
        self.heading.setText(translate("ConflictsScreen", "Sync conflicts"))
        self.filter_label.setText(translate("ConflictsScreen", "&Show:"))
        self.show_all.setItemText(0, translate("ConflictsScreen", "Open"))
        self.show_all.setItemText(1, translate("ConflictsScreen", "All"))
        self.reload.setText(translate("ConflictsScreen", "Refresh"))
        self.review.setText(translate("ConflictsScreen", "Mark &reviewed (Ctrl+Enter)"))
        self.apply_loser.setText(translate("ConflictsScreen", "&Apply losing version…"))
        self.negative_box.setTitle(translate("ConflictsScreen", "Negative stock"))
        self.negative_help.setText(translate(
            "ConflictsScreen", "These balances went below zero when postings made offline on several desktops were "
                               "merged (for example, two clerks shipped the last unit). Both movements are kept. Count "
                               "the product to record what is really there, or post a correction on the Adjust "
                               "screen."))
        self.count_button.setText(translate("ConflictsScreen", "&Count this product…"))
        self.waiting_label.setText(translate("ConflictsScreen", "&Waiting for approval:"))
        self.approve_button.setText(translate("ConflictsScreen", "A&pprove…"))
        self.kept_box.setTitle(translate(
            "ConflictsScreen", "Kept aside by sync (never applied; a corrected version on the shared database is "
                               "applied at the next sync, a user record by an admin's approval)"))
        self._show_kept()
        self.model.retranslate()
        self.negative_model.retranslate()
        self._selection_changed()
        self._update_status()
