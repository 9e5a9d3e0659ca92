"""Settings › Planning: what ABC ranks products by, their annual demand value (the default) or its quantity;
whether orders to a supplier that delivers short are grossed up by its fill rate; where the service targets come
from, each item's unit cost around an overall target (the default, 99 %) or its ABC class
(``domain.planning.service``); what a purchase-order line costs to place, which makes suggested orders at least each
item's economic order quantity (``domain.planning.ordering``; 5 by default, 0 off), and beside it the holding rate a
year that prices the stock those orders hold (25 % by default); the dashboard's dead-stock days and excess cover
target.

Each group is kept in the database on its own Save (``domain.planning.settings``, the purchaser's right). The ABC
basis is read by every planning run; the classes already shown change with the next run (F5 on the Replenishment
screen). The dashboard's days are read by its next load; a value out of range is refused, named, and nothing of the
group is kept.

They are the office's settings and sync: when the window hears of a change the page reads them again and follows,
keeping what the user typed and not saved (``ui.widgets.changed_elsewhere``, as the General page does).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from ui.i18n import fill
from ui.refusals import refusal_text
from ui.widgets.busy import alive
from ui.widgets.changed_elsewhere import ChangedBanner
from ui.widgets.changed_elsewhere import Field
from ui.widgets.changed_elsewhere import FollowedForm
from ui.widgets.changed_elsewhere import updated_text

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
_BAD = "border: 1px solid #cf222e;"


class PlanningPage(QWidget):
    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.basis_label = QLabel(self)
        self.basis = QComboBox(self)
        self.basis.addItem("", "value")
        self.basis.addItem("", "volume")
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel(self)
        self.saved_label.setWordWrap(True)
        # a supplier that delivers short: orders grossed up by its fill rate (domain.planning.fill), kept with the basis
        self.fill_rate = QCheckBox(self)
        self.fill_rate.setObjectName("fill_rate")
        self.fill_note = QLabel(self)
        self.fill_note.setWordWrap(True)
        self.fill_note.setStyleSheet("color: #57606a;")
        # where the service targets come from (domain.planning.service), kept with the basis
        self.rule_label = QLabel(self)
        self.rule = QComboBox(self)
        self.rule.setObjectName("service_rule")
        self.rule.addItem("", "cost")
        self.rule.addItem("", "class")
        self.overall_label = QLabel(self)
        self.overall = QLineEdit(self)
        self.overall.setObjectName("service_overall")
        self.overall.setMaximumWidth(120)
        self.overall.textEdited.connect(lambda _: self.overall.setStyleSheet(""))
        self.rule.currentIndexChanged.connect(lambda _: self.overall.setEnabled(self.rule.currentData() == "cost"))
        self.rule_note = QLabel(self)
        self.rule_note.setWordWrap(True)
        self.rule_note.setStyleSheet("color: #57606a;")
        # what a purchase-order line costs: orders of at least the economic order quantity (domain.planning.ordering)
        self.order_cost_label = QLabel(self)
        self.order_cost = QLineEdit(self)
        self.order_cost.setObjectName("order_cost")
        self.order_cost.setMaximumWidth(120)
        self.order_cost.textEdited.connect(lambda _: self.order_cost.setStyleSheet(""))
        self.order_cost_note = QLabel(self)
        self.order_cost_note.setWordWrap(True)
        self.order_cost_note.setStyleSheet("color: #57606a;")
        # what a year of holding stock costs, as a share of its unit cost: the economic order quantity's h
        self.holding_label = QLabel(self)
        self.holding_rate = QLineEdit(self)
        self.holding_rate.setObjectName("holding_rate")
        self.holding_rate.setMaximumWidth(120)
        self.holding_rate.textEdited.connect(lambda _: self.holding_rate.setStyleSheet(""))
        for edit in (self.overall, self.order_cost, self.holding_rate):
            edit.returnPressed.connect(self.save)  # Enter saves the group, as it does the dashboard days below
        form = QFormLayout()
        form.addRow(self.basis_label, self.basis)
        form.addRow(self.fill_rate)
        form.addRow(self.fill_note)
        form.addRow(self.rule_label, self.rule)
        form.addRow(self.overall_label, self.overall)
        form.addRow(self.rule_note)
        form.addRow(self.order_cost_label, self.order_cost)
        form.addRow(self.holding_label, self.holding_rate)
        form.addRow(self.order_cost_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.saved_label, 1)
        self.stock_group = QGroupBox(self)
        self.stock_intro = QLabel(self.stock_group)
        self.stock_intro.setWordWrap(True)
        self.dead_label = QLabel(self.stock_group)
        self.dead_days = QLineEdit(self.stock_group)
        self.dead_days.setObjectName("dead_days")
        self.target_label = QLabel(self.stock_group)
        self.cover_target = QLineEdit(self.stock_group)
        self.cover_target.setObjectName("cover_target")
        for edit in (self.dead_days, self.cover_target):
            edit.setMaximumWidth(120)
            edit.textEdited.connect(lambda _, e=edit: e.setStyleSheet(""))
            edit.returnPressed.connect(self.save_days)
        self.days_button = QPushButton(self.stock_group)
        self.days_button.clicked.connect(self.save_days)
        self.days_label = QLabel(self.stock_group)
        self.days_label.setWordWrap(True)
        for label, field in ((self.basis_label, self.basis), (self.rule_label, self.rule),
                             (self.overall_label, self.overall), (self.order_cost_label, self.order_cost),
                             (self.holding_label, self.holding_rate), (self.dead_label, self.dead_days),
                             (self.target_label, self.cover_target)):
            label.setBuddy(field)  # its Alt letter goes to the field
        days_form = QFormLayout()
        days_form.addRow(self.dead_label, self.dead_days)
        days_form.addRow(self.target_label, self.cover_target)
        days_buttons = QHBoxLayout()
        days_buttons.addWidget(self.days_button)
        days_buttons.addWidget(self.days_label, 1)
        group = QVBoxLayout(self.stock_group)
        group.addWidget(self.stock_intro)
        group.addLayout(days_form)
        group.addLayout(days_buttons)
        self.followed = FollowedForm({
            "basis": Field(lambda: self.basis.currentData(),
                           lambda v: self.basis.setCurrentIndex(max(self.basis.findData(v), 0)),
                           lambda: self.basis_label.text().rstrip(":：")),
            "fill_rate": Field(lambda: _on_off(self.fill_rate.isChecked()),
                               lambda v: self.fill_rate.setChecked(v == "on"), self.fill_rate.text),
            "service_rule": Field(lambda: self.rule.currentData(),
                                  lambda v: self.rule.setCurrentIndex(max(self.rule.findData(v), 0)),
                                  lambda: self.rule_label.text().rstrip(":：")),
            "overall": Field(self.overall.text, self.overall.setText, lambda: self.overall_label.text().rstrip(":：")),
            "order_cost": Field(self.order_cost.text, self.order_cost.setText,
                                lambda: self.order_cost_label.text().rstrip(":：")),
            "holding_rate": Field(self.holding_rate.text, self.holding_rate.setText,
                                  lambda: self.holding_label.text().rstrip(":：")),
            "dead_days": Field(self.dead_days.text, self.dead_days.setText,
                               lambda: self.dead_label.text().rstrip(":：")),
            "cover_target": Field(self.cover_target.text, self.cover_target.setText,
                                  lambda: self.target_label.text().rstrip(":：")),
        })
        self.changed_banner = ChangedBanner(self.followed, self)
        self._reads = 0  # as on the General page: a newer read or a save makes an older read's values stale
        self._saving = 0
        layout = QVBoxLayout(self)
        layout.addWidget(self.changed_banner)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.stock_group)
        layout.addStretch(1)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        self._read(self._shown)

    def data_changed(self, _generation: int = 0) -> None:
        """The database changed (the Settings screen passes it on, as the window does to a screen): follow what is
        stored, keeping what is typed."""
        self._read(self._follow)

    def _read(self, then) -> None:
        uow = self.services.reader
        self._reads += 1
        ticket = self._reads

        def read():
            from domain.planning.settings import abc_basis
            from domain.planning.settings import dashboard_days
            from domain.planning.settings import fill_rate_use
            from domain.planning.settings import holding_rate
            from domain.planning.settings import order_cost
            from domain.planning.settings import service_rule

            return ((abc_basis(uow()), fill_rate_use(uow()), service_rule(uow()), order_cost(uow()),
                     holding_rate(uow())), dashboard_days(uow()))

        def done(result) -> None:
            if alive(self) and ticket == self._reads and not self._saving:
                then(_values(*result))

        self.services.tasks.submit(read, on_done=done, on_error=self._failed)

    def _shown(self, values: dict[str, str]) -> None:
        self.followed.shown(values)
        self.changed_banner.close_banner()
        for edit in (self.dead_days, self.cover_target, self.overall, self.order_cost, self.holding_rate):
            edit.setStyleSheet("")

    def _follow(self, values: dict[str, str]) -> None:
        merged = self.followed.merge(values)
        groups = ((self.saved_label, ("basis", "fill_rate", "service_rule", "overall", "order_cost",
                                     "holding_rate")),
                  (self.days_label, ("dead_days", "cover_target")))
        for label, keys in groups:
            updated = [key for key in merged.updated if key in keys]  # said beside the Save of their group
            if updated:
                label.setText(updated_text(self.followed, updated))
        if merged.conflicts:
            self.changed_banner.ask(merged.conflicts)

    def _show(self, planning: tuple[str, bool, tuple[str, float], float, float]) -> None:
        if alive(self):
            basis, fill_on, (rule, overall), cost, rate = planning
            self.followed.shown({"basis": basis, "fill_rate": _on_off(fill_on), "service_rule": rule,
                                 "overall": _percent(overall), "order_cost": f"{cost:g}",
                                 "holding_rate": _percent(rate)})
            for edit in (self.overall, self.order_cost, self.holding_rate):
                edit.setStyleSheet("")

    def _show_days(self, days: tuple[int, int]) -> None:
        if alive(self):
            self.followed.shown({"dead_days": str(days[0]), "cover_target": str(days[1])})
            for edit in (self.dead_days, self.cover_target):
                edit.setStyleSheet("")

    def save_days(self) -> None:
        """Keep the dashboard's days; a value out of range is named beside the button and nothing is kept."""
        from domain.planning.settings import SetDashboardDays

        command = SetDashboardDays(self.dead_days.text(), self.cover_target.text())
        uow = self.services.uow
        self.days_label.clear()
        self._begin_save()

        def write():
            from domain.planning.settings import set_dashboard_days

            return set_dashboard_days(uow(), command)

        def done(days: tuple[int, int]) -> None:
            self._saving -= 1
            if alive(self):
                self._show_days(days)
                self.days_label.setText(translate("PlanningPage", "Saved. The dashboard uses them when it loads "
                                                                  "next (F5)."))

        self.services.tasks.submit(write, on_done=done, on_error=self._days_failed)

    def _begin_save(self) -> None:
        self._reads += 1  # a read begun before the save would show the values it replaces
        self._saving += 1

    def _days_failed(self, exc: BaseException) -> None:
        from domain.kernel.errors import BadInput
        from domain.planning.settings import COVER_TARGET_FIELD
        from domain.planning.settings import DEAD_DAYS_FIELD
        from domain.planning.settings import MAX_DAYS

        self._saving -= 1
        if not alive(self):
            return
        edit = {DEAD_DAYS_FIELD: self.dead_days, COVER_TARGET_FIELD: self.cover_target}.get(
            getattr(exc, "field", None)) if isinstance(exc, BadInput) else None
        if edit is None:
            self.days_label.setText(fill(translate("PlanningPage", "Not saved: %1"), refusal_text(exc)))
            return
        edit.setStyleSheet(_BAD)
        edit.setFocus()
        edit.selectAll()
        name = (translate("PlanningPage", "Dead stock after") if edit is self.dead_days
                else translate("PlanningPage", "Excess stock above"))
        self.days_label.setText(fill(translate(
            "PlanningPage", "Not saved: %1 takes a whole number of days from 1 to %2; “%3” is not one."),
            name, MAX_DAYS, edit.text().strip()))

    def save(self) -> None:
        from domain.planning.settings import SetAbcBasis
        from domain.planning.settings import SetFillRateUse
        from domain.planning.settings import SetHoldingRate
        from domain.planning.settings import SetOrderCost
        from domain.planning.settings import SetServiceRule

        command, uow = SetAbcBasis(self.basis.currentData()), self.services.uow
        fill_command = SetFillRateUse(self.fill_rate.isChecked())
        rule_command = SetServiceRule(self.rule.currentData(), self.overall.text())
        cost_command = SetOrderCost(self.order_cost.text())
        rate_command = SetHoldingRate(self.holding_rate.text())
        self.saved_label.clear()
        self._begin_save()

        def write():
            from domain.planning.ordering import parse_holding_rate
            from domain.planning.ordering import parse_order_cost
            from domain.planning.settings import set_abc_basis
            from domain.planning.settings import set_fill_rate_use
            from domain.planning.settings import set_holding_rate
            from domain.planning.settings import set_order_cost
            from domain.planning.settings import set_service_rule

            parse_order_cost(cost_command.cost)  # first: a refused cost, rate or target leaves the others unsaved too
            parse_holding_rate(rate_command.rate)
            rule = set_service_rule(uow(), rule_command)
            return (set_abc_basis(uow(), command), set_fill_rate_use(uow(), fill_command), rule,
                    set_order_cost(uow(), cost_command), set_holding_rate(uow(), rate_command))

        def done(planning: tuple[str, bool, tuple[str, float], float, float]) -> None:
            self._saving -= 1
            if alive(self):
                self._show(planning)
                self.saved_label.setText(translate("PlanningPage", "Saved. The next planning run follows it."))

        self.services.tasks.submit(write, on_done=done, on_error=self._save_failed)

    def _save_failed(self, exc: BaseException) -> None:
        from domain.kernel.errors import BadInput
        from domain.planning.ordering import HIGHEST_HOLDING
        from domain.planning.ordering import HOLDING_RATE_FIELD
        from domain.planning.ordering import LOWEST_HOLDING
        from domain.planning.ordering import MOST
        from domain.planning.ordering import ORDER_COST_FIELD
        from domain.planning.service import HIGHEST
        from domain.planning.service import LOWEST
        from domain.planning.service import OVERALL_FIELD

        self._saving -= 1
        field = getattr(exc, "field", None) if isinstance(exc, BadInput) else None
        edit = {ORDER_COST_FIELD: self.order_cost, HOLDING_RATE_FIELD: self.holding_rate,
                OVERALL_FIELD: self.overall}.get(field)
        if not alive(self) or edit is None:
            self._failed(exc)
            return
        edit.setStyleSheet(_BAD)
        edit.setFocus()
        edit.selectAll()
        typed = edit.text().strip()
        if edit is self.order_cost:
            text = fill(translate("PlanningPage", "Not saved: the order cost per purchase-order line takes an amount "
                                                  "from 0 (off) to %1, such as 20; “%2” is not one."),
                        f"{MOST:,.0f}", typed)
        elif edit is self.holding_rate:
            text = fill(translate("PlanningPage", "Not saved: the holding rate takes a percentage of the unit cost a "
                                                  "year from %1 to %2, such as 25; “%3” is not one."),
                        f"{LOWEST_HOLDING * 100:g}", f"{HIGHEST_HOLDING * 100:g}", typed)
        else:
            text = fill(translate("PlanningPage", "Not saved: the overall service target takes a percentage from %1 "
                                                  "to %2, such as 99; “%3” is not one."),
                        f"{LOWEST * 100:g}", f"{HIGHEST * 100:g}", typed)
        self.saved_label.setText(text)

    def _failed(self, exc: BaseException) -> None:
        if alive(self):
            self.saved_label.setText(fill(translate("PlanningPage", "Not saved: %1"), refusal_text(exc)))

    def retranslate(self) -> None:
        self.intro.setText(translate(
            "PlanningPage", "Planning ranks products into ABC classes: A the products making the first 80 % of the "
                            "annual demand, B the next 15 %, C the rest. Rank them by what their demand is worth "
                            "(quantity × price) or by the quantity alone."))
        self.basis_label.setText(translate("PlanningPage", "Rank ABC &by:"))
        self.basis.setItemText(0, translate("PlanningPage", "Demand value (quantity × price)"))
        self.basis.setItemText(1, translate("PlanningPage", "Demand quantity (volume)"))
        self.save_button.setText(translate("PlanningPage", "Save"))
        self.fill_rate.setText(translate("PlanningPage", "Order &more from suppliers who deliver short"))
        self.fill_note.setText(translate(
            "PlanningPage", "A supplier whose purchase orders of the last year brought less than 98 % of what was "
                            "ordered (its quantity fill rate on the Suppliers screen, from 5 lines on 3 orders) gets "
                            "its suggested orders grossed up by it, at most × 1.5."))
        self.rule_label.setText(translate("PlanningPage", "Service &targets:"))
        self.rule.setItemText(0, translate("PlanningPage", "By each item's unit cost (recommended)"))
        self.rule.setItemText(1, translate("PlanningPage", "By ABC class (A 97 %, B 98 %, C 99 %)"))
        self.overall_label.setText(translate("PlanningPage", "&Overall service target (%):"))
        self.rule_note.setText(translate(
            "PlanningPage", "By unit cost: an item at the average unit cost of the items planned gets the overall "
                            "target; one that costs a third of the average has a third of its chance of running "
                            "short, one that costs twice as much twice the chance (between 90 % and 99.5 %). Money "
                            "put into stock then buys about as much fill at every item, and the same stock fills "
                            "more orders than targets by class. By ABC class assumes A's items are the dear ones. "
                            "A product's own target (Ctrl+T on the Replenishment screen) wins over either."))
        self.order_cost_label.setText(translate("PlanningPage", "Order &cost per purchase-order line:"))
        self.holding_label.setText(translate("PlanningPage", "Ho&lding rate a year (% of unit cost):"))
        self.order_cost_note.setText(translate(
            "PlanningPage", "What placing one line of a purchase order costs you (handling, checking, a share of the "
                            "freight), in your currency, and what a year of holding stock costs you as a share of its "
                            "unit cost (capital, space, shrinkage; 25 % unless set). Above 0 each suggested order is "
                            "at least the item's economic order quantity, √(2 × yearly demand × order cost ÷ (holding "
                            "rate × unit cost)): cheap and slow items are ordered less often in bigger lots, the more "
                            "so the lower the holding rate. The default 5 placed half as many lines as 0 and, at the "
                            "same stock, filled more orders; 0 orders about a week's demand at a time."))
        self.stock_group.setTitle(translate("PlanningPage", "Dashboard: dead and excess stock"))
        self.stock_intro.setText(translate(
            "PlanningPage", "Dead stock is stock of a product with no issue in this many days. Excess stock is what a "
                            "warehouse holds beyond this many days of its average daily issues of the last 90 days "
                            "(or beyond the product's maximum level)."))
        self.dead_label.setText(translate("PlanningPage", "&Dead stock after (days):"))
        self.target_label.setText(translate("PlanningPage", "&Excess stock above (days of cover):"))
        self.days_button.setText(translate("PlanningPage", "Save"))
        self.changed_banner.retranslate()


def _on_off(on: bool) -> str:
    return "on" if on else "off"


def _percent(share: float) -> str:
    return f"{round(share * 100, 2):g}"


def _values(planning: tuple[str, bool, tuple[str, float], float, float], days: tuple[int, int]) -> dict[str, str]:
    """The stored settings as the page's fields read them."""
    (basis, fill_on, (rule, overall), cost, rate), (dead, cover) = planning, days
    return {"basis": basis, "fill_rate": _on_off(fill_on), "service_rule": rule, "overall": _percent(overall),
            "order_cost": f"{cost:g}", "holding_rate": _percent(rate), "dead_days": str(dead),
            "cover_target": str(cover)}
