"""What the sales screens say about an order: its state, where a price came from, the list's columns."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication

from domain.kernel.numbers import fmt_price
from domain.kernel.numbers import round_money
from domain.sales.prices import discounted
from ui.models.table import Column
from ui.models.table import RowTableModel
from ui.models.table import money_text
from ui.models.table import qty_text
from ui.sales_states import OPEN
from ui.sales_states import STATES  # noqa: F401 - the screens take it from here
from ui.sales_states import state_name
from ui.screens.product_selling import LEVEL_LABELS
from ui.screens.product_selling import level_label
from ui.search import search_keys

CTX = "SalesOrders"
translate = QCoreApplication.translate

# The order editor's lines grid.
(
    L_NO,
    L_SKU,
    L_NAME,
    L_WAREHOUSE,
    L_QTY,
    L_UNIT,
    L_PRICE,
    L_SOURCE,
    L_LAST,
    L_DISCOUNT,
    L_TAX,
    L_AMOUNT,
    L_WITH_TAX,
    L_ATP,
    L_BY,
    L_SHIPPED,
    L_OPEN,
) = range(17)
LINE_COLUMNS = (
    QT_TRANSLATE_NOOP("SalesOrders", "#"),
    QT_TRANSLATE_NOOP("SalesOrders", "SKU"),
    QT_TRANSLATE_NOOP("SalesOrders", "Name"),
    QT_TRANSLATE_NOOP("SalesOrders", "Warehouse"),
    QT_TRANSLATE_NOOP("SalesOrders", "Qty"),
    QT_TRANSLATE_NOOP("SalesOrders", "Unit"),
    QT_TRANSLATE_NOOP("SalesOrders", "Price"),
    QT_TRANSLATE_NOOP("SalesOrders", "Price from"),
    QT_TRANSLATE_NOOP("SalesOrders", "Last price"),
    QT_TRANSLATE_NOOP("SalesOrders", "Disc. %"),
    QT_TRANSLATE_NOOP("SalesOrders", "Tax %"),
    QT_TRANSLATE_NOOP("SalesOrders", "Amount"),
    QT_TRANSLATE_NOOP("SalesOrders", "With tax"),
    QT_TRANSLATE_NOOP("SalesOrders", "ATP now"),
    QT_TRANSLATE_NOOP("SalesOrders", "ATP by date"),
    QT_TRANSLATE_NOOP("SalesOrders", "Shipped"),
    QT_TRANSLATE_NOOP("SalesOrders", "Open"),
)
EDITABLE = (L_QTY, L_PRICE, L_DISCOUNT)
LINE_WIDTHS = {L_NO: 28, L_SKU: 90, L_NAME: 200, L_WAREHOUSE: 60, L_QTY: 55, L_UNIT: 45, L_PRICE: 70, L_SOURCE: 95,
               L_LAST: 70, L_DISCOUNT: 55, L_TAX: 45, L_AMOUNT: 85, L_WITH_TAX: 85, L_ATP: 65, L_BY: 75,
               L_SHIPPED: 55, L_OPEN: 55}
# Hidden until the clerk shows them (a right click on the header): what a line says elsewhere. The warehouse is the
# order's, in the header (the column shows by itself while a line is sent from another one);
# where the price came from is said in the add bar's quote as the line is added; the tax rate is the same for most
# goods, and With tax carries it.
LINE_HIDDEN = (L_WAREHOUSE, L_SOURCE, L_TAX)

SOURCES = {
    "customer": QT_TRANSLATE_NOOP("SalesOrders", "customer's price"),
    "level": QT_TRANSLATE_NOOP("SalesOrders", "price level"),
    "retail": QT_TRANSLATE_NOOP("SalesOrders", "retail list price"),
    "": QT_TRANSLATE_NOOP("SalesOrders", "typed"),
}


def state_text(state: str) -> str:
    return state_name(state, lambda text: translate(CTX, text))


def source_text(source: str, level: str = "", names: dict[str, str] | None = None) -> str:
    """Where a price came from; a price level's by its name (批发价, not just 价格等级: the clerk asked which)."""
    if source == "level" and level in LEVEL_LABELS:
        return level_label(level, names or {})
    return translate(CTX, SOURCES.get(source, source))


def price_text(value: Decimal | None) -> str:
    """A unit price as every screen and document shows it (``fmt_price``): 12.50, 0.125."""
    return "" if value is None else fmt_price(value)


def open_qty(row) -> Decimal:
    """What the order still asks for: a draft's whole quantities, an open order's open ones; none once closed."""
    return sum((x.open for x in row.lines), Decimal(0)) if row.state in ("draft", *OPEN) else Decimal(0)


def money_or_none(value: Decimal | None) -> str:
    """To the cent, half up as the books round (an f-string would round half to even)."""
    return "" if value is None else f"{round_money(value, 2):,.2f}"


def order_day(row) -> date:
    """The order's date as its printed confirmation has it: the day it was confirmed, a draft's the day it was made."""
    return (row.confirmed_at or row.created_at).astimezone().date()


class SoListModel(RowTableModel):
    """The orders. The date, warehouse and the customer's reference came last (a layout saved before them keeps its
    columns where they were); ``SHOWN`` is the order a new layout shows them in, the date beside the number as the
    order lists of other 进销存 programs have it."""

    CONTEXT = CTX
    NUMBER, CUSTOMER, STATE, REQUESTED, TOTAL, OPEN_QTY, DATE, WAREHOUSE, REFERENCE = range(9)
    SHOWN = [NUMBER, DATE, CUSTOMER, WAREHOUSE, STATE, REQUESTED, TOTAL, OPEN_QTY, REFERENCE]
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("SalesOrders", "Number"), lambda r: r.number),
        Column(QT_TRANSLATE_NOOP("SalesOrders", "Customer"), lambda r: f"{r.customer} {r.customer_name}"),
        Column(QT_TRANSLATE_NOOP("SalesOrders", "State"), lambda r: r.state, state_text),
        Column(
            QT_TRANSLATE_NOOP("SalesOrders", "Requested"),
            lambda r: r.requested_on,
            lambda v: v.isoformat() if v else "",
        ),
        Column(QT_TRANSLATE_NOOP("SalesOrders", "Total with tax"), lambda r: r.total, money_text, True),
        Column(QT_TRANSLATE_NOOP("SalesOrders", "Open qty"), open_qty, qty_text, True),
        Column(QT_TRANSLATE_NOOP("SalesOrders", "Date"), order_day, lambda v: v.isoformat()),
        Column(QT_TRANSLATE_NOOP("SalesOrders", "Warehouse"), lambda r: r.warehouse),
        Column(QT_TRANSLATE_NOOP("SalesOrders", "Reference"), lambda r: r.reference),
    )

    @classmethod
    def make_keys(cls, rows) -> list[str]:
        return search_keys(
            rows,
            lambda r: (r.number, r.customer, r.customer_name, r.reference, *(x.sku for x in r.lines)),
            lambda r: r.customer_name,
        )


def unit_costs(stock, skus) -> dict[tuple[str, str], Decimal]:
    """The unit cost (moving average) of each of ``skus`` in each warehouse, by (SKU, warehouse): what a price below
    cost is told against. ``stock`` is the boundary's stock queries; call it off the GUI thread."""
    return {(s.sku, s.warehouse): s.avg_cost for sku in set(skus) for s in stock.stock(sku=sku)}


def cost_undercut(price: Decimal | None, discount: Decimal, cost: Decimal | None) -> Decimal | None:
    """``cost`` when ``price`` after ``discount`` percent is below it (None: it is not, or either is unknown)."""
    if price is None or not cost:
        return None
    return cost if discounted(price, discount) < cost else None
