"""The Ship screen's offer to record a refused line's shortfall as unfilled demand (a lost sale).

When posting a shipment is refused because a line asks for more than is on hand, the customer's demand
was real even though it cannot be shipped: forecasting should count it (``domain.stock.demand``). The offer
appears under the refusal with "Record as unfilled demand" (Alt+N, or Tab to it): it records the
shortfall — asked minus what is on hand — for that product and warehouse, with the document's customer,
reference and date, on the task runner. The clerk then changes the line to what is on hand (or removes
it) and posts the rest.
"""

from __future__ import annotations

from datetime import date
from datetime import datetime
from datetime import time as clock
from decimal import Decimal
from decimal import InvalidOperation

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QWidget

from domain.kernel import clock as wall
from domain.kernel.numbers import fmt
from domain.stock.demand import RecordUnfilledDemand
from domain.stock.demand import record_unfilled_demand
from ui.i18n import fill

translate = QCoreApplication.translate


def shortfall(params: dict) -> Decimal | None:
    """What a refused line asked for beyond the stock on hand (``DocumentError`` params), or None."""
    try:
        asked, on_hand = Decimal(params["asked"]), Decimal(params["on_hand"])
    except (KeyError, InvalidOperation):
        return None
    short = asked - max(on_hand, Decimal(0))
    return short if short > 0 else None


def business_time(day: date | None) -> datetime | None:
    """The moment of a demand entered for ``day``: now for today (None), else noon of that day, local time."""
    if day is None or day == wall.today():
        return None
    return datetime.combine(day, clock(12)).astimezone()


class UnfilledDemandOffer(QWidget):
    """Hidden until ``offer`` gets an insufficient-stock refusal; ``recorded`` carries the new record."""

    recorded = Signal(object)
    # "Ship what is on hand": the refused line (its number, 1 up) and the quantity on hand (0: remove the line)
    fit = Signal(int, object)

    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.command: RecordUnfilledDemand | None = None
        self._line: int | None = None
        self._said = None
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.clicked.connect(self.record)
        self.on_hand: Decimal | None = None
        self.fit_button = QPushButton(self)
        self.fit_button.clicked.connect(self.ship_on_hand)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.fit_button)
        layout.addWidget(self.button)
        self.retranslate()
        self.hide()

    def offer(self, exc: BaseException, *, customer: str = "", reference: str = "", day: date | None = None) -> bool:
        """Show the offer for an insufficient-stock refusal of a line; hide it for anything else."""
        params = getattr(exc, "params", None) or {}
        qty = shortfall(params) if getattr(exc, "code", "") == "insufficient_stock" else None
        if qty is None:
            self.withdraw()
            return False
        self._line = getattr(exc, "line", None)
        self.command = RecordUnfilledDemand(params["sku"], qty, params["warehouse"], customer, business_time(day),
                                            reference)
        self.button.setEnabled(True)
        self.on_hand = max(Decimal(params["on_hand"]), Decimal(0))
        self.fit_button.setEnabled(self._line is not None)
        self._retranslate_fit()
        self._say(lambda: fill(translate("UnfilledDemand", "%1 more of %2 than %3 holds: a lost sale?"),
                               fmt(qty), params["sku"], params["warehouse"]))
        self.show()
        return True

    def withdraw(self) -> None:
        self.command = None
        self.hide()

    def ship_on_hand(self) -> None:
        """Change the refused line to what is on hand (remove it when nothing is): the document can then post."""
        if self._line is None or self.on_hand is None or not self.fit_button.isEnabled():
            return
        self.fit_button.setEnabled(False)
        self.fit.emit(self._line, self.on_hand)

    def _retranslate_fit(self) -> None:
        if self.on_hand is not None and self.on_hand > 0:
            self.fit_button.setText(fill(translate("UnfilledDemand", "Sh&ip the %1 on hand"), fmt(self.on_hand)))
        else:
            self.fit_button.setText(translate("UnfilledDemand", "Remove the l&ine: none on hand"))

    def record(self) -> None:
        """Record the shortfall as unfilled demand (on the task runner)."""
        command = self.command
        if command is None or not self.button.isEnabled():
            return
        self.button.setEnabled(False)
        uow, line = self.services.uow, self._line
        # said from what was asked: the clerk may post (which withdraws the offer) before the record is back
        self.services.tasks.submit(lambda: record_unfilled_demand(uow(), command),
                                   on_done=lambda record: self._recorded(record, command, line), on_error=self._failed)

    def _recorded(self, record, command, line) -> None:
        if self.command is command:
            self.command = None
        self._say(lambda: fill(
            translate("UnfilledDemand", "Recorded %1 of %2 as unfilled demand. Change line %3 to what "
                                        "is on hand, or remove it, and post again."),
            fmt(record.qty), command.sku, str(line or "")))
        self.recorded.emit(record)

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        self._say(lambda: fill(translate("UnfilledDemand", "Not recorded: %1"), str(exc)))

    def _say(self, text) -> None:
        self._said = text
        self.label.setText(text() if text else "")

    def retranslate(self) -> None:
        self.button.setText(translate("UnfilledDemand", "Record as u&nfilled demand"))
        self._retranslate_fit()
        self.button.setToolTip(translate("UnfilledDemand", "Count what the customer asked for and could not get as "
                                                           "demand, so forecasts and reorder points see it"))
        self._say(self._said)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
