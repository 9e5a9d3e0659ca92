<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>BaseRenderer</name>
        <message>
            <location filename="../../ui/pdf/base.py" line="+118" />
            <source>Page %1 of %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DocumentEntry</name>
        <message>
            <location filename="../../ui/screens/documents.py" line="+201" />
            <source>New receipt</source>
            <translation>新建入库单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Posted receipts</source>
            <translation>已过账入库单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New shipment</source>
            <translation>新建出库单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Posted shipments</source>
            <translation>已过账出库单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New transfer</source>
            <translation>新建调拨单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Posted transfers</source>
            <translation>已过账调拨单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New count sheet</source>
            <translation>新建盘点单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Posted counts</source>
            <translation>已过账盘点单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New adjustment</source>
            <translation>新建调整单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Posted adjustments</source>
            <translation>已过账调整单</translation>
        </message>
        <message>
            <location line="+296" />
            <location line="+277" />
            <source>All categories</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <location line="-246" />
            <source>Loading products… your scans are kept.</source>
            <translation>正在加载商品…已扫描的条码会保留。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Unknown code %1: no product has this SKU or barcode.</source>
            <translation>未知编码 %1：没有商品使用此 SKU 或条码。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Line %1: %2</source>
            <translation>第 %1 行：%2</translation>
        </message>
        <message numerus="yes">
            <location line="+21" />
            <source>%n line(s)</source>
            <translation>
                <numerusform>共 %n 行</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>Counted: %1</source>
            <translation>已盘点：%1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Total qty: %1</source>
            <translation>总数量：%1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Amount: %1</source>
            <translation>金额：%1</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Choose a warehouse first.</source>
            <translation>请先选择仓库。</translation>
        </message>
        <message>
            <location line="+59" />
            <source>Posting…</source>
            <translation>正在过账…</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Posted %1</source>
            <translation>已过账 %1</translation>
        </message>
        <message>
            <location line="+34" />
            <location line="+17" />
            <source>Select a document first.</source>
            <translation>请先选择一张单据。</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Lines of %1</source>
            <translation>%1 的明细</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open a document to see its lines.</source>
            <translation>打开单据以查看明细。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Document %1 has already been reversed.</source>
            <translation>单据 %1 已冲销。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Reverse document</source>
            <translation>冲销单据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reverse %1? Every movement it posted is undone by a reversing movement.</source>
            <translation>冲销 %1？该单据过账的每笔库存流水都将由一笔冲销流水抵消。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Reversed %1</source>
            <translation>已冲销 %1</translation>
        </message>
        <message>
            <location line="+17" />
            <source>&amp;From warehouse:</source>
            <translation>调出仓库(&amp;F)：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Warehouse:</source>
            <translation>仓库(&amp;W)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;To warehouse:</source>
            <translation>调入仓库(&amp;T)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Supplier:</source>
            <translation>供应商(&amp;S)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>C&amp;ustomer:</source>
            <translation>客户(&amp;U)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Reference:</source>
            <translation>参考号(&amp;R)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>delivery note, invoice or order number (optional)</source>
            <translation>送货单、发票或订单号（可选）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Date:</source>
            <translation>日期(&amp;D)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>C&amp;ategory:</source>
            <translation>类别(&amp;A)：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Load expected quantities</source>
            <translation>载入账面数量(&amp;L)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>S&amp;can:</source>
            <translation>扫描(&amp;C)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scan a barcode or type a SKU, then Enter</source>
            <translation>扫描条码或输入 SKU，然后按回车</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove line (Del)</source>
            <translation>删除行 (Del)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clear</source>
            <translation>清空</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Post (Ctrl+Enter)</source>
            <translation>过账(&amp;P) (Ctrl+Enter)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Open</source>
            <translation>打开(&amp;O)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Re&amp;verse…</source>
            <translation>冲销(&amp;V)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
    </context>
    <context>
        <name>DocumentErrors</name>
        <message>
            <location line="-698" />
            <source>SKU</source>
            <translation>SKU</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit cost</source>
            <translation>单位成本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Counted quantity</source>
            <translation>盘点数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reference</source>
            <translation>参考号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Partner</source>
            <translation>往来单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warehouse</source>
            <translation>仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To warehouse</source>
            <translation>调入仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Not enough %1 (%2) in %3: %4 on hand, %5 asked.</source>
            <translation>%3 中 %1（%2）库存不足：现有 %4，需要 %5。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No product has the SKU or barcode %1.</source>
            <translation>没有商品使用 SKU 或条码 %1。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No warehouse has the code %1.</source>
            <translation>没有仓库使用代码 %1。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No supplier has the code %1.</source>
            <translation>没有供应商使用代码 %1。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No customer has the code %1.</source>
            <translation>没有客户使用代码 %1。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is both the from and the to warehouse; choose another to warehouse.</source>
            <translation>%1 既是调出仓库又是调入仓库；请选择其他调入仓库。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is already counted on line %2; enter one counted quantity per product.</source>
            <translation>%1 已在第 %2 行盘点；每个商品只填写一个盘点数量。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Nothing to post: scan a barcode or type a SKU and press Enter to add a line.</source>
            <translation>没有可过账的内容：扫描条码或输入 SKU 并按回车以添加一行。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Document %1 has already been reversed.</source>
            <translation>单据 %1 已冲销。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No posted document has the number %1.</source>
            <translation>没有编号为 %1 的已过账单据。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Document %1 cannot be reversed: %2</source>
            <translation>单据 %1 无法冲销：%2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is required.</source>
            <translation>%1 为必填项。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 must not be 0.</source>
            <translation>%1 不能为 0。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refused: %1</source>
            <translation>已拒绝：%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Line %1: %2</source>
            <translation>第 %1 行：%2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Could not post: %1</source>
            <translation>无法过账：%1</translation>
        </message>
    </context>
    <context>
        <name>DocumentLinesModel</name>
        <message>
            <location filename="../../ui/models/document_lines.py" line="+76" />
            <source>#</source>
            <translation>行号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SKU</source>
            <translation>SKU</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Qty</source>
            <translation>数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit cost</source>
            <translation>单位成本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expected</source>
            <translation>账面数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Counted</source>
            <translation>盘点数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Difference</source>
            <translation>差异</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Change (+/−)</source>
            <translation>变动 (+/−)</translation>
        </message>
        <message>
            <location line="+190" />
            <source>Reason: at most 200 characters are accepted.</source>
            <translation>原因：最多 200 个字符。</translation>
        </message>
        <message>
            <location line="+24" />
            <source>%1 is required: enter a number such as 12 or 2.50.</source>
            <translation>%1 为必填项：请输入数字，如 12 或 2.50。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1: not a number; enter digits such as 12 or 2.50.</source>
            <translation>%1：不是数字；请输入数字，如 12 或 2.50。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1: at most %2 decimal places are accepted.</source>
            <translation>%1：最多允许 %2 位小数。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1: the number is too large.</source>
            <translation>%1：数字太大。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 must not be 0: enter a positive number to add, a negative one to remove.</source>
            <translation>%1 不能为 0：输入正数表示增加，负数表示减少。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 must not be negative.</source>
            <translation>%1 不能为负数。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 must be greater than 0.</source>
            <translation>%1 必须大于 0。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <location filename="../../ui/main_window.py" line="+115" />
            <source>Working (%n task(s))…</source>
            <translation>
                <numerusform>正在处理（%n 个任务）…</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <location line="+36" />
            <location line="+12" />
            <source>Open database</source>
            <translation>打开数据库</translation>
        </message>
        <message>
            <location line="-11" />
            <source>Stockroom databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
            <translation>Stockroom 数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Could not open %1:
%2</source>
            <translation>无法打开 %1：
%2</translation>
        </message>
        <message>
            <location line="+21" />
            <source>&lt;b&gt;Stockroom&lt;/b&gt;&lt;br&gt;Purchasing, sales and inventory for small businesses.&lt;br&gt;Database: %1</source>
            <translation>&lt;b&gt;Stockroom&lt;/b&gt;&lt;br&gt;面向小企业的进销存管理。&lt;br&gt;数据库：%1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>About Stockroom</source>
            <translation>关于 Stockroom</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Open database…</source>
            <translation>打开数据库(&amp;O)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;About Stockroom</source>
            <translation>关于 Stockroom(&amp;A)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Database: %1</source>
            <translation>数据库：%1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>User: %1</source>
            <translation>用户：%1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Stockroom</source>
            <translation>Stockroom 进销存</translation>
        </message>
    </context>
    <context>
        <name>MovementDetails</name>
        <message>
            <location filename="../../ui/screens/movements.py" line="+190" />
            <source>Movement %1</source>
            <translation>库存流水 %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Product</source>
            <translation>商品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warehouse</source>
            <translation>仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Value</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On hand after</source>
            <translation>变动后库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source document</source>
            <translation>来源单据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recorded</source>
            <translation>记录时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reverses</source>
            <translation>冲销的流水</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Movement id</source>
            <translation>流水编号</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>Document %1, %n line(s)</source>
            <translation>
                <numerusform>单据 %1，共 %n 行</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MovementKind</name>
        <message>
            <location filename="../../ui/models/movements.py" line="+15" />
            <source>Receipt</source>
            <translation>入库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shipment</source>
            <translation>出库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Transfer out</source>
            <translation>调出</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Transfer in</source>
            <translation>调入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Adjustment</source>
            <translation>调整</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Count adjustment</source>
            <translation>盘点调整</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reversal</source>
            <translation>冲销</translation>
        </message>
    </context>
    <context>
        <name>MovementTableModel</name>
        <message>
            <location line="+13" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warehouse</source>
            <translation>仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit cost</source>
            <translation>单位成本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Value</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On hand after</source>
            <translation>变动后库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reference</source>
            <translation>单据号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User</source>
            <translation>用户</translation>
        </message>
    </context>
    <context>
        <name>MovementsScreen</name>
        <message>
            <location filename="../../ui/screens/movements.py" line="-104" />
            <location line="+38" />
            <location line="+4" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message numerus="yes">
            <location line="-20" />
            <source>%n movement(s)</source>
            <translation>
                <numerusform>%n 条流水</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>(the newest %1; narrow the filters to see older ones)</source>
            <translation>（最新 %1 条；缩小筛选范围可查看更早的记录）</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Product:</source>
            <translation>商品：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warehouse:</source>
            <translation>仓库：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind:</source>
            <translation>类型：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From:</source>
            <translation>从：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To:</source>
            <translation>至：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>SKU, barcode or part of the name</source>
            <translation>货号、条码或名称的一部分</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Apply</source>
            <translation>查询</translation>
        </message>
    </context>
    <context>
        <name>PartnerTableModel</name>
        <message>
            <location filename="../../ui/models/partners.py" line="+15" />
            <location line="+13" />
            <source>Code</source>
            <translation>编号</translation>
        </message>
        <message>
            <location line="-12" />
            <location line="+13" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="-12" />
            <location line="+13" />
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location line="-12" />
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead time (days)</source>
            <translation>交货期（天）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
    </context>
    <context>
        <name>PartnersScreen</name>
        <message>
            <location filename="../../ui/screens/partners.py" line="+53" />
            <source>Suppliers (%1)</source>
            <translation>供应商（%1）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Customers (%1)</source>
            <translation>客户（%1）</translation>
        </message>
    </context>
    <context>
        <name>PostedDocumentsModel</name>
        <message>
            <location filename="../../ui/models/document_lines.py" line="+9" />
            <source>Reversed</source>
            <translation>已冲销</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Number</source>
            <translation>单号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warehouse</source>
            <translation>仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To warehouse</source>
            <translation>调入仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Partner</source>
            <translation>往来单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reference</source>
            <translation>参考号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lines</source>
            <translation>行数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Total qty</source>
            <translation>总数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Value</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Posted at</source>
            <translation>过账时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User</source>
            <translation>用户</translation>
        </message>
    </context>
    <context>
        <name>PostedLinesModel</name>
        <message>
            <location line="+13" />
            <source>Line</source>
            <translation>行号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SKU</source>
            <translation>SKU</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Qty</source>
            <translation>数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit cost</source>
            <translation>单位成本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expected</source>
            <translation>账面数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Counted</source>
            <translation>盘点数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
    </context>
    <context>
        <name>ProductEditor</name>
        <message>
            <location filename="../../ui/screens/products.py" line="+140" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Barcodes</source>
            <translation>条码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pack size</source>
            <translation>包装数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Min level</source>
            <translation>最低库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Max level</source>
            <translation>最高库存</translation>
        </message>
        <message>
            <location line="+4" />
            <source>is required</source>
            <translation>必填</translation>
        </message>
        <message>
            <location line="+1" />
            <source>must not be 0</source>
            <translation>不能为 0</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the same barcode is listed twice</source>
            <translation>同一条码重复填写</translation>
        </message>
        <message>
            <location line="+48" />
            <source>Add product</source>
            <translation>新增商品</translation>
        </message>
        <message>
            <location line="+4" />
            <source>several barcodes: separate with commas</source>
            <translation>多个条码请用逗号分隔</translation>
        </message>
        <message>
            <location line="+45" />
            <source>Could not save: %1</source>
            <translation>无法保存：%1</translation>
        </message>
    </context>
    <context>
        <name>ProductPage</name>
        <message>
            <location line="+60" />
            <source>Product %1</source>
            <translation>商品 %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Category: %1    Unit: %2    Barcodes: %3</source>
            <translation>类别：%1    单位：%2    条码：%3</translation>
        </message>
    </context>
    <context>
        <name>ProductTableModel</name>
        <message>
            <location filename="../../ui/models/products.py" line="+15" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location line="+7" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Barcodes</source>
            <translation>条码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pack size</source>
            <translation>包装数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Min level</source>
            <translation>最低库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Max level</source>
            <translation>最高库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Active</source>
            <translation>启用</translation>
        </message>
    </context>
    <context>
        <name>ProductsScreen</name>
        <message numerus="yes">
            <location filename="../../ui/screens/products.py" line="-213" />
            <source>%n product(s) shown</source>
            <translation>
                <numerusform>显示 %n 个商品</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n in the catalogue</source>
            <translation>
                <numerusform>商品目录共 %n 个</numerusform>
            </translation>
        </message>
        <message>
            <location line="+29" />
            <source>Search SKU, name, barcode or pinyin (e.g. lsd)…</source>
            <translation>搜索货号、名称、条码或拼音（如 lsd）…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add product…</source>
            <translation>新增商品…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open product page</source>
            <translation>打开商品页</translation>
        </message>
    </context>
    <context>
        <name>Screen</name>
        <message>
            <location filename="../../ui/widgets/screen.py" line="+58" />
            <source>Could not load the data: %1</source>
            <translation>无法加载数据：%1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>(loading all rows…)</source>
            <translation>（正在加载全部数据…）</translation>
        </message>
    </context>
    <context>
        <name>Screens</name>
        <message>
            <location filename="../../ui/screens/__init__.py" line="+34" />
            <source>Stock</source>
            <translation>库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Receive</source>
            <translation>入库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ship</source>
            <translation>出库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Transfer</source>
            <translation>调拨</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Count</source>
            <translation>盘点</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Adjust</source>
            <translation>调整</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Movements</source>
            <translation>库存流水</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Products</source>
            <translation>商品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Partners</source>
            <translation>往来单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
    </context>
    <context>
        <name>SettingsScreen</name>
        <message>
            <location filename="../../ui/screens/settings.py" line="+68" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Language:</source>
            <translation>语言：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Company name:</source>
            <translation>公司名称：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>printed on documents</source>
            <translation>打印在单据上</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
    </context>
    <context>
        <name>StockChart</name>
        <message>
            <location filename="../../ui/widgets/stock_chart.py" line="+63" />
            <source>On hand</source>
            <translation>现有库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stock level over time</source>
            <translation>库存变化</translation>
        </message>
    </context>
    <context>
        <name>StockScreen</name>
        <message>
            <location filename="../../ui/screens/stock.py" line="+95" />
            <location line="+38" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message numerus="yes">
            <location line="-15" />
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n 项</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>Value: %1</source>
            <translation>金额：%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Below min level: %1</source>
            <translation>低于最低库存：%1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Search SKU, name or pinyin…</source>
            <translation>搜索货号、名称或拼音…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warehouse:</source>
            <translation>仓库：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category:</source>
            <translation>类别：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Below min level only</source>
            <translation>仅显示低于最低库存</translation>
        </message>
    </context>
    <context>
        <name>StockTableModel</name>
        <message>
            <location filename="../../ui/models/stock.py" line="+32" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warehouse</source>
            <translation>仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On hand</source>
            <translation>现有库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Avg cost</source>
            <translation>平均成本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Value</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reserved</source>
            <translation>已预留</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On order</source>
            <translation>在途</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Min level</source>
            <translation>最低库存</translation>
        </message>
    </context>
</TS>
