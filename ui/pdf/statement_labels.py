"""The statement's labels (PDF and Excel) in English and Simplified Chinese.

As the sales documents' labels (``ui.pdf.sales_labels``, which this falls back on for the labels they share), these
do not go through the window's translator: a statement is printed in the language chosen for that print.
``label`` refuses an English label without its Chinese, so a missing translation fails the tests instead of
printing English on a Chinese statement. Keep the dictionary sorted.
"""

from __future__ import annotations

from domain.accounts.statement import AR
from domain.accounts.statement import KIND_WORDS
from domain.accounts.statement import METHOD_WORDS
from ui.pdf import sales_labels
from ui.pdf.sales_labels import CHINESE

ZH_CN: dict[str, str] = {
    "Alipay": "支付宝",
    "Allocated": "已核销",
    "Amount in words": "金额大写",
    "As of": "截止日期",
    "Balance": "余额",
    "Balance brought forward": "承前页余额",
    "Balance carried forward": "转后页余额",
    "Bank transfer": "银行转账",
    "Cash": "现金",
    "Checked by": "审核",
    "Closing balance": "期末余额",
    "Closing balance in currency": "原币期末余额",
    "Confirmed by (signature and company stamp)": "对方确认（签字盖章）",
    "Customer return": "销售退货单",
    "Date": "日期",
    "Days overdue": "逾期天数",
    "Decrease": "减少",
    "Details": "摘要",
    "Differences": "差异说明",
    "Document type": "单据类型",
    "Due date": "到期日",
    "Exchange difference": "汇兑损益",
    "Goods receipt": "采购入库单",
    "In currency": "原币金额",
    "Increase": "增加",
    "Invoice matched to receipts": "发票核销",
    "Method": "结算方式",
    "Method / reference": "结算方式 / 参考号",
    "OPEN ITEMS (PAYABLE)": "应付未清明细",
    "OPEN ITEMS (RECEIVABLE)": "应收未清明细",
    "Open": "未结金额",
    "Opening balance": "期初余额",
    "Opening item": "期初单据",
    "Original amount": "原始金额",
    "Other": "其他",
    "Our company (stamp)": "本公司（盖章）",
    "Payable": "应付账款",
    "Payment": "付款单",
    "Period": "对账期间",
    "Please check this statement against your books. If it agrees, sign and stamp it and return a copy to us; "
    "if it does not, please note the difference below and tell us.":
        "请核对以上账目。如核对无误，请签字盖章后回传一份；如有不符，请在下方注明差异并告知我方。",
    "Prepared by": "制单",
    "Printed": "打印时间",
    "Printed on": "打印日期",
    "Receipt": "收款单",
    "Receivable": "应收账款",
    "Reference": "参考号",
    "Refund": "退款单",
    "Return to supplier": "采购退货单",
    "Reversal": "冲销",
    "Reversal of": "冲销",
    "STATEMENT OF ACCOUNT": "对账单",
    "Sale": "销售单",
    "Signed by": "签字人",
    "Statement of account": "对账单",
    "Supplier invoice": "采购发票",
    "Total": "合计",
    "Type": "类型",
    "WeChat Pay": "微信支付",
    "Write-off": "尾差核销",
}


def label(text: str, language: str) -> str:
    """The English ``text`` in ``language``; KeyError for a label without its Chinese (here or in the sales
    documents' labels)."""
    if language != CHINESE:
        return text
    found = ZH_CN.get(text)
    return found if found is not None else sales_labels.ZH_CN[text]


def kind_label(kind: str, language: str) -> str:
    """An item's kind in words; an unknown kind as it is stored."""
    words = KIND_WORDS.get(kind)
    return label(words, language) if words else kind


def method_label(method: str, language: str) -> str:
    """A payment method in words: a built-in one's name in ``language``, one the office added by its own name."""
    words = METHOD_WORDS.get(method)
    if words is None and method in METHOD_WORDS.values():
        words = method
    return label(words, language) if words else method


def side_label(side: str, language: str) -> str:
    return label("Receivable" if side == AR else "Payable", language)


def partner_label(side: str, language: str) -> str:
    return label("Customer" if side == AR else "Supplier", language)
