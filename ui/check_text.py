"""What each difference the ledger's check finds says, in the reader's language: one sentence that names what
disagrees with what (a balance with its movements, a sales line's cost with its movement's value, a report's
monthly row with the movements, an open amount with its item), shared by ``stockroom check``, ``stockroom
integrity`` and Settings › Backups.

The check's rows (``domain.stock.readmodels.CheckProblem``) carry what was compared in ``field``, as each check
writes it (``persistence.stock.queries.check``, ``persistence.accounts.open.check``, the reserved and on-order
checks); ``describe`` reads it. The sentences are marked for the translation file under ``CheckProblems``: the
window translates them with ``translate``, the command line with ``ui.i18n.label_translator``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from domain.kernel.numbers import fmt
from domain.stock.readmodels import CheckProblem
from ui.fill import QT_TRANSLATE_NOOP
from ui.fill import fill

CONTEXT = "CheckProblems"


# %1 the SKU, %2 the warehouse, %3 what the kept copy says, %4 what the ledger says (unless said otherwise)
_ON_HAND = QT_TRANSLATE_NOOP(
    "CheckProblems", "%1 in %2: the stock balance says %3 on hand, but its movements add up to %4")
_VALUE = QT_TRANSLATE_NOOP(
    "CheckProblems", "%1 in %2: the stock balance's value is %3, but its movements' values add up to %4")
_RESERVED = QT_TRANSLATE_NOOP(
    "CheckProblems", "%1 in %2: the stock balance says %3 reserved, but confirmed sales orders still have %4 open")
_ON_ORDER = QT_TRANSLATE_NOOP(
    "CheckProblems", "%1 in %2: the stock balance says %3 on order, but issued purchase orders still expect %4")
# %1 how many
_NO_VALUE = QT_TRANSLATE_NOOP("CheckProblems", "%1 stock movement(s) have no value")
# %1 the document's number, %2 the line, %3 the SKU, %4 the line's cost, %5 the movement's value
_SALES_COST = QT_TRANSLATE_NOOP(
    "CheckProblems", "%1 line %2 (%3): the line's cost is %4, but its stock movement's cost in the ledger is %5")
# %1 the SKU, %2 the warehouse, %3 the return's number, %4 what it brings back, %5 its share of the sale's cost
_RETURN_VALUE = QT_TRANSLATE_NOOP(
    "CheckProblems", "%1 in %2: the customer return %3 brings back %4, but its share of its sale's cost in the ledger "
                     "is %5")
# %1 the SKU, %2 the warehouse, %3 the month, %4 the figure's name, %5 the row's figure, %6 the movements' figure
_MONTHS = QT_TRANSLATE_NOOP(
    "CheckProblems", "%1 in %2: the reports' monthly row for %3 keeps %4 as %5, but the movements give %6")
# %1 the item's number, %2 AR/AP and the partner's code, %3 the kept open amount, %4 the item less its allocations
_OPEN = QT_TRANSLATE_NOOP(
    "CheckProblems", "%1 (%2): the open amount kept is %3, but the item less its allocations is %4")
_OPEN_MISSING = QT_TRANSLATE_NOOP(
    "CheckProblems", "%1 (%2): no open amount is kept, but the item less its allocations is %4")
_OPEN_SETTLED = QT_TRANSLATE_NOOP(
    "CheckProblems", "%1 (%2): an open amount of %3 is kept, but the item is settled")
_OPEN_OTHER = QT_TRANSLATE_NOOP(
    "CheckProblems", "%1 (%2): the open amount kept names another partner, date or due date than the item")
# anything else: %1 the SKU, %2 the warehouse, %3 what was compared, %4 kept, %5 from the ledger
_OTHER = QT_TRANSLATE_NOOP("CheckProblems", "%1 in %2: %3 is %4, but the ledger gives %5")

# the summaries and the repair's report (%1… as each says)
CHECK_FAILED = QT_TRANSLATE_NOOP("CheckProblems", "%1 difference(s) from the ledger")
CHECK_OK = QT_TRANSLATE_NOOP(
    "CheckProblems", "ok: every balance, monthly row, open amount and sales line's cost agrees with the ledger")
REPAIR_HINT = QT_TRANSLATE_NOOP(
    "CheckProblems", "stockroom check --repair sets the sales lines' costs to their movements' values (after a backup)")
# %1 the document's number, %2 the line, %3 the SKU, %4 → %5 the cost, %6 → %7 the margin, %8 the margin's change
REPAIRED = QT_TRANSLATE_NOOP("CheckProblems", "%1 line %2 (%3): cost %4 → %5, margin %6 → %7 (%8)")
# %1 how many lines, %2 the margin's change over them all
REPAIRED_ALL = QT_TRANSLATE_NOOP(
    "CheckProblems", "%1 sales line(s) now carry their movements' values; the margin changes by %2 in all")
# a note, not a difference: %1 the receipt's number, %2 its purchase order
UNLINKED_DELIVERY = QT_TRANSLATE_NOOP(
    "CheckProblems", "note: %1 (received against %2) does not name its stock movements: they could not be told apart "
                     "from another delivery's of the same order, product, quantity and time when this file was "
                     "upgraded; reversing it takes the order's matching receipts that no other receipt names")
# %1 the backup's path
BACKED_UP = QT_TRANSLATE_NOOP("CheckProblems", "The database was backed up first to %1")
# %1 the document's number, %2 the line, %3 the SKU, %4 its day
LEFT_CLOSED = QT_TRANSLATE_NOOP(
    "CheckProblems", "%1 line %2 (%3) of %4 is in a closed month and was left as it is; reopen the month to repair it")
# %1 the return's number, %2 the SKU, %3 the warehouse, %4 → %5 what it brings back
RETURN_REVALUED = QT_TRANSLATE_NOOP(
    "CheckProblems", "Customer return %1 (%2 in %3) now brings back %5 (was %4): its share of its sale's cost")
# %1 the return's number, %2 the SKU, %3 the warehouse, %4 its day
RETURN_LEFT_CLOSED = QT_TRANSLATE_NOOP(
    "CheckProblems", "Customer return %1 (%2 in %3) of %4 is in a closed month and was left as it is; reopen the "
                     "month to repair it")
NOTHING_TO_REPAIR = QT_TRANSLATE_NOOP(
    "CheckProblems", "Nothing to repair: every sales line's cost equals its movement's value; nothing was written")
NO_MOVEMENT_CHANGED = QT_TRANSLATE_NOOP(
    "CheckProblems", "No stock movement was written or edited: only what is derived from them (their values, the "
                     "sales lines' costs)")

_SALES_LINE = re.compile(r"sales line (?P<number>\S+)/(?P<line>\d+) cost")
_RETURN_ROW = re.compile(r"customer return (?P<number>\S+) value")
_MONTH_ROW = re.compile(r"stock_months (?P<month>\S+) \S+ (?P<what>\S+)")
_SIMPLE = {"on_hand": _ON_HAND, "value": _VALUE, "reserved": _RESERVED, "on_order": _ON_ORDER}
_OPEN_KINDS = {"open amount": _OPEN, "open amount missing": _OPEN_MISSING,
               "open amount of a settled item": _OPEN_SETTLED, "open amount's partner or dates": _OPEN_OTHER}


def describe(p: CheckProblem, tr: Callable[[str], str]) -> str:
    """One difference as a sentence: what is kept, and what it disagrees with; ``tr`` translates a marked text."""
    kept, ledger = fmt(p.balance), fmt(p.ledger)
    if p.field in _SIMPLE:
        return fill(tr(_SIMPLE[p.field]), p.sku, p.warehouse, kept, ledger)
    if p.field in _OPEN_KINDS:
        return fill(tr(_OPEN_KINDS[p.field]), p.sku, p.warehouse, kept, ledger)
    if p.field == "movements without a valuation":
        return fill(tr(_NO_VALUE), ledger)
    if m := _SALES_LINE.fullmatch(p.field):
        return fill(tr(_SALES_COST), m["number"], m["line"], p.sku, kept, ledger)
    if m := _RETURN_ROW.fullmatch(p.field):
        return fill(tr(_RETURN_VALUE), p.sku, p.warehouse, m["number"], kept, ledger)
    if m := _MONTH_ROW.fullmatch(p.field):
        return fill(tr(_MONTHS), p.sku, p.warehouse, m["month"], m["what"], kept, ledger)
    return fill(tr(_OTHER), p.sku, p.warehouse, p.field, kept, ledger)


def repaired_line(x, tr: Callable[[str], str], money: Callable[[Decimal], str]) -> str:
    """One line a repair brought in line (``domain.sales.rows.StaleCost``): its cost and margin before and after."""
    return fill(tr(REPAIRED), x.number, x.line_no, x.sku, money(x.cost), money(x.ledger_cost),
                money(x.revenue - x.cost), money(x.revenue - x.ledger_cost), signed(x.margin_change, money))


def repair_report(done, tr: Callable[[str], str], money: Callable[[Decimal], str],
                  most: int | None = None) -> list[str]:
    """What a repair did (``domain.sales.recost.CostRepair``), a sentence a line: the backup, each return revalued,
    each line's cost and margin before and after (the first ``most``), what was left in closed months, the total."""
    lines = [fill(tr(BACKED_UP), done.backup)] if done.backup is not None else []
    lines += [fill(tr(RETURN_REVALUED), x.number, x.sku, x.warehouse, money(x.value), money(x.ledger_value))
              for x in done.returns]
    lines += [repaired_line(x, tr, money) for x in done.repaired[:most]]
    if most is not None and len(done.repaired) > most:
        lines.append("…")
    lines += [fill(tr(RETURN_LEFT_CLOSED), x.number, x.sku, x.warehouse, _day(x.occurred_at))
              for x in done.closed_returns]
    lines += [fill(tr(LEFT_CLOSED), x.number, x.line_no, x.sku, _day(x.occurred_at)) for x in done.closed]
    if done.repaired or done.returns:
        lines.append(fill(tr(REPAIRED_ALL), len(done.repaired), signed(done.margin_change, money)))
        lines.append(tr(NO_MOVEMENT_CHANGED))
    else:
        lines.append(tr(NOTHING_TO_REPAIR))
    return lines


def _day(at) -> str:
    return at.astimezone().date().isoformat()


def signed(amount: Decimal, money: Callable[[Decimal], str]) -> str:
    """A change of money with its sign, + as well as −."""
    return ("+" if amount > 0 else "") + money(amount)


def cli_translator(language: str) -> Callable[[str], str]:
    """The command line's ``tr`` for ``language`` ("en" or "zh_CN"); English loads no Qt (a command starts fast)."""
    if language == "en":
        return lambda text: text
    from ui.i18n import label_translator

    return label_translator(language, CONTEXT)
