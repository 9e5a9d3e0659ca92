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
can be ticked (the SKU cell) and its quantity edited; "Create purchase orders…" asks first, naming each draft's
supplier, line count, amount and (when few) products as ``domain.planning.drafts.preview_drafts`` works them out,
then calls ``domain.planning.run.create_drafts`` on the task runner and plans again — the
drafts count as on order, so the same lines are not suggested twice. The selected line's explanation
(every number planning froze with it) and its forecast chart are shown below the table.

Transfers before purchases: the run moves another warehouse's surplus to one that runs short before it buys; each
transfer is a line of its own (kind, from → to, reason), ticked like a purchase, and "Create transfers…" posts the
ticked ones at once (``ui.screens.replenishment.transfers``).
"""

from __future__ import annotations

import threading
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QSettings
from PySide6.QtCore import Qt
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

from domain.kernel import clock
from ui.i18n import fill
from ui.models.classes import CHOICES as CLASS_CHOICES
from ui.models.classes import choice_text
from ui.models.classes import class_tooltip
from ui.models.classes import matches
from ui.models.proxy import RowFilterProxy
from ui.models.table import count_text
from ui.refusals import refusal_text
from ui.screens.replenishment.detail import DEMAND_CLASSES
from ui.screens.replenishment.detail import SEVERITIES
from ui.screens.replenishment.detail import SEVERITY_RANK
from ui.screens.replenishment.detail import explanation_html
from ui.screens.replenishment.detail import translated
from ui.screens.replenishment.model import ReplenishmentModel
from ui.screens.replenishment.model import orderable
from ui.screens.replenishment.model import ordered
from ui.screens.replenishment.model import severity_of
from ui.screens.replenishment.run import PlanResult
from ui.screens.replenishment.run import confirmation_html
from ui.screens.replenishment.run import created_html
from ui.screens.replenishment.run import run_plan
from ui.screens.replenishment.transfers import TransferAction
from ui.screens.replenishment.transfers import detail_html
from ui.screens.replenishment.transfers import is_transfer
from ui.search import needle
from ui.widgets.busy import alive
from ui.widgets.combo import refill
from ui.widgets.screen import Screen
from ui.widgets.table_view import DataTable

translate = QCoreApplication.translate

TICK_CRITICAL_SETTING = "replenishment/tick_critical"


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
        self.transfers = TransferAction(self)  # transfers before purchases: "Create transfers…"
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
        # the drafts' links from the keyboard too: Tab to a link, Enter opens it
        self.created_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.created_label.hide()
        # A product's own service target and review period (Ctrl+T), for the selected line.
        self.target_button = QPushButton(self)
        self.target_button.clicked.connect(self.edit_target)
        self.target_button.setEnabled(False)
        self.target_dialog = None
        self._reselect: str | None = None
        self._asked: tuple[str, str | None] | None = None  # (SKU, warehouse) another screen asked to see
        # The buttons and the filters carry Alt letters (创建采购订单(&O)…), and Ctrl+F goes to the search box as on
        # Products: the screen was reached only by Tab through a dozen widgets, and nothing on it said a key
        QShortcut(QKeySequence("Ctrl+F"), self, lambda: self.search.setFocus(),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        target = QShortcut(QKeySequence("Ctrl+T"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        target.activated.connect(lambda: self.edit_target() if self.target_button.isEnabled() else None)
        # The ABC/XYZ matrix of the last run's classes (ui.screens.replenishment.matrix); a click filters the list.
        self.matrix_button = QPushButton(self)
        self.matrix_button.clicked.connect(self.open_matrix)
        self.matrix_dialog = None
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.proxy.set_search(needle(text)))
        self.filter_labels: dict[str, QLabel] = {}
        self.filters: dict[str, QComboBox] = {}
        for name in ("warehouse", "supplier", "severity", "class"):
            self.filter_labels[name] = QLabel(self)
            combo = self.filters[name] = QComboBox(self)
            self.filter_labels[name].setBuddy(combo)  # Alt and the label's letter chooses in it
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(self._apply_filters)

        self.table = DataTable("replenishment", self)
        self.table.setModel(self.proxy)
        m = ReplenishmentModel
        # "ordered (draft PO …)" in the severity column is its tooltip too: the column need not be wide for it
        self.table.set_widths({m.SKU: 110, m.NAME: 180, m.WAREHOUSE: 70, m.CLASS: 110, m.SEVERITY: 80,
                               m.ON_HAND: 70, m.ON_ORDER: 70, m.REORDER: 90, m.STOCKOUT: 90, m.QTY: 90,
                               m.KIND: 70, m.ROUTE: 120, m.REASON: 260, m.ABC_XYZ: 70})
        # what to order and from whom beside how urgent it is: at the far right they were off a 1280-pixel window
        self.table.default_order([m.SKU, m.NAME, m.WAREHOUSE, m.CLASS, m.SEVERITY, m.STOCKOUT, m.QTY, m.SUPPLIER])
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
        bar.addWidget(self.transfers.button)
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
        ticks.addWidget(self.matrix_button)  # beside the count of lines shown, which its cells filter
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
    def refresh(self, *, behind: bool = False) -> None:
        """Run planning in the background (F5 or the button); ignored while a run is still stopping.

        ``behind``: a run nobody asked for (the one after creating drafts) runs on the runner's background pool,
        behind the screens' loads: the purchaser opening a draft just made waited for this run (and the dashboard's
        reload) to free a thread of the two before the editor could read the order."""
        if self._cancel_flag is not None:
            return
        history, orders, watcher = self.services.planning, self.services.purchasing, self.services.watcher
        today, weeks = self.today or clock.today(), self.weeks
        thorough = self.thorough.isChecked()
        flag = self._cancel_flag = threading.Event()
        self._running(True)
        self.progress.setRange(0, 0)
        self.progress.show()
        self._say(lambda: translate("Replenishment", "Planning: reading the history and forecasting every product…"))

        def job(progress):
            return run_plan(history, orders, today, weeks, thorough=thorough, cancel=flag.is_set,
                            progress=lambda done, total: progress((done, total)), watcher=watcher)

        self.load(job, self._planned, on_progress=self._progressed, background=behind)

    def show_product(self, sku: str, warehouse: str | None = None) -> None:
        """The product's suggestion, asked for from another screen (a sales order's stockout): the list shows the
        product (in ``warehouse`` when given) and, when there is no plan yet or the one shown is out of date,
        planning runs, so that the answer is not an empty list waiting for F5."""
        self.search.setText(sku)
        self._reselect = sku
        combo = self.filters["warehouse"]
        if warehouse and combo.findData(warehouse) < 0:
            combo.addItem(warehouse, warehouse)  # before a first plan the list of warehouses is still empty
        combo.setCurrentIndex(max(0, combo.findData(warehouse)) if warehouse else 0)
        if self._cancel_flag is not None:  # a run on its way answers when it ends
            self._asked = (sku, warehouse)
        elif not self._planned_once or self.services.data_generation() > self._loaded_generation:
            self._asked = (sku, warehouse)
            self.refresh()
        elif not self.proxy.rowCount():
            self._say(lambda: self._nothing_for((sku, warehouse)).strip())

    def show_alerts(self) -> None:
        """The reorder alerts, asked for from the dashboard's tile: when there is no plan yet or the one shown is out
        of date, planning runs (the tile counted the alerts of a stored run, and the screen opened on an empty list
        that waited for F5)."""
        if self._cancel_flag is None and (not self._planned_once
                                          or self.services.data_generation() > self._loaded_generation):
            self.refresh()

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
                               count_text(done), count_text(total)))

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
        self.transfers.update()
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
        if self.matrix_dialog is not None and self.matrix_dialog.isVisible():
            self.matrix_dialog.refresh()  # the run stored new classes
        # The run's forecasts, classes and alerts summary are its own (``ui.watch.QuietStore``): not a reason to
        # call the plan old, even where they were counted (another commit came first).
        self._loaded_generation = self.services.data_generation()
        rows = result.rows
        for name, values in (("warehouse", {r.warehouse for r in rows}),
                             ("supplier", {r.explanation.get("supplier") or "" for r in rows} - {""})):
            self._fill(self.filters[name], [(v, v) for v in sorted(values)])
        self.model.set_rows(sorted(rows, key=lambda r: (SEVERITY_RANK.get(severity_of(r), 9), r.sku, r.warehouse,
                                                        not is_transfer(r))),
                            tick_critical=self.tick_critical.isChecked(), drafts=result.drafts)
        self.create_button.setEnabled(bool(self.chosen()))
        n = sum(1 for r in rows if orderable(r))
        moves = sum(1 for r in rows if is_transfer(r))
        rows = [r for r in rows if not ordered(r) and not is_transfer(r)]
        day = (self.today or clock.today()).isoformat()
        planned, computed = result.planned, result.computed
        asked, self._asked = self._asked, None
        asked = None if self.proxy.rowCount() else asked  # listed: the list answers
        self._say(lambda: fill(translate("Replenishment", "Planned for %1: %2 alert(s), %3 with a suggested order."),
                               day, count_text(len(rows)), count_text(n)) + " " +
                  (fill(translate("Replenishment", "%1 transfer(s) between warehouses suggested before buying."),
                        count_text(moves)) + " " if moves else "") +
                  fill(translate("Replenishment", "%1 of %2 rows forecast anew; the others had not changed."),
                       count_text(computed), count_text(planned)) + self._nothing_for(asked))
        if self.proxy.rowCount():
            keep = [i for i in range(self.proxy.rowCount())
                    if self.proxy.index(i, ReplenishmentModel.SKU).data() == self._reselect]
            self.table.selectRow(keep[0] if keep else 0)
            self._reselect = None
        else:
            self.explanation.clear()
            self.chart.clear()

    def _nothing_for(self, asked: tuple[str, str | None] | None) -> str:
        """Why the product another screen asked for is not listed: planning suggests nothing for it, and a draft
        sales order's quantities are not demand until the order is confirmed (its backorder then counts)."""
        if asked is None:
            return ""
        sku, warehouse = asked
        return "\n" + fill(translate("Replenishment", "%1 in %2: planning suggests no order; the stock and open "
                                                       "purchase orders cover its forecast. A draft sales order "
                                                       "counts once it is confirmed: confirm it with the rest on "
                                                       "backorder, then plan again (F5)."),
                           sku, warehouse or translate("Replenishment", "any warehouse"))

    def _fill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        refill(combo, ((data, text) for text, data in items), translate("Replenishment", "All"))
        self._apply_filters()

    def _apply_filters(self, *_) -> None:
        f = {name: combo.currentData() for name, combo in self.filters.items()}
        wh, sup, sev, cls = f["warehouse"], f["supplier"], f["severity"], f["class"]
        self.proxy.set_filter("warehouse", (lambda i, r: r.warehouse == wh) if wh else None)
        self.proxy.set_filter("supplier", (lambda i, r: r.explanation.get("supplier") == sup) if sup else None)
        self.proxy.set_filter("severity", (lambda i, r: severity_of(r) == sev) if sev else None)
        self.proxy.set_filter("class", (lambda i, r: r.forecast.demand_class == cls or (
            cls in CLASS_CHOICES and matches(cls, r.abc + r.xyz))) if cls else None)
        if self.matrix_dialog is not None:
            self.matrix_dialog.select(cls)

    def open_matrix(self) -> None:
        """Show the ABC/XYZ matrix of the last planning run's classes; a click on a cell filters the list by it."""
        from ui.screens.replenishment.matrix import ClassMatrixDialog

        if self.matrix_dialog is None:
            self.matrix_dialog = ClassMatrixDialog(self.services, self)
            self.matrix_dialog.cell_chosen.connect(self.filter_class)
        self.matrix_dialog.refresh()
        self.matrix_dialog.show()
        self.matrix_dialog.raise_()

    def filter_class(self, choice: str | None) -> None:
        """List only the lines of one ABC class, XYZ class or matrix cell (None: every class)."""
        combo = self.filters["class"]
        combo.setCurrentIndex(max(combo.findData(choice), 0) if choice else 0)

    def chosen(self) -> list:
        """The ticked suggestions among the lines shown: a line hidden by a filter or search is never ordered."""
        return self.model.chosen(self.proxy.source_rows())

    def tick_shown(self, on: bool) -> None:
        self.model.set_ticks(list(self.proxy.source_rows()), on)

    def _update_summary(self) -> None:
        shown = len(self.proxy.source_rows())
        ticked = len(self.chosen())
        text = (fill(translate("Replenishment", "%1 of %2 line(s) shown, %3 ticked to order"),
                     count_text(shown), count_text(len(self.model.rows)), count_text(ticked)))
        moves = len(self.transfers.chosen())
        if moves:
            text += fill(translate("Replenishment", ", %1 transfer(s) ticked"), count_text(moves))
        hidden = len(self.model.chosen()) - ticked
        if hidden:
            text += " " + fill(
                translate("Replenishment", "(%1 ticked line(s) hidden by the filters will not be ordered)"
                          ), count_text(hidden))
        self.summary.setText(text)
        self.create_button.setEnabled(self.run_button.isEnabled() and ticked > 0)
        self.transfers.update()

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
        self.explanation.setHtml(detail_html(row, explanation_html))
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
        self.create_button.setEnabled(False)
        uow = self.services.uow

        def preview():
            from domain.planning.drafts import preview_drafts

            return preview_drafts(uow(), chosen)

        self.services.tasks.submit(preview, on_done=lambda previews: self._ask_to_create(chosen, previews),
                                   on_error=self._create_failed)

    def _ask_to_create(self, chosen: list, previews) -> None:
        """Which suppliers get which drafts, what they come to (the drafts' own figures, not yet made): asked."""
        if not alive(self):
            return
        if not self.confirm(confirmation_html(previews)):
            self.create_button.setEnabled(self.run_button.isEnabled() and bool(self.chosen()))
            return
        uow = self.services.uow

        def create():  # the drafts carry planning's note as the domain words it, not the window's language
            from domain.planning import run as planning

            return planning.create_drafts(uow(), chosen)

        self.services.tasks.submit(create, on_done=self._created, on_error=self._create_failed)

    def confirm(self, text: str, title: str | None = None) -> bool:
        """Asks the user (the drafts' table, rich text, in a dialog wide enough for it); tests replace it."""
        title = title or translate("Replenishment", "Create purchase orders")
        if text.startswith("<"):
            from ui.widgets.question import RichQuestion

            return RichQuestion.ask(self, title, text)
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def _created(self, drafts) -> None:
        self.last_drafts = drafts
        self.created_label.setText(created_html(drafts))
        self.created_label.show()
        count = len(drafts)  # lupdate records a plural only when its count is a plain name
        self._say(lambda: translate("Replenishment", "%n draft purchase order(s) created; click one to open it.",
                                    "", count))
        self.refresh(behind=True)  # before the message: a draft opened from its link does not wait for the run
        self.notify(created_html(drafts))

    def open_draft(self, po_id: str) -> None:
        """Open a created draft on the Purchasing screen (a link of the created list)."""
        window = self.window()
        if hasattr(window, "show_screen"):
            window.show_screen("purchasing").select(po_id)

    def _create_failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        QMessageBox.warning(self, translate("Replenishment", "Create purchase orders"),
                            fill(translate("Replenishment", "No purchase order was created: %1"), refusal_text(exc)))

    def notify(self, text: str, title: str | None = None) -> None:
        """Tells the user (rich text, its links open the drafts); tests replace it."""
        box = QMessageBox(QMessageBox.Icon.Information, title or translate("Replenishment", "Create purchase orders"),
                          "",
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
        self.create_button.setText(translate("Replenishment", "Create purchase &orders…"))
        self.create_button.setToolTip(translate("Replenishment", "Drafts for the ticked lines that are shown"))
        self.transfers.retranslate()
        self.tick_all_button.setText(translate("Replenishment", "Tick &shown"))
        self.tick_none_button.setText(translate("Replenishment", "U&ntick shown"))
        self.tick_critical.setText(translate("Replenishment", "Tick critical lines after planning"))
        if self.created_label.isVisible() and getattr(self, "last_drafts", None):
            self.created_label.setText(created_html(self.last_drafts))
        self.matrix_button.setText(translate("Replenishment", "&ABC/XYZ matrix…"))
        self.matrix_button.setToolTip(class_tooltip())
        if self.matrix_dialog is not None:
            self.matrix_dialog.retranslate()
        self.target_button.setText(translate("Replenishment", "Service tar&get…"))
        self.target_button.setToolTip(translate(
            "Replenishment", "This product's own service target and review period instead of the defaults (Ctrl+T)"))
        self.search.setPlaceholderText(translate("Replenishment", "Search SKU, name, supplier or pinyin… (Ctrl+F)"))
        labels = {"warehouse": translate("Replenishment", "&Warehouse:"),
                  "supplier": translate("Replenishment", "Su&pplier:"),
                  "severity": translate("Replenishment", "Severit&y:"),
                  "class": translate("Replenishment", "&Class:")}
        for name, label in labels.items():
            self.filter_labels[name].setText(label)
        fixed = {
            "severity": [(translated(text), key) for key, text in SEVERITIES.items()],
            "class": [(choice_text(c), c) for c in CLASS_CHOICES]
            + [(translated(text), key) for key, text in DEMAND_CLASSES.items()],
        }
        for name, items in fixed.items():
            self._fill(self.filters[name], items)
        for name in ("warehouse", "supplier"):  # filled by the first run; "All" until then, not a blank box
            if not self.filters[name].count():
                self._fill(self.filters[name], [])
        for combo in self.filters.values():
            if combo.count():
                combo.setItemText(0, translate("Replenishment", "All"))
        self.model.retranslate()
        self._update_summary()
        row = self.selected_row()
        if row is not None:
            self.explanation.setHtml(detail_html(row, explanation_html))
        self.chart.retranslate()
        self._say(self._status_text)
