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

from dataclasses import dataclass
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


@dataclass(frozen=True)
class HeldFraction:
    """A fractional quantity of a product that is still to be acted on, which keeps it from counting in whole units.

    What a product *holds* is what a whole-unit product would later have to ship, receive, count or order in that
    fraction: its stock on hand in a warehouse (``stock``), what is still to receive on a draft or open purchase
    order (``purchase_order``), still to ship on a draft or open sales order (``sales_order``), and the steps a
    supplier sells it in (``supplier_terms``: pack size, minimum order, order multiple). The product's own pack size
    and levels are fields of its form, checked there. Posted history (movements, shipped and invoiced lines, closed
    months) is the past and stays as it was; held documents are one desk's unposted forms, checked again when
    resumed, held and posted.

    Attributes:
        kind: ``stock``, ``purchase_order``, ``sales_order`` or ``supplier_terms``.
        where: the warehouse code, the order's number (a draft purchase order: its id) or the supplier code.
        qty: the fractional quantity.
    """

    kind: str
    where: str
    qty: Decimal


def refuse_fraction_held(product: Product, held: HeldFraction | None) -> None:
    """Refuses to count ``product`` in whole units while it holds ``held`` (None: it holds no fraction).

    Raises:
        BadInput: on the field ``whole units``, code ``holds_fraction``, ``fraction_on_po``, ``fraction_on_so`` or
            ``fraction_in_terms`` with the values (SKU, quantity, unit, where).
    """
    if held is None:
        return
    values = (product.sku, fmt(held.qty), product.unit, held.where)
    code = FRACTION_CODES.get(held.kind, "fraction_in_terms")
    raise BadInput("whole units", FRACTION_ENGLISH[code].format(*values), code=code, values=values)


# The code of each kind of holding (supplier terms: the rest).
FRACTION_CODES = {"stock": "holds_fraction", "purchase_order": "fraction_on_po", "sales_order": "fraction_on_so"}

# The sentences of those refusals; domain.imports.problems takes them into its list of codes.
FRACTION_ENGLISH = {
    "holds_fraction": "{0} holds {1} {2} in {3}; count it to a whole number first",
    "fraction_on_po": "{0} has {1} {2} still to receive on purchase order {3}; make that line a whole number (or "
                      "receive or close it) first",
    "fraction_on_so": "{0} has {1} {2} still to ship on sales order {3}; make that line a whole number (or ship or "
                      "cancel it) first",
    "fraction_in_terms": "{0} is bought in steps of {1} {2} from supplier {3} (pack size, minimum order or order "
                         "multiple); make those terms whole numbers first",
}
