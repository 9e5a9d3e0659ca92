"""The printed sales documents' labels in English and Simplified Chinese.

A sales document is printed in the language chosen for that print (a Chinese customer's delivery note in
Chinese while the clerk's window shows English; the command line prints without Qt at all), so these
labels do not go through the window's translator: each English label has its Chinese here, and
``label`` refuses one that has none, so a missing translation fails the tests instead of printing English
on a Chinese document. Keep the dictionary sorted; say 货号 for SKU.
"""

from __future__ import annotations

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)

ZH_CN: dict[str, str] = {
    "#": "序号",
    "%1 on backorder, arrival date to follow": "其中 %1 欠货，到货日期另行通知",
    "%1 on backorder, expected by %2": "其中 %1 欠货，预计 %2 前到货",
    ", ": "，",
    "ARRIVAL NOTICE": "到货通知",
    "Address": "地址",
    "Amount": "金额",
    "Amount excl. tax": "不含税金额",
    "Amount in words": "金额大写",
    "Arrival notice": "到货通知",
    "CUSTOMER RETURN NOTE": "销售退货单",
    "Code": "编号",
    "Contact": "联系人",
    "Currency": "币种",
    "Customer": "客户",
    "Customer return note": "销售退货单",
    "Customer signature and stamp": "客户签字盖章",
    "DELIVERY NOTE": "送货单",
    "Date": "日期",
    "Deliver to": "收货地址",
    "Delivered by": "送货人",
    "Delivery note": "送货单",
    "Disc. %": "折扣%",
    "Expected": "预计到货",
    "Expected arrival": "预计到货",
    "GOODS RECEIPT NOTE": "采购入库单",
    "Goods receipt note": "采购入库单",
    "Lines": "行数",
    "Name": "品名",
    "Note": "备注",
    "Number": "单号",
    "Order": "订单号",
    "Payment due": "付款到期日",
    "Payment terms": "付款条件",
    "Phone": "电话",
    "Prepared by": "制单",
    "Purchase order": "采购订单",
    "Qty": "数量",
    "Qty owed": "欠货数量",
    "Qty still owed": "待发数量",
    "Reason": "退货原因",
    "Receipt": "入库单",
    "Received by": "收货人",
    "Received into": "入库仓库",
    "Received qty": "实收数量",
    "Remarks": "备注",
    "Requested delivery": "要求交货日期",
    "Return to": "退货入库仓库",
    "Returned by": "退货人",
    "Reversed": "已冲销",
    "SALES INVOICE": "销售单",
    "SALES ORDER CONFIRMATION": "销售订单确认",
    "SKU": "货号",
    "SUPPLIER RETURN NOTE": "采购退货单",
    "Sales invoice": "销售单",
    "Sales order": "销售订单",
    "Sales order confirmation": "销售订单确认",
    "Sent by": "发货人",
    "Ship from": "发货仓库",
    "Shipment": "出库单",
    "Since": "欠货日期",
    "Still to come": "待发货",
    "Supplier": "供应商",
    "Supplier received by": "供应商签收",
    "Supplier return note": "采购退货单",
    "Tax": "税额",
    "Tax %": "税率%",
    "Tax ID": "税号",
    "The goods below are on order for you and not yet delivered. We will deliver them as soon as they arrive.":
        "以下货品已为贵方订购但尚未送达，到货后我们将尽快安排送货。",
    "Total": "合计",
    "Total quantity": "数量合计",
    "Total with tax": "价税合计",
    "Total without tax": "不含税合计",
    "Unit": "单位",
    "Unit price": "单价",
    "Unit price excl. tax": "不含税单价",
    "continued": "续",
    "in stock, ships next": "有货，下次发出",
    "not yet scheduled": "尚未排期",
}


def check_language(language: str) -> str:
    """``language`` if it is one the documents print in, else a ValueError naming those that are."""
    if language not in LANGUAGES:
        raise ValueError(f"language: {language!r} is not a language the documents print in; "
                         f"use {ENGLISH!r} (English) or {CHINESE!r} (简体中文)")
    return language


def label(text: str, language: str) -> str:
    """The English ``text`` in ``language``; KeyError for a label without its Chinese."""
    return ZH_CN[text] if language == CHINESE else text
