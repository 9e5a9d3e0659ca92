"""An amount of money in Chinese capital numerals (大写金额), as Chinese business documents print it.

Invoices, delivery notes and cheques repeat the total in capitals (壹贰叁…) so it cannot be altered by
adding a stroke. The rules followed here are those of the central bank's rules for filling in bills and
settlement vouchers (正确填写票据和结算凭证的基本规定), as every accounting package applies them:

* Digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟 inside a group of four digits, 万 and 亿 for the groups,
  元角分 for the money. Ten is 壹拾 (never a bare 拾), at the start as in the middle: 10 → 壹拾元整.
* A run of zeros between two non-zero digits of the yuan is written as one 零, also when the run crosses
  a 万 or 亿 group: 1504 → 壹仟伍佰零肆, 100100 → 壹拾万零壹佰, 100000001 → 壹亿零壹. A group that is all zeros
  drops its unit (壹亿零壹, not 壹亿零万零壹). Trailing zeros of the yuan are not written (壹拾万元).
* The rules allow, where the 万 or 元 digit is 0 and the next one is not, one 零 or none (1680.32 is
  壹仟陆佰捌拾元零叁角贰分 or 壹仟陆佰捌拾元叁角贰分). This module takes one form and keeps to it: inside the
  yuan the 零 is written (107000 → 壹拾万零柒仟元整, the second form the rules give), between 元 and 角 it is
  not (10.5 → 壹拾元伍角整, 1680.32 → 壹仟陆佰捌拾元叁角贰分).
* When the 角 is 0 and the 分 is not, 零 stands before the 分: 1504.07 → 壹仟伍佰零肆元零柒分.
* 整 follows an amount that ends at 元 or at 角 (壹仟伍佰零肆元柒角整); never after 分. The rules make 整
  after 角 optional; invoices print it, and so does this module.
* Less than one yuan prints without 元: 0.50 → 伍角整, 0.05 → 伍分. Nothing at all is 零元整.
* A negative amount (a credit note, a return) is prefixed with 负.

The amount comes in as an exact ``Decimal`` (or an ``int``). More than two decimals that are not zero are
refused rather than rounded here: a printed total must be the stored total, so round it first with
``domain.kernel.numbers.round_money`` (half-up to the cent). Amounts of 1 万亿 (10¹²) and more are refused:
no document of this application reaches them, and above 亿 the unit names are not used the same way
everywhere.
"""

from __future__ import annotations

from decimal import Decimal

from domain.kernel.errors import BadInput

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "拾", "佰", "仟")  # inside a group of four digits, from the right
GROUP_UNITS = ("", "万", "亿")  # the groups of four digits, from the right
LIMIT = Decimal(10) ** 12  # 1 万亿: the first amount refused
ZERO = "零"
NEGATIVE = "负"
YUAN = "元"
JIAO = "角"
FEN = "分"
WHOLE = "整"


def capitals(amount: Decimal | int) -> str:
    """``amount`` in Chinese capital numerals: 1504.70 → 壹仟伍佰零肆元柒角整.

    Args:
        amount: yuan as an exact Decimal (or int), with at most two decimals that are not zero.

    Returns:
        The capitals, with 负 before a negative amount and 整 after one that ends at 元 or 角.

    Raises:
        BadInput: a float or anything but a Decimal or int; not a finite number; more than two decimals
            that are not zero (round to the cent first); an amount of 1 万亿 or more.
    """
    if isinstance(amount, bool) or not isinstance(amount, (Decimal, int)):
        raise BadInput("amount", f"{amount!r} is not an exact amount; pass a Decimal (floats are not exact)")
    value = Decimal(amount)
    if not value.is_finite():
        raise BadInput("amount", f"{amount} is not a finite number")
    cents = value * 100
    if cents != cents.to_integral_value():
        raise BadInput("amount", f"{amount} has more than two decimals; round it to the cent first "
                                 "(domain.kernel.numbers.round_money rounds half-up)")
    if abs(value) >= LIMIT:
        raise BadInput("amount", f"{amount} is too large to write in capitals: amounts below 1 万亿 "
                                 "(1,000,000,000,000) are accepted")
    total = int(abs(cents))
    yuan, rest = divmod(total, 100)
    jiao, fen = divmod(rest, 10)
    if total == 0:
        return ZERO + YUAN + WHOLE
    text = _yuan(yuan) + (YUAN if yuan else "")
    if jiao:
        text += DIGITS[jiao] + JIAO
    elif fen and yuan:
        text += ZERO
    if fen:
        text += DIGITS[fen] + FEN
    else:
        text += WHOLE
    return (NEGATIVE if value < 0 else "") + text


def _yuan(yuan: int) -> str:
    """The whole yuan (no 元), 0 < yuan < 10¹²; '' for 0."""
    digits = str(yuan)
    places = len(digits)
    out: list[str] = []
    pending_zero = False  # a zero run since the last digit written, to be said as one 零 before the next
    for i, ch in enumerate(digits):
        place = places - 1 - i  # 0 for the units
        group, within = divmod(place, 4)
        if ch == "0":
            pending_zero = bool(out)
        else:
            if pending_zero:
                out.append(ZERO)
                pending_zero = False
            out.append(DIGITS[int(ch)] + SMALL_UNITS[within])
        if within == 0 and group and _group_has_digit(digits, group):
            out.append(GROUP_UNITS[group])
    return "".join(out)


def _group_has_digit(digits: str, group: int) -> bool:
    """Whether the ``group``-th group of four digits from the right holds a digit that is not zero."""
    end = len(digits) - 4 * group
    return any(ch != "0" for ch in digits[max(0, end - 4):end])
