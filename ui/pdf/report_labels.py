"""The reports' labels in English and Simplified Chinese (column headers, titles, the header block).

A report prints in the language chosen for that print (``--language``), on the command line without Qt, so the
labels do not go through the window's translator: each English label has its Chinese here, and ``label``
refuses one that has none (KeyError), so a missing translation fails the tests instead of printing English on a
Chinese report. Keep the dictionary sorted; say 货号 for SKU.
"""

from __future__ import annotations

ENGLISH = "en"
CHINESE = "zh_CN"

ZH_CN: dict[str, str] = {
    "%1 – %2": "%1 至 %2",  # a period's first and last day
    "(no supplier)": "（无供应商）",
    "%1–%2 days": "%1–%2 天",  # an ageing band of receivables or payables
    "1–30 days": "1–30 天",
    "31–60 days": "31–60 天",
    "61–90 days": "61–90 天",
    "A free receipt that kept no tax rate leaves its tax and amount with tax blank, not 0.":
        "未记税率的无订单入库，其税额和价税合计留空，而非 0。",
    "Adjustments": "盘盈盘亏调整",
    "Amount with tax": "价税合计",
    "Aged by": "账龄依据",
    "As of": "截止日期",
    "Available": "可用",
    "Average age (days)": "平均库龄(天)",
    "Average unit cost": "平均单价",
    "Balance": "余额",
    "Bands (days)": "库龄段（天）",  # full-width brackets in running text; the column headers keep (天) to break
                                     # before it (ui.pdf.headers)
    "By": "汇总方式",
    "Category": "类别",
    "Closing": "期末",
    "Cost": "成本",
    "Counts": "盘点差异",
    "Cover (days)": "可用天数",
    "Currency": "币种",
    "Customer": "客户",
    "Customer name": "客户名称",
    "Customer returns": "销售退货",
    "Daily issues": "日均出库",
    "Date": "日期",
    "Days idle": "未出库天数",
    "Days since received": "入库天数",
    "Difference": "计价差额",
    "Document date": "单据日期",
    "Due date": "到期日",
    "Free receipt (no purchase order)": "无订单入库",
    "GOODS RECEIVED NOT INVOICED": "暂估入库明细表",
    "Issues counted": "出库统计期间",
    "Last issue": "最后出库",
    "Margin": "毛利",
    "Margin %": "毛利率%",
    "Max": "上限",
    "Min": "下限",
    "Name": "品名",
    "Net amount": "净采购金额",
    "Net qty": "净采购数量",
    "Not invoiced amount": "暂估金额",
    "Not invoiced qty": "未开票数量",
    "Not yet due": "未到期",
    "Oldest due": "最早到期日",
    "Oldest in": "最早入库",
    "On hand": "现存量",
    "On order": "在途",
    "Opening": "期初",
    "Opening stock is not a purchase: it is left out here, as the stock summary counts it in its opening, not its "
    "receipts.": "期初库存不属于采购，本表不计入；进销存汇总表将其计入期初，而非采购入库。",
    "Over %1 days": "%1 天以上",
    "Purchase order": "采购订单",
    "Receipt": "入库单",
    "Received on": "入库日期",
    "Supplier total": "供应商小计",
    "Tax not known: %1 line(s) of free receipts (or returns against them) that kept no tax rate, posted before "
    "receipts kept it; their rows' tax and amount with tax are left blank, not 0.":
        "税额不详：%1 行无订单入库（或其退货）未保存税率（在保存税率之前过账）；所在行的税额与价税合计留空，而非 0。",
    "Over 90 days": "90 天以上",
    "Overdue": "逾期合计",
    "PAYABLES AGEING": "应付账款账龄分析表",
    "PURCHASE SUMMARY": "采购汇总表",
    "Page %1 of %2": "第 %1 / %2 页",
    "Period": "期间",
    "Prepaid by customer": "预收款",
    "Prepaid to supplier": "预付款",
    "Price difference": "进货差价",  # what a reversal moved beyond its original's opposite (stock summary)
    "Printed": "打印时间",
    "Quantity": "数量",
    "RECEIVABLES AGEING": "应收账款账龄分析表",
    "Rank": "排名",
    "Ranked by": "排序依据",
    "Receipts": "采购入库",
    "Received amount": "采购金额",
    "Received in currency": "外币采购金额",
    "Received qty": "采购数量",
    "Reserved": "已预留",
    "Returned amount": "退货金额",
    "Returned qty": "退货数量",
    "Revenue": "销售收入",
    "SALES MARGIN": "销售毛利表",
    "SALES RANKING": "商品销售排行",
    "SKU": "货号",
    "SLOW MOVERS": "滞销商品",
    "STOCK AGEING": "库龄分析表",
    "STOCK STATUS": "库存状况表",
    "STOCK SUMMARY": "进销存汇总表",
    "Sales": "销售",  # a sale is a 销售单, as 采购入库 is a 采购入库单: one name per document kind
    "Salesperson": "业务员",
    "Share %": "占比%",
    "Shipments": "其他出库",
    "Stock": "库存",
    "Supplier": "供应商",
    "Supplier name": "供应商名称",
    "Supplier returns": "采购退货",
    "Tax": "税额",
    "Total": "合计",
    "Transfers in": "调拨入库",
    "Transfers out": "调拨出库",
    "Unit": "单位",
    "Value": "金额",
    "Value in currency": "原币金额",
    "Values at the purchase order's price (a free receipt's cost), without tax; a returned quantity is not to be "
    "invoiced, a reversed receipt is not owed.":
        "按采购订单价格（无订单入库按入库成本）计价，不含税；已退货数量不再开票，已冲销的入库不计。",
    "Warehouse": "仓库",
    "all": "全部",
    "category": "按类别",
    "customer": "按客户",
    "days": "天",
    "now": "当前结存",
    "product": "按商品",
    "quantity": "按数量",
    "revenue": "按收入",
    "salesperson": "按业务员",
    "supplier": "按供应商",
    "supplier-product": "按供应商和商品",
    "warehouse": "按仓库",
}


def label(text: str, language: str) -> str:
    """The English ``text`` in ``language``; KeyError for a label without its Chinese."""
    return ZH_CN[text] if language == CHINESE else text
