"""Transfers before purchases on the replenishment screen: the transfer lines of the table, their reason in the
reader's language, and "Create transfers…", which posts the ticked ones as transfer documents in one step.

A transfer line (``TransferRow``) stands in the table beside the purchase lines: it reads like the plan of the
warehouse that runs short (its SKU, warehouse, severity and explanation) and adds the transfer (from → to, the
quantity, why). Creating posts at once, on the task runner, one document per from × to warehouse in one
transaction (``domain.planning.transfer_docs.create_transfers``), then plans again: the stock has moved, so the
same lines are not suggested twice. Posting at once rather than opening the Transfer screen filled in: the clerk
has already seen what moves and why, ticked it and confirmed it; a document per pair would otherwise mean one
screen to check and post per pair. A posted transfer is reversed on the Transfer screen's posted tab as any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton

from domain.kernel.numbers import fmt
from domain.planning.transfers import tenth
from ui.i18n import fill
from ui.refusals import refusal_text
from ui.screens.replenishment.detail import fill_text

translate = QCoreApplication.translate

KINDS = {
    "transfer": QT_TRANSLATE_NOOP("Replenishment", "Transfer"),
    "purchase": QT_TRANSLATE_NOOP("Replenishment", "Purchase"),
}


@dataclass(frozen=True, eq=False)
class TransferRow:
    """A transfer line: ``transfer`` (a ``TransferSuggestion``) into ``plan``, the receiving warehouse's plan, whose
    other attributes (SKU, name, warehouse, alert, explanation, forecast) it reads as its own."""

    plan: object
    transfer: object
    kind = "transfer"
    suggestion = None
    draft_alert = None

    @property
    def key(self) -> tuple[str, ...]:
        t = self.transfer
        return ("transfer", t.product_id, t.from_warehouse, t.to_warehouse)

    def __getattr__(self, name: str):
        return getattr(self.plan, name)


def is_transfer(row) -> bool:
    return getattr(row, "kind", "") == "transfer"


def transfer_rows(plans) -> list[TransferRow]:
    """A ``TransferRow`` per transfer the plans carry (``ItemPlan.transfers``)."""
    return [TransferRow(p, t) for p in plans for t in p.transfers]


def kind_text(row) -> str:
    return translate("Replenishment", KINDS["transfer" if is_transfer(row) else "purchase"])


def route_text(row) -> str:
    """From → to: the giving and the receiving warehouse of a transfer; the supplier → warehouse of a purchase."""
    if is_transfer(row):
        return f"{row.transfer.from_warehouse} → {row.transfer.to_warehouse}"
    supplier = (row.explanation or {}).get("supplier")
    return f"{supplier} → {row.warehouse}" if supplier and row.suggestion is not None else ""


def reason_text(row) -> str:
    """Why, in words: for a transfer, who runs short and who holds the surplus; for a purchase a transfer cut, what
    comes by transfer instead."""
    if is_transfer(row):
        t = row.transfer
        short = fill(translate("Replenishment", "%1 runs short (available %2, reorder point %3; needs %4)"),
                     t.to_warehouse, fmt(t.to_available), tenth(t.to_reorder_point), fmt(t.need))
        if t.stockout_date is not None:
            short += fill(translate("Replenishment", ", out of stock by %1"), t.stockout_date.isoformat())
        spare = fill(translate("Replenishment", "%1 holds %2 above its own needs (available %3, reorder point %4)"),
                     t.from_warehouse, fmt(t.surplus), fmt(t.from_available), tenth(t.from_reorder_point))
        return short + translate("Replenishment", "; ") + spare
    e = row.explanation or {}
    incoming = e.get("transfer_in")
    why = []
    if incoming:
        why.append(fill(translate("Replenishment", "%1 comes by transfer; ordering %2 instead of %3"), fmt(incoming),
                        fmt(e.get("order_qty") or Decimal(0)), fmt(e.get("order_before_transfers") or 0)))
    if row.suggestion is not None:
        why.append(fill_text(e))
    return translate("Replenishment", "; ").join(w for w in why if w)


def detail_html(row, explanation_html) -> str:
    """The detail panel: the transfer's reason above the receiving warehouse's explanation."""
    body = explanation_html(row)
    text = reason_text(row)
    if not text:
        return body
    if is_transfer(row):
        head = fill(translate("Replenishment", "Transfer %1 of %2 from %3 to %4"), fmt(row.transfer.qty), row.sku,
                    row.transfer.from_warehouse, row.transfer.to_warehouse)
    elif (row.explanation or {}).get("transfer_in"):
        head = translate("Replenishment", "Transfers before purchases")
    else:
        head = translate("Replenishment", "Why this quantity")  # the supplier's fill rate grossed it up
    return f"<p><b>{escape(head)}</b><br>{escape(text)}</p>{body}"


def posted_html(posted) -> str:
    """The posted transfer documents: number, from → to, line count."""
    head = translate("Replenishment", "Transfer documents posted:")
    each = translate("Replenishment", "%1 — %2 → %3, %4 line(s)")
    items = "".join(f"<li>{escape(fill(each, d.number, d.from_warehouse, d.to_warehouse, str(len(d.lines))))}</li>"
                    for d in posted)
    return f"{escape(head)}<ul style='margin:0'>{items}</ul>"


def group_by_route(transfers) -> list[tuple[str, str, int]]:
    """(from, to, line count) per document ``create_transfers`` will post."""
    groups: dict[tuple[str, str], set[str]] = {}
    for t in transfers:
        groups.setdefault((t.from_warehouse, t.to_warehouse), set()).add(t.sku)
    return [(a, b, len(skus)) for (a, b), skus in sorted(groups.items())]


class TransferAction:
    """The "Create transfers…" button of the replenishment screen and what it does."""

    def __init__(self, screen) -> None:
        self.screen = screen
        self.button = QPushButton(screen)
        self.button.clicked.connect(self.create)
        self.button.setEnabled(False)
        self.last_posted: list = []

    def chosen(self) -> list:
        return self.screen.model.chosen_transfers(self.screen.proxy.source_rows())

    def update(self) -> None:
        self.button.setEnabled(self.screen.run_button.isEnabled() and bool(self.chosen()))

    def create(self) -> None:
        screen, chosen = self.screen, self.chosen()
        title = translate("Replenishment", "Create transfers")
        if not chosen:
            QMessageBox.information(screen, title, translate("Replenishment", "Tick at least one shown transfer line."))
            return
        each = translate("Replenishment", "%1 → %2: %3 line(s)")
        lines = "\n".join(fill(each, a, b, str(n)) for a, b, n in group_by_route(chosen))
        if not screen.confirm(fill(translate("Replenishment", "Post these transfer documents now?\n\n%1"), lines),
                              title):
            return
        self.button.setEnabled(False)
        uow = screen.services.uow
        note = translate("Replenishment", "suggested by replenishment planning")  # on the document

        def post():
            from domain.planning.transfer_docs import create_transfers

            return create_transfers(uow(), chosen, note)

        screen.services.tasks.submit(post, on_done=self._posted, on_error=self._failed)

    def _posted(self, posted) -> None:
        self.last_posted = posted
        screen = self.screen
        screen.created_label.setText(posted_html(posted))
        screen.created_label.show()
        screen.notify(posted_html(posted), translate("Replenishment", "Create transfers"))
        screen.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.update()
        QMessageBox.warning(self.screen, translate("Replenishment", "Create transfers"),
                            fill(translate("Replenishment", "No transfer was posted: %1"), refusal_text(exc)))

    def retranslate(self) -> None:
        self.button.setText(translate("Replenishment", "Create &transfers…"))
        self.button.setToolTip(translate("Replenishment", "Post transfer documents for the ticked transfer lines "
                                                          "that are shown"))
        if self.screen.created_label.isVisible() and self.last_posted:
            self.screen.created_label.setText(posted_html(self.last_posted))
