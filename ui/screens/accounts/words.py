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

from domain.accounts.ageing import Scheme
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
    "exchange_difference": QT_TRANSLATE_NOOP("Accounts", "Exchange difference"),
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


# Words about a partner's credit: the same English a side, each in its own context, so that a customer's reads 预收
# (advance received) and a supplier's 预付 (advance paid). ``sided`` translates one in the side's context.
SIDED = (
    QT_TRANSLATE_NOOP("Receivables", "Allocate credit"), QT_TRANSLATE_NOOP("Payables", "Allocate credit"),
    QT_TRANSLATE_NOOP("Receivables", "&Allocate credit…"), QT_TRANSLATE_NOOP("Payables", "&Allocate credit…"),
    QT_TRANSLATE_NOOP("Receivables", "Allocated %1 · left as credit %2"),
    QT_TRANSLATE_NOOP("Payables", "Allocated %1 · left as credit %2"),
    QT_TRANSLATE_NOOP("Receivables", "&Keep all as credit"), QT_TRANSLATE_NOOP("Payables", "&Keep all as credit"),
    QT_TRANSLATE_NOOP("Receivables", "Open documents: %1, open %2 · credit already held %3"),
    QT_TRANSLATE_NOOP("Payables", "Open documents: %1, open %2 · credit already held %3"),
    QT_TRANSLATE_NOOP("Receivables", "There is no credit to allocate."),
    QT_TRANSLATE_NOOP("Payables", "There is no credit to allocate."),
    QT_TRANSLATE_NOOP("Receivables", "Open items total: owed %1 · credit %2 · balance %3"),
    QT_TRANSLATE_NOOP("Payables", "Open items total: owed %1 · credit %2 · balance %3"),
    QT_TRANSLATE_NOOP("Receivables", "Balance %1 · credit %2"), QT_TRANSLATE_NOOP("Payables", "Balance %1 · credit %2"),
)


def sided(side: str, text: str) -> str:
    """``text`` (one of ``SIDED``) in the words of ``side``: 预收 for a customer's credit, 预付 for a supplier's."""
    return translate("Receivables" if side == AR else "Payables", text)


def open_totals(rows) -> tuple[Decimal, Decimal, Decimal]:
    """(owed, credit, balance) of a partner's open items (``OpenItemRow``): Σ open of what it owes, Σ open of its
    credit not yet applied, and their difference, which is its balance."""
    owed = sum((r.open for r in rows if r.amount > 0), ZERO)
    credit = sum((r.open for r in rows if r.amount < 0), ZERO)
    return owed, credit, owed - credit


def money_word(side: str) -> str:
    """收款单 or 付款单: what the money of a side is called."""
    return translate("Accounts", "Receipt") if side == AR else translate("Accounts", "Payment")


def foreign_text(currency: str, amount: Decimal | None) -> str:
    """A foreign supplier's balance in its currency (``1,250.00 USD``); "—" before it while a rate is not known;
    "" for a supplier in the company currency."""
    if not currency:
        return ""
    return f"{money_text(amount) if amount is not None else '—'} {currency}"


def foreign_value(row: BalanceRow) -> tuple[str, Decimal, bool]:
    """(currency, amount, known) of a row's foreign balance: sorts by currency, then amount (unknown as 0)."""
    return row.currency, ZERO if row.in_currency is None else row.in_currency, row.in_currency is not None


def amount_text(value: Decimal | None) -> str:
    """Money as shown in the lists; a zero is left blank, as ledgers show it."""
    return money_text(value) if value else ""


def day_text(value) -> str:
    return value.isoformat() if value else ""


LATE = QColor("#9b1c1c")
CREDIT = QColor("#1a5fb4")


def band_title(first: int | None, last: int | None) -> str:
    """A band of the ageing (``Scheme.ranges``) as the list heads it: Current, 1–30, >90 (in Chinese 未到期, 1–30 天,
    90 天以上)."""
    if first is None:
        return t(BAND_TITLES[0])
    if last is None:
        return fill(translate("Accounts", ">%1"), str(first - 1))
    return fill(translate("Accounts", "%1–%2"), str(first), str(last))


def band_columns(scheme: Scheme) -> tuple[Column, ...]:
    """A column a band of ``scheme``, each reading its place in ``BalanceRow.bands``."""
    return tuple(Column("", (lambda r, i=i: r.bands[i] if r.bands else ZERO), amount_text, True)
                 for i in range(len(scheme.ranges())))


class BalancesModel(RowTableModel):
    """One partner a row (``domain.accounts.rows.BalanceRow``), with its balance, credit and its open amounts in the
    bands of the ageing scheme shown (``set_scheme``: by due date or by the document's date, bands as chosen)."""

    CONTEXT = CTX
    HEAD = (
        Column(QT_TRANSLATE_NOOP("Accounts", "Code"), lambda r: r.code),
        Column(QT_TRANSLATE_NOOP("Accounts", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("Accounts", "Balance"), lambda r: r.balance, money_text, True),
        Column(QT_TRANSLATE_NOOP("Accounts", "Credit"), lambda r: r.credit, amount_text, True),
    )
    TAIL = (
        Column(QT_TRANSLATE_NOOP("Accounts", "Overdue"), lambda r: r.overdue, amount_text, True),
        Column(QT_TRANSLATE_NOOP("Accounts", "Oldest due"), lambda r: r.oldest_due, day_text),
    )
    # payables only: a foreign supplier's balance in its own currency, beside the company currency's
    FOREIGN = (Column(QT_TRANSLATE_NOOP("Accounts", "In currency"), lambda r: foreign_value(r),
                      lambda v: foreign_text(v[0], v[1] if v[2] else None), True),)
    COLUMNS = (*HEAD, *band_columns(Scheme()), *TAIL)
    C_NAME, C_BALANCE, C_CREDIT, C_FIRST_BAND = 1, 2, 3, 4
    _side: str | None = None  # AR or AP: the credit column says 预收 or 预付
    scheme = Scheme()

    @property
    def side(self) -> str | None:
        return self._side

    @side.setter
    def side(self, side: str | None) -> None:
        self.beginResetModel()
        self._side = side
        self._build()
        self.endResetModel()

    def set_scheme(self, scheme: Scheme) -> None:
        """Show the bands of ``scheme`` (the columns change: set the rows read with it next)."""
        if scheme == self.scheme:
            return
        self.beginResetModel()
        self.scheme = scheme
        self._build()
        self.endResetModel()

    def _build(self) -> None:
        """The columns: code, name, balance, (payables: the balance in the supplier's currency beside it), credit,
        the bands, overdue and the oldest due day; ``C_CREDIT`` and ``C_FIRST_BAND`` follow."""
        foreign = self.FOREIGN if self._side == AP else ()
        self.C_CREDIT = type(self).C_CREDIT + len(foreign)
        self.C_FIRST_BAND = type(self).C_FIRST_BAND + len(foreign)
        self.COLUMNS = (*self.HEAD[:self.C_BALANCE + 1], *foreign, *self.HEAD[self.C_BALANCE + 1:],
                        *band_columns(self.scheme), *self.TAIL)

    @property
    def c_foreign(self) -> int | None:
        """The column of the balance in the supplier's currency (payables only)."""
        return self.C_BALANCE + 1 if self._side == AP else None

    @property
    def c_overdue(self) -> int:
        return self.C_FIRST_BAND + len(band_columns(self.scheme))

    @property
    def c_oldest(self) -> int:
        return self.c_overdue + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == self.C_CREDIT and self.side is not None:
                return credit_word(self.side)
            band = section - self.C_FIRST_BAND
            ranges = self.scheme.ranges()
            if 0 <= band < len(ranges):
                return band_title(*ranges[band])
        return super().headerData(section, orientation, role)

    @classmethod
    def make_keys(cls, rows) -> list[str]:
        return search_keys(rows, lambda r: (r.code, r.name), lambda r: r.name)

    def cell(self, row: int, column: int, role):
        """A name too long for its column is cut with "…": the whole name is its tooltip."""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.row(row).name if column == self.C_NAME and row < self.rowCount() else None
        return super().cell(row, column, role)

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


def totals_of(rows, label: str = "", scheme: Scheme | None = None) -> BalanceRow:
    """The sum of ``rows`` as one row (its name is ``label``): the list's totals row, and the chart's bars; its
    ``bands`` those of ``scheme`` (the rows' own)."""
    count = len((scheme or Scheme()).ranges())
    total = BalanceRow("", "", label, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, None)
    fields = ("balance", "credit", *BANDS, "overdue")
    sums = {f: sum((getattr(r, f) for r in rows), ZERO) for f in fields}
    bands = tuple(sum((r.bands[i] for r in rows if r.bands), ZERO) for i in range(count))
    oldest = min((r.oldest_due for r in rows if r.oldest_due is not None), default=None)
    return replace(total, oldest_due=oldest, bands=bands, **sums)


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


def typed_text(row) -> str:
    """Money typed in a supplier's currency as it was typed (``USD 93.00 @ 7.2``); "" for the company's."""
    if not getattr(row, "currency", None):
        return ""
    return f"{row.currency} {money_text(row.in_currency)} @ {row.rate.normalize():f}"


class MoneyModel(RowTableModel):
    """The partner's receipts or payments and refunds (``MoneyRow``), with what of each is allocated."""

    CONTEXT = CTX
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Accounts", "Number"), lambda r: r.number),
        Column(QT_TRANSLATE_NOOP("Accounts", "Date"), lambda r: r.business_date, day_text),
        Column(QT_TRANSLATE_NOOP("Accounts", "Kind"), lambda r: r.kind, kind_text),
        Column(QT_TRANSLATE_NOOP("Accounts", "Amount"), lambda r: r.amount, money_text, True),
        # a payment typed in the supplier's currency, as typed: USD 93.00 @ 7.2 (blank for the company's)
        Column(QT_TRANSLATE_NOOP("Accounts", "In currency @ rate"), typed_text),
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
