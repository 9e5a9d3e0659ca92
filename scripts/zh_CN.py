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
