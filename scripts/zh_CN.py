"""Simplified Chinese for every string of the window, keyed by (context, source text).

``./scripts/i18n.sh`` runs lupdate, then this script writes the translations below into the
.ts file and marks them finished; strings without an entry are listed and stay unfinished.
Keep the one dictionary sorted by key. Plural sources (with %n) need one form in Chinese.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ZH_CN: dict[tuple[str, str], str] = {
    ('DocumentEntry', '%n line(s)'): '共 %n 行',
    ('DocumentEntry', '&Date:'): '日期(&D)：',
    ('DocumentEntry', '&From warehouse:'): '调出仓库(&F)：',
    ('DocumentEntry', '&Load expected quantities'): '载入账面数量(&L)',
    ('DocumentEntry', '&Open'): '打开(&O)',
    ('DocumentEntry', '&Post (Ctrl+Enter)'): '过账(&P) (Ctrl+Enter)',
    ('DocumentEntry', '&Reference:'): '参考号(&R)：',
    ('DocumentEntry', '&Supplier:'): '供应商(&S)：',
    ('DocumentEntry', '&To warehouse:'): '调入仓库(&T)：',
    ('DocumentEntry', '&Warehouse:'): '仓库(&W)：',
    ('DocumentEntry', 'All categories'): '全部类别',
    ('DocumentEntry', 'Amount: %1'): '金额：%1',
    ('DocumentEntry', 'C&ategory:'): '类别(&A)：',
    ('DocumentEntry', 'C&ustomer:'): '客户(&U)：',
    ('DocumentEntry', 'Choose a warehouse first.'): '请先选择仓库。',
    ('DocumentEntry', 'Clear'): '清空',
    ('DocumentEntry', 'Counted: %1'): '已盘点：%1',
    ('DocumentEntry', 'Document %1 has already been reversed.'): '单据 %1 已冲销。',
    ('DocumentEntry', 'Line %1: %2'): '第 %1 行：%2',
    ('DocumentEntry', 'Lines of %1'): '%1 的明细',
    ('DocumentEntry', 'Loading products… your scans are kept.'): '正在加载商品…已扫描的条码会保留。',
    ('DocumentEntry', 'New adjustment'): '新建调整单',
    ('DocumentEntry', 'New count sheet'): '新建盘点单',
    ('DocumentEntry', 'New receipt'): '新建入库单',
    ('DocumentEntry', 'New shipment'): '新建出库单',
    ('DocumentEntry', 'New transfer'): '新建调拨单',
    ('DocumentEntry', 'Open a document to see its lines.'): '打开单据以查看明细。',
    ('DocumentEntry', 'Posted %1'): '已过账 %1',
    ('DocumentEntry', 'Posted adjustments'): '已过账调整单',
    ('DocumentEntry', 'Posted counts'): '已过账盘点单',
    ('DocumentEntry', 'Posted receipts'): '已过账入库单',
    ('DocumentEntry', 'Posted shipments'): '已过账出库单',
    ('DocumentEntry', 'Posted transfers'): '已过账调拨单',
    ('DocumentEntry', 'Posting…'): '正在过账…',
    ('DocumentEntry', 'Re&verse…'): '冲销(&V)…',
    ('DocumentEntry', 'Refresh'): '刷新',
    ('DocumentEntry', 'Remove line (Del)'): '删除行 (Del)',
    ('DocumentEntry', 'Reverse %1? Every movement it posted is undone by a reversing movement.'):
        '冲销 %1？该单据过账的每笔库存流水都将由一笔冲销流水抵消。',
    ('DocumentEntry', 'Reverse document'): '冲销单据',
    ('DocumentEntry', 'Reversed %1'): '已冲销 %1',
    ('DocumentEntry', 'S&can:'): '扫描(&C)：',
    ('DocumentEntry', 'Scan a barcode or type a SKU, then Enter'): '扫描条码或输入 SKU，然后按回车',
    ('DocumentEntry', 'Select a document first.'): '请先选择一张单据。',
    ('DocumentEntry', 'Total qty: %1'): '总数量：%1',
    ('DocumentEntry', 'Unknown code %1: no product has this SKU or barcode.'):
        '未知编码 %1：没有商品使用此 SKU 或条码。',
    ('DocumentEntry', 'delivery note, invoice or order number (optional)'): '送货单、发票或订单号（可选）',
    ('DocumentEntry', 'optional'): '可选',
    ('DocumentErrors', '%1 is already counted on line %2; enter one counted quantity per product.'):
        '%1 已在第 %2 行盘点；每个商品只填写一个盘点数量。',
    ('DocumentErrors', '%1 is both the from and the to warehouse; choose another to warehouse.'):
        '%1 既是调出仓库又是调入仓库；请选择其他调入仓库。',
    ('DocumentErrors', '%1 is required.'): '%1 为必填项。',
    ('DocumentErrors', '%1 must not be 0.'): '%1 不能为 0。',
    ('DocumentErrors', '%1: %2'): '%1：%2',
    ('DocumentErrors', 'Could not post: %1'): '无法过账：%1',
    ('DocumentErrors', 'Counted quantity'): '盘点数量',
    ('DocumentErrors', 'Date'): '日期',
    ('DocumentErrors', 'Document %1 has already been reversed.'): '单据 %1 已冲销。',
    ('DocumentErrors', 'Line %1: %2'): '第 %1 行：%2',
    ('DocumentErrors', 'No customer has the code %1.'): '没有客户使用代码 %1。',
    ('DocumentErrors', 'No posted document has the number %1.'): '没有编号为 %1 的已过账单据。',
    ('DocumentErrors', 'No product has the SKU or barcode %1.'): '没有商品使用 SKU 或条码 %1。',
    ('DocumentErrors', 'No supplier has the code %1.'): '没有供应商使用代码 %1。',
    ('DocumentErrors', 'No warehouse has the code %1.'): '没有仓库使用代码 %1。',
    ('DocumentErrors', 'Not enough %1 (%2) in %3: %4 on hand, %5 asked.'): '%3 中 %1（%2）库存不足：现有 %4，需要 %5。',
    ('DocumentErrors', 'Note'): '备注',
    ('DocumentErrors', 'Nothing to post: scan a barcode or type a SKU and press Enter to add a line.'):
        '没有可过账的内容：扫描条码或输入 SKU 并按回车以添加一行。',
    ('DocumentErrors', 'Partner'): '往来单位',
    ('DocumentErrors', 'Quantity'): '数量',
    ('DocumentErrors', 'Reason'): '原因',
    ('DocumentErrors', 'Reference'): '参考号',
    ('DocumentErrors', 'Refused: %1'): '已拒绝：%1',
    ('DocumentErrors', 'SKU'): 'SKU',
    ('DocumentErrors', 'To warehouse'): '调入仓库',
    ('DocumentErrors', 'Unit cost'): '单位成本',
    ('DocumentErrors', 'Warehouse'): '仓库',
    ('DocumentLinesModel', '#'): '行号',
    ('DocumentLinesModel', '%1 is required: enter a number such as 12 or 2.50.'):
        '%1 为必填项：请输入数字，如 12 或 2.50。',
    ('DocumentLinesModel', '%1 must be greater than 0.'): '%1 必须大于 0。',
    ('DocumentLinesModel', '%1 must not be 0: enter a positive number to add, a negative one to remove.'):
        '%1 不能为 0：输入正数表示增加，负数表示减少。',
    ('DocumentLinesModel', '%1 must not be negative.'): '%1 不能为负数。',
    ('DocumentLinesModel', '%1: at most %2 decimal places are accepted.'): '%1：最多允许 %2 位小数。',
    ('DocumentLinesModel', '%1: not a number; enter digits such as 12 or 2.50.'):
        '%1：不是数字；请输入数字，如 12 或 2.50。',
    ('DocumentLinesModel', '%1: the number is too large.'): '%1：数字太大。',
    ('DocumentLinesModel', 'Amount'): '金额',
    ('DocumentLinesModel', 'Change (+/−)'): '变动 (+/−)',
    ('DocumentLinesModel', 'Counted'): '盘点数量',
    ('DocumentLinesModel', 'Difference'): '差异',
    ('DocumentLinesModel', 'Expected'): '账面数量',
    ('DocumentLinesModel', 'Name'): '名称',
    ('DocumentLinesModel', 'Qty'): '数量',
    ('DocumentLinesModel', 'Reason'): '原因',
    ('DocumentLinesModel', 'Reason: at most 200 characters are accepted.'): '原因：最多 200 个字符。',
    ('DocumentLinesModel', 'SKU'): 'SKU',
    ('DocumentLinesModel', 'Unit'): '单位',
    ('DocumentLinesModel', 'Unit cost'): '单位成本',
    ('Language', 'Language'): '语言',
    ('MainWindow', '&About Stockroom'): '关于 Stockroom(&A)',
    ('MainWindow', '&File'): '文件(&F)',
    ('MainWindow', '&Help'): '帮助(&H)',
    ('MainWindow', '&Open database…'): '打开数据库(&O)…',
    ('MainWindow', '&Quit'): '退出(&Q)',
    ('MainWindow', '&Refresh'): '刷新(&R)',
    ('MainWindow', '&View'): '视图(&V)',
    ('MainWindow', '<b>Stockroom</b><br>Purchasing, sales and inventory for small businesses.<br>Database: %1'):
        '<b>Stockroom</b><br>面向小企业的进销存管理。<br>数据库：%1',
    ('MainWindow', 'About Stockroom'): '关于 Stockroom',
    ('MainWindow', 'Could not open %1:\n%2'): '无法打开 %1：\n%2',
    ('MainWindow', 'Database: %1'): '数据库：%1',
    ('MainWindow', 'Open database'): '打开数据库',
    ('MainWindow', 'Ready'): '就绪',
    ('MainWindow', 'Stockroom'): 'Stockroom 进销存',
    ('MainWindow', 'Stockroom databases (*.sqlite3 *.sqlite *.db);;All files (*)'):
        'Stockroom 数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)',
    ('MainWindow', 'User: %1'): '用户：%1',
    ('MainWindow', 'Working (%n task(s))…'): '正在处理（%n 个任务）…',
    ('MovementDetails', 'Date'): '日期',
    ('MovementDetails', 'Document %1, %n line(s)'): '单据 %1，共 %n 行',
    ('MovementDetails', 'Kind'): '类型',
    ('MovementDetails', 'Movement %1'): '库存流水 %1',
    ('MovementDetails', 'Movement id'): '流水编号',
    ('MovementDetails', 'Note'): '备注',
    ('MovementDetails', 'On hand after'): '变动后库存',
    ('MovementDetails', 'Product'): '商品',
    ('MovementDetails', 'Quantity'): '数量',
    ('MovementDetails', 'Recorded'): '记录时间',
    ('MovementDetails', 'Reverses'): '冲销的流水',
    ('MovementDetails', 'Source document'): '来源单据',
    ('MovementDetails', 'User'): '用户',
    ('MovementDetails', 'Value'): '金额',
    ('MovementDetails', 'Warehouse'): '仓库',
    ('MovementKind', 'Adjustment'): '调整',
    ('MovementKind', 'Count adjustment'): '盘点调整',
    ('MovementKind', 'Receipt'): '入库',
    ('MovementKind', 'Reversal'): '冲销',
    ('MovementKind', 'Shipment'): '出库',
    ('MovementKind', 'Transfer in'): '调入',
    ('MovementKind', 'Transfer out'): '调出',
    ('MovementTableModel', 'Date'): '日期',
    ('MovementTableModel', 'Kind'): '类型',
    ('MovementTableModel', 'Name'): '名称',
    ('MovementTableModel', 'Note'): '备注',
    ('MovementTableModel', 'On hand after'): '变动后库存',
    ('MovementTableModel', 'Quantity'): '数量',
    ('MovementTableModel', 'Reference'): '单据号',
    ('MovementTableModel', 'SKU'): '货号',
    ('MovementTableModel', 'Unit cost'): '单位成本',
    ('MovementTableModel', 'User'): '用户',
    ('MovementTableModel', 'Value'): '金额',
    ('MovementTableModel', 'Warehouse'): '仓库',
    ('MovementsScreen', '%n movement(s)'): '%n 条流水',
    ('MovementsScreen', '(the newest %1; narrow the filters to see older ones)'):
        '（最新 %1 条；缩小筛选范围可查看更早的记录）',
    ('MovementsScreen', 'All'): '全部',
    ('MovementsScreen', 'Apply'): '查询',
    ('MovementsScreen', 'From:'): '从：',
    ('MovementsScreen', 'Kind:'): '类型：',
    ('MovementsScreen', 'Product:'): '商品：',
    ('MovementsScreen', 'SKU, barcode or part of the name'): '货号、条码或名称的一部分',
    ('MovementsScreen', 'To:'): '至：',
    ('MovementsScreen', 'Warehouse:'): '仓库：',
    ('PartnerTableModel', 'Address'): '地址',
    ('PartnerTableModel', 'Code'): '编号',
    ('PartnerTableModel', 'Contact'): '联系人',
    ('PartnerTableModel', 'Currency'): '币种',
    ('PartnerTableModel', 'Lead time (days)'): '交货期（天）',
    ('PartnerTableModel', 'Name'): '名称',
    ('PartnersScreen', 'Customers (%1)'): '客户（%1）',
    ('PartnersScreen', 'Suppliers (%1)'): '供应商（%1）',
    ('PostedDocumentsModel', 'Date'): '日期',
    ('PostedDocumentsModel', 'Lines'): '行数',
    ('PostedDocumentsModel', 'Number'): '单号',
    ('PostedDocumentsModel', 'Partner'): '往来单位',
    ('PostedDocumentsModel', 'Posted at'): '过账时间',
    ('PostedDocumentsModel', 'Reference'): '参考号',
    ('PostedDocumentsModel', 'Reversed'): '已冲销',
    ('PostedDocumentsModel', 'Status'): '状态',
    ('PostedDocumentsModel', 'To warehouse'): '调入仓库',
    ('PostedDocumentsModel', 'Total qty'): '总数量',
    ('PostedDocumentsModel', 'User'): '用户',
    ('PostedDocumentsModel', 'Value'): '金额',
    ('PostedDocumentsModel', 'Warehouse'): '仓库',
    ('PostedLinesModel', 'Counted'): '盘点数量',
    ('PostedLinesModel', 'Expected'): '账面数量',
    ('PostedLinesModel', 'Line'): '行号',
    ('PostedLinesModel', 'Name'): '名称',
    ('PostedLinesModel', 'Qty'): '数量',
    ('PostedLinesModel', 'Reason'): '原因',
    ('PostedLinesModel', 'SKU'): 'SKU',
    ('PostedLinesModel', 'Unit'): '单位',
    ('PostedLinesModel', 'Unit cost'): '单位成本',
    ('ProductEditor', 'Add product'): '新增商品',
    ('ProductEditor', 'Barcodes'): '条码',
    ('ProductEditor', 'Category'): '类别',
    ('ProductEditor', 'Could not save: %1'): '无法保存：%1',
    ('ProductEditor', 'Max level'): '最高库存',
    ('ProductEditor', 'Min level'): '最低库存',
    ('ProductEditor', 'Name'): '名称',
    ('ProductEditor', 'Pack size'): '包装数量',
    ('ProductEditor', 'SKU'): '货号',
    ('ProductEditor', 'Unit'): '单位',
    ('ProductEditor', 'is required'): '必填',
    ('ProductEditor', 'must not be 0'): '不能为 0',
    ('ProductEditor', 'several barcodes: separate with commas'): '多个条码请用逗号分隔',
    ('ProductEditor', 'the same barcode is listed twice'): '同一条码重复填写',
    ('ProductPage', 'Category: %1    Unit: %2    Barcodes: %3'): '类别：%1    单位：%2    条码：%3',
    ('ProductPage', 'Product %1'): '商品 %1',
    ('ProductTableModel', 'Active'): '启用',
    ('ProductTableModel', 'Barcodes'): '条码',
    ('ProductTableModel', 'Category'): '类别',
    ('ProductTableModel', 'Max level'): '最高库存',
    ('ProductTableModel', 'Min level'): '最低库存',
    ('ProductTableModel', 'Name'): '名称',
    ('ProductTableModel', 'Pack size'): '包装数量',
    ('ProductTableModel', 'SKU'): '货号',
    ('ProductTableModel', 'Unit'): '单位',
    ('ProductTableModel', 'no'): '否',
    ('ProductTableModel', 'yes'): '是',
    ('ProductsScreen', '%n in the catalogue'): '商品目录共 %n 个',
    ('ProductsScreen', '%n product(s) shown'): '显示 %n 个商品',
    ('ProductsScreen', 'Add product…'): '新增商品…',
    ('ProductsScreen', 'Open product page'): '打开商品页',
    ('ProductsScreen', 'Search SKU, name, barcode or pinyin (e.g. lsd)…'): '搜索货号、名称、条码或拼音（如 lsd）…',
    ('Screen', 'Could not load the data: %1'): '无法加载数据：%1',
    ('Screens', 'Adjust'): '调整',
    ('Screens', 'Count'): '盘点',
    ('Screens', 'Movements'): '库存流水',
    ('Screens', 'Partners'): '往来单位',
    ('Screens', 'Products'): '商品',
    ('Screens', 'Receive'): '入库',
    ('Screens', 'Settings'): '设置',
    ('Screens', 'Ship'): '出库',
    ('Screens', 'Stock'): '库存',
    ('Screens', 'Transfer'): '调拨',
    ('SettingsScreen', 'Company name:'): '公司名称：',
    ('SettingsScreen', 'Language:'): '语言：',
    ('SettingsScreen', 'Save'): '保存',
    ('SettingsScreen', 'Saved.'): '已保存。',
    ('SettingsScreen', 'Settings'): '设置',
    ('SettingsScreen', 'printed on documents'): '打印在单据上',
    ('StockChart', 'On hand'): '现有库存',
    ('StockChart', 'Stock level over time'): '库存变化',
    ('StockScreen', '%n item(s)'): '%n 项',
    ('StockScreen', 'All'): '全部',
    ('StockScreen', 'Below min level only'): '仅显示低于最低库存',
    ('StockScreen', 'Below min level: %1'): '低于最低库存：%1',
    ('StockScreen', 'Category:'): '类别：',
    ('StockScreen', 'Search SKU, name or pinyin…'): '搜索货号、名称或拼音…',
    ('StockScreen', 'Value: %1'): '金额：%1',
    ('StockScreen', 'Warehouse:'): '仓库：',
    ('StockTableModel', 'Avg cost'): '平均成本',
    ('StockTableModel', 'Category'): '类别',
    ('StockTableModel', 'Min level'): '最低库存',
    ('StockTableModel', 'Name'): '名称',
    ('StockTableModel', 'On hand'): '现有库存',
    ('StockTableModel', 'On order'): '在途',
    ('StockTableModel', 'Reserved'): '已预留',
    ('StockTableModel', 'SKU'): '货号',
    ('StockTableModel', 'Unit'): '单位',
    ('StockTableModel', 'Value'): '金额',
    ('StockTableModel', 'Warehouse'): '仓库',
}


def fill(ts_path: Path) -> list[tuple[str, str]]:
    """Write the translations into ``ts_path``; return the (context, source) pairs that have none."""
    tree = ET.parse(ts_path)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            text = ZH_CN.get((name, source))
            if text is None:
                missing.append((name, source))
                continue
            for child in list(translation):
                translation.remove(child)
            if message.get("numerus") == "yes":
                translation.text = None
                ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = text
            translation.attrib.pop("type", None)
    ET.indent(tree, "    ")
    with open(ts_path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    return missing


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "resources/i18n/stockroom_zh_CN.ts")
    left = fill(path)
    for context, source in left:
        print(f"no translation: {context}: {source!r}", file=sys.stderr)
    print(f"{path}: {len(left)} string(s) without a translation", file=sys.stderr)
