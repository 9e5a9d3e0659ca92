"""Whole units: a product counted in pieces takes whole quantities only.

A product's unit is free text (``pcs``, ``个``, ``箱``, ``kg``…). Whether its quantities may have decimals is a
setting of its own, ``Product.whole_units``: a shop sells nails by the box and by the kilogram, and only the
shop knows which. A new product counts in whole units unless its unit is a measure (``MEASURE_UNITS``: weight,
length, area, volume), which is what ``whole_by_default`` says.

``whole_quantity`` is the one check every use case that takes a quantity for a product calls (receipts,
shipments, transfers, counts, adjustments, stock documents, purchase and sales order lines, receiving,
returns, supplier invoices, pack sizes and order quantities): it refuses a fractional quantity of a whole-unit
product, naming the field and what would be accepted.
"""

from __future__ import annotations

from decimal import ROUND_CEILING
from decimal import ROUND_FLOOR
from decimal import Decimal

from domain.catalog.model import Product
from domain.kernel.errors import BadInput
from domain.kernel.numbers import fmt

# Units of measure whose quantities are naturally fractional (compared without regard to case and surrounding
# spaces). Anything else (pcs, 个, 件, 台, 箱, box, pair…) is counted.
MEASURE_UNITS = frozenset({
    # weight
    "kg", "kgs", "kilo", "kilogram", "kilograms", "g", "gram", "grams", "mg", "t", "ton", "tons", "tonne", "tonnes",
    "lb", "lbs", "oz", "千克", "公斤", "克", "毫克", "吨", "斤", "两", "市斤",
    # length
    "m", "meter", "meters", "metre", "metres", "cm", "mm", "km", "in", "inch", "ft", "foot", "feet", "yd", "yard",
    "yards", "米", "厘米", "毫米", "公里", "千米", "尺", "寸", "码",
    # area
    "m2", "m²", "sqm", "sq m", "ft2", "sq ft", "平方米", "平米", "㎡", "亩",
    # volume
    "l", "liter", "liters", "litre", "litres", "ml", "cl", "m3", "m³", "cbm", "gal", "gallon", "升", "毫升", "立方米",
    "立方", "方",
    # time (services billed by the hour)
    "h", "hr", "hour", "hours", "小时",
})


# The sentences of the two refusals (the same as their codes' in domain.imports.problems, which a test keeps equal).
ENGLISH = {
    "not_whole": "{0} is not a whole number: {1} is counted in whole {2}; enter {3} or {4}",
    "not_whole_one": "{0} is not a whole number: {1} is counted in whole {2}; enter {3}",
}


def whole_by_default(unit: str) -> bool:
    """Whether a new product in ``unit`` counts in whole units: yes, unless ``unit`` is a measure."""
    return (unit or "").strip().casefold() not in MEASURE_UNITS


def is_whole(qty: Decimal) -> bool:
    return qty == qty.to_integral_value()


def whole_quantity(field: str, product: Product, qty: Decimal | None) -> Decimal | None:
    """``qty`` (already checked as a quantity) when ``product`` accepts it; a fractional quantity of a product
    counted in whole units is refused.

    Args:
        field: the field the quantity was typed in, as the user knows it ("quantity of line 2").
        product: the product the quantity is of.
        qty: the quantity; None (a blank optional field) passes.

    Raises:
        BadInput: code ``not_whole`` (the quantity, the SKU, the unit and the whole numbers either side of it) or
            ``not_whole_one`` (below 1: the quantity, SKU, unit and the one whole number that would do).
    """
    if qty is None or not product.whole_units or is_whole(qty):
        return qty
    low, high = qty.to_integral_value(ROUND_FLOOR), qty.to_integral_value(ROUND_CEILING)
    shown = (fmt(qty), product.sku, product.unit)
    if low == 0 or high == 0:  # between 0 and 1 (or -1 and 0): the one whole number that is not 0
        one = fmt(high if low == 0 else low)
        raise BadInput(field, ENGLISH["not_whole_one"].format(*shown, one), code="not_whole_one", values=(*shown, one))
    pair = (fmt(low), fmt(high))
    raise BadInput(field, ENGLISH["not_whole"].format(*shown, *pair), code="not_whole", values=(*shown, *pair))
