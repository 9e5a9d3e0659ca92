"""The words and table models of the receivables and payables screens: what each side is called, the kinds of
items and the payment methods in the reader's language, and the row models of balances, open items, money,
allocations and a statement's lines."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from domain.accounts.model import Side
from domain.accounts.rows import BalanceRow
from domain.kernel.numbers import ZERO
from ui.i18n import fill
from ui.models.table import Column
from ui.models.table import RowTableModel
from ui.models.table import money_text
from ui.search import search_keys

CTX = "Accounts"
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

AR, AP = Side.AR, Side.AP

KINDS = {
    "sale": QT_TRANSLATE_NOOP("Accounts", "Sale"),
    "customer_return": QT_TRANSLATE_NOOP("Accounts", "Customer return"),
    "goods_receipt": QT_TRANSLATE_NOOP("Accounts", "Goods receipt"),
    "supplier_return": QT_TRANSLATE_NOOP("Accounts", "Return to supplier"),
    "supplier_invoice": QT_TRANSLATE_NOOP("Accounts", "Supplier invoice"),
    "invoice_match": QT_TRANSLATE_NOOP("Accounts", "Invoice match"),
    "opening": QT_TRANSLATE_NOOP("Accounts", "Opening item"),
    "receipt": QT_TRANSLATE_NOOP("Accounts", "Receipt"),
    "payment": QT_TRANSLATE_NOOP("Accounts", "Payment"),
    "refund": QT_TRANSLATE_NOOP("Accounts", "Refund"),
    "reversal": QT_TRANSLATE_NOOP("Accounts", "Reversal"),
    "write_off": QT_TRANSLATE_NOOP("Accounts", "Write-off"),
}

METHODS = {
    "cash": QT_TRANSLATE_NOOP("Accounts", "Cash"),
    "bank": QT_TRANSLATE_NOOP("Accounts", "Bank transfer"),
    "wechat": QT_TRANSLATE_NOOP("Accounts", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("Accounts", "Alipay"),
    "other": QT_TRANSLATE_NOOP("Accounts", "Other"),
}

# The ageing bands, from not yet due to over 90 days overdue: their captions and their colours (green to red).
BANDS = ("current", "d1_30", "d31_60", "d61_90", "over_90")
BAND_TITLES = (QT_TRANSLATE_NOOP("Accounts", "Current"), QT_TRANSLATE_NOOP("Accounts", "1–30"),
               QT_TRANSLATE_NOOP("Accounts", "31–60"), QT_TRANSLATE_NOOP("Accounts", "61–90"),
               QT_TRANSLATE_NOOP("Accounts", ">90"))
BAND_COLOURS = ("#2da44e", "#a3c94a", "#e3b341", "#e8772e", "#cf222e")


def t(text: str) -> str:
    return translate(CTX, text)


def kind_text(kind: str) -> str:
    word = KINDS.get(kind)
    return t(word) if word else kind


def method_text(code: str, names: dict[str, str] | None = None) -> str:
    """A payment method's name: a built-in one in the reader's language, the office's own as it was named."""
    if code in METHODS:
        return t(METHODS[code])
    return (names or {}).get(code, code)


def side_title(side: str) -> str:
    return translate("Accounts", "Receivables") if side == AR else translate("Accounts", "Payables")


def partner_word(side: str) -> str:
    return translate("Accounts", "Customer") if side == AR else translate("Accounts", "Supplier")


def credit_word(side: str) -> str:
    """What a partner paid ahead, or was paid ahead: 预收 from a customer, 预付 to a supplier (the same English word,
    so one context a side)."""
    return translate("Receivables", "Credit") if side == AR else translate("Payables", "Credit")


def money_word(side: str) -> str:
    """收款单 or 付款单: what the money of a side is called."""
    return translate("Accounts", "Receipt") if side == AR else translate("Accounts", "Payment")


def amount_text(value: Decimal | None) -> str:
    """Money as shown in the lists; a zero is left blank, as ledgers show it."""
    return money_text(value) if value else ""


def day_text(value) -> str:
    return value.isoformat() if value else ""


LATE = QColor("#9b1c1c")
CREDIT = QColor("#1a5fb4")


class BalancesModel(RowTableModel):
    """One partner a row (``domain.accounts.rows.BalanceRow``), with its balance, credit and ageing."""

    CONTEXT = CTX
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Accounts", "Code"), lambda r: r.code),
        Column(QT_TRANSLATE_NOOP("Accounts", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("Accounts", "Balance"), lambda r: r.balance, money_text, True),
        Column(QT_TRANSLATE_NOOP("Accounts", "Credit"), lambda r: r.credit, amount_text, True),
        Column(BAND_TITLES[0], lambda r: r.current, amount_text, True),
        Column(BAND_TITLES[1], lambda r: r.d1_30, amount_text, True),
        Column(BAND_TITLES[2], lambda r: r.d31_60, amount_text, True),
        Column(BAND_TITLES[3], lambda r: r.d61_90, amount_text, True),
        Column(BAND_TITLES[4], lambda r: r.over_90, amount_text, True),
        Column(QT_TRANSLATE_NOOP("Accounts", "Overdue"), lambda r: r.overdue, amount_text, True),
        Column(QT_TRANSLATE_NOOP("Accounts", "Oldest due"), lambda r: r.oldest_due, day_text),
    )
    C_BALANCE, C_CREDIT, C_OVERDUE, C_OLDEST = 2, 3, 9, 10
    side: str | None = None  # AR or AP: the credit column says 预收 or 预付

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (section == self.C_CREDIT and self.side is not None and orientation == Qt.Orientation.Horizontal
                and role == Qt.ItemDataRole.DisplayRole):
            return credit_word(self.side)
        return super().headerData(section, orientation, role)

    @classmethod
    def make_keys(cls, rows) -> list[str]:
        return search_keys(rows, lambda r: (r.code, r.name), lambda r: r.name)

    def foreground(self, row):
        if row.over_90 > 0 or row.d61_90 > 0:
            return LATE
        if row.balance < 0:
            return CREDIT
        return None


class TotalsModel(BalancesModel):
    """The one totals row under the list, in the list's columns, in plain ink."""

    def foreground(self, row):
        return None


def totals_of(rows, label: str = "") -> BalanceRow:
    """The sum of ``rows`` as one row (its name is ``label``): the list's totals row, and the chart's bars."""
    total = BalanceRow("", "", label, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, None)
    fields = ("balance", "credit", *BANDS, "overdue")
    sums = {f: sum((getattr(r, f) for r in rows), ZERO) for f in fields}
    oldest = min((r.oldest_due for r in rows if r.oldest_due is not None), default=None)
    return replace(total, oldest_due=oldest, **sums)


class OpenItemsModel(RowTableModel):
    """A partner's open items (``OpenItemRow``): what it owes (+) and its credit not yet applied (−)."""

    CONTEXT = CTX
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Accounts", "Number"), lambda r: r.number),
        Column(QT_TRANSLATE_NOOP("Accounts", "Kind"), lambda r: r.kind, kind_text),
        Column(QT_TRANSLATE_NOOP("Accounts", "Date"), lambda r: r.business_date, day_text),
        Column(QT_TRANSLATE_NOOP("Accounts", "Due"), lambda r: r.due_on, day_text),
        Column(QT_TRANSLATE_NOOP("Accounts", "Amount"), lambda r: r.amount, money_text, True),
        Column(QT_TRANSLATE_NOOP("Accounts", "Allocated"), lambda r: r.allocated, amount_text, True),
        Column(QT_TRANSLATE_NOOP("Accounts", "Open"), lambda r: r.open if r.amount > 0 else -r.open, money_text,
               True),
        Column(QT_TRANSLATE_NOOP("Accounts", "Days overdue"), lambda r: r.days_overdue,
               lambda v: str(v) if v else "", True),
    )

    def foreground(self, row):
        if row.amount < 0:
            return CREDIT
        return LATE if row.days_overdue > 0 else None


class MoneyModel(RowTableModel):
    """The partner's receipts or payments and refunds (``MoneyRow``), with what of each is allocated."""

    CONTEXT = CTX
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Accounts", "Number"), lambda r: r.number),
        Column(QT_TRANSLATE_NOOP("Accounts", "Date"), lambda r: r.business_date, day_text),
        Column(QT_TRANSLATE_NOOP("Accounts", "Kind"), lambda r: r.kind, kind_text),
        Column(QT_TRANSLATE_NOOP("Accounts", "Amount"), lambda r: r.amount, money_text, True),
        Column(QT_TRANSLATE_NOOP("Accounts", "Method"), lambda r: r.method, method_text),
        Column(QT_TRANSLATE_NOOP("Accounts", "Reference"), lambda r: r.reference),
        Column(QT_TRANSLATE_NOOP("Accounts", "Allocated"), lambda r: r.allocated, amount_text, True),
        Column(QT_TRANSLATE_NOOP("Accounts", "Unallocated"), lambda r: r.unallocated, amount_text, True),
        Column(QT_TRANSLATE_NOOP("Accounts", "Reversed"), lambda r: r.reversed,
               lambda v: translate("Accounts", "Reversed") if v else ""),
        Column(QT_TRANSLATE_NOOP("Accounts", "Note"), lambda r: r.note),
    )

    def foreground(self, row):
        return QColor("#777777") if row.reversed else None


def _settled_by(row) -> str:
    """What settles the item: an item allocated to its own reversal is no settlement; it says the document that was
    reversed (a delivery's goods receipt ``GR-…``, whose payable carries its PO's number)."""
    if row.reversed_by:
        return fill(translate("Accounts", "Reversed by %1"), row.reversed_by)
    return row.credit_number


class AllocationsModel(RowTableModel):
    """What each settling item of the partner is applied to (``AllocationRow``)."""

    CONTEXT = CTX
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Accounts", "Settled by"), _settled_by),
        Column(QT_TRANSLATE_NOOP("Accounts", "Kind"), lambda r: r.credit_kind, kind_text),
        Column(QT_TRANSLATE_NOOP("Accounts", "Settles"), lambda r: r.debit_number),
        Column(QT_TRANSLATE_NOOP("Accounts", "Settled kind"), lambda r: r.debit_kind, kind_text),
        Column(QT_TRANSLATE_NOOP("Accounts", "Amount"), lambda r: r.amount, money_text, True),
        Column(QT_TRANSLATE_NOOP("Accounts", "Date"), lambda r: r.last_date, day_text),
    )


def _details(line) -> str:
    text = kind_text(line.kind)
    if line.kind == "reversal" and line.reverses_number:
        text = translate("Accounts", "Reversal of") + " " + line.reverses_number
    return f"{text} · {line.note}" if line.note else text


class StatementModel(RowTableModel):
    """A statement's lines (``domain.accounts.statement.StatementLine``) with the running balance."""

    CONTEXT = CTX
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Accounts", "Date"), lambda r: r.business_date, day_text),
        Column(QT_TRANSLATE_NOOP("Accounts", "Number"), lambda r: r.number),
        Column(QT_TRANSLATE_NOOP("Accounts", "Details"), lambda r: r, _details),
        Column(QT_TRANSLATE_NOOP("Accounts", "Method"), lambda r: r.method, method_text),
        Column(QT_TRANSLATE_NOOP("Accounts", "Reference"), lambda r: r.reference),
        Column(QT_TRANSLATE_NOOP("Accounts", "Increase"), lambda r: r.increase, amount_text, True),
        Column(QT_TRANSLATE_NOOP("Accounts", "Decrease"), lambda r: r.decrease, amount_text, True),
        Column(QT_TRANSLATE_NOOP("Accounts", "Balance"), lambda r: r.balance, money_text, True),
    )

    def sort_value(self, row, column):
        if column == 2:
            return _details(row)
        return super().sort_value(row, column)
