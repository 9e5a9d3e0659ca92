"""A product's own planning policy: its cycle service target and review period, overriding the defaults.

By default planning (``domain.planning.run.plan``) takes the service target from the product's ABC class
(``SERVICE_BY_CLASS``) and the review period from the run (``DEFAULT_REVIEW_DAYS``). A purchaser may set
either for one product; a blank value clears it, and the default applies again. The service target is
entered as a percentage ("97.5") and kept as a fraction (0.975): above 50 % (below it the safety stock
would be negative) and at most 99.99 % (100 % would need infinite safety stock), with at most two
decimals. The review period is a whole number of days from 1 to 365.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from decimal import InvalidOperation
from typing import TYPE_CHECKING

from domain.access.roles import Permission
from domain.access.roles import require
from domain.kernel.errors import BadInput
from domain.kernel.errors import NotFound
from domain.kernel.numbers import ascii_number
from domain.kernel.refusals import refusal
from domain.planning.product_model import ProductPlanning

if TYPE_CHECKING:
    from domain.kernel.ports import UnitOfWork

MIN_SERVICE = Decimal("0.5")  # exclusive
MAX_SERVICE = Decimal("0.9999")
MAX_REVIEW_DAYS = 365


@dataclass(frozen=True)
class SetProductPlanning:
    """The texts a user typed: ``service_target`` a percentage or blank, ``review_days`` days or blank."""

    sku: str
    service_target: str = ""
    review_days: str = ""


def parse_service_target(text: str) -> Decimal | None:
    """"97.5" → Decimal("0.975"); blank → None (the ABC class's target)."""
    text = (text or "").strip().removesuffix("%").strip()
    if not text:
        return None
    try:
        percent = Decimal(ascii_number(text))
    except (InvalidOperation, ValueError):
        percent = None
    if percent is None or not percent.is_finite() or percent.as_tuple().exponent < -2:
        raise BadInput("service target", f"{text!r} is not a percentage; give a number above 50 and at most "
                                         "99.99 with up to 2 decimals (e.g. 97.5), or leave it blank for the "
                                         "ABC class's target", code="not_a_service_target", values=(repr(text),))
    fraction = percent / 100
    if not MIN_SERVICE < fraction <= MAX_SERVICE:
        raise BadInput("service target", f"{text} % is out of range; give a percentage above 50 and at most "
                                         "99.99, or leave it blank for the ABC class's target",
                       code="service_target_range", values=(text,))
    return fraction


def parse_review_days(text: str) -> int | None:
    """"14" → 14; blank → None (the run's review period)."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        digits = ascii_number(text)  # full-width digits too; not ² (which str.isdigit takes for a digit)
    except ValueError:
        digits = ""
    days = int(digits) if digits.isdigit() else 0
    if not 1 <= days <= MAX_REVIEW_DAYS:
        raise BadInput("review days", f"{text!r} is not accepted; give a whole number of days from 1 to "
                                      f"{MAX_REVIEW_DAYS}, or leave it blank for the default",
                       code="not_review_days", values=(repr(text), MAX_REVIEW_DAYS))
    return days


def set_product_planning(uow: UnitOfWork, command: SetProductPlanning) -> ProductPlanning:
    """Set (or clear, with blanks) one product's service target and review period, in one transaction."""
    service = parse_service_target(command.service_target)
    review = parse_review_days(command.review_days)
    with uow:
        require(uow, Permission.PURCHASE)
        product = uow.products.by_sku((command.sku or "").strip())
        if product is None:
            raise refusal(NotFound, "unknown_sku", sku=command.sku)
        planning = ProductPlanning(product.id, service, review)
        uow.product_planning.put(planning)
        uow.commit()
    return planning
