"""What the replenishment screen runs on the task runner: planning (``run_plan``) with the app's history reader and
forecast cache, the draft POs that already answer an alert, the drafts ``create_drafts`` will make per supplier and
warehouse, and the message listing the drafts it made.
"""

from __future__ import annotations

import dataclasses
import time
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ui.i18n import fill
from ui.screens.replenishment.model import ordered
from ui.screens.replenishment.transfers import transfer_rows

if TYPE_CHECKING:
    from ui.services import PlanningQueries
    from ui.services import PurchasingQueries

translate = QCoreApplication.translate


THOROUGH_BUDGET_SECONDS = 20.0

def created_html(drafts) -> str:
    """The created drafts as a list of links (the PO id is the link target): label, supplier, warehouse, amount."""
    from html import escape

    from ui.models.table import money_text
    from ui.screens.purchasing import draft_tag

    head = translate("Replenishment", "Draft purchase orders created:")
    each = translate("Replenishment", "%1 — supplier %2, to %3, %4 line(s), %5 %6 before tax")
    items = "".join(
        "<li><a href='{}'>{}</a></li>".format(
            escape(d.po_id, quote=True),
            escape(fill(each, fill(
                translate("PurchasingScreen", "Draft %1"),
                draft_tag(d.po_id)), d.supplier, d.warehouse, str(len(d.lines)), money_text(d.amount), d.currency)))
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
    rows: list  # the ItemPlans with an alert, or with one that draft purchase orders answer, and the TransferRows
    planned: int  # product × warehouses planned
    computed: int  # of them forecast in this run (the rest came from the cache)
    drafts: dict = dataclasses.field(default_factory=dict)  # (SKU, warehouse) → draft PO labels


def run_plan(history: PlanningQueries, orders: PurchasingQueries, today: date, weeks: int, *, thorough: bool = False,
             cancel=None, progress=None, watcher=None) -> PlanResult:
    """``domain.planning.run.plan`` with the app's history reader and forecast cache (worker thread).

    ``cancel`` (a callable) is asked between batches; ``progress`` gets (rows done, rows in all). The run stores its
    forecasts, classes and alerts summary through ``watcher`` (``ui.watch.QuietStore``): the other open screens are
    not told that the data changed, the dashboard is told that a run was stored.
    """
    from domain.planning import run as planning
    from ui.watch import QuietStore

    reader = history.reader(utc_offset_seconds=time.localtime().tm_gmtoff)
    control = planning.RunControl(cache=QuietStore(history.forecast_cache(), watcher), cancel=cancel,
                                  progress=progress, classes=QuietStore(history.class_store(), watcher))
    plans = planning.plan(reader, today=today, weeks=weeks, thorough=thorough,
                          budget_seconds=THOROUGH_BUDGET_SECONDS, workers=2, run=control, transfers=True)
    rows = [p for p in plans if p.alert is not None or p.draft_alert is not None] + transfer_rows(plans)
    return PlanResult(rows, len(plans), control.computed, draft_labels(orders) if any(map(ordered, rows)) else {})


def draft_labels(orders: PurchasingQueries) -> dict[tuple[str, str], list[str]]:
    """(SKU, warehouse) → the tags of the draft purchase orders that hold it (worker thread): a draft has no number
    yet, so its tag (``draft_tag``) names it; the model's text says it is a draft once ("draft PO 4600ab12")."""
    from ui.screens.purchasing import draft_tag

    labels: dict[tuple[str, str], list[str]] = {}
    for po in orders.purchase_orders(state="draft"):
        for line in po.lines:
            labels.setdefault((line.sku, po.warehouse), []).append(draft_tag(po.id))
    return labels


# A draft's products are named in the question when it has this many lines or fewer; a longer one names its first few.
PRODUCTS_NAMED, PRODUCTS_FIRST = 5, 3


def confirmation_html(previews) -> str:
    """The question before drafts are made (``domain.planning.drafts.preview_drafts``), as a table: per draft the
    supplier's name and code, the delivery warehouse, the number of lines and the amount before tax (a
    foreign-currency draft's also in the company currency, at today's rate), under it its products when they are
    few; then the total."""
    from html import escape

    from domain.purchasing.exchange import totals_by_currency
    from domain.purchasing.exchange import totals_text
    from ui.models.table import money_text
    from ui.models.table import qty_text

    count = len(previews)  # lupdate records a plural only when its count is a plain name
    grey = "color:#57606a"
    heads = (translate("Replenishment", "Supplier"), translate("Replenishment", "Deliver to"),
             translate("Replenishment", "Lines"), translate("Replenishment", "Amount before tax"))
    rows = ["<tr>" + "".join(f"<th align='{side}'>{escape(head)}</th>"
                             for side, head in zip(("left", "left", "right", "right"), heads, strict=True)) + "</tr>"]
    for d in previews:
        amount = escape(f"{money_text(d.amount)} {d.currency}")
        if d.currency != d.company_currency:
            converted = (fill(translate("Replenishment", "≈ %1 at today's rate"),
                              f"{money_text(d.company_amount)} {d.company_currency}")
                         if d.company_amount is not None
                         else fill(translate("Replenishment", "no %1 exchange rate yet"), d.currency))
            amount += f"<br/><span style='{grey}'>{escape(converted)}</span>"
        rows.append(f"<tr><td><b>{escape(d.supplier_name)}</b> {escape(d.supplier)}</td><td>{escape(d.warehouse)}</td>"
                    f"<td align='right'>{len(d.lines)}</td><td align='right'>{amount}</td></tr>")
        named = d.lines if len(d.lines) <= PRODUCTS_NAMED else d.lines[:PRODUCTS_FIRST]
        products = translate("Replenishment", "; ").join(
            f"{x.sku} {x.name} × {qty_text(x.qty)} {x.unit}".rstrip() for x in named)
        more = len(d.lines) - len(named)
        if more:
            products += " " + translate("Replenishment", "and %n more", "", more)
        rows.append(f"<tr><td colspan='4' style='{grey}; padding-left:14px'>{escape(products)}</td></tr>")
    totals = totals_by_currency([(d.company_currency, d.company_amount) for d in previews
                                 if d.company_amount is not None] +
                                [(d.currency, d.amount) for d in previews if d.company_amount is None])
    together = translate("Replenishment", "Together")
    rows.append(f"<tr><td colspan='3'><b>{escape(together)}</b></td>"
                f"<td align='right'><b>{escape(totals_text(totals, money_text))}</b></td></tr>")
    head = translate("Replenishment", "Create %n draft purchase order(s)?", "", count)
    return f"<p>{escape(head)}</p><table cellspacing='0' cellpadding='3'>{''.join(rows)}</table>"
