"""What each kind of import reads: its target fields, and a guess of the file's column for each.

A spreadsheet kept in Excel names its columns in English or Chinese, in many ways (``SKU``,
``货号``, ``商品编码``…). ``guess_mapping`` compares each header, normalised (case, spaces,
punctuation and a trailing unit in brackets removed: ``数量(件)`` → ``数量``), with the synonyms of
each field: an exact match first, then a header that starts with or contains a synonym. Each
header serves one field at most; fields are matched in their listed order, so the more specific
fields (``supplier SKU``) are listed before the general ones (``SKU``).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from dataclasses import replace

from domain.imports.report import Table


class ImportKind(enum.StrEnum):
    PRODUCTS = "products"
    SUPPLIERS = "suppliers"
    TERMS = "terms"
    CUSTOMERS = "customers"
    STOCK = "stock"
    SALES_HISTORY = "sales-history"
    OPENINGS = "openings"


@dataclass(frozen=True)
class Field:
    """One target field of an import.

    Attributes:
        key: the name used in a mapping (``{"sku": "货号"}``).
        label: the field's name shown to the user (English; the UI translates it).
        required: the file must have a column for it.
        synonyms: header texts that mean this field, normalised by ``normalise``.
        accepted: what a cell of this field accepts, for the validation report.
        number: the field holds a number, read in the number format chosen for the file.
    """

    key: str
    label: str
    required: bool
    synonyms: tuple[str, ...]
    accepted: str
    number: bool = False


_SKU = ("sku", "货号", "商品编码", "商品编号", "产品编码", "产品编号", "物料编码", "物料编号", "存货编码", "商品代码",
        "itemcode", "itemno", "productcode", "article", "编码", "code", "item")
_WAREHOUSE = ("warehouse", "warehousecode", "仓库", "仓库编码", "仓库代码", "库房", "仓库名称", "location", "store")
_DATE = ("date", "日期", "单据日期", "业务日期")
_CONTACT = ("contact", "phone", "联系人", "联系方式", "电话")
_ADDRESS = ("address", "地址", "联系地址", "通讯地址", "详细地址")
_ANY_TEXT = "any text up to 200 characters"
ACCEPT_CODE = "letters (Chinese too), digits and signs such as - _ . /, without spaces, not starting with =, + or @"
ACCEPT_QTY = "a number greater than 0 with at most 4 decimals, such as 12 or 2.5"
ACCEPT_DATE = "a date such as 2026-03-01, 2026/3/1 or 2026年3月1日"
ACCEPT_MONEY = "0 or more, such as 4.20"
ACCEPT_YES_NO = "yes or no (是 or 否); blank: yes unless the unit is a measure such as kg or 米"

FIELDS: dict[ImportKind, tuple[Field, ...]] = {
    ImportKind.PRODUCTS: (
        Field("sku", "SKU", True, _SKU, ACCEPT_CODE),
        Field("name", "Name", True, ("name", "productname", "itemname", "description", "名称", "品名", "商品名称",
                                     "产品名称", "货品名称", "存货名称", "物料名称", "商品"), _ANY_TEXT),
        Field("unit", "Unit", False, ("unit", "uom", "单位", "计量单位", "基本单位"),
              "text up to 16 characters, such as pcs"),
        Field("barcode", "Barcode", False, ("barcode", "barcodes", "ean", "upc", "gtin", "条码", "条形码", "商品条码"),
              "barcodes without spaces, several separated by ',' or ';'"),
        Field("category", "Category", False, ("category", "group", "类别", "分类", "类目", "商品类别", "商品分类",
                                              "品类"), "text up to 64 characters"),
        Field("pack_size", "Pack size", False, ("packsize", "pack", "包装", "箱规", "包装数量", "装箱数", "每箱数量"),
              ACCEPT_QTY),
        Field("min_level", "Min level", False, ("minlevel", "min", "minimum", "reorderlevel", "最低库存", "安全库存",
                                                "库存下限", "最小库存"), "0 or more, blank for none"),
        Field("max_level", "Max level", False, ("maxlevel", "max", "maximum", "最高库存", "库存上限", "最大库存"),
              "0 or more and not below the min level, blank for none"),
        Field("whole_units", "Whole units", False, ("wholeunits", "wholeunit", "countedinwholeunits", "整数计量",
                                                    "按整数计量", "整数单位"), ACCEPT_YES_NO),
    ),
    ImportKind.SUPPLIERS: (
        Field("code", "Supplier code", True, ("suppliercode", "vendorcode", "供应商编码", "供应商代码", "供应商编号",
                                              "code", "编码", "编号"), ACCEPT_CODE),
        Field("name", "Name", True, ("name", "suppliername", "vendorname", "supplier", "vendor", "供应商名称",
                                     "供应商", "名称", "单位名称"), "any text up to 200 characters"),
        Field("contact", "Contact", False, _CONTACT, "text up to 200 characters"),
        Field("currency", "Currency", False, ("currency", "币种", "币别", "货币"),
              "a three-letter code such as CNY or USD"),
        Field("lead_time", "Lead time (days)", False, ("leadtime", "leadtimedays", "交期", "提前期", "采购周期",
                                                       "交货期", "到货天数"), "whole days from 0 to 3650"),
        Field("address", "Address", False, _ADDRESS, "text up to 500 characters"),
    ),
    ImportKind.TERMS: (
        Field("supplier", "Supplier code", True, ("supplier", "suppliercode", "vendor", "供应商编码", "供应商代码",
                                                  "供应商"), "the code of a supplier already in Stockroom"),
        Field("supplier_sku", "Supplier SKU", False, ("suppliersku", "vendorsku", "供应商货号", "供应商编码货号",
                                                      "对方货号"), "text up to 64 characters"),
        Field("sku", "SKU", True, _SKU, "the SKU or barcode of a product already in Stockroom"),
        Field("unit_price", "Unit price", True, ("unitprice", "price", "cost", "单价", "进价", "采购价", "采购单价",
                                                 "价格", "成本"), ACCEPT_MONEY),
        Field("moq", "Minimum order quantity", False, ("moq", "minorder", "minimumorderquantity", "起订量",
                                                       "最小起订量", "最小订货量"), "0 or more"),
        Field("order_multiple", "Order multiple", False, ("ordermultiple", "multiple", "倍数", "订货倍数", "订购倍数"),
              ACCEPT_QTY),
        Field("lead_time", "Lead time (days)", False, ("leadtime", "leadtimedays", "交期", "提前期", "采购周期",
                                                       "交货期"),
              "whole days from 0 to 3650, blank for the supplier's"),
    ),
    ImportKind.CUSTOMERS: (
        Field("code", "Customer code", True, ("customercode", "客户编码", "客户代码", "客户编号", "code", "编码",
                                              "编号"), ACCEPT_CODE),
        Field("name", "Name", True, ("name", "customername", "customer", "客户名称", "客户", "名称", "单位名称"),
              "any text up to 200 characters"),
        Field("contact", "Contact", False, _CONTACT, "text up to 200 characters"),
        Field("address", "Address", False, _ADDRESS, "text up to 500 characters"),
    ),
    ImportKind.STOCK: (
        Field("sku", "SKU", True, _SKU, "the SKU or barcode of a product already in Stockroom"),
        Field("warehouse", "Warehouse", False, _WAREHOUSE,
              "the code of a warehouse already in Stockroom; blank (or no column) when it has only one"),
        Field("qty", "Quantity", True, ("qty", "quantity", "onhand", "stock", "数量", "库存", "库存数量", "期初数量",
                                        "期初库存", "结存数量", "现存量", "在库数量"),
              "0 or more with at most 4 decimals, such as 12 or 2.5"),
        Field("unit_cost", "Unit cost", True, ("unitcost", "cost", "price", "单价", "成本", "单位成本", "成本价",
                                               "成本单价", "期初单价", "进价"), ACCEPT_MONEY),
        Field("date", "Date", False, (*_DATE, "期初日期", "盘点日期"), ACCEPT_DATE + ", blank for today"),
    ),
    ImportKind.SALES_HISTORY: (
        Field("sku", "SKU", True, _SKU, "the SKU or barcode of a product already in Stockroom"),
        Field("warehouse", "Warehouse", False, _WAREHOUSE,
              "the code of a warehouse already in Stockroom; blank (or no column) when it has only one"),
        Field("qty", "Quantity", True, ("qty", "quantity", "sold", "数量", "销量", "销售数量", "出库数量", "发货数量"),
              ACCEPT_QTY),
        Field("date", "Date", True, (*_DATE, "销售日期", "出库日期", "发货日期", "订单日期"), ACCEPT_DATE),
        Field("customer", "Customer", False, ("customer", "customercode", "客户", "客户编码", "客户代码"),
              "the code of a customer already in Stockroom, or blank"),
        Field("reference", "Reference", False, ("reference", "ref", "orderno", "order", "单号", "订单号", "单据号",
                                                "销售单号"), "text up to 64 characters"),
    ),
    ImportKind.OPENINGS: (
        Field("side", "Side", True, ("side", "type", "ar/ap", "arap", "往来类型", "类型", "方向", "应收应付", "科目"),
              "customer (AR, 应收) or supplier (AP, 应付)"),
        Field("partner", "Partner code", True, ("partnercode", "partner", "customercode", "suppliercode",
                                                "往来单位编码", "单位编码", "客户编码", "供应商编码", "往来单位",
                                                "客户供应商", "code", "编码", "编号"),
              "the code of a customer or supplier already in Stockroom"),
        Field("amount", "Amount", True, ("amount", "balance", "openingbalance", "期初余额", "期初金额", "余额", "金额",
                                         "欠款"),
              "an amount other than 0: + what is owed, - a credit or prepayment, such as 1200.50 or -300"),
        Field("due", "Due date", False, ("duedate", "due", "dueon", "到期日", "到期日期", "应付日期", "应收日期"),
              "a date such as 2026-03-01, 2026/3/1 or 2026年3月1日, blank for the partner's payment terms"),
        Field("date", "Date", False, (*_DATE, "期初日期", "发生日期"), ACCEPT_DATE + ", blank for today"),
        Field("reference", "Reference", False, ("reference", "ref", "invoice", "invoiceno", "单号", "单据号", "发票号",
                                                "凭证号", "备注"), "text up to 64 characters"),
    ),
}

# The fields that hold numbers: their text is read in the number format chosen for the file.
NUMBER_FIELDS = frozenset({"pack_size", "min_level", "max_level", "unit_price", "moq", "order_multiple", "lead_time",
                           "qty", "unit_cost", "amount"})
FIELDS = {kind: tuple(replace(f, number=f.key in NUMBER_FIELDS) for f in fields) for kind, fields in FIELDS.items()}


def fields_of(kind: ImportKind | str) -> tuple[Field, ...]:
    return FIELDS[ImportKind(kind)]


_BRACKETED = re.compile(r"[（(\[【].*?[)）\]】]")
_NOISE = re.compile(r"[\s_\-./:：、#*]+")


def normalise(header: object) -> str:
    """A header reduced for comparison: ``' Unit Cost (CNY) '`` → ``'unitcost'``, ``'数量（件）'`` → ``'数量'``."""
    text = _BRACKETED.sub("", str(header or "")).casefold()
    return _NOISE.sub("", text)


def guess_mapping(kind: ImportKind | str, headers: list[str] | tuple[str, ...]) -> dict[str, str]:
    """Guess which header holds each field of ``kind``.

    Args:
        kind: the kind of import.
        headers: the header texts of the file, in file order.

    Returns:
        ``{field key: header}`` for the fields a header was found for.
    """
    names = [normalise(h) for h in headers]
    taken: set[int] = set()
    mapping: dict[str, str] = {}
    for how in ("exact", "starts", "contains"):
        for field in fields_of(kind):
            if field.key in mapping:
                continue
            for synonym in field.synonyms:
                found = next((i for i, name in enumerate(names) if i not in taken and name and _matches(how, name,
                                                                                                         synonym)),
                             None)
                if found is not None:
                    mapping[field.key] = headers[found]
                    taken.add(found)
                    break
    return mapping


def _matches(how: str, name: str, synonym: str) -> bool:
    if how == "exact":
        return name == synonym
    if how == "starts":
        return (len(synonym) >= 3 or not synonym.isascii()) and name.startswith(synonym)
    return (len(synonym) >= 4 if synonym.isascii() else len(synonym) >= 2) and synonym in name  # not "min" in "admin"


_HEADER_SEARCH = 10  # data rows searched for the real header row (see headed)


def headed(kind: ImportKind | str, table: Table) -> Table:
    """``table`` with its headers from the row that names the fields ``kind`` needs.

    The header row of a file is the first with two cells or more (``ui.spreadsheets``), but some exports put other
    rows of two cells above it: ``制表日期：2026-12-01 | 单位：元``, or group headings over the columns
    (``商品信息`` over 货号 and 品名, ``库存`` over 数量 and 金额). When the first row does not name every field the
    kind needs, and one of the next few rows does, that row is the header row; otherwise the table is as it was read.
    """
    required = [f.key for f in fields_of(kind) if f.required]

    def named(headers: tuple[str, ...]) -> int:
        found = guess_mapping(kind, headers)
        return sum(1 for key in required if key in found)

    if named(table.headers) == len(required):
        return table
    for i in range(min(_HEADER_SEARCH, len(table.rows))):
        candidate = table.headed_by(i)
        if named(candidate.headers) == len(required):
            return candidate
    return table
