"""采购明细: what a row of the purchase summary is made of, the receipt and return lines of its supplier and or product
over the report's period (and warehouse): each with its goods receipt or return, purchase order, quantity, unit cost,
amount, tax and amount with tax, and for a foreign-currency order the price in its currency and the rate used. A
return and a reversal count negative, so the lines add up to the row's net figures, shown under them. Read as the
report was (``services.reports.purchase_lines``, kept to the row by ``domain.reports.purchases.lines_of``)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication

from domain.kernel.numbers import ZERO
from domain.reports.purchases import PurchaseBy
from domain.reports.purchases import PurchaseLine
from domain.reports.purchases import lines_of
from ui.i18n import fill
from ui.models.table import Column
from ui.models.table import RowTableModel
from ui.models.table import money_text
from ui.models.table import price_text
from ui.models.table import qty_text
from ui.models.table import when_text
from ui.screens.reports.lines import ReportLines

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
CTX = "PurchaseLines"

KINDS = {  # what a line is, shown in the Kind column
    (False, False): QT_TRANSLATE_NOOP("PurchaseLines", "Receipt"),
    (True, False): QT_TRANSLATE_NOOP("PurchaseLines", "Return"),
    (False, True): QT_TRANSLATE_NOOP("PurchaseLines", "Receipt reversed"),
    (True, True): QT_TRANSLATE_NOOP("PurchaseLines", "Return reversed"),
}


def signed(line: PurchaseLine, value: Decimal | None) -> Decimal | None:
    """``value`` as it counts in the row: a return's taken off."""
    return None if value is None else (-value if line.returned else value)


def _kind(line: PurchaseLine) -> str:
    return translate("PurchaseLines", KINDS[(line.returned, line.reversal)])


class PurchaseLinesModel(RowTableModel):
    CONTEXT = CTX
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("PurchaseLines", "Date"), lambda r: r.occurred_at, when_text),
        Column(QT_TRANSLATE_NOOP("PurchaseLines", "Document"), lambda r: r.document),
        Column(QT_TRANSLATE_NOOP("PurchaseLines", "Kind"), _kind),
        Column(QT_TRANSLATE_NOOP("PurchaseLines", "Order"), lambda r: r.order),
        Column(QT_TRANSLATE_NOOP("PurchaseLines", "Supplier"), lambda r: r.supplier),
        Column(QT_TRANSLATE_NOOP("PurchaseLines", "SKU"), lambda r: r.sku),
        Column(QT_TRANSLATE_NOOP("PurchaseLines", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("PurchaseLines", "Quantity"), lambda r: signed(r, r.qty), qty_text, True),
        Column(QT_TRANSLATE_NOOP("PurchaseLines", "Unit cost"), lambda r: r.unit_cost, price_text, True),
        Column(QT_TRANSLATE_NOOP("PurchaseLines", "Amount"), lambda r: signed(r, r.value), money_text, True),
        # a free receipt that kept no tax rate: its tax is not known, shown blank rather than 0
        Column(QT_TRANSLATE_NOOP("PurchaseLines", "Tax"), lambda r: signed(r, r.known_tax), money_text, True),
        Column(QT_TRANSLATE_NOOP("PurchaseLines", "Amount with tax"), lambda r: signed(r, r.known_with_tax),
               money_text, True),
        Column(QT_TRANSLATE_NOOP("PurchaseLines", "Currency"), lambda r: r.currency),
        Column(QT_TRANSLATE_NOOP("PurchaseLines", "Price in currency"), lambda r: r.price, price_text, True),
        Column(QT_TRANSLATE_NOOP("PurchaseLines", "Rate"), lambda r: r.rate, price_text, True),
    )


class PurchaseLines(ReportLines):
    """The lines the purchase summary ``request`` (grouped ``by``) summed into the row of ``supplier`` (its code,
    named ``supplier_name``) and or ``sku`` (named ``name``)."""

    MODEL = PurchaseLinesModel
    WIDTHS = {0: 115, 1: 110, 2: 105, 3: 110, 4: 55, 5: 75, 6: 160, 7: 60, 8: 70, 9: 80, 10: 65, 11: 90, 12: 50,
              13: 75, 14: 60}
    SETTINGS = "report-purchase-lines"

    def __init__(self, services, request, by: PurchaseBy, supplier: str, supplier_name: str, sku: str, name: str,
                 parent=None) -> None:
        super().__init__(services, request, parent)
        self.by, self.supplier, self.supplier_name, self.sku, self.name = by, supplier, supplier_name, sku, name
        self.resize(1320, 560)
        self.retranslate()
        self._load(services)

    def read(self, services, offset: int) -> list[PurchaseLine]:
        request = self.request
        lines = services.reports.purchase_lines(request.period, warehouse=request.warehouse,
                                                utc_offset_seconds=offset)
        return lines_of(lines, self.by, self.supplier, self.sku)

    def sums(self) -> tuple[Decimal, Decimal, Decimal, Decimal]:
        """Net quantity, amount, tax and amount with tax of the lines: the row's."""
        rows = self.model.rows
        return tuple(sum((signed(r, getattr(r, f)) for r in rows), ZERO)  # type: ignore[return-value]
                     for f in ("qty", "value", "tax", "with_tax"))

    def what(self) -> str:
        """The row: the supplier, the product, or both."""
        supplier = " ".join(x for x in (self.supplier, self.supplier_name) if x) \
            or translate("PurchaseLines", "receipts with no supplier")
        product = " ".join(x for x in (self.sku, self.name) if x)
        if self.by == PurchaseBy.SUPPLIER:
            return supplier
        if self.by == PurchaseBy.PRODUCT:
            return product
        return fill(translate("PurchaseLines", "%1, %2"), supplier, product)

    def titles(self) -> tuple[str, str]:
        request = self.request
        where = request.warehouse or translate("PurchaseLines", "all warehouses")
        return (fill(translate("PurchaseLines", "Purchases: %1"), self.what()),
                fill(translate("PurchaseLines", "Purchase lines of %1, %2 to %3, %4"), self.what(),
                     request.first.isoformat(), request.last.isoformat(), where))

    def loading(self) -> str:
        return translate("PurchaseLines", "Loading…")

    def summary(self) -> str:
        qty, amount, tax, with_tax = self.sums()
        count = len(self.model.rows)  # lupdate records a plural only when its count is a plain name
        untaxed = sum(1 for r in self.model.rows if not r.tax_known)
        if untaxed:  # a sum without their tax would read as the row's tax
            return fill(translate("PurchaseLines", "%n line(s): net quantity %1, amount %2; tax not known for %3 "
                                  "free receipt line(s) that kept no tax rate", None, count),
                        qty_text(qty), money_text(amount), qty_text(Decimal(untaxed)))
        return fill(translate("PurchaseLines", "%n line(s): net quantity %1, amount %2, tax %3, amount with tax %4",
                              None, count),
                    qty_text(qty), money_text(amount), money_text(tax), money_text(with_tax))
