"""What a printed sales document says: plain frozen values, filled by the sales use cases, read by the PDFs.

A printed document is a frozen copy, as a purchase order's snapshot is: the use case that prints copies
names, addresses, prices and totals into these values once, and the renderer (``ui.pdf.sales``) reads
nothing else. Nothing here computes or rounds: the totals are the document's own stored totals, already
rounded to the cent (``domain.kernel.numbers.round_money``), so the printed total and its amount in
Chinese capitals (``domain.kernel.capitals``) are the figures in the books.

Two kinds of value are printed:

* ``SalesPrint``: one sales document with its lines and money (an order confirmation, a delivery note, a
  sales invoice, a customer return note, a supplier return note), chosen by ``DocumentKind``;
* ``ArrivalNotice``: the backorder / arrival notice (到货通知) for one customer: what it ordered and has not
  received, since when, and when it is expected.

Amounts on return notes are positive: the kind says which way the goods and the money go.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

CNY = "CNY"


class DocumentKind(enum.StrEnum):
    """Which sales document is printed; it decides the title, the blocks' labels and the signature lines."""

    ORDER_CONFIRMATION = "order_confirmation"  # 销售订单确认: the confirmed sales order, sent to the customer
    DELIVERY_NOTE = "delivery_note"  # 送货单: goes with the goods, signed by who delivers and who receives
    SALES_INVOICE = "sales_invoice"  # 销售单: the sale with its money (a shipment or a counter sale)
    CUSTOMER_RETURN = "customer_return"  # 销售退货单: goods a customer brought back
    SUPPLIER_RETURN = "supplier_return"  # 采购退货单: goods sent back to a supplier
    GOODS_RECEIPT = "goods_receipt"  # 采购入库单: goods received from a supplier (against a PO, or free)


@dataclass(frozen=True)
class PartyBlock:
    """A name-and-address block: the company in the header, the customer or supplier, the warehouse.

    Every field but ``name`` may be empty; an empty field is not printed.

    Attributes:
        name: the name as printed (Chinese and English names as they are stored).
        code: the partner's or warehouse's code in this application (customer code, supplier code, warehouse code).
        address: the postal address; line breaks are kept.
        contact: a contact person.
        phone: a telephone number.
        tax_id: the taxpayer identification number (纳税人识别号), printed on invoices and in the company header.
        payment_terms: the partner's payment terms as text ("月结 30 天").
    """

    name: str
    code: str = ""
    address: str = ""
    contact: str = ""
    phone: str = ""
    tax_id: str = ""
    payment_terms: str = ""


@dataclass(frozen=True)
class PrintLine:
    """One line of a sales document.

    Identity and quantity:
        line_no: the line's number on the document, from 1.
        sku: the product's SKU (货号).
        name: the product's name; a long one wraps inside its cell.
        unit: the unit the quantity is counted in ("pcs", "箱").
        qty: the quantity of this document (ordered, shipped, returned), positive.

    Money, all without tax (ignored when the document prints quantities only):
        unit_price: the unit price without tax, before the discount.
        discount_pct: the line's discount in percent (0 for none; 5 for 5 %).
        tax_pct: the line's tax rate in percent (13 for 13 %).
        amount: the line's amount without tax after the discount, rounded to the cent as stored.

    Text:
        note: a remark printed with the line (a return's reason for this line, a substitute's origin); may be "".

    A confirmed order's backorder (an order confirmation):
        backorder: how much of the line's open quantity the stock on hand does not cover (0: none).
        arrival: the date an open purchase order brings it (None: none covers it yet).
    """

    line_no: int
    sku: str
    name: str
    unit: str
    qty: Decimal
    unit_price: Decimal = Decimal(0)
    discount_pct: Decimal = Decimal(0)
    tax_pct: Decimal = Decimal(0)
    amount: Decimal = Decimal(0)
    note: str = ""
    backorder: Decimal = Decimal(0)
    arrival: date | None = None


@dataclass(frozen=True)
class ToComeLine:
    """A line of the order a delivery note belongs to that is still to come (待发货): it did not all go with this
    shipment nor any before it.

    Attributes:
        line_no: the order line's number.
        sku: the product's SKU (货号).
        name: the product's name.
        unit: the unit of the quantity.
        qty: the quantity still owed (the line's open quantity when printed).
        backorder: how much of it the stock on hand does not cover (0: the stock covers it, it ships next).
        expected_on: when an open purchase order brings the backorder (None: none covers it yet, or no backorder).
    """

    line_no: int
    sku: str
    name: str
    unit: str
    qty: Decimal
    backorder: Decimal = Decimal(0)
    expected_on: date | None = None


@dataclass(frozen=True)
class Totals:
    """The document's totals as stored, rounded to the cent.

    Attributes:
        without_tax: the sum of the lines' amounts without tax (不含税金额).
        tax: the tax on it (税额).
        with_tax: what the customer pays or is paid back (价税合计) = without_tax + tax; printed also in Chinese
            capitals when the currency is CNY.
    """

    without_tax: Decimal
    tax: Decimal
    with_tax: Decimal


@dataclass(frozen=True)
class SalesPrint:
    """One sales document to print.

    The document:
        kind: which document (title, labels, signature lines).
        number: the document's number (``SO-2026-00042``, a shipment's or a return's number).
        issued_on: the document's date.
        currency: the ISO code of its money; only CNY totals are also printed in capitals.

    Other dates (None: not printed):
        requested_on: the delivery date the customer asked for (an order confirmation, a delivery note).
        due_on: when payment is due (a sales invoice).

    What it refers to ("" or None: not printed):
        order_number: the sales order (or, on a supplier return, the purchase order) it belongs to.
        source_number: the shipment a customer return is against, or the receipt a supplier return is against.
        reason: why goods were returned (required on return notes by the use cases; printed as given).
        reversed_on: the day a posted document printed again after its reversal was reversed.

    The blocks:
        company: our company, printed in the header.
        partner: the customer (the supplier on a supplier return note).
        warehouse: the warehouse the goods leave from or come back to.
        deliver_to: the delivery address when it is not the partner's own (None: the partner's address).

    The lines and money:
        lines: the lines in their printed order.
        totals: the totals; None only for a document that prints quantities only.
        with_prices: whether prices, amounts and totals are printed. None: the kind decides (a delivery note prints
            quantities only; every other document prints prices). A delivery note prints prices when True.

        prints_tax: whether the tax rate, the tax and the total with tax are printed. False for a document on which
            no tax applies (a goods receipt not against a taxed purchase order): its prices and total are printed
            plainly, with no tax lines that would all say 0.

    Free text:
        note: printed under the totals; paragraphs separated by a blank line.

    A delivery note of part of an order:
        to_come: the order's lines still to come after it, printed under its lines ("Still to come" / 待发货) so
            the customer sees what stays on backorder; () for none.
    """

    kind: DocumentKind
    number: str
    issued_on: date
    company: PartyBlock
    partner: PartyBlock
    warehouse: PartyBlock
    lines: tuple[PrintLine, ...]
    totals: Totals | None
    currency: str = CNY
    requested_on: date | None = None
    due_on: date | None = None
    order_number: str = ""
    source_number: str = ""
    reason: str = ""
    deliver_to: PartyBlock | None = None
    with_prices: bool | None = None
    note: str = ""
    reversed_on: date | None = None
    prints_tax: bool = True
    to_come: tuple[ToComeLine, ...] = ()

    @property
    def prints_prices(self) -> bool:
        """Whether the prices, amounts and totals are printed (see ``with_prices``)."""
        if self.with_prices is not None:
            return self.with_prices and self.totals is not None
        return self.kind is not DocumentKind.DELIVERY_NOTE and self.totals is not None


@dataclass(frozen=True)
class NoticeLine:
    """One product a customer ordered and has not received yet (a backorder).

    Attributes:
        sku: the product's SKU (货号).
        name: the product's name.
        unit: the unit of the quantity.
        qty: the quantity still owed to the customer.
        since: the day the customer has been waiting since (the order's confirmation or its promised date).
        order_number: the sales order the quantity belongs to; "" when none.
        expected_on: when the goods are expected to arrive (the earliest open purchase order that covers them);
            None when no arrival is scheduled yet (printed as "not yet scheduled").
    """

    sku: str
    name: str
    unit: str
    qty: Decimal
    since: date
    order_number: str = ""
    expected_on: date | None = None


@dataclass(frozen=True)
class ArrivalNotice:
    """The backorder / arrival notice (到货通知) for one customer.

    Attributes:
        number: the notice's reference as printed ("" when it has none).
        issued_on: the day it is printed for.
        company: our company, printed in the header.
        customer: the customer it is addressed to.
        lines: what is owed, one line per product and order.
        note: free text under the table ("" for none); paragraphs separated by a blank line.
    """

    number: str
    issued_on: date
    company: PartyBlock
    customer: PartyBlock
    lines: tuple[NoticeLine, ...]
    note: str = ""
