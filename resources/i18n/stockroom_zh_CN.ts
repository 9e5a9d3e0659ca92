<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>Access</name>
        <message>
            <location filename="../../ui/refusals.py" line="+561" />
            <source>Nobody is signed in. Sign in first; this needs the %1 role or higher.</source>
            <translation>尚未登录。请先登录；此操作需要%1或更高的角色。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is no longer an active user; ask an admin, then sign in again.</source>
            <translation>%1 已不是启用的用户；请联系管理员，然后重新登录。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 (%2) may not %3: that needs the %4 role or higher.</source>
            <translation>%1（%2）不能%3：需要%4或更高的角色。</translation>
        </message>
        <message>
            <location line="-413" />
            <source>There is no exchange rate for %1 on or before %2, so %3 cannot be valued in the company currency; nothing was received. Enter the rate in Settings › Exchange rates (or with: stockroom rate set %1 RATE --date %2), or enter a fixed rate on the purchase order (Purchasing › Fixed rate).</source>
            <translation>没有 %1 在 %2 当天或之前的汇率，%3 无法折算为公司本位币；未收货。请在“设置 › 汇率”中录入汇率（或使用命令：stockroom rate set %1 RATE --date %2），或在采购订单上录入固定汇率（采购 › 固定汇率）。</translation>
        </message>
        <message>
            <location filename="../../ui/access.py" line="+106" />
            <source>Needs the %1 role or higher.</source>
            <translation>需要%1或更高的角色。</translation>
        </message>
    </context>
    <context>
        <name>Accounts</name>
        <message>
            <location filename="../../ui/screens/accounts/words.py" line="+179" />
            <source>Credit</source>
            <translation>预收/预付</translation>
        </message>
        <message>
            <location filename="../../ui/screens/accounts/allocate.py" line="+73" />
            <location filename="../../ui/screens/accounts/entry.py" line="+125" />
            <source>Allocate</source>
            <translation>核销</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/screens/accounts/document.py" line="+166" />
            <location filename="../../ui/screens/accounts/entry.py" line="+522" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="+18" />
            <location filename="../../ui/screens/accounts/entry.py" line="-147" />
            <source>%1 is allocated, more than the amount; take %2 off</source>
            <translation>已核销 %1，超过了金额；请减少 %2</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Type an amount to allocate to at least one document.</source>
            <translation>请至少为一张单据输入核销金额。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/accounts/chart.py" line="+107" />
            <source>Not yet due</source>
            <translation>未到期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ageing (days overdue)</source>
            <translation>账龄（逾期天数）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ageing (days since the document's date)</source>
            <translation>账龄（自单据日期起的天数）</translation>
        </message>
        <message>
            <location filename="../../ui/screens/accounts/document.py" line="-123" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Product</source>
            <translation>商品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quantity</source>
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
            <location line="+31" />
            <location filename="../../ui/screens/accounts/entry.py" line="-377" />
            <location filename="../../ui/screens/accounts/words.py" line="+108" />
            <location line="+30" />
            <location line="+54" />
            <source>Number</source>
            <translation>单号</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/screens/accounts/entry.py" line="+0" />
            <location filename="../../ui/screens/accounts/words.py" line="-83" />
            <location line="+31" />
            <location line="+31" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/screens/accounts/entry.py" line="+1" />
            <location filename="../../ui/screens/accounts/words.py" line="-61" />
            <location line="+29" />
            <location line="+36" />
            <location line="+16" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/screens/accounts/entry.py" line="+0" />
            <location filename="../../ui/screens/accounts/words.py" line="-80" />
            <source>Due</source>
            <translation>到期日</translation>
        </message>
        <message>
            <location line="+4" />
            <location filename="../../ui/screens/accounts/entry.py" line="+1" />
            <location filename="../../ui/screens/accounts/words.py" line="+3" />
            <source>Open</source>
            <translation>未结金额</translation>
        </message>
        <message>
            <location line="+67" />
            <source>Goods received on %1</source>
            <translation>入库单 %1 的商品明细</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Goods on the document</source>
            <translation>单据商品明细</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No goods lines: this item is money or an opening balance, or a delivery received before its lines were linked to their stock movements.</source>
            <translation>无商品明细：此项为收付款或期初余额，或是明细尚未关联库存流水前的到货入库。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Settled by or settling</source>
            <translation>核销记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nothing is allocated to it yet.</source>
            <translation>尚未核销。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/accounts/entry.py" line="+44" />
            <source>%1: '%2' is not an amount above 0</source>
            <translation>%1：“%2”不是大于 0 的金额</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1: %2 is more than is open on it (%3)</source>
            <translation>%1：%2 超过其未结金额（%3）</translation>
        </message>
        <message>
            <location line="+338" />
            <source>Allocated %1 · exchange difference %2 · left as credit %3</source>
            <translation>核销 %1 · 汇兑损益 %2 · 留作预付款 %3</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Amount in %1 · no %2 rate on or before %3: enter it in Settings › Exchange rates</source>
            <translation>金额以 %1 计 · %3 当天及之前没有 %2 汇率：请在“设置 › 汇率”中录入</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Amount in %1 · 1 %1 = %2 %3 · %3 %4</source>
            <translation>金额以 %1 计 · 1 %1 = %2 %3 · 折合 %3 %4</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Amount in %1 · 1 %2 = %3 %1 (rate of %4)</source>
            <translation>金额以 %1 计 · 1 %2 = %3 %1（%4 的汇率）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Amount in %1 · 1 %2 = %3 %1 (rate of %4) · pays %2 %5</source>
            <translation>金额以 %1 计 · 1 %2 = %3 %1（%4 的汇率）· 折合 %2 %5</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Amount: enter an amount above 0, such as 1500 or 1,500.00.</source>
            <translation>金额：请输入大于 0 的金额，例如 1500 或 1,500.00。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Posting…</source>
            <translation>正在过账…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Posted %1: %2 from %3</source>
            <translation>已过账 %1：收到 %3 %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Posted %1: %2 to %3</source>
            <translation>已过账 %1：付给 %3 %2</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Receipt entry</source>
            <translation>收款单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment entry</source>
            <translation>付款单</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Customer</source>
            <translation>客户(&amp;C)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Supplier</source>
            <translation>供应商(&amp;S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type a code or a name</source>
            <translation>输入编码或名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Amount</source>
            <translation>金额(&amp;A)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Method</source>
            <translation>方式(&amp;M)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Date</source>
            <translation>日期(&amp;D)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Reference</source>
            <translation>参考号(&amp;R)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Note</source>
            <translation>备注(&amp;N)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>C&amp;urrency</source>
            <translation>币种(&amp;U)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ra&amp;te</source>
            <translation>汇率(&amp;T)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Units of the company currency per 1 unit of the supplier's currency; the rate of the day unless typed over</source>
            <translation>1 单位供应商币种折合的本位币；不改即为当日汇率</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 · owed in %2: %3</source>
            <translation>%1 · 以 %2 计欠款 %3</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Oldest first</source>
            <translation>按账龄先后核销(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../ui/screens/accounts/document.py" line="-117" />
            <location line="+35" />
            <location filename="../../ui/screens/accounts/words.py" line="-2" />
            <location line="+29" />
            <location line="+33" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../ui/screens/accounts/words.py" line="-30" />
            <location line="+50" />
            <source>Method</source>
            <translation>方式</translation>
        </message>
        <message>
            <location line="-49" />
            <location line="+50" />
            <source>Reference</source>
            <translation>参考号</translation>
        </message>
        <message>
            <location line="-45" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/screens/accounts/entry.py" line="+2" />
            <source>Post (Ctrl+Enter)</source>
            <translation>过账 (Ctrl+Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/screens/accounts/partner.py" line="+268" />
            <source>Nothing owed either way.</source>
            <translation>双方没有未结款项。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>overdue %1</source>
            <translation>逾期 %1</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Choose the item to open on the Open items tab first.</source>
            <translation>请先在“未结单据”页选择要打开的单据。</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Opening balance on %1: %2</source>
            <translation>%1 期初余额：%2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Increase %1 · decrease %2 · closing balance on %3: %4 (%5)</source>
            <translation>本期增加 %1 · 本期减少 %2 · %3 期末余额：%4（%5）</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Print PDF</source>
            <translation>打印 PDF</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../ui/screens/accounts/screen.py" line="+362" />
            <source>Export to Excel</source>
            <translation>导出到 Excel</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Statement</source>
            <translation>对账单</translation>
        </message>
        <message>
            <location line="-12" />
            <source>PDF document (*.pdf)</source>
            <translation>PDF 文档 (*.pdf)</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/screens/accounts/screen.py" line="+3" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Wrote %1</source>
            <translation>已写入 %1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Open items</source>
            <translation>未结单据</translation>
        </message>
        <message>
            <location line="+94" />
            <source>Choose the allocation to undo on the Allocations tab.</source>
            <translation>请在“核销记录”页选择要撤销的核销。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Undo the allocation of %1 from %2 to %3? %3 is open again by that much.</source>
            <translation>撤销 %2 对 %3 的核销 %1？%3 将重新有这部分未结金额。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Undo allocation</source>
            <translation>撤销核销</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Undid the allocation of %1 to %2</source>
            <translation>已撤销 %1 对 %2 的核销</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Why is %1 reversed? The documents it settled are open again.</source>
            <translation>为什么冲销 %1？它核销的单据将重新未结。</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+15" />
            <source>Reverse</source>
            <translation>冲销</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Choose a receipt, payment or refund that is not reversed in its list first.</source>
            <translation>请先在列表中选择一张未冲销的收款单、付款单或退款单。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Reverse %1 of %2? This cannot be undone.</source>
            <translation>冲销金额为 %2 的 %1？此操作无法撤销。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Reversed %1</source>
            <translation>已冲销 %1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Write off the %1 left open on %2? It is settled without money; the reason is printed on the statement.</source>
            <translation>将 %2 未结的 %1 作尾差核销？该金额不收付款即结清；原因会打印在对账单上。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Write off</source>
            <translation>尾差核销</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Choose the document whose remainder to write off on the Open items tab first.</source>
            <translation>请先在“未结单据”页选择要核销尾差的单据。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Wrote off %1 of %2</source>
            <translation>已核销 %2 的尾差 %1</translation>
        </message>
        <message>
            <location line="+9" />
            <source>%1 %2 — %3</source>
            <translation>%1 %2 — %3</translation>
        </message>
        <message>
            <location line="+5" />
            <location filename="../../ui/screens/accounts/screen.py" line="+71" />
            <source>&amp;New receipt… (Ctrl+N)</source>
            <translation>新建收款单(&amp;N)… (Ctrl+N)</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/screens/accounts/screen.py" line="+1" />
            <source>&amp;New payment… (Ctrl+N)</source>
            <translation>新建付款单(&amp;N)… (Ctrl+N)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Undo allocation</source>
            <translation>撤销核销(&amp;U)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Reverse…</source>
            <translation>冲销(&amp;R)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Write off…</source>
            <translation>尾差核销(&amp;W)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open &amp;items</source>
            <translation>未结单据(&amp;I)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open &amp;document…</source>
            <translation>打开单据(&amp;D)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Re&amp;ceipts</source>
            <translation>收款记录(&amp;C)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pay&amp;ments</source>
            <translation>付款记录(&amp;M)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A&amp;llocations</source>
            <translation>核销记录(&amp;L)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Statement</source>
            <translation>对账单(&amp;S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;From</source>
            <translation>从(&amp;F)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;To</source>
            <translation>至(&amp;T)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>S&amp;how</source>
            <translation>显示(&amp;H)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Print PDF…</source>
            <translation>打印 PDF(&amp;P)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E&amp;xport Excel…</source>
            <translation>导出 Excel(&amp;X)…</translation>
        </message>
        <message>
            <location filename="../../ui/screens/accounts/screen.py" line="-211" />
            <source>Balances are not shown: %1</source>
            <translation>不显示往来余额：%1</translation>
        </message>
        <message>
            <location line="+51" />
            <source>Could not load the balances: %1</source>
            <translation>无法读取往来余额：%1</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 partners shown · balance %2 · overdue %3</source>
            <translation>显示 %1 个往来单位 · 余额 %2 · 逾期 %3</translation>
        </message>
        <message>
            <location line="+104" />
            <source>Exported %1 rows to %2</source>
            <translation>已导出 %1 行到 %2</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Aged by due date, bands %1</source>
            <translation>按到期日计算账龄，区间 %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Aged by document date, bands %1</source>
            <translation>按单据日期计算账龄，区间 %1</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Search code or name (Ctrl+F)</source>
            <translation>搜索编码或名称 (Ctrl+F)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Overdue only</source>
            <translation>只看逾期(&amp;O)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Settled partners &amp;too</source>
            <translation>包括已结清单位(&amp;T)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;As of</source>
            <translation>截至(&amp;A)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A&amp;ge by</source>
            <translation>账龄依据(&amp;G)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Bands</source>
            <translation>账龄区间(&amp;B)</translation>
        </message>
        <message>
            <location line="-18" />
            <source>Overdue only</source>
            <translation>只看逾期</translation>
        </message>
        <message>
            <location line="-8" />
            <source>%1 ageing</source>
            <translation>%1账龄分析表</translation>
        </message>
        <message>
            <location line="+4" />
            <source>As of %1</source>
            <translation>截至 %1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Settled partners too</source>
            <translation>包括已结清单位</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Search: %1</source>
            <translation>搜索：%1</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Due date</source>
            <translation>到期日</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Document date</source>
            <translation>单据日期</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Where the bands end, in days, rising: 30/60/90 or 30/60/90/180. Kept for the whole office.</source>
            <translation>各账龄区间的截止天数，由小到大，例如 30/60/90 或 30/60/90/180。全公司共用此设置。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Partner page</source>
            <translation>往来明细(&amp;P)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Export to Excel…</source>
            <translation>导出到 Excel(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../ui/screens/accounts/words.py" line="-298" />
            <source>Sale</source>
            <translation>销售单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Customer return</source>
            <translation>销售退货单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Goods receipt</source>
            <translation>采购入库单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Return to supplier</source>
            <translation>采购退货单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supplier invoice</source>
            <translation>采购发票</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoice match</source>
            <translation>发票核销</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opening item</source>
            <translation>期初单据</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+87" />
            <source>Receipt</source>
            <translation>收款单</translation>
        </message>
        <message>
            <location line="-86" />
            <location line="+86" />
            <source>Payment</source>
            <translation>付款单</translation>
        </message>
        <message>
            <location line="-85" />
            <source>Refund</source>
            <translation>退款单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reversal</source>
            <translation>冲销</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write-off</source>
            <translation>尾差核销</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Exchange difference</source>
            <translation>汇兑损益</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Cash</source>
            <translation>现金</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bank transfer</source>
            <translation>银行转账</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WeChat Pay</source>
            <translation>微信支付</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alipay</source>
            <translation>支付宝</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Current</source>
            <translation>未到期</translation>
        </message>
        <message>
            <location line="+0" />
            <source>1–30</source>
            <translation>1–30 天</translation>
        </message>
        <message>
            <location line="+1" />
            <source>31–60</source>
            <translation>31–60 天</translation>
        </message>
        <message>
            <location line="+0" />
            <source>61–90</source>
            <translation>61–90 天</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&gt;90</source>
            <translation>90 天以上</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Receivables</source>
            <translation>应收账款</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Payables</source>
            <translation>应付账款</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Supplier</source>
            <translation>供应商</translation>
        </message>
        <message>
            <location line="+77" />
            <source>&gt;%1</source>
            <translation>%1 天以上</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1–%2</source>
            <translation>%1–%2 天</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+199" />
            <source>Balance</source>
            <translation>余额</translation>
        </message>
        <message>
            <location line="-195" />
            <source>Overdue</source>
            <translation>逾期合计</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Oldest due</source>
            <translation>最早到期日</translation>
        </message>
        <message>
            <location line="+3" />
            <source>In currency</source>
            <translation>原币金额</translation>
        </message>
        <message>
            <location line="+136" />
            <source>In currency @ rate</source>
            <translation>原币金额 @ 汇率</translation>
        </message>
        <message>
            <location filename="../../ui/screens/accounts/document.py" line="+1" />
            <location filename="../../ui/screens/accounts/words.py" line="-30" />
            <location line="+33" />
            <source>Allocated</source>
            <translation>已核销</translation>
        </message>
        <message>
            <location line="-2" />
            <location filename="../../ui/screens/accounts/words.py" line="-30" />
            <source>Days overdue</source>
            <translation>逾期天数</translation>
        </message>
        <message>
            <location filename="../../ui/screens/accounts/words.py" line="+31" />
            <source>Unallocated</source>
            <translation>未核销</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source>Reversed</source>
            <translation>已冲销</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Reversed by %1</source>
            <translation>已随 %1 冲销</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Settled by</source>
            <translation>核销来源</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Settles</source>
            <translation>核销单据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Settled kind</source>
            <translation>被核销类型</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Reversal of</source>
            <translation>冲销</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Details</source>
            <translation>摘要</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Increase</source>
            <translation>增加</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Decrease</source>
            <translation>减少</translation>
        </message>
        <message>
            <location filename="../../ui/screens/accounts/partner_orders.py" line="+28" />
            <source>Posted return %1 against %2</source>
            <translation>已按 %2 过账采购退货单 %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Entered invoice %1 for %2</source>
            <translation>已为 %2 录入发票 %1</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../ui/open_failure.py" line="+19" />
            <source>%1 was made by a newer version of Stockroom than this one. Open it with that version, or install it here.</source>
            <translation>%1 由更新版本的 Stockroom 创建。请用该版本打开，或在本机安装该版本。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 is not a Stockroom database; it was left as it was. Choose a file Stockroom made (.sqlite3).</source>
            <translation>%1 不是 Stockroom 数据库，文件未作改动。请选择 Stockroom 创建的文件（.sqlite3）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Could not open %1:
%2</source>
            <translation>无法打开 %1：
%2</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="+222" />
            <source>The daily backup could not be made: %1</source>
            <translation>无法完成每日备份：%1</translation>
        </message>
    </context>
    <context>
        <name>BackupsPage</name>
        <message>
            <location filename="../../ui/screens/settings_backups.py" line="+64" />
            <source>Daily (automatic)</source>
            <translation>每日（自动）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Made by hand</source>
            <translation>手动</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Before a restore</source>
            <translation>恢复前</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Before a repair</source>
            <translation>修复前</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Before schema upgrade %1</source>
            <translation>数据库结构升级 %1 前</translation>
        </message>
        <message>
            <location line="+100" />
            <source>Could not list the backups: %1</source>
            <translation>无法列出备份：%1</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Backed up to %1.</source>
            <translation>已备份到 %1。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Could not back up: %1</source>
            <translation>无法备份：%1</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Restore from a file</source>
            <translation>从文件恢复</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stockroom databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
            <translation>Stockroom 数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Replace the open database with the backup %1?

A backup of the current database is made first, so you can return to it by restoring that backup. Work not yet saved in other windows on this database is lost.</source>
            <translation>用备份 %1 替换当前打开的数据库？

会先备份当前数据库，之后可通过恢复该备份回到现在的状态。其他窗口中尚未保存的工作将会丢失。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Could not restore: %1</source>
            <translation>无法恢复：%1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Restore a backup</source>
            <translation>恢复备份</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Delete older backups</source>
            <translation>删除较早的备份</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Restored from %1.</source>
            <translation>已从 %1 恢复。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The previous database was saved as %1.</source>
            <translation>原数据库已保存为 %1。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Could not check the database: %1</source>
            <translation>无法检查数据库：%1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>File: ok (SQLite integrity check).</source>
            <translation>文件：正常（SQLite 完整性检查）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>File: SQLite reports damage:</source>
            <translation>文件：SQLite 报告文件已损坏：</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Ledger: %n difference(s) from the ledger:</source>
            <translation>账目：%n 处与库存流水不符：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Repair sales costs sets the sales lines' costs to their movements' values.</source>
            <translation>“修复销售成本”可将销售单据行的成本改为对应库存流水的成本。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Ledger: ok (every balance equals the ledger).</source>
            <translation>账目：正常（每个余额都与库存流水一致）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Restore a backup that passes the check.</source>
            <translation>请恢复一个能通过检查的备份。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>…and %n more such note(s); stockroom check lists them all.</source>
            <translation>……另有 %n 条此类提示；stockroom check 命令会全部列出。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Could not check the sales costs: %1</source>
            <translation>无法检查销售成本：%1</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%n sales line(s) carry a cost that is not their stock movement's cost in the ledger; their margin changes by %1 in all.</source>
            <translation>有 %n 条销售单据行的成本与其库存流水在账上的成本不一致；毛利合计将变动 %1。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%n customer return(s) bring back a cost that is not their share of their sale's cost; they are revalued first, and the sales after them follow.</source>
            <translation>有 %n 笔销售退货的退回成本与其在原销售成本中应占的份额不一致；将先重新计价这些退货，之后的销售随之更新。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Set them to the ledger's?

The database is backed up first. No stock movement is changed, only the values and costs derived from them. What is in a closed month is left as it is.</source>
            <translation>是否按账上的成本修正？

修复前会先备份数据库。不会改动任何库存流水，只更新由其计算出的金额和成本。已结账月份的数据保持不变。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Repair sales costs</source>
            <translation>修复销售成本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nothing was changed.</source>
            <translation>未做任何更改。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Could not repair the sales costs: %1</source>
            <translation>无法修复销售成本：%1</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Keep only the newest %1 backup(s)? The %n older one(s) are deleted now and cannot be brought back.</source>
            <translation>只保留最新的 %1 个备份？较早的 %n 个备份将立即删除，且无法恢复。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Nothing was deleted; the setting was not changed.</source>
            <translation>没有删除任何备份；设置未更改。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The newest %n backup(s) are kept.</source>
            <translation>保留最新的 %n 个备份。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Could not save the setting: %1</source>
            <translation>无法保存设置：%1</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Stockroom copies this database once a day when it starts and before every schema upgrade, into %1. A copy is consistent even while the database is in use.</source>
            <translation>Stockroom 每天首次启动时以及每次升级数据库结构前都会复制此数据库，保存到 %1。即使数据库正在使用，副本也是完整一致的。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Made</source>
            <translation>时间</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Back up now</source>
            <translation>立即备份(&amp;B)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Restore…</source>
            <translation>恢复(&amp;R)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restore from a fi&amp;le…</source>
            <translation>从文件恢复(&amp;L)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check &amp;integrity</source>
            <translation>检查完整性(&amp;I)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Repair sales &amp;costs…</source>
            <translation>修复销售成本(&amp;C)…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Keep the newest</source>
            <translation>保留最新的(&amp;K)</translation>
        </message>
        <message>
            <location line="-3" />
            <source>Set the cost of each sales line that differs from its stock movement's cost in the ledger to the ledger's (after a backup)</source>
            <translation>将与库存流水账上成本不一致的销售单据行成本改为账上的成本（先备份）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>backups</source>
            <translation>个备份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
    </context>
    <context>
        <name>ChangePassword</name>
        <message>
            <location filename="../../ui/dialogs/change_password.py" line="+61" />
            <source>Change my password — Stockroom</source>
            <translation>修改我的密码 — Stockroom</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change the password of %1</source>
            <translation>修改 %1 的密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Current password:</source>
            <translation>当前密码：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New password:</source>
            <translation>新密码：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The same again:</source>
            <translation>再输入一次：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>at least %n characters</source>
            <translation>至少 %n 个字符</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change</source>
            <translation>修改</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The two new passwords differ; type the same one twice.</source>
            <translation>两次输入的新密码不一致；请输入相同的密码。</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The current password is wrong; enter the one you signed in with.</source>
            <translation>当前密码不正确；请输入您登录时使用的密码。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The new password is the current one; choose a different one.</source>
            <translation>新密码与当前密码相同；请换一个。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The new password needs at least %n characters.</source>
            <translation>新密码至少需要 %n 个字符。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The new password is too long: at most %n characters.</source>
            <translation>新密码太长：最多 %n 个字符。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Not changed: %1</source>
            <translation>未修改：%1</translation>
        </message>
    </context>
    <context>
        <name>ChangedBanner</name>
        <message>
            <location filename="../../ui/widgets/changed_elsewhere.py" line="+83" />
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <location line="+47" />
            <source>Reload</source>
            <translation>重新载入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep editing</source>
            <translation>继续编辑</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Changed on another desk while you were editing: %1. Reload shows the values saved there; Keep editing leaves yours, and Save stores them over theirs.</source>
            <translation>您编辑期间，另一台电脑修改了：%1。点“重新载入”显示那边保存的值；点“继续编辑”保留您的输入，保存后将覆盖那边的值。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Changed on another desk, shown as saved there: %1.</source>
            <translation>另一台电脑修改了以下设置，现显示其保存的值：%1。</translation>
        </message>
    </context>
    <context>
        <name>CheckProblems</name>
        <message>
            <location filename="../../ui/check_text.py" line="+27" />
            <source>%1 in %2: the stock balance says %3 on hand, but its movements add up to %4</source>
            <translation>%1 在 %2：库存余额显示现存 %3，但库存流水合计为 %4</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 in %2: the stock balance's value is %3, but its movements' values add up to %4</source>
            <translation>%1 在 %2：库存余额的金额为 %3，但库存流水的金额合计为 %4</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 in %2: the stock balance says %3 reserved, but confirmed sales orders still have %4 open</source>
            <translation>%1 在 %2：库存余额显示已预留 %3，但已确认销售订单的未发数量为 %4</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 in %2: the stock balance says %3 on order, but issued purchase orders still expect %4</source>
            <translation>%1 在 %2：库存余额显示在途 %3，但已下达采购订单的未到数量为 %4</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 stock movement(s) have no value</source>
            <translation>有 %1 条库存流水没有金额</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 line %2 (%3): the line's cost is %4, but its stock movement's cost in the ledger is %5</source>
            <translation>%1 第 %2 行（%3）：单据行成本为 %4，但其库存流水在账上的成本为 %5</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 in %2: the customer return %3 brings back %4, but its share of its sale's cost in the ledger is %5</source>
            <translation>%1 在 %2：销售退货 %3 退回成本 %4，但其在原销售账上成本中应占的份额为 %5</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 in %2: the reports' monthly row for %3 keeps %4 as %5, but the movements give %6</source>
            <translation>%1 在 %2：报表 %3 的月度数据中 %4 为 %5，但按库存流水应为 %6</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 (%2): the open amount kept is %3, but the item less its allocations is %4</source>
            <translation>%1（%2）：记录的未结金额为 %3，但按单据金额减去核销应为 %4</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 (%2): no open amount is kept, but the item less its allocations is %4</source>
            <translation>%1（%2）：没有记录未结金额，但按单据金额减去核销应为 %4</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 (%2): an open amount of %3 is kept, but the item is settled</source>
            <translation>%1（%2）：记录了未结金额 %3，但该笔已结清</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 (%2): the open amount kept names another partner, date or due date than the item</source>
            <translation>%1（%2）：记录的未结金额所记往来单位、日期或到期日与单据不同</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 in %2: %3 is %4, but the ledger gives %5</source>
            <translation>%1 在 %2：%3 为 %4，但按账目应为 %5</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 difference(s) from the ledger</source>
            <translation>共 %1 处与账目不符</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ok: every balance, monthly row, open amount and sales line's cost agrees with the ledger</source>
            <translation>正常：所有库存余额、月度数据、未结金额和销售单据行成本都与账目一致</translation>
        </message>
        <message>
            <location line="+2" />
            <source>stockroom check --repair sets the sales lines' costs to their movements' values (after a backup)</source>
            <translation>stockroom check --repair 可将销售单据行的成本改为对应库存流水的成本（先备份）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 line %2 (%3): cost %4 → %5, margin %6 → %7 (%8)</source>
            <translation>%1 第 %2 行（%3）：成本 %4 → %5，毛利 %6 → %7（%8）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 sales line(s) now carry their movements' values; the margin changes by %2 in all</source>
            <translation>已修复 %1 条销售单据行的成本，与库存流水一致；毛利合计变动 %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>note: %1 (received against %2) does not name its stock movements: they could not be told apart from another delivery's of the same order, product, quantity and time when this file was upgraded; reversing it takes the order's matching receipts that no other receipt names</source>
            <translation>提示：入库单 %1（按 %2 收货）未记录对应的库存流水：升级本数据文件时，无法与同一采购订单、同一商品、同一数量、同一时间的另一次收货区分开；冲销时将取该采购订单中其他入库单未占用的相符收货记录</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The database was backed up first to %1</source>
            <translation>已先将数据库备份到 %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 line %2 (%3) of %4 is in a closed month and was left as it is; reopen the month to repair it</source>
            <translation>%1 第 %2 行（%3，%4）属于已结账月份，保持不变；如需修复，请先反结账该月</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Customer return %1 (%2 in %3) now brings back %5 (was %4): its share of its sale's cost</source>
            <translation>销售退货 %1（%2 在 %3）的退回成本改为 %5（原为 %4）：即其在原销售成本中应占的份额</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Customer return %1 (%2 in %3) of %4 is in a closed month and was left as it is; reopen the month to repair it</source>
            <translation>销售退货 %1（%2 在 %3，%4）属于已结账月份，保持不变；如需修复，请先反结账该月</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Nothing to repair: every sales line's cost equals its movement's value; nothing was written</source>
            <translation>无需修复：所有销售单据行的成本都与库存流水一致；未写入任何数据</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No stock movement was written or edited: only what is derived from them (their values, the sales lines' costs)</source>
            <translation>没有新增或改动任何库存流水：只更新了由其计算出的数据（流水金额、销售单据行成本）</translation>
        </message>
    </context>
    <context>
        <name>ClassMatrixDialog</name>
        <message>
            <location filename="../../ui/screens/replenishment/matrix.py" line="+129" />
            <source>ABC/XYZ matrix</source>
            <translation>ABC/XYZ 矩阵</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A, B, C by annual demand value</source>
            <translation>A、B、C 按年需求金额划分</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A, B, C by annual demand quantity</source>
            <translation>A、B、C 按年需求数量划分</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 (A the first 80 %, B the next 15 %, C the rest); X, Y, Z by how much the weekly demand varies (X: CV below 0.5, Y: below 1, Z: more or too little history). From the last planning run. Click a cell to list its products' alerts.</source>
            <translation>%1（A 为前 80 %，B 为其后 15 %，C 为其余）；X、Y、Z 按每周需求的波动程度划分（X：变异系数低于 0.5，Y：低于 1，Z：更高或历史太短）。数据来自最近一次计划运行。点击单元格即列出这些商品的补货提醒。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Reading the classes of the last planning run…</source>
            <translation>正在读取最近一次计划运行的分类…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No planning run has classified the products yet: run planning (F5).</source>
            <translation>还没有计划运行为商品分类：请运行计划 (F5)。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 steady</source>
            <translation>%1 平稳</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 varying</source>
            <translation>%1 波动</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 erratic</source>
            <translation>%1 不规则</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <location line="+3" />
            <source>%n product(s)</source>
            <translation>
                <numerusform>%n 个商品</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>annual demand value %1</source>
            <translation>年需求金额 %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show all</source>
            <translation>显示全部</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>Classes</name>
        <message>
            <location filename="../../ui/models/classes.py" line="+46" />
            <source>ABC %1</source>
            <translation>ABC %1 类</translation>
        </message>
        <message>
            <location line="+2" />
            <source>XYZ %1</source>
            <translation>XYZ %1 类</translation>
        </message>
        <message>
            <location line="+10" />
            <source>ABC: A the products making the first 80 % of the annual demand value (or quantity, as Settings › Planning says), B the next 15 %, C the rest. XYZ: how steady the weekly demand is: X varies less than half its mean (CV &lt; 0.5), Y up to once its mean, Z more, or too little history. From the last planning run.</source>
            <translation>ABC：A 为占年需求金额（或数量，按“设置 › 计划”）前 80 % 的商品，B 为其后 15 %，C 为其余。XYZ：每周需求的稳定程度：X 的波动小于均值的一半（变异系数 &lt; 0.5），Y 不超过均值，Z 更大或历史太短。来自最近一次计划运行。</translation>
        </message>
    </context>
    <context>
        <name>ColumnChooser</name>
        <message>
            <location filename="../../ui/widgets/column_chooser.py" line="+136" />
            <source>&amp;Reset columns</source>
            <translation>恢复默认列(&amp;R)</translation>
        </message>
    </context>
    <context>
        <name>ConflictTableModel</name>
        <message>
            <location filename="../../ui/screens/conflicts.py" line="+183" />
            <source>Detected</source>
            <translation>发现时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Table</source>
            <translation>表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Key</source>
            <translation>键</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kept</source>
            <translation>保留的版本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Losing version</source>
            <translation>落选的版本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reviewed</source>
            <translation>已审阅</translation>
        </message>
    </context>
    <context>
        <name>ConflictsScreen</name>
        <message>
            <location line="-91" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location line="+0" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location line="+25" />
            <source>%1 %2, %3</source>
            <translation>%1 %2，%3</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <location line="+49" />
            <source> (version %1)</source>
            <translation>（版本 %1）</translation>
        </message>
        <message>
            <location line="+46" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kept (in use)</source>
            <translation>保留的版本（在用）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Losing version</source>
            <translation>落选的版本</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Detected</source>
            <translation>发现时间</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reviewed</source>
            <translation>已审阅</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+161" />
            <source>Resolving sync conflicts needs the manager role.</source>
            <translation>处理同步冲突需要经理角色。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Keep the version in use for %1. A note for the record (optional):</source>
            <translation>%1 保留在用的版本。备注（可选）：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mark reviewed</source>
            <translation>标记为已审阅</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Put the losing version of %1 in place of the one in use? The version in use now is kept in this list.</source>
            <translation>用落选的版本替换 %1 在用的版本？当前在用的版本会保留在此列表中。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Apply losing version</source>
            <translation>采用落选的版本</translation>
        </message>
        <message>
            <location line="+20" />
            <source>The losing version of %1 is now in use.</source>
            <translation>%1 现在使用落选的版本。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 marked reviewed.</source>
            <translation>%1 已标记为已审阅。</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Not done: %1</source>
            <translation>未完成：%1</translation>
        </message>
        <message>
            <location line="+65" />
            <source>Merge user %1 into user %2 on this computer, as the shared database says? %1 can then no longer sign in here.</source>
            <translation>按共享数据库的记录，在本机把用户 %1 合并到用户 %2？之后 %1 将不能在本机登录。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Take the change to user %1 made on another computer? %1 will sign in here with the role %2 and the password set there.</source>
            <translation>接受在另一台电脑上对用户 %1 所做的修改？%1 将以“%2”角色和在那里设置的密码在本机登录。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Let user %1 sign in on this computer with the role %2? The user was added on another computer.</source>
            <translation>允许用户 %1 以“%2”角色在本机登录？该用户是在另一台电脑上添加的。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Approve user</source>
            <translation>批准用户</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%1 approved and let in.</source>
            <translation>已批准 %1，现已生效。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Not sent: %1 %2</source>
            <translation>未发送：%1 %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Waits for an admin of this computer: %1 %2 (to let it in: stockroom sync approve %2)</source>
            <translation>等待本机管理员批准：%1 %2（批准命令：stockroom sync approve %2）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>A merge from the shared database kept aside: %1 %2</source>
            <translation>共享数据库中的合并已搁置：%1 %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Refused from the shared database: %1 %2 (entry %3)</source>
            <translation>已拒收自共享数据库：%1 %2（条目 %3）</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%n open conflict(s)</source>
            <translation>%n 个未处理的冲突</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sync conflicts</source>
            <translation>同步冲突</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Show:</source>
            <translation>显示(&amp;S)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open</source>
            <translation>未处理</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mark &amp;reviewed (Ctrl+Enter)</source>
            <translation>标记为已审阅(&amp;R) (Ctrl+Enter)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Apply losing version…</source>
            <translation>采用落选的版本(&amp;A)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Negative stock</source>
            <translation>负库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>These balances went below zero when postings made offline on several desktops were merged (for example, two clerks shipped the last unit). Both movements are kept. Count the product to record what is really there, or post a correction on the Adjust screen.</source>
            <translation>合并多台电脑离线录入的单据后，这些库存变成了负数（例如两名店员都发出了最后一件）。两笔库存流水都已保留。请盘点该商品以记录实际数量，或在“调整”界面录入更正。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Count this product…</source>
            <translation>盘点此商品(&amp;C)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Waiting for approval:</source>
            <translation>等待批准(&amp;W)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A&amp;pprove…</source>
            <translation>批准(&amp;P)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kept aside by sync (never applied; a corrected version on the shared database is applied at the next sync, a user record by an admin's approval)</source>
            <translation>同步搁置的记录（从未应用；共享数据库中的更正版本会在下次同步时应用，用户记录需管理员批准）</translation>
        </message>
    </context>
    <context>
        <name>CountScreen</name>
        <message>
            <location filename="../../ui/screens/documents/count.py" line="+34" />
            <source>Counted far from the book</source>
            <translation>盘点数与账面相差很大</translation>
        </message>
        <message>
            <location line="+10" />
            <source>%1 %2: book %3, counted %4</source>
            <translation>%1 %2：账面 %3，盘点 %4</translation>
        </message>
        <message>
            <location line="+4" />
            <source>and %n more line(s)</source>
            <translation>另有 %n 行</translation>
        </message>
        <message>
            <location line="+2" />
            <source>These counted quantities are far from the book:</source>
            <translation>以下盘点数量与账面相差很大：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The stock is set to what was counted. Post the count anyway? (No goes back to the first of them.)</source>
            <translation>库存将按盘点数量调整。仍要过账吗？（选“否”回到其中第一行。）</translation>
        </message>
    </context>
    <context>
        <name>CustomerTerms</name>
        <message>
            <location filename="../../ui/screens/partners.py" line="+220" />
            <source>Price level</source>
            <translation>价格等级</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Discount (%)</source>
            <translation>折扣 (%)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment terms</source>
            <translation>付款条件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due dates count</source>
            <translation>到期日计算方式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment days</source>
            <translation>账期天数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit limit</source>
            <translation>信用额度</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E-mail</source>
            <translation>电子邮件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Net: days after the document</source>
            <translation>按单据日期：单据日期后若干天</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Month-end (月结): days after the end of its month</source>
            <translation>月结：单据当月月末后若干天</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cash on delivery: due on the day</source>
            <translation>货到付款：当天到期</translation>
        </message>
        <message>
            <location line="+158" />
            <source>Own prices: %1</source>
            <translation>专属价格：%1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Could not save: %1</source>
            <translation>无法保存：%1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Terms and prices of %1</source>
            <translation>%1 的条款与价格</translation>
        </message>
        <message>
            <location line="+8" />
            <source>blank: no limit</source>
            <translation>留空：不限额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>such as 30 days net</source>
            <translation>例如：月结 30 天</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Own prices (without tax; they win over the price level and the discount):</source>
            <translation>专属价格（不含税；优先于价格等级和折扣）：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price</source>
            <translation>价格</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add price</source>
            <translation>添加价格</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove price</source>
            <translation>删除价格</translation>
        </message>
    </context>
    <context>
        <name>CustomersAtRisk</name>
        <message>
            <location filename="../../ui/screens/customers_at_risk.py" line="+49" />
            <source>ordered every %1 days (median of %2 orders), nothing for %3 days</source>
            <translation>平时每 %1 天下单一次（%2 张订单的中位数），已 %3 天未下单</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1 cut</source>
            <translation>砍单 %1 行</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 lost sale</source>
            <translation>缺货未成交 %1 次</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 lost sales</source>
            <translation>缺货未成交 %1 次</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 waiting</source>
            <translation>欠货待发 %1 行</translation>
        </message>
        <message>
            <location line="+2" />
            <source>had %1 short-shipped line in the %2 days before going quiet (%3); %4</source>
            <translation>沉寂前 %2 天内有 %1 行未足额发货（%3）；%4</translation>
        </message>
        <message>
            <location line="+2" />
            <source>had %1 short-shipped lines in the %2 days before going quiet (%3); %4</source>
            <translation>沉寂前 %2 天内有 %1 行未足额发货（%3）；%4</translation>
        </message>
        <message>
            <location line="+2" />
            <source>, </source>
            <translation>，</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Customer</source>
            <translation>客户编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>客户名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last order</source>
            <translation>最近下单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Every (days)</source>
            <translation>下单间隔（天）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Silent (days)</source>
            <translation>未下单（天）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Typical order</source>
            <translation>平均每单金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Value at risk</source>
            <translation>风险金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Why</source>
            <translation>原因</translation>
        </message>
        <message>
            <location line="+83" />
            <source>customers-at-risk</source>
            <translation>流失风险客户</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export customers at risk</source>
            <translation>导出流失风险客户</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Excel workbook (*.xlsx);;PDF call list (*.pdf)</source>
            <translation>Excel 工作簿 (*.xlsx);;PDF 回访清单 (*.pdf)</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Wrote %1</source>
            <translation>已写入 %1</translation>
        </message>
        <message>
            <location line="+11" />
            <source>call list</source>
            <translation>客户回访清单</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Customers who have ordered at least %1 times and have now been silent for more than %2 times their usual interval, the largest value at risk (typical order × orders missed) first.</source>
            <translation>至少下过 %1 次单、且已超过平时下单间隔 %2 倍未下单的客户，按风险金额（平均每单金额 × 错过的订单数）从大到小排列。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E&amp;xport…</source>
            <translation>导出(&amp;X)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Print call list</source>
            <translation>打印回访清单(&amp;P)</translation>
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message>
            <location filename="../../ui/screens/dashboard/charts.py" line="+94" />
            <location filename="../../ui/screens/dashboard/screen.py" line="+712" />
            <source>Inventory value</source>
            <translation>库存金额</translation>
        </message>
        <message>
            <location line="+42" />
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Days of cover · turns, by category</source>
            <translation>各类别可供天数 · 周转次数</translation>
        </message>
        <message>
            <location filename="../../ui/screens/dashboard/lists.py" line="+39" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location line="+0" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Due</source>
            <translation>应交日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+10" />
            <location line="+17" />
            <location line="+22" />
            <location line="+12" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="-60" />
            <location line="+10" />
            <location line="+52" />
            <source>Warehouse</source>
            <translation>仓库</translation>
        </message>
        <message>
            <location line="-61" />
            <source>Ordered</source>
            <translation>订购数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shipped by the due day</source>
            <translation>应交日前已发</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Complete and on time</source>
            <translation>按时足量</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Days at zero</source>
            <translation>缺货天数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Out now</source>
            <translation>当前缺货</translation>
        </message>
        <message>
            <location line="+6" />
            <source>list price</source>
            <translation>标价</translation>
        </message>
        <message>
            <location line="+2" />
            <source>last sale</source>
            <translation>最近售价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no price</source>
            <translation>无价格</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+22" />
            <location line="+12" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="-33" />
            <source>Unfilled</source>
            <translation>未满足数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price</source>
            <translation>价格</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price from</source>
            <translation>价格来源</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lost value</source>
            <translation>损失金额</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cost of issues</source>
            <translation>出库成本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Average value</source>
            <translation>平均库存金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closing value</source>
            <translation>期末金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Turns</source>
            <translation>周转次数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Days of cover</source>
            <translation>可供天数</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+13" />
            <source>On hand</source>
            <translation>现存量</translation>
        </message>
        <message>
            <location line="-12" />
            <source>Value</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last issue</source>
            <translation>最近出库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Days idle</source>
            <translation>呆滞天数</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Cover target</source>
            <translation>目标库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Excess</source>
            <translation>超储数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Excess value</source>
            <translation>超储金额</translation>
        </message>
        <message>
            <location filename="../../ui/screens/dashboard/screen.py" line="-220" />
            <source>Loading figures: %1 of %2 ready…</source>
            <translation>正在加载指标：已完成 %1 / %2…</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Order lines complete and on time: %1 (%2 of %3)</source>
            <translation>订单行按时足量：%1（%3 行中 %2 行）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 units asked for and not served</source>
            <translation>%1 件需求未能满足</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Customers waiting: %1; lines with no PO yet: %2</source>
            <translation>等货客户 %1 家；尚无采购订单 %2 行</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stock at cost now</source>
            <translation>当前库存成本</translation>
        </message>
        <message>
            <location line="+2" />
            <source>of %1 open; over 90 days: %2</source>
            <translation>未结 %1 中；逾期 90 天以上：%2</translation>
        </message>
        <message>
            <location line="+13" />
            <source>%1 since %2</source>
            <translation>自 %2 起 %1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Before tax; same days last month %1 (%2)</source>
            <translation>不含税；上月同期 %1（%2）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 of sales; same days last month %2 (%3)</source>
            <translation>毛利率 %1；上月同期 %2（%3）</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 products × warehouses; %2 out of stock now</source>
            <translation>%1 个商品×仓库；当前缺货 %2 个</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Days of cover: %1</source>
            <translation>可供天数：%1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 products with no issue in %2 days</source>
            <translation>%1 个商品 %2 天无出库</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 products × warehouses above %2 days of cover</source>
            <translation>%1 个商品×仓库可供天数超过 %2 天</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Planned %1</source>
            <translation>计划于 %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Out of date: planned for %1. Click to open Replenishment and run planning.</source>
            <translation>已过期：按 %1 计划。点击打开“补货”并重新运行计划。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Out of date: the data changed since planning at %1. Click to open Replenishment and run planning.</source>
            <translation>已过期：%1 计划后数据已变动。点击打开“补货”并重新运行计划。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>critical %1 · high %2 · normal %3</source>
            <translation>紧急 %1 · 较急 %2 · 一般 %3</translation>
        </message>
        <message>
            <location line="+75" />
            <source>Order lines due</source>
            <translation>到期订单行</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Confirmed order lines due %1 and what was shipped by the end of their due day.</source>
            <translation>%1 到期的已确认订单行，以及应交日结束前已发出的数量。</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+42" />
            <source>Lost sales</source>
            <translation>缺货损失</translation>
        </message>
        <message>
            <location line="-42" />
            <source>Unfilled demand %1, valued at the list price, else the last sale price.</source>
            <translation>%1 未满足的需求，按标价计价，无标价时按最近售价。</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+37" />
            <source>Stockout days</source>
            <translation>缺货天数</translation>
        </message>
        <message>
            <location line="-37" />
            <source>Products × warehouses with demand and days ending at zero on hand, %1.</source>
            <translation>%1 有需求、且日终现存量为零的商品×仓库。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Turnover by category</source>
            <translation>各类别周转</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Cost of what was sold or shipped %1 ÷ the average stock value; days of cover = closing value ÷ cost of issues a day.</source>
            <translation>%1 销售及发货成本 ÷ 平均库存金额；可供天数 = 期末金额 ÷ 日均出库成本。</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+34" />
            <source>Dead stock</source>
            <translation>呆滞库存</translation>
        </message>
        <message>
            <location line="-34" />
            <source>Products with stock and no issue in %1 days.</source>
            <translation>有库存但 %1 天无出库的商品。</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+31" />
            <source>Excess stock</source>
            <translation>超储库存</translation>
        </message>
        <message>
            <location line="-31" />
            <source>Stock above %1 days of the average daily issues of the last 90 days (or the maximum level).</source>
            <translation>超过近 90 天日均出库量 %1 天（或最高库存）的库存。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Getting started: import your products, suppliers, customers and opening stock from Excel or CSV with File › Import from Excel or CSV… (Ctrl+I), or add products one by one on the Products screen. Add a second warehouse in Settings › Warehouses; the company name, address and tax rate printed on documents are in Settings › General.</source>
            <translation>开始使用：通过“文件 › 从 Excel 或 CSV 导入…”（Ctrl+I）导入商品、供应商、客户和期初库存，或在“商品”页面逐个添加商品。在“设置 › 仓库”中添加其他仓库；打印在单据上的公司名称、地址和税率在“设置 › 常规”中设置。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Last 7 days</source>
            <translation>最近 7 天</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Last month</source>
            <translation>最近一个月</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last quarter</source>
            <translation>最近一个季度</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Last year</source>
            <translation>最近一年</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <location line="+3" />
            <source>All warehouses</source>
            <translation>全部仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Period:</source>
            <translation>期间：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warehouse:</source>
            <translation>仓库：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh (F5)</source>
            <translation>刷新 (F5)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sales this month</source>
            <translation>本月销售额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gross margin this month</source>
            <translation>本月毛利</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fill rate (quantity)</source>
            <translation>满足率（数量）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Backordered lines</source>
            <translation>欠货订单行</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stock turnover</source>
            <translation>库存周转</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Open reorder alerts</source>
            <translation>未处理补货提醒</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overdue receivables</source>
            <translation>逾期应收</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overdue payables</source>
            <translation>逾期应付</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Click to see the list</source>
            <translation>点击查看明细</translation>
        </message>
    </context>
    <context>
        <name>DocumentEntry</name>
        <message>
            <location filename="../../ui/screens/documents/entry.py" line="+97" />
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
            <location line="+6" />
            <source>transfer slip number (optional)</source>
            <translation>调拨单号（可选）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>count sheet number (optional)</source>
            <translation>盘点表编号（可选）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>approval or report number (optional)</source>
            <translation>审批单或报损单号（可选）</translation>
        </message>
        <message>
            <location line="+383" />
            <location line="+411" />
            <source>All categories</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <location line="-372" />
            <source>Loading products… your scans are kept.</source>
            <translation>正在加载商品…已扫描的条码会保留。</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Unknown code %1: no product has this SKU or barcode.</source>
            <translation>未知编码 %1：没有商品使用此货号或条码。</translation>
        </message>
        <message>
            <location line="+18" />
            <source>%1: 1 %2 scanned, %3 %4 added. %5</source>
            <translation>%1：扫描 1 %2，加入 %3 %4。%5</translation>
        </message>
        <message>
            <location line="+253" />
            <source>Posted %1 against %2</source>
            <translation>已过账 %1（按采购订单 %2 收货）</translation>
        </message>
        <message>
            <location line="+85" />
            <source>R&amp;everse…</source>
            <translation>冲销(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../ui/screens/documents/receive.py" line="+70" />
            <source>%1 (%2) is not on purchase order %3: only its products can be received against it. Clear the order for a free receipt.</source>
            <translation>%1（%2）不在采购订单 %3 上：只能按该订单收货其中的商品。清除订单即可自由入库。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/documents/entry.py" line="-12" />
            <location filename="../../ui/screens/documents/receive.py" line="+38" />
            <source>None: a free receipt</source>
            <translation>无：自由入库</translation>
        </message>
        <message>
            <location filename="../../ui/screens/documents/receive.py" line="-15" />
            <source>%1: this scan makes %2, but %3 accepts at most %4 more. Ctrl+Z takes the scan back.</source>
            <translation>%1：扫描后为 %2，但 %3 最多还可收 %4。按 Ctrl+Z 可撤回这次扫描。</translation>
        </message>
        <message>
            <location line="+61" />
            <source>No purchase order has the number %1.</source>
            <translation>没有单号为 %1 的采购订单。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Purchase order %1 has nothing open to receive.</source>
            <translation>采购订单 %1 没有待收货的数量。</translation>
        </message>
        <message>
            <location line="+32" />
            <source>From %1: what is still expected is filled in; change it or scan (the first scan of a line counts from 1). Once you scan, lines neither scanned nor changed are asked about. What is not received stays open.</source>
            <translation>供应商 %1：已填入待收数量；可修改或扫描（每行第一次扫描从 1 开始计数）。一旦开始扫描，过账前会询问既未扫描也未修改的行。未收到的数量仍保持未结。</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Enter a received quantity on at least one line of %1.</source>
            <translation>请至少在 %1 的一行中输入实收数量。</translation>
        </message>
        <message>
            <location line="+42" />
            <source>%1: %2 ordered, %3 received so far; receiving %4 would exceed the over-receipt tolerance of %5% (at most %6 more accepted).</source>
            <translation>%1：订购 %2，已收 %3；再收 %4 将超过 %5% 的超收容差（最多还可收 %6）。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/documents/entry.py" line="-258" />
            <location line="+224" />
            <location line="+65" />
            <source>Line %1: %2</source>
            <translation>第 %1 行：%2</translation>
        </message>
        <message>
            <location line="-282" />
            <source>Remove lines</source>
            <translation>删除行</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>Remove the %n selected line(s)? Ctrl+Z puts them back.</source>
            <translation>
                <numerusform>删除选中的 %n 行？按 Ctrl+Z 可恢复。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>Removed %n line(s); Ctrl+Z puts them back.</source>
            <translation>
                <numerusform>已删除 %n 行；按 Ctrl+Z 可恢复。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+9" />
            <source>Undone.</source>
            <translation>已撤销。</translation>
        </message>
        <message numerus="yes">
            <location line="+35" />
            <source>Throw away the %n line(s) of this document? It was not posted. (Hold, F8, keeps it for later.)</source>
            <translation>
                <numerusform>丢弃此单据的 %n 行？此单据尚未过账。（挂单 F8 可留待以后处理。）</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/screens/documents/held_form.py" line="+68" />
            <source>Not held: %1</source>
            <translation>未挂单：%1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Held: resume it with Held… (F7).</source>
            <translation>已挂单：可通过“挂单列表…（F7）”恢复。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Nothing to hold: the document has no lines.</source>
            <translation>无可挂单内容：此单据没有行。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Held documents</source>
            <translation>挂单列表</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Resume:</source>
            <translation>恢复：</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/screens/documents/entry.py" line="-62" />
            <source>Resumed an unposted document of %n line(s), kept at %1: check it, then post it (or hold it again).</source>
            <translation>
                <numerusform>已恢复一张 %1 保存的未过账单据（%n 行）：请核对后过账（或再次挂单）。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/screens/documents/held_form.py" line="+4" />
            <source>No held documents.</source>
            <translation>没有挂单。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/screens/documents/entry.py" line="+101" />
            <source>%n line(s)</source>
            <translation>
                <numerusform>共 %n 行</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>Total qty: %1</source>
            <translation>总数量：%1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Amount: %1</source>
            <translation>金额：%1</translation>
        </message>
        <message>
            <location filename="../../ui/screens/documents/count.py" line="+26" />
            <source>Choose a warehouse first.</source>
            <translation>请先选择仓库。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/documents/entry.py" line="+65" />
            <source>Posting…</source>
            <translation>正在过账…</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Posted %1</source>
            <translation>已过账 %1</translation>
        </message>
        <message>
            <location filename="../../ui/screens/documents/posted.py" line="+52" />
            <location line="+18" />
            <source>Select a document first.</source>
            <translation>请先选择一张单据。</translation>
        </message>
        <message>
            <location line="-8" />
            <source>Lines of %1</source>
            <translation>%1 的明细</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open a document to see its lines.</source>
            <translation>打开单据以查看明细。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Document %1 has already been reversed.</source>
            <translation>单据 %1 已冲销。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Reverse %1? Every movement it posted is undone by a reversing movement, and what it received comes off %2, which expects it again.</source>
            <translation>冲销 %1？该单据过账的每笔库存流水都将由一笔冲销流水抵消，所收数量从采购订单 %2 中扣回，该订单重新等待到货。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Reverse document</source>
            <translation>冲销单据</translation>
        </message>
        <message>
            <location line="-3" />
            <source>Reverse %1? Every movement it posted is undone by a reversing movement.</source>
            <translation>冲销 %1？该单据过账的每笔库存流水都将由一笔冲销流水抵消。</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Reversed %1</source>
            <translation>已冲销 %1</translation>
        </message>
        <message>
            <location filename="../../ui/screens/documents/entry.py" line="+57" />
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
            <location line="-793" />
            <location line="+1" />
            <source>delivery note, invoice or order number (optional)</source>
            <translation>送货单、发票或订单号（可选）</translation>
        </message>
        <message>
            <location line="+642" />
            <source>Counted: %1 · with a difference: %2</source>
            <translation>已盘点：%1 行 · 有差异：%2 行</translation>
        </message>
        <message>
            <location line="+109" />
            <source>Line %1 now ships the %2 on hand: post again (Ctrl+Enter).</source>
            <translation>第 %1 行已改为现有的 %2：请再次过账（Ctrl+Enter）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Line %1 removed (none on hand; Ctrl+Z puts it back): post again (Ctrl+Enter).</source>
            <translation>已删除第 %1 行（无现货；按 Ctrl+Z 可恢复）：请再次过账（Ctrl+Enter）。</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Fro&amp;m warehouse:</source>
            <translation>调出仓库(&amp;M)：</translation>
        </message>
        <message>
            <location line="+7" />
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
            <source>Purchase &amp;order:</source>
            <translation>采购订单(&amp;O)：</translation>
        </message>
        <message>
            <location line="+4" />
            <source>S&amp;can:</source>
            <translation>扫描(&amp;C)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scan a barcode or type a SKU, then Enter</source>
            <translation>扫描条码或输入货号，然后按回车</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove line (Del)</source>
            <translation>删除行 (Del)</translation>
        </message>
        <message>
            <location line="-206" />
            <location line="+207" />
            <source>Clear</source>
            <translation>清空</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hold (F8)</source>
            <translation>挂单 (F8)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep this document unposted for later and start a new one</source>
            <translation>保留此单据暂不过账，并开始新单据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Held… (F7)</source>
            <translation>挂单列表… (F7)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Resume a held document</source>
            <translation>恢复一张挂单</translation>
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
            <location line="+2" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/screens/documents/ship.py" line="+74" />
            <source>Sales: against an order, counter sale</source>
            <translation>销售：按订单发货、门市销售</translation>
        </message>
        <message>
            <location filename="../../ui/screens/documents/transfer.py" line="+58" />
            <source>Filled in from the sales order: check the quantity, then post.</source>
            <translation>已按销售订单填好：请核对数量后过账。</translation>
        </message>
    </context>
    <context>
        <name>DocumentErrors</name>
        <message>
            <location filename="../../ui/screens/documents/messages.py" line="+37" />
            <source>SKU</source>
            <translation>货号</translation>
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
            <translation>%1（%2）在 %3 库存不足：现有 %4，需要 %5。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No product has the SKU or barcode %1.</source>
            <translation>没有商品使用货号或条码 %1。</translation>
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
            <translation>没有可过账的内容：扫描条码或输入货号并按回车以添加一行。</translation>
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
            <translation>请填写%1。</translation>
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
            <location filename="../../ui/models/document_lines.py" line="+116" />
            <source>#</source>
            <translation>行号</translation>
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
            <location line="+1" />
            <source>Still expected</source>
            <translation>待收数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Received</source>
            <translation>实收数量</translation>
        </message>
        <message>
            <location line="+117" />
            <source>Filled in: %1's last purchase price, on %2 (%3).</source>
            <translation>已自动填入：%1 的最近进价（%2，%3）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Filled in: the last purchase price, on %1 (%2).</source>
            <translation>已自动填入：最近进价（%1，%2）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Filled in: the average cost of the stock (no purchase of it on record).</source>
            <translation>已自动填入：库存平均成本（没有进货记录）。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type a unit cost to change it.</source>
            <translation>输入单位成本即可修改。</translation>
        </message>
        <message>
            <location line="+267" />
            <source>1 %1 = %2 %3</source>
            <translation>1 %1 = %2 %3</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Counted as %1 (%2)</source>
            <translation>计数为 %1（%2）</translation>
        </message>
        <message>
            <location line="+109" />
            <source>Reason: at most 200 characters are accepted.</source>
            <translation>原因：最多 200 个字符。</translation>
        </message>
        <message>
            <location line="+32" />
            <source>%1 is required: enter a number such as 12 or 2.50.</source>
            <translation>请填写%1：输入数字，如 12 或 2.50。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1: not a number; enter digits such as 12 or 2.50.</source>
            <translation>%1：不是数字；请输入数字，如 12 或 2.50。</translation>
        </message>
        <message>
            <location line="+19" />
            <source>%1: at most %2 decimal places are accepted.</source>
            <translation>%1：最多允许 %2 位小数。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1: the number is too large.</source>
            <translation>%1：数字太大。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 must not be 0: enter a positive number to add, a negative one to remove.</source>
            <translation>%1 不能为 0：输入正数表示增加，负数表示减少。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 must not be negative.</source>
            <translation>%1 不能为负数。</translation>
        </message>
        <message>
            <location line="-1" />
            <source>%1 must be greater than 0.</source>
            <translation>%1 必须大于 0。</translation>
        </message>
        <message>
            <location line="+28" />
            <source>%1: '%2' is ambiguous: a comma may only separate thousands (as in 1,250.5) and decimals take a point.</source>
            <translation>%1：“%2”有歧义：逗号只能用作千位分隔符（如 1,250.5），小数请用小数点。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Type %1 if that is what you meant.</source>
            <translation>如果您想输入的是 %1，请输入 %1。</translation>
        </message>
    </context>
    <context>
        <name>ExportColumns</name>
        <message>
            <location filename="../../ui/cli/io.py" line="+175" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Warehouse</source>
            <translation>仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On hand</source>
            <translation>现有库存</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Avg cost</source>
            <translation>平均成本</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Value</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reserved</source>
            <translation>已预留</translation>
        </message>
        <message>
            <location line="+0" />
            <source>On order</source>
            <translation>在途</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Min level</source>
            <translation>最低库存</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unit cost</source>
            <translation>单位成本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On hand after</source>
            <translation>变动后库存</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reference</source>
            <translation>单据号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Recorded</source>
            <translation>记录时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Id</source>
            <translation>ID</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stock</source>
            <translation>库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Movements</source>
            <translation>库存流水</translation>
        </message>
    </context>
    <context>
        <name>ExportTable</name>
        <message>
            <location filename="../../ui/dialogs/export_table.py" line="+90" />
            <location line="+28" />
            <source>Export to Excel</source>
            <translation>导出到 Excel</translation>
        </message>
        <message>
            <location line="-26" />
            <source>This screen has no table to export.</source>
            <translation>此页面没有可导出的表格。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Exported %1 rows to %2</source>
            <translation>已导出 %1 行到 %2</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Could not write %1:
%2</source>
            <translation>无法写入 %1：
%2</translation>
        </message>
    </context>
    <context>
        <name>FirstSync</name>
        <message>
            <location filename="../../ui/widgets/first_sync.py" line="+31" />
            <source>receiving the office's records, %1 of %2</source>
            <translation>正在下载记录（已收到 %1 / %2 条）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>receiving the office's records</source>
            <translation>正在下载记录</translation>
        </message>
        <message>
            <location line="+2" />
            <source>working out the stock from the received movements</source>
            <translation>正在根据收到的库存流水重算库存</translation>
        </message>
        <message>
            <location line="+2" />
            <source>sending this computer's records, %1 of %2</source>
            <translation>正在上传本机的记录（已发送 %1 / %2 条）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>connecting and sending this computer's records</source>
            <translation>正在连接并上传本机的记录</translation>
        </message>
        <message>
            <location line="+4" />
            <source>First sync with the shared database: %1. The screens show what has arrived so far and fill in as the rest comes; you can keep working.</source>
            <translation>首次与共享数据库同步：%1。各界面先显示已收到的数据，其余数据到达后会自动补上；您可以继续工作。</translation>
        </message>
    </context>
    <context>
        <name>ForecastChart</name>
        <message>
            <location filename="../../ui/widgets/forecast_chart.py" line="+217" />
            <source>Demand per week</source>
            <translation>每周需求</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fitted (one week ahead)</source>
            <translation>拟合值（提前一周）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Forecast (mean)</source>
            <translation>预测（均值）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Forecast %1–%2 %</source>
            <translation>预测区间 %1–%2 %</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Projected stock</source>
            <translation>预计库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Out of stock (censored)</source>
            <translation>缺货（需求未观测）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reorder point</source>
            <translation>再订货点</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Safety stock</source>
            <translation>安全库存</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
    </context>
    <context>
        <name>FreedBackorders</name>
        <message>
            <location filename="../../ui/screens/sales/freed.py" line="+26" />
            <source>%1 (%2, %3 of %4)</source>
            <translation>%1（%2，欠 %4，可发 %3）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>, </source>
            <translation>；</translation>
        </message>
        <message>
            <location line="+2" />
            <source>1 backorder can now ship: %1</source>
            <translation>有 1 笔欠货现在可以发货：%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 backorders can now ship: %2</source>
            <translation>有 %1 笔欠货现在可以发货：%2</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Show &amp;them…</source>
            <translation>查看这些欠货(&amp;T)…</translation>
        </message>
    </context>
    <context>
        <name>HeldDocuments</name>
        <message>
            <location filename="../../ui/screens/held.py" line="+46" />
            <source>%n line(s)</source>
            <translation>%n 行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>qty %1</source>
            <translation>数量 %1</translation>
        </message>
    </context>
    <context>
        <name>ImportProblems</name>
        <message>
            <location filename="../../ui/import_problems.py" line="+20" />
            <source>is required</source>
            <translation>为必填项</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not a number</source>
            <translation>%1 不是数字</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is ambiguous: a comma may only separate thousands (as in 1,250.5) and decimals take a point</source>
            <translation>%1 有歧义：逗号只能用作千位分隔符（如 1,250.5），小数请用小数点</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is not a number in the European format: a comma before the decimals and a point only between groups of three digits</source>
            <translation>%1 不是欧洲格式的数字：欧洲格式用逗号分隔小数，点号只用于每三位数字之间</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 has more than %2 decimal places</source>
            <translation>%1 的小数超过 %2 位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is negative</source>
            <translation>%1 是负数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>must not be 0</source>
            <translation>不能为 0</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is too large</source>
            <translation>%1 太大</translation>
        </message>
        <message>
            <location line="+1" />
            <source>is %1 characters long</source>
            <translation>有 %1 个字符，太长</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 contains spaces</source>
            <translation>%1 含有空格</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 starts with %2, which a spreadsheet takes for the start of a formula</source>
            <translation>%1 以 %2 开头，电子表格会把它当作公式</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is not a date</source>
            <translation>%1 不是日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>has more cells than the header row's %1: a value holding the delimiter (a comma) without quotes was split in two, and the cells after it moved one column on</source>
            <translation>单元格比标题行的 %1 个多：某个含逗号的值没有加引号，被拆成了两格，其后各格都错了一列</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is a number, not a date; formatted as a date in Excel it would show %2</source>
            <translation>%1 是数字而不是日期；在 Excel 中把该列设为日期格式后会显示为 %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is a day number as Excel counts days, not a date: that day is %2</source>
            <translation>%1 是 Excel 内部的日期序号，不是日期：对应的日期是 %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is written in scientific notation, which would read as %2; Excel writes a long number so when it shortens it, its last digits lost</source>
            <translation>%1 是科学计数法，读作 %2；Excel 把较长的数字缩写成这样时，后几位数字已经丢失</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 has a currency sign %2</source>
            <translation>%1 带有货币符号 %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is a date in Excel, not text: Excel turns a code such as 1-5 or 3/12 typed in a cell into a date</source>
            <translation>%1 在 Excel 中是日期而不是文本：在单元格中输入 1-5、3/12 这样的编码时，Excel 会自动把它变成日期</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is a long number as Excel shows it in scientific notation, its last digits lost</source>
            <translation>%1 是 Excel 以科学计数法显示的长数字，后面几位已经丢失</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is not a day of the calendar</source>
            <translation>%1 不是日历上存在的日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is out of range</source>
            <translation>%1 超出范围</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not a basis; age by due (days past the due date) or date (days since the document's date)</source>
            <translation>%1 不是账龄依据；请选 due（按过了到期日的天数）或 date（按单据日期起的天数）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is not a list of days; give whole days, rising, separated by /, such as 30/60/90/180</source>
            <translation>%1 不是天数列表；请填写递增的整天数，用 / 分隔，如 30/60/90/180</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 has %2 bands' ends; at most %3</source>
            <translation>%1 有 %2 个分段终点；最多 %3 个</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1: each end is from 1 to %2 days; give whole days, rising, separated by /, such as 30/60/90/180</source>
            <translation>%1：每个终点须在 1 到 %2 天之间；请填写递增的整天数，用 / 分隔，如 30/60/90/180</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is not a list of days; give whole days, rising, separated by commas or /, such as 30,60,90,180,365 or 30/60/90</source>
            <translation>%1 不是天数列表；请填写递增的整天数，用逗号或 / 分隔，如 30,60,90,180,365 或 30/60/90</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is not a list of rising days of 1 or more; give whole days, rising, separated by commas or /, such as 30,60,90,180,365 or 30/60/90</source>
            <translation>%1 不是从 1 天起逐段递增的天数；请填写递增的整天数，用逗号或 / 分隔，如 30,60,90,180,365 或 30/60/90</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 does not rise; give whole days, rising, separated by /, such as 30/60/90/180</source>
            <translation>%1 没有逐段递增；请填写递增的整天数，用 / 分隔，如 30/60/90/180</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is issued; give the day its goods are expected (now %2), such as 2027-01-15</source>
            <translation>%1 已下达；请填写预计到货日（现为 %2），如 2027-01-15</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is not a number of whole days; enter whole days such as 7 or 21</source>
            <translation>%1 不是整天数，请输入整天数，如 7 或 21</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is not a three-letter currency code such as CNY or USD</source>
            <translation>%1 不是三个字母的币种代码（如 CNY 或 USD）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is below the min level %2</source>
            <translation>%1 低于最低库存 %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>is the current password</source>
            <translation>是当前密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not a price level</source>
            <translation>%1 不是价格等级</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not a payment basis</source>
            <translation>%1 不是付款方式（应为 net、month-end（月结）或 cod（货到付款））</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not a side</source>
            <translation>%1 不是往来类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not a percent from 0 to 100</source>
            <translation>%1 不是 0 到 100 之间的百分数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not a whole number: %2 is counted in whole %3; enter %4 or %5</source>
            <translation>%1 不是整数：%2 按整%3计数；请输入 %4 或 %5</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is not a whole number: %2 is counted in whole %3; enter %4</source>
            <translation>%1 不是整数：%2 按整%3计数；请输入 %4</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 holds %2 %3 in %4; count it to a whole number first</source>
            <translation>%1 在 %4 有 %2 %3，不是整数；请先盘点为整数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 has %2 %3 still to receive on purchase order %4; make that line a whole number (or receive or close it) first</source>
            <translation>%1 在采购订单 %4 上还有 %2 %3 待收货；请先把该行改为整数（或收货、关闭该行）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 has %2 %3 still to ship on sales order %4; make that line a whole number (or ship or cancel it) first</source>
            <translation>%1 在销售订单 %4 上还有 %2 %3 待发货；请先把该行改为整数（或发货、取消该行）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is bought in steps of %2 %3 from supplier %4 (pack size, minimum order or order multiple); make those terms whole numbers first</source>
            <translation>%1 向供应商 %4 采购的包装数量、最小订购量或订购倍数为 %2 %3；请先把这些采购条款改为整数</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is neither yes nor no</source>
            <translation>%1 既不是“是”也不是“否”</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is in a closed month (every month up to %2 is closed)</source>
            <translation>%1 所在月份已结账（%2 及之前的月份均已结账）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the due date %1 is before the date %2</source>
            <translation>到期日 %1 早于日期 %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not an e-mail address</source>
            <translation>%1 不是电子邮件地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is the product itself</source>
            <translation>%1 是该商品本身</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is listed twice</source>
            <translation>%1 列出了两次</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 of %2 is more than can go back; enter at most %3</source>
            <translation>%2 退 %1 超过了可退数量；最多可退 %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SKU %1 is also on row %2</source>
            <translation>货号 %1 在第 %2 行也出现了</translation>
        </message>
        <message>
            <location line="+1" />
            <source>contains an invisible character (%1)</source>
            <translation>含有不可见字符（%1）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>contains a direction override (%1)</source>
            <translation>含有文字方向控制符（%1）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>contains a control character or line break (%1)</source>
            <translation>含有控制字符或换行符（%1）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not in its normal form %2 (full-width letters, a Unicode dash or an invisible character)</source>
            <translation>%1 不是规范形式 %2（含全角字母、Unicode 连字符或不可见字符）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is outside the accepted dates, %2 to %3</source>
            <translation>%1 超出可接受的日期范围（%2 至 %3）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is the SKU on row %2</source>
            <translation>%1 是第 %2 行的货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is already the barcode of product %2</source>
            <translation>%1 已是商品 %2 的条码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is the barcode on row %2</source>
            <translation>%1 是第 %2 行的条码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>barcode %1 is also on row %2</source>
            <translation>条码 %1 在第 %2 行也出现了</translation>
        </message>
        <message>
            <location line="+1" />
            <source>supplier code %1 is also on row %2</source>
            <translation>供应商编码 %1 在第 %2 行也出现了</translation>
        </message>
        <message>
            <location line="+1" />
            <source>customer code %1 is also on row %2</source>
            <translation>客户编码 %1 在第 %2 行也出现了</translation>
        </message>
        <message>
            <location line="+1" />
            <source>supplier and product %1 is also on row %2</source>
            <translation>供应商与商品 %1 在第 %2 行也出现了</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the same barcode is listed twice</source>
            <translation>同一条码重复填写</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is listed twice; each unit of a product has its own name</source>
            <translation>%1 重复填写；同一商品的每个包装单位名称不能相同</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is the product's own unit; name the pack that holds several (箱, 盒, carton…)</source>
            <translation>%1 是商品的基本单位；请填写装有多个的包装单位（箱、盒…）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is not above 1; a pack holds more than one %2</source>
            <translation>%1 不大于 1；一个包装单位应装有多于一%2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is already the barcode or SKU of product %2</source>
            <translation>%1 已是商品 %2 的条码或货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no supplier has the code %1</source>
            <translation>没有编码为 %1 的供应商</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no product has the SKU or barcode %1</source>
            <translation>没有货号或条码为 %1 的商品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no warehouse has the code %1</source>
            <translation>没有编码为 %1 的仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no customer has the code %1</source>
            <translation>没有编码为 %1 的客户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 in warehouse %2 is also on row %3</source>
            <translation>%1 在仓库 %2 的记录在第 %3 行也出现了</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the imported sales history of %1 in %2 runs until %3</source>
            <translation>%1 在 %2 已导入的历史销售截至 %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is in the future</source>
            <translation>%1 是未来的日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is in %2, which is closed (every month up to %3 is closed)</source>
            <translation>%1 属于 %2，该月已结账（%3 及以前的月份都已结账）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 in %2 already has %3 on hand before %4, and imported sales history must not mix with real stock</source>
            <translation>%1 在 %2 于 %4 之前已有现有库存 %3，导入的历史销售不能与实际库存混在一起</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 in %2 already has stock movements from %3, within the history's days %4 … %5</source>
            <translation>%1 在 %2 自 %3 起已有库存流水，落在历史销售的日期 %4 … %5 之内</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is not a role; use one of %2</source>
            <translation>%1 不是角色；请使用以下之一：%2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>is %1 characters long; use at least %2</source>
            <translation>只有 %1 个字符；至少需要 %2 个字符</translation>
        </message>
        <message>
            <location line="+1" />
            <source>is %1 characters long; at most %2 are accepted</source>
            <translation>有 %1 个字符；最多接受 %2 个字符</translation>
        </message>
        <message>
            <location line="+1" />
            <source>is not the password you signed in with; enter it again</source>
            <translation>不是您登录时使用的密码；请重新输入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not a month; use YYYY-MM such as 2026-11</source>
            <translation>%1 不是月份；请按 YYYY-MM 格式输入，例如 2026-11</translation>
        </message>
        <message>
            <location line="+1" />
            <source>give the invoice's amount or its lines, not both</source>
            <translation>请填写发票金额或发票明细，不能两者都填</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is before the invoice's date %2; enter a due date on or after it</source>
            <translation>%1 早于发票日期 %2；请输入当天或之后的到期日</translation>
        </message>
        <message>
            <location line="+2" />
            <source>purchase order %1 is in %2 and receipts are valued in %3; enter one invoice for the order and another for the receipts</source>
            <translation>采购订单 %1 以 %2 计价，而入库按 %3 计价；请为订单和入库分别录入发票</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is not a side; enter AR (customers) or AP (suppliers)</source>
            <translation>%1 不是往来类型；请输入 AR（应收，客户）或 AP（应付，供应商）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not accepted; enter receipt, payment or refund</source>
            <translation>%1 无效；请输入 receipt（收款）、payment（付款）或 refund（退款）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is on both sides; say AR (customers) or AP (suppliers)</source>
            <translation>%1 在应收和应付两边都有；请指明 AR（客户）或 AP（供应商）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>name at least one document to allocate to, as DOC or DOC:AMOUNT</source>
            <translation>请至少指定一张要核销的单据，格式为“单号”或“单号:金额”</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is after to (%2); the period runs from its first day to its last, so give a from date on or before the to date</source>
            <translation>%1 晚于截止日期（%2）；期间从第一天到最后一天，请输入不晚于截止日期的起始日期</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is not a side of the accounts; use AR (a customer) or AP (a supplier)</source>
            <translation>%1 不是往来类型；请使用 AR（客户）或 AP（供应商）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>give the side (AR or AP) of the partner's id</source>
            <translation>请指明往来单位编号所属的类型（AR 或 AP）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>give a customer or supplier code</source>
            <translation>请输入客户或供应商编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is the product's own SKU; a barcode must differ from it</source>
            <translation>%1 是该商品自己的货号；条码必须与之不同</translation>
        </message>
        <message>
            <location line="+2" />
            <source>must be greater than 0</source>
            <translation>必须大于 0</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not a three-letter ISO 4217 currency code such as CNY, USD or EUR</source>
            <translation>%1 不是三个字母的 ISO 4217 货币代码（例如 CNY、USD 或 EUR）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is not an ISO 4217 currency code in use; enter one such as CNY, USD or EUR</source>
            <translation>%1 不是正在使用的 ISO 4217 货币代码；请输入 CNY、USD 或 EUR 等代码</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is not a date and time; use ISO form 2026-03-01T14:30</source>
            <translation>%1 不是日期时间；请使用 ISO 格式，例如 2026-03-01T14:30</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not a basis; give value or volume</source>
            <translation>%1 不是分类依据；请输入 value（按金额）或 volume（按数量）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not a percentage; give a number above 50 and at most 99.99 with up to 2 decimals (e.g. 97.5), or leave it blank for the ABC class's target</source>
            <translation>%1 不是百分比；请输入大于 50 且不超过 99.99、最多 2 位小数的数（例如 97.5），或留空以使用 ABC 类别的目标</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 % is out of range; give a percentage above 50 and at most 99.99, or leave it blank for the ABC class's target</source>
            <translation>%1 % 超出范围；请输入大于 50 且不超过 99.99 的百分比，或留空以使用 ABC 类别的目标</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is not accepted; give a whole number of days from 1 to %2, or leave it blank for the default</source>
            <translation>%1 无效；请输入 1 到 %2 之间的整数天数，或留空以使用默认值</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is not a whole number of days; give 1 to %2, such as %3</source>
            <translation>%1 不是整数天数；请输入 1 到 %2，例如 %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 days is out of range; give 1 to %2, such as %3</source>
            <translation>%1 天超出范围；请输入 1 到 %2，例如 %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not a rule; give class or cost</source>
            <translation>%1 不是可用的规则；请填 class（按分类）或 cost（按成本）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not a percentage; give %2 to %3, such as 99</source>
            <translation>%1 不是百分数；请输入 %2 到 %3，例如 99</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not an order cost; give an amount from 0 (off) to %2, such as 20</source>
            <translation>%1 不是有效的下单成本；请输入 0（不启用）到 %2 之间的金额，例如 20</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is not a holding rate; give a percentage of the unit cost a year from %2 to %3, such as 25</source>
            <translation>%1 不是有效的年持有成本率；请输入占单位成本的年百分比，%2 到 %3 之间，例如 25</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 % is out of range; give %2 to %3, such as 99</source>
            <translation>%1 % 超出范围；请输入 %2 到 %3，例如 99</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is not above 0; enter how many units of the company currency one unit of the foreign currency is worth, such as 7.1234</source>
            <translation>%1 不大于 0；请输入一单位外币折合多少本位币，例如 7.1234</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is too large; at most 9,999,999,999.99999999 is accepted</source>
            <translation>%1 太大；最多接受 9,999,999,999.99999999</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is not accepted; enter convert or keep</source>
            <translation>%1 无效；请输入 convert（换算）或 keep（保留）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>there is no exchange rate for %1 on %2; enter the rate (1 %3 = how many %4) or add a rate for %1</source>
            <translation>%2 没有 %1 的汇率；请输入汇率（1 %3 = 多少 %4），或先为 %1 录入汇率</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is not above 0; enter how many %2 make 1 %3, such as 7.2</source>
            <translation>%1 不大于 0；请输入 1 %3 折合多少 %2，例如 7.2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is the company currency; rates are entered for other currencies, such as USD or EUR</source>
            <translation>%1 是公司本位币；汇率只为其他货币录入，例如 USD 或 EUR</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 has no terms with this supplier; enter the price</source>
            <translation>%1 没有与该供应商的采购条款；请输入价格</translation>
        </message>
        <message>
            <location line="+1" />
            <source>give a new quantity, a new price or both</source>
            <translation>请输入新的数量、新的价格，或两者都输入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not accepted; enter 'unit' or 'pack'</source>
            <translation>%1 无效；请输入 'unit'（按单位）或 'pack'（按包装）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the same quantity is listed twice; give each break its own quantity</source>
            <translation>同一数量列出了两次；每个价格阶梯须有各自的数量</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is out of range; enter a percentage from 0 to %2, such as 13 or 2.5</source>
            <translation>%1 超出范围；请输入 0 到 %2 之间的百分比，例如 13 或 2.5</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is not a number of days; give 1 or more</source>
            <translation>%1 不是有效的天数；请输入 1 或更大的数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>name the sale (a shipment number), the sales order, or the customer and the warehouse of a free return; exactly one of them</source>
            <translation>请指明所退的销售（出货单号）、销售订单，或无来源退货的客户和仓库，三者只选其一</translation>
        </message>
        <message>
            <location line="+3" />
            <source>is required for a free return (with the warehouse)</source>
            <translation>无来源退货必须填写（与仓库一起）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>is required for a free return (with the customer)</source>
            <translation>无来源退货必须填写（与客户一起）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>add at least one line</source>
            <translation>请至少添加一行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is in the future; give the time the customer asked, now or earlier</source>
            <translation>%1 是将来的时间；请输入客户询问的时间（现在或更早）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is in the future; enter today or an earlier day</source>
            <translation>%1 是将来的日期；请输入今天或更早的日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not accepted; enter a whole number from 1 to %2, such as %3</source>
            <translation>%1 无效；请输入 1 到 %2 之间的整数，例如 %3</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is the database itself; choose a backup of it</source>
            <translation>%1 就是当前数据库本身；请选择它的备份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 does not exist; choose a backup file (.sqlite3)</source>
            <translation>%1 不存在；请选择备份文件（.sqlite3）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not a SQLite database; choose a Stockroom backup (.sqlite3)</source>
            <translation>%1 不是 SQLite 数据库；请选择 Stockroom 备份（.sqlite3）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 cannot be read as a SQLite database (%2); choose another backup</source>
            <translation>%1 无法作为 SQLite 数据库读取（%2）；请选择其他备份</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 fails SQLite's integrity check (%2); choose another backup</source>
            <translation>%1 未通过 SQLite 完整性检查（%2）；请选择其他备份</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is a SQLite database but not a Stockroom database; choose a Stockroom backup</source>
            <translation>%1 是 SQLite 数据库，但不是 Stockroom 数据库；请选择 Stockroom 备份</translation>
        </message>
        <message>
            <location line="+2" />
            <source>its schema %1 is newer than this version of Stockroom knows (%2); restore it with a newer version</source>
            <translation>其数据结构版本 %1 比本版 Stockroom 所知的（%2）更新；请用更新版本的 Stockroom 恢复</translation>
        </message>
        <message>
            <location line="+3" />
            <source>backups are made of a local SQLite database file, not of a server database</source>
            <translation>只能备份本地 SQLite 数据库文件，不能备份服务器数据库</translation>
        </message>
        <message>
            <location line="+2" />
            <source>letters (Chinese too), digits and signs such as - _ . /, without spaces, not starting with =, + or @</source>
            <translation>字母（可用汉字）、数字和 - _ . / 等符号，不含空格，不以 =、+ 或 @ 开头</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the date written as a date, such as %1</source>
            <translation>写成日期，如 %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the number in plain digits, such as %1 if that is the number meant; a number Excel shortened has lost digits: import the workbook (.xlsx) itself, or in Excel format the column as Number before saving as CSV</source>
            <translation>直接写出全部数字，如本意是这个数则写 %1；被 Excel 缩写的数字已丢失末几位：请直接导入工作簿（.xlsx），或在 Excel 中先把该列设为“数值”格式，再另存为 CSV</translation>
        </message>
        <message>
            <location line="+4" />
            <source>a number greater than 0 with at most 4 decimals, such as 12 or 2.5</source>
            <translation>大于 0 的数，最多 4 位小数，如 12 或 2.5</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a date such as 2026-03-01, 2026/3/1 or 2026年3月1日</source>
            <translation>日期，如 2026-03-01、2026/3/1 或 2026年3月1日</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a date such as 2026-03-01, 2026/3/1 or 2026年3月1日, blank for today</source>
            <translation>日期，如 2026-03-01、2026/3/1 或 2026年3月1日；留空表示今天</translation>
        </message>
        <message>
            <location line="+2" />
            <source>0 or more, such as 4.20</source>
            <translation>0 或以上，如 4.20</translation>
        </message>
        <message>
            <location line="+1" />
            <source>all its digits: import the workbook (.xlsx) itself, or in Excel format the column as Text or as the number format 0 before saving as CSV</source>
            <translation>完整的各位数字：直接导入工作簿（.xlsx），或在 Excel 中先把该列设为“文本”或数字格式“0”，再另存为 CSV</translation>
        </message>
        <message>
            <location line="+3" />
            <source>a value that holds a comma in double quotes ("1,200"), as Excel writes it when it saves a CSV</source>
            <translation>含逗号的值加上英文双引号（"1,200"），Excel 保存 CSV 时就是这样写的</translation>
        </message>
        <message>
            <location line="+3" />
            <source>text: in Excel format the column as Text, then type the values again (or type an apostrophe before each, as '1-5)</source>
            <translation>文本：在 Excel 中先把该列设为“文本”格式，再重新输入（或在每个值前加英文单引号，如 '1-5）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the number alone, such as 1200.50, without a currency sign (in Excel, format the column as Number before saving as CSV)</source>
            <translation>只填数字，如 1200.50，不带货币符号（在 Excel 中先把该列设为“数值”格式，再另存为 CSV）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the number alone, such as 1200.50, without a currency sign (in Excel, remove the sign from the cells with Find and Replace, then format the column as Number)</source>
            <translation>只填数字，如 1200.50，不带货币符号（在 Excel 中用“查找和替换”删去单元格里的货币符号，再把该列设为“数值”格式）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>a number greater than 0 with at most 4 decimals, such as 12 or 2,5</source>
            <translation>大于 0 的数，最多 4 位小数，如 12 或 2,5</translation>
        </message>
        <message>
            <location line="+2" />
            <source>0 or more with at most 4 decimals, such as 12 or 2,5</source>
            <translation>0 或以上，最多 4 位小数，如 12 或 2,5</translation>
        </message>
        <message>
            <location line="+2" />
            <source>0 or more, such as 4,20</source>
            <translation>0 或以上，如 4,20</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a number in the European format, such as 2,5 or 1.234,5</source>
            <translation>欧洲格式的数字，如 2,5 或 1.234,5</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a decimal point, such as 2.5; or, if the file writes decimals with a comma, the European number format (1.234,5)</source>
            <translation>用小数点，如 2.5；如果文件用逗号表示小数，请选择欧洲数字格式（1.234,5）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>any text up to 200 characters</source>
            <translation>任意文字，最多 200 个字符</translation>
        </message>
        <message>
            <location line="+1" />
            <source>text up to 16 characters, such as pcs</source>
            <translation>最多 16 个字符的文字，如 pcs</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a whole number such as 12: %1 is counted in whole units</source>
            <translation>整数，例如 12：%1 按整数单位计数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no (否) until what %1 holds is in whole numbers</source>
            <translation>否，直到 %1 所持的数量都是整数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>yes or no (是 or 否); blank: yes unless the unit is a measure such as kg or 米</source>
            <translation>是或否（yes 或 no）；留空：是，除非单位是 kg、米等计量单位</translation>
        </message>
        <message>
            <location line="+2" />
            <source>barcodes without spaces, several separated by ',' or ';'</source>
            <translation>不含空格的条码，多个条码用“,”或“;”分隔</translation>
        </message>
        <message>
            <location line="+1" />
            <source>text up to 64 characters</source>
            <translation>最多 64 个字符的文字</translation>
        </message>
        <message>
            <location line="+1" />
            <source>0 or more, blank for none</source>
            <translation>0 或以上；留空表示不设</translation>
        </message>
        <message>
            <location line="+1" />
            <source>0 or more and not below the min level, blank for none</source>
            <translation>0 或以上且不低于最低库存；留空表示不设</translation>
        </message>
        <message>
            <location line="+1" />
            <source>text up to 200 characters</source>
            <translation>最多 200 个字符的文字</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a three-letter code such as CNY or USD</source>
            <translation>三个字母的代码，如 CNY 或 USD</translation>
        </message>
        <message>
            <location line="+1" />
            <source>whole days from 0 to 3650</source>
            <translation>0 到 3650 的整天数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>text up to 500 characters</source>
            <translation>最多 500 个字符的文字</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the code of a supplier already in Stockroom</source>
            <translation>Stockroom 中已有供应商的编码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the SKU or barcode of a product already in Stockroom</source>
            <translation>Stockroom 中已有商品的货号或条码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>0 or more</source>
            <translation>0 或以上</translation>
        </message>
        <message>
            <location line="+1" />
            <source>whole days from 0 to 3650, blank for the supplier's</source>
            <translation>0 到 3650 的整天数；留空则用供应商的交期</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the code of a warehouse already in Stockroom</source>
            <translation>Stockroom 中已有仓库的编码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the code of a warehouse already in Stockroom; blank (or no column) when it has only one</source>
            <translation>Stockroom 中已有仓库的编码；只有一个仓库时可留空（或不设此列）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>0 or more with at most 4 decimals, such as 12 or 2.5</source>
            <translation>0 或以上，最多 4 位小数，如 12 或 2.5</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the code of a customer already in Stockroom, or blank</source>
            <translation>Stockroom 中已有客户的编码，或留空</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 or more</source>
            <translation>%1 或以上</translation>
        </message>
        <message>
            <location line="+1" />
            <source>each SKU on one row of the file</source>
            <translation>每个货号在文件中只占一行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a code no other row uses</source>
            <translation>其他行未使用的编码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a SKU no product has as its barcode</source>
            <translation>不是任何商品条码的货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>each barcode on one row of the file</source>
            <translation>每个条码在文件中只占一行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>each supplier code on one row of the file</source>
            <translation>每个供应商编码在文件中只占一行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>each customer code on one row of the file</source>
            <translation>每个客户编码在文件中只占一行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>each supplier and product on one row of the file</source>
            <translation>每组供应商与商品在文件中只占一行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a barcode no other product has</source>
            <translation>其他商品没有用过的条码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the code of a supplier already in Stockroom (import suppliers first)</source>
            <translation>Stockroom 中已有供应商的编码（请先导入供应商）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the SKU or barcode of a product already in Stockroom (import products first)</source>
            <translation>Stockroom 中已有商品的货号或条码（请先导入商品）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the code of a warehouse already in Stockroom (add it first in Settings › Warehouses)</source>
            <translation>Stockroom 中已有仓库的编码（请先在“设置 › 仓库”中添加该仓库）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>each product once per warehouse in an opening stock file</source>
            <translation>期初库存文件中每个商品在每个仓库只出现一次</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a date after %1</source>
            <translation>%1 之后的日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a date up to %1</source>
            <translation>不晚于 %1 的日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the code of a customer already in Stockroom (import customers first), or blank</source>
            <translation>Stockroom 中已有客户的编码（请先导入客户），或留空</translation>
        </message>
        <message>
            <location line="+2" />
            <source>dates before the first stock of this product in this warehouse</source>
            <translation>早于该商品在该仓库首次有库存的日期</translation>
        </message>
        <message>
            <location line="+2" />
            <source>dates before %1, or import the sales history before the opening stock</source>
            <translation>早于 %1 的日期，或先导入历史销售再导入期初库存</translation>
        </message>
        <message>
            <location line="+2" />
            <source>customer (AR, 应收) or supplier (AP, 应付)</source>
            <translation>客户（AR，应收）或供应商（AP，应付）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the code of a customer or supplier already in Stockroom</source>
            <translation>Stockroom 中已有客户或供应商的编码</translation>
        </message>
        <message>
            <location line="+2" />
            <source>an amount other than 0: + what is owed, - a credit or prepayment, such as 1200.50 or -300</source>
            <translation>不为 0 的金额：正数为欠款，负数为客户的预收款或供应商的预付款，例如 1200.50 或 -300</translation>
        </message>
        <message>
            <location line="+3" />
            <source>a date such as 2026-03-01, 2026/3/1 or 2026年3月1日, blank for the partner's payment terms</source>
            <translation>日期，例如 2026-03-01、2026/3/1 或 2026年3月1日；留空则按往来单位的付款条件计算</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the code of a customer already in Stockroom (import customers first)</source>
            <translation>Stockroom 中已有客户的编码（请先导入客户）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a date on or after %1, or blank for the partner's payment terms</source>
            <translation>%1 当天或之后的日期；留空则按往来单位的付款条件计算</translation>
        </message>
        <message>
            <location line="+2" />
            <source>hidden in the workbook; left out</source>
            <translation>在工作簿中被隐藏，未导入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a note, not a record; passed over</source>
            <translation>是说明文字，不是记录，已跳过</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 does not exist or is not a file; choose a .csv or .xlsx file</source>
            <translation>%1 不存在或不是文件；请选择 .csv 或 .xlsx 文件</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is an old Excel 97-2003 workbook; open it in Excel and save it as an Excel workbook (.xlsx) or as CSV</source>
            <translation>%1 是旧版 Excel 97-2003 工作簿；请在 Excel 中打开，另存为 Excel 工作簿（.xlsx）或 CSV</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is protected by a password to open it; in Excel remove the password (File › Info › Protect Workbook › Encrypt with Password, then clear it), save, then import again</source>
            <translation>%1 设有打开密码，无法读取；请在 Excel 中取消密码（文件 › 信息 › 保护工作簿 › 用密码进行加密，清空密码）并保存，然后重新导入</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is empty; choose a file with a header row and data rows</source>
            <translation>%1 是空的；请选择有标题行和数据行的文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is UTF-16 text, which is not read; save it from Excel as "CSV UTF-8 (comma delimited)" or as an Excel workbook (.xlsx)</source>
            <translation>%1 是 UTF-16 文本，无法读取；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 Excel 工作簿（.xlsx）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is not a spreadsheet: neither text (CSV) nor an Excel workbook; choose the .xlsx or .csv file</source>
            <translation>%1 不是表格文件：既不是文本（CSV），也不是 Excel 工作簿；请选择 .xlsx 或 .csv 文件</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is neither UTF-8 nor GB18030/GBK text (the encodings Excel saves CSV in), so its characters cannot be read; save it from Excel as "CSV UTF-8 (comma delimited)" or as an Excel workbook (.xlsx)</source>
            <translation>%1 既不是 UTF-8 也不是 GB18030/GBK 文本（Excel 保存 CSV 时使用的编码），无法读取其中的字符；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 Excel 工作簿（.xlsx）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 cannot be read as an Excel workbook (%2); save it from Excel as "CSV UTF-8 (comma delimited)" or as an Excel workbook (.xlsx)</source>
            <translation>%1 无法作为 Excel 工作簿读取（%2）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 Excel 工作簿（.xlsx）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 has formulas in %2; Stockroom imports values, never runs formulas: in Excel copy those cells and paste them as values, then import again</source>
            <translation>%1 的 %2 单元格含有公式；Stockroom 只导入数值，从不运行公式：请在 Excel 中复制这些单元格并粘贴为数值，然后重新导入</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 has formulas in %2 and %3 more; Stockroom imports values, never runs formulas: in Excel copy those cells and paste them as values, then import again</source>
            <translation>%1 的 %2 及另外 %3 个单元格含有公式；Stockroom 只导入数值，从不运行公式：请在 Excel 中复制这些单元格并粘贴为数值，然后重新导入</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 has Excel error values such as %2 in %3, which are no values; in Excel correct or clear those cells, then import again</source>
            <translation>%1 的 %3 单元格是 Excel 错误值（如 %2），不是数据；请在 Excel 中改正或清空这些单元格，然后重新导入</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 has a header row but no data rows below it; add a row per record under the headers</source>
            <translation>%1 只有标题行，下面没有数据行；请在标题行下每条记录填写一行</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 has more than %2 rows (rows left empty but formatted count too); import at most %2 rows at a time: split the file, or delete the rows below the data</source>
            <translation>%1 超过 %2 行（设置了格式的空行也计算在内）；每次最多导入 %2 行：请拆分文件，或删除数据下方的行</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 unpacks to %2 MB, more than a file of %3 rows holds (at most %4 MB): it may be damaged or made to fill the memory; open it in Excel, save it again, and split it if it is that large</source>
            <translation>%1 解压后有 %2 MB，超过 %3 行的文件应有的大小（最多 %4 MB）：文件可能已损坏，或被做成占满内存；请在 Excel 中打开并重新保存，文件确实这么大时请拆分</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1</source>
            <translation>%1</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <location filename="../../ui/dialogs/import_wizard.py" line="+73" />
            <source>1,234.5 (a decimal point; commas between thousands)</source>
            <translation>1,234.5（小数点；逗号分隔千位）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>1.234,5 (European: a decimal comma; points between thousands, so 1.234 is 1234)</source>
            <translation>1.234,5（欧洲格式：逗号表示小数，点号分隔千位，即 1.234 为 1234）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Products</source>
            <translation>商品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Suppliers</source>
            <translation>供应商</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supplier terms (prices, MOQ)</source>
            <translation>供应商条款（价格、起订量）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Customers</source>
            <translation>客户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opening stock per warehouse</source>
            <translation>各仓库期初库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sales history</source>
            <translation>历史销售</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opening balances of receivables and payables</source>
            <translation>期初应收应付余额</translation>
        </message>
        <message>
            <location line="+4" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Barcode</source>
            <translation>条码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Pack size</source>
            <translation>包装数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Min level</source>
            <translation>最低库存</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Max level</source>
            <translation>最高库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supplier code</source>
            <translation>供应商编码</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Lead time (days)</source>
            <translation>交期（天）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Supplier SKU</source>
            <translation>供应商货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Minimum order quantity</source>
            <translation>最小起订量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Order multiple</source>
            <translation>订货倍数</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Customer code</source>
            <translation>客户编码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warehouse</source>
            <translation>仓库</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit cost</source>
            <translation>单位成本</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reference</source>
            <translation>单号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Side</source>
            <translation>往来类型</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Partner code</source>
            <translation>往来单位编码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Due date</source>
            <translation>到期日</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Whole units</source>
            <translation>整数计量</translation>
        </message>
        <message>
            <location line="+168" />
            <source>Choose a file to import</source>
            <translation>选择要导入的文件</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 import template.xlsx</source>
            <translation>%1导入模板.xlsx</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save an empty template</source>
            <translation>保存空白模板</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Saved %1: fill in one row per record under its headers (* marks a column needed), save it, then Next.</source>
            <translation>已保存 %1：在表头下每条记录填一行（带 * 的列为必填），保存后点“下一步”。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Saving %1…</source>
            <translation>正在保存 %1…</translation>
        </message>
        <message>
            <location line="+42" />
            <source>%1: %n row. Choose the column that holds each field; the guess comes from the headers. Fields marked * are needed.</source>
            <translation>%1：%n 行。请为每个字段选择所在的列；预选是根据表头猜测的。标有 * 的字段必须选择。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1: %n rows. Choose the column that holds each field; the guess comes from the headers. Fields marked * are needed.</source>
            <translation>%1：%n 行。请为每个字段选择所在的列；预选是根据表头猜测的。标有 * 的字段必须选择。</translation>
        </message>
        <message>
            <location line="+87" />
            <source>The one row as it will be read (numbers as %1):</source>
            <translation>仅有的一行（按导入时的读法显示，数字格式：%1）：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The first %n rows as they will be read (numbers as %1):</source>
            <translation>前 %n 行（按导入时的读法显示，数字格式：%1）：</translation>
        </message>
        <message>
            <location line="+49" />
            <source>%n row is left out; the report says why.</source>
            <translation>有 %n 行未导入，原因见下表。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%n rows are left out; the report says why.</source>
            <translation>有 %n 行未导入，原因见下表。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Also import the %n row hidden in the workbook</source>
            <translation>同时导入工作簿中隐藏的 %n 行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Also import the %n rows hidden in the workbook</source>
            <translation>同时导入工作簿中隐藏的 %n 行</translation>
        </message>
        <message>
            <location line="+46" />
            <source>Tick “Also import the rows hidden in the workbook” below to import it</source>
            <translation>如需导入，请勾选下方的“同时导入工作簿中隐藏的行”</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nothing to do: a row with this note alone is never a record</source>
            <translation>无需处理：只有这句说明的行不会是记录</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Nothing new to import: the one row is already in Stockroom.</source>
            <translation>没有新数据可导入：这一行已在 Stockroom 中。</translation>
        </message>
        <message>
            <location line="+43" />
            <source>%n row has problems (%1 in all); nothing was imported. Correct it and import the file again.</source>
            <translation>%n 行有问题（共 %1 个）；未导入任何数据。请改正后重新导入文件。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%n rows have problems (%1 in all); nothing was imported. Correct them and import the file again.</source>
            <translation>%n 行有问题（共 %1 个）；未导入任何数据。请改正后重新导入文件。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>&amp;What the file holds</source>
            <translation>文件内容(&amp;W)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>B&amp;rowse…</source>
            <translation>浏览(&amp;R)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save an empty &amp;template…</source>
            <translation>保存空白模板(&amp;T)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>An Excel workbook with the columns this kind of file needs, to fill in and import here</source>
            <translation>一个带有此类文件所需各列的 Excel 工作簿，填好后在这里导入</translation>
        </message>
        <message>
            <location line="+39" />
            <source>Column %1</source>
            <translation>第 %1 列</translation>
        </message>
        <message>
            <location line="-395" />
            <source>Spreadsheets (*.xlsx *.xlsm *.csv *.txt *.xls);;All files (*)</source>
            <translation>表格文件 (*.xlsx *.xlsm *.csv *.txt *.xls);;所有文件 (*)</translation>
        </message>
        <message>
            <location line="+362" />
            <source>An Excel workbook (.xlsx: its first sheet with rows) or a CSV file (UTF-8 or GBK), with one header row (a title above it is passed over). Import in this order: products, suppliers, supplier terms, customers, sales history, then opening stock and opening balances. Nothing is written before you have seen the check of every row.</source>
            <translation>Excel 工作簿（.xlsx，读取第一个有数据的工作表）或 CSV 文件（UTF-8 或 GBK），含一行表头（表头上方的标题会被跳过）。请按以下顺序导入：商品、供应商、供应商条款、客户、历史销售，最后是期初库存和期初应收应付。检查完每一行并显示结果之前，不会写入任何数据。</translation>
        </message>
        <message>
            <location line="-322" />
            <source>Reading %1…</source>
            <translation>正在读取 %1…</translation>
        </message>
        <message>
            <location line="+24" />
            <source>(not in the file)</source>
            <translation>（文件中没有）</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Example from the file: %1 “%2” reads as %3.</source>
            <translation>文件中的示例：%1“%2”读作 %3。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Example from the file: %1 “%2” is not a number in this format.</source>
            <translation>文件中的示例：%1“%2”不是此格式的数字。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Choose a column for: %1</source>
            <translation>请为以下字段选择列：%1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Checking every row…</source>
            <translation>正在检查每一行…</translation>
        </message>
        <message>
            <location line="+23" />
            <location line="+89" />
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <location line="-78" />
            <source>Not a number in the chosen format; the report below says what would be accepted.</source>
            <translation>不是所选格式的数字；下方的检查报告列出了可接受的值。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>In the file: %1</source>
            <translation>文件中为：%1</translation>
        </message>
        <message>
            <location line="+23" />
            <source>The file's columns changed since it was read: check the column chosen for each field, then Next.</source>
            <translation>文件的列与上次读取时不同：请核对每个字段对应的列，然后点“下一步”。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>%n row has problems (listed below). Nothing can be imported until they are corrected: correct the file, save it and press Check again (F5).</source>
            <translation>%n 行有问题（见下表）。改正之前不能导入任何数据：请修改文件并保存，然后点“重新检查”（F5）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%n rows have problems (listed below). Nothing can be imported until they are corrected: correct the file, save it and press Check again (F5).</source>
            <translation>%n 行有问题（见下表）。改正之前不能导入任何数据：请修改文件并保存，然后点“重新检查”（F5）。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Every row can be imported: %1 new, %2 changed, %3 unchanged or already imported.</source>
            <translation>所有行都可以导入：新增 %1，修改 %2，未变或已导入 %3。</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Accepted</source>
            <translation>可接受的值</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Importing…</source>
            <translation>正在导入…</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Imported: %1 added, %2 updated, %3 unchanged or already imported.</source>
            <translation>已导入：新增 %1，更新 %2，未变或已导入 %3。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Nothing new to import: all %3 rows are already in Stockroom.</source>
            <translation>没有新数据可导入：全部 %3 行已在 Stockroom 中。</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+76" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="-30" />
            <source>Not imported: %1</source>
            <translation>未导入：%1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Import from Excel or CSV</source>
            <translation>从 Excel 或 CSV 导入</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Numbers in the file</source>
            <translation>文件中的数字格式</translation>
        </message>
        <message>
            <location line="+10" />
            <source>&lt; &amp;Back</source>
            <translation>&lt; 上一步(&amp;B)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Next &gt;</source>
            <translation>下一步(&amp;N) &gt;</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Import</source>
            <translation>导入(&amp;I)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check &amp;again</source>
            <translation>重新检查(&amp;A)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read the file again, as corrected and saved, and check every row (F5)</source>
            <translation>重新读取修改并保存后的文件，逐行检查（F5）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>LabelsDialog</name>
        <message>
            <location filename="../../ui/dialogs/labels.py" line="+48" />
            <source>A4 sheet, 3 × 8 labels (63.7 × 34 mm)</source>
            <translation>A4 纸，3 × 8 张标签（63.7 × 34 毫米）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A4 sheet, 4 × 10 labels (46.6 × 27 mm)</source>
            <translation>A4 纸，4 × 10 张标签（46.6 × 27 毫米）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Thermal label 40 × 30 mm</source>
            <translation>热敏标签 40 × 30 毫米</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Thermal label 50 × 30 mm</source>
            <translation>热敏标签 50 × 30 毫米</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Thermal label 60 × 40 mm</source>
            <translation>热敏标签 60 × 40 毫米</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Name</source>
            <translation>名称(&amp;N)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>S&amp;KU</source>
            <translation>货号(&amp;K)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Barcode</source>
            <translation>条码(&amp;B)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>P&amp;rice</source>
            <translation>价格(&amp;R)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Unit</source>
            <translation>单位(&amp;U)</translation>
        </message>
        <message>
            <location line="+19" />
            <source>labels</source>
            <translation>条码标签</translation>
        </message>
        <message>
            <location line="+154" />
            <source>Labels for receipt %1</source>
            <translation>入库单 %1 的条码标签</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print labels for %n product(s)</source>
            <translation>为 %n 个商品打印条码标签</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Layout:</source>
            <translation>版式(&amp;L)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Count per pro&amp;duct:</source>
            <translation>每个商品张数(&amp;D)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>One per unit receiv&amp;ed</source>
            <translation>每收到一件一张(&amp;E)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Per line:</source>
            <translation>每行(&amp;P)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fields:</source>
            <translation>打印内容：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price le&amp;vel:</source>
            <translation>价格等级(&amp;V)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save &amp;to:</source>
            <translation>保存到(&amp;T)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Br&amp;owse…</source>
            <translation>浏览(&amp;O)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pr&amp;int</source>
            <translation>打印(&amp;I)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Cancel</source>
            <translation>取消(&amp;C)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Save labels</source>
            <translation>保存条码标签</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Save to: give a file name ending in .pdf.</source>
            <translation>保存到：请填写以 .pdf 结尾的文件名。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Fields: tick at least one of name, SKU, barcode, price or unit.</source>
            <translation>打印内容：请至少勾选名称、货号、条码、价格或单位中的一项。</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Drawing the labels…</source>
            <translation>正在生成条码标签…</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Could not print: %1</source>
            <translation>无法打印：%1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Stopping…</source>
            <translation>正在停止…</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="+195" />
            <source>Working (%n task(s))…</source>
            <translation>正在处理（%n 个任务）…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <location line="+69" />
            <location line="+43" />
            <source>Open database</source>
            <translation>打开数据库</translation>
        </message>
        <message>
            <location line="-42" />
            <source>Stockroom databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
            <translation>Stockroom 数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Still opening %1; open another database when it is open.</source>
            <translation>仍在打开 %1；打开完成后再打开其他数据库。</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Upgrading %1 to this version (backup taken at %2)…</source>
            <translation>正在将 %1 升级到此版本（已备份到 %2）…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Opening %1…</source>
            <translation>正在打开 %1…</translation>
        </message>
        <message>
            <location line="+93" />
            <source>Your password was changed.</source>
            <translation>您的密码已修改。</translation>
        </message>
        <message>
            <location line="+23" />
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
            <source>&amp;Import from Excel or CSV…</source>
            <translation>从 Excel 或 CSV 导入(&amp;I)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Export to Excel…</source>
            <translation>导出到 Excel(&amp;E)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Sync now</source>
            <translation>立即同步(&amp;S)</translation>
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
            <location line="+7" />
            <source>Database: %1</source>
            <translation>数据库：%1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>User: %1 (%2)</source>
            <translation>用户：%1（%2）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>User: %1</source>
            <translation>用户：%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sign &amp;out</source>
            <translation>退出登录(&amp;O)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Change my &amp;password…</source>
            <translation>修改我的密码(&amp;P)…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Stockroom</source>
            <translation>Stockroom 进销存</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stockroom — demo database</source>
            <translation>Stockroom — 演示数据库</translation>
        </message>
        <message>
            <location line="+45" />
            <source>%1: %n line(s)</source>
            <translation>%1：%n 行</translation>
        </message>
        <message>
            <location line="+2" />
            <source>These documents were not posted:
%1

They are kept and come back when Stockroom opens again. Quit now?</source>
            <translation>以下单据尚未过账：
%1

它们会被保留，下次打开 Stockroom 时恢复。现在退出吗？</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/finishing.py" line="+28" />
            <source>Closing Stockroom</source>
            <translation>正在关闭 Stockroom</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Finishing %n background task(s)… Stockroom closes as soon as they are done.</source>
            <translation>正在完成 %n 个后台任务…完成后 Stockroom 将自动关闭。</translation>
        </message>
    </context>
    <context>
        <name>MovementDetails</name>
        <message>
            <location filename="../../ui/screens/movements.py" line="+233" />
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
        <message>
            <location line="+8" />
            <source>Document %1, %n line(s)</source>
            <translation>单据 %1，共 %n 行</translation>
        </message>
    </context>
    <context>
        <name>MovementKind</name>
        <message>
            <location filename="../../ui/models/movements.py" line="+21" />
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
        <message>
            <location line="+6" />
            <source>Opening stock</source>
            <translation>期初库存</translation>
        </message>
    </context>
    <context>
        <name>MovementTableModel</name>
        <message>
            <location line="+18" />
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
            <location filename="../../ui/screens/movements.py" line="-130" />
            <location line="+63" />
            <location line="+4" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <location line="-20" />
            <source>%n movement(s)</source>
            <translation>%n 条流水</translation>
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
        <name>NegativeStockModel</name>
        <message>
            <location filename="../../ui/screens/conflicts.py" line="-401" />
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
            <source>On hand</source>
            <translation>现有库存</translation>
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
            <location filename="../../ui/screens/partners.py" line="-366" />
            <source>Code: enter a short code without spaces, such as C003 (letters, digits and signs such as - _ . /, not starting with =, + or @; at most 32).</source>
            <translation>编码：请输入不含空格的简短编码，例如 C003（字母、数字和 - _ . / 等符号，不以 =、+ 或 @ 开头，最多 32 个字符）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Name: enter the customer's name, at most 200 characters.</source>
            <translation>名称：请输入客户名称，最多 200 个字符。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Contact: at most 200 characters, on one line.</source>
            <translation>联系人：最多 200 个字符，且只占一行。</translation>
        </message>
        <message>
            <location line="+98" />
            <source>Added customer %1 (%2).</source>
            <translation>已添加客户 %1（%2）。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Not added: %1</source>
            <translation>未添加：%1</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Suppliers (%1)</source>
            <translation>供应商（%1）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Customers (%1)</source>
            <translation>客户（%1）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Customers at risk</source>
            <translation>流失风险客户</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Customers at risk (%1)</source>
            <translation>流失风险客户（%1）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Terms and prices…</source>
            <translation>条款与价格…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New customer: code</source>
            <translation>新客户：编码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location line="+2" />
            <source>e.g. C003</source>
            <translation>例如 C003</translation>
        </message>
        <message>
            <location line="+1" />
            <source>optional</source>
            <translation>可不填</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add customer</source>
            <translation>添加客户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The selected customer's price level, discount, payment terms and own prices (or double-click the customer)</source>
            <translation>所选客户的价格等级、折扣、付款条件和专属价格（或双击该客户）</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <location filename="../../ui/widgets/sync_status.py" line="+228" />
            <source>Shared database password</source>
            <translation>共享数据库密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password for %1:</source>
            <translation>%1 的密码：</translation>
        </message>
        <message>
            <location line="+8" />
            <source>It is kept in the system keyring.</source>
            <translation>密码保存在系统密钥环中。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No system keyring is available: it is kept in memory until Stockroom closes, never in a file.</source>
            <translation>没有可用的系统密钥环：密码只保存在内存中，直到 Stockroom 关闭，绝不写入文件。</translation>
        </message>
    </context>
    <context>
        <name>Payables</name>
        <message>
            <location filename="../../ui/screens/accounts/words.py" line="-287" />
            <source>Credit</source>
            <translation>预付款</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Allocate credit</source>
            <translation>核销预付款</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Allocate credit…</source>
            <translation>核销预付款(&amp;A)…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Allocated %1 · left as credit %2</source>
            <translation>核销 %1 · 留作预付款 %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Keep all as credit</source>
            <translation>全部留作预付款(&amp;K)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open documents: %1, open %2 · credit already held %3</source>
            <translation>未结单据：%1 张，未结合计 %2 · 已有预付款 %3</translation>
        </message>
        <message>
            <location line="+2" />
            <source>There is no credit to allocate.</source>
            <translation>没有可核销的预付款。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open items total: owed %1 · credit %2 · balance %3</source>
            <translation>未结合计：应付 %1 · 预付款 %2 · 余额 %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Balance %1 · credit %2</source>
            <translation>余额 %1 · 预付款 %2</translation>
        </message>
    </context>
    <context>
        <name>PdfPreview</name>
        <message>
            <location filename="../../ui/widgets/pdf_preview.py" line="+156" />
            <source>Print purchase order</source>
            <translation>打印采购订单</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Save as PDF</source>
            <translation>另存为 PDF</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Could not save the PDF: %1</source>
            <translation>无法保存 PDF：%1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Print…</source>
            <translation>打印(&amp;P)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save as P&amp;DF…</source>
            <translation>另存为 PDF(&amp;D)…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Rendering the PDF…</source>
            <translation>正在生成 PDF…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%n page(s)</source>
            <translation>共 %n 页</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The PDF could not be read.</source>
            <translation>无法读取该 PDF。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Select a purchase order to preview it.</source>
            <translation>选择一张采购订单以预览。</translation>
        </message>
    </context>
    <context>
        <name>PeriodTableModel</name>
        <message>
            <location filename="../../ui/models/periods.py" line="+13" />
            <source>closed</source>
            <translation>已结账</translation>
        </message>
        <message>
            <location line="+1" />
            <source>open</source>
            <translation>未结账</translation>
        </message>
        <message>
            <location line="+1" />
            <source>close</source>
            <translation>结账</translation>
        </message>
        <message>
            <location line="+1" />
            <source>reopen</source>
            <translation>反结账</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed by</source>
            <translation>结账人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed at</source>
            <translation>结账时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last event</source>
            <translation>最近操作</translation>
        </message>
        <message>
            <location line="+11" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What</source>
            <translation>操作</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Why</source>
            <translation>原因</translation>
        </message>
    </context>
    <context>
        <name>PeriodsPage</name>
        <message>
            <location filename="../../ui/screens/settings_periods.py" line="+148" />
            <source>Closes and reopens of %1</source>
            <translation>%1 的结账与反结账记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closes and reopens</source>
            <translation>结账与反结账记录</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Close %1…</source>
            <translation>结账 %1(&amp;C)…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Close month…</source>
            <translation>月末结账(&amp;C)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 can be closed once it has ended, from %2 on.</source>
            <translation>%1 结束后才能结账，即从 %2 起。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Close %1?

From then on nothing can be posted, reversed or back-dated into %1 or any month before it: receipts, shipments, sales, purchases, counts and adjustments alike. The stock quantities and values and the balances at the end of %1 are frozen for the reports. Only an admin can reopen it, with Reopen… on this page and giving a reason, and only while no later month is closed.</source>
            <translation>结账 %1？

结账后，%1 及以前的任何月份都不能再过账、冲销或补录倒填日期的单据：入库、出库、销售、采购、盘点和调整都一样。%1 月末的库存数量、金额和往来余额将冻结，供报表使用。只有管理员可以反结账：在本页点“反结账…”并说明原因，且须其后的月份都未结账。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The earlier months still open are closed with it: %1.</source>
            <translation>以前尚未结账的月份将一并结账：%1。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Still held on this desk, not posted, dated in %1 or before: %2. Once the month is closed they cannot be posted as dated; post them first or change their date.</source>
            <translation>本机还有暂存未过账的单据，日期在 %1 或以前：%2。结账后不能再按原日期过账；请先过账或改日期。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>; and %1 more</source>
            <translation>；另有 %1 张</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Close month</source>
            <translation>月末结账</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Closed: %1.</source>
            <translation>已结账：%1。</translation>
        </message>
        <message>
            <location line="+16" />
            <source>%1 is open again; the reason is kept with the month.</source>
            <translation>%1 已反结账；原因已随该月记录。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Reopen month</source>
            <translation>反结账</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Why is %1 reopened? The reason is kept with your name.</source>
            <translation>为什么要反结账 %1？原因会连同您的名字一起记录。</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Give the reason for reopening (at most 500 characters); it is kept with the month.</source>
            <translation>请填写反结账的原因（最多 500 个字符）；原因会随该月记录。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>A closed month takes no more postings: nothing can be posted, reversed or back-dated into it, and its closing stock values and balances stay as they were closed. A manager closes a month once its documents are in; closing a month closes every earlier one. Only the latest closed month can be reopened, by an admin, who gives the reason.</source>
            <translation>月结后的月份不再接受任何单据：不能过账、冲销或倒填日期，其月末库存金额和往来余额保持结账时的数字。单据录入完毕后由经理结账；结账某月会同时结账以前的所有月份。只有最近一个已结账的月份可以反结账，须由管理员操作并说明原因。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Reopen…</source>
            <translation>反结账(&amp;R)…</translation>
        </message>
    </context>
    <context>
        <name>Permissions</name>
        <message>
            <location filename="../../ui/access.py" line="-33" />
            <source>receive stock</source>
            <translation>收货</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ship stock</source>
            <translation>发货</translation>
        </message>
        <message>
            <location line="+1" />
            <source>transfer stock</source>
            <translation>调拨库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>post stock counts</source>
            <translation>过账盘点</translation>
        </message>
        <message>
            <location line="+1" />
            <source>work on purchase orders</source>
            <translation>处理采购订单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>change supplier terms</source>
            <translation>修改供应商条款</translation>
        </message>
        <message>
            <location line="+1" />
            <source>adjust stock</source>
            <translation>调整库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>reverse movements or documents</source>
            <translation>冲销流水或单据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>change products, warehouses, suppliers or customers</source>
            <translation>修改商品、仓库、供应商或客户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>change settings</source>
            <translation>修改设置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>resolve sync conflicts</source>
            <translation>处理同步冲突</translation>
        </message>
        <message>
            <location line="+1" />
            <source>manage users</source>
            <translation>管理用户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>restore the database from a backup</source>
            <translation>从备份恢复数据库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>sync with the shared database</source>
            <translation>与共享数据库同步</translation>
        </message>
        <message>
            <location line="+1" />
            <source>change the shared database this computer syncs with</source>
            <translation>更改本机同步的共享数据库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>work on sales orders</source>
            <translation>处理销售订单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>sell or ship against sales orders</source>
            <translation>销售或按销售订单发货</translation>
        </message>
        <message>
            <location line="+1" />
            <source>post customer or supplier returns</source>
            <translation>过账客户退货或采购退货</translation>
        </message>
        <message>
            <location line="+1" />
            <source>change prices or customer terms</source>
            <translation>修改价格或客户条款</translation>
        </message>
        <message>
            <location line="+1" />
            <source>close a month</source>
            <translation>月末结账</translation>
        </message>
        <message>
            <location line="+1" />
            <source>reopen a closed month</source>
            <translation>反结账已结账的月份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>see what customers and suppliers owe or are owed</source>
            <translation>查看客户和供应商的往来余额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>record receipts, payments or supplier invoices</source>
            <translation>录入收款单、付款单或供应商发票</translation>
        </message>
    </context>
    <context>
        <name>PlanningPage</name>
        <message>
            <location filename="../../ui/screens/settings_planning.py" line="+275" />
            <location line="+87" />
            <source>Not saved: %1</source>
            <translation>未保存：%1</translation>
        </message>
        <message>
            <location line="-108" />
            <source>Saved. The dashboard uses them when it loads next (F5).</source>
            <translation>已保存。经营概览下次加载时（F5）将使用这些设置。</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Dead stock after</source>
            <translation>呆滞库存天数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Excess stock above</source>
            <translation>超储可供天数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not saved: %1 takes a whole number of days from 1 to %2; “%3” is not one.</source>
            <translation>未保存：%1须为 1 到 %2 之间的整数天数；“%3”不是。</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Saved. The next planning run follows it.</source>
            <translation>已保存。下次计划运行将按此执行。</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Not saved: the order cost per purchase-order line takes an amount from 0 (off) to %1, such as 20; “%2” is not one.</source>
            <translation>未保存：每条采购订单明细的下单成本应为 0（不启用）到 %1 之间的金额，例如 20；“%2”不是有效金额。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not saved: the holding rate takes a percentage of the unit cost a year from %1 to %2, such as 25; “%3” is not one.</source>
            <translation>未保存：年持有成本率应为占单位成本的年百分比，%1 到 %2 之间，例如 25；“%3”不是有效的百分比。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not saved: the overall service target takes a percentage from %1 to %2, such as 99; “%3” is not one.</source>
            <translation>未保存：总体服务水平目标须为 %1 到 %2 之间的百分数，例如 99；“%3”不符合。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Planning ranks products into ABC classes: A the products making the first 80 % of the annual demand, B the next 15 %, C the rest. Rank them by what their demand is worth (quantity × price) or by the quantity alone.</source>
            <translation>计划把商品分为 ABC 类：A 为占年需求前 80 % 的商品，B 为其后 15 %，C 为其余。可按需求金额（数量 × 价格）或仅按数量划分。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Rank ABC &amp;by:</source>
            <translation>ABC 划分依据(&amp;B)：</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Order &amp;more from suppliers who deliver short</source>
            <translation>对交货不足的供应商多订一些(&amp;M)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Service &amp;targets:</source>
            <translation>服务水平目标(&amp;T)：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Overall service target (%):</source>
            <translation>总体服务水平目标（%）(&amp;O)：</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Order &amp;cost per purchase-order line:</source>
            <translation>每条采购订单明细的下单成本(&amp;C)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ho&amp;lding rate a year (% of unit cost):</source>
            <translation>年持有成本率（占单位成本的 %）(&amp;L)：</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&amp;Dead stock after (days):</source>
            <translation>呆滞库存天数（天）(&amp;D)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Excess stock above (days of cover):</source>
            <translation>超储可供天数（天）(&amp;E)：</translation>
        </message>
        <message>
            <location line="-35" />
            <source>Demand value (quantity × price)</source>
            <translation>需求金额（数量 × 价格）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Demand quantity (volume)</source>
            <translation>需求数量</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+34" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location line="-32" />
            <source>A supplier whose purchase orders of the last year brought less than 98 % of what was ordered (its quantity fill rate on the Suppliers screen, from 5 lines on 3 orders) gets its suggested orders grossed up by it, at most × 1.5.</source>
            <translation>近一年采购订单交货不足订货量 98 % 的供应商（即“供应商”界面上的数量满足率，至少 5 行、3 张采购订单），其建议订货量将按满足率放大，最多 × 1.5。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>By each item's unit cost (recommended)</source>
            <translation>按每种商品的单位成本（推荐）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>By ABC class (A 97 %, B 98 %, C 99 %)</source>
            <translation>按 ABC 分类（A 97 %、B 98 %、C 99 %）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>By unit cost: an item at the average unit cost of the items planned gets the overall target; one that costs a third of the average has a third of its chance of running short, one that costs twice as much twice the chance (between 90 % and 99.5 %). Money put into stock then buys about as much fill at every item, and the same stock fills more orders than targets by class. By ABC class assumes A's items are the dear ones. A product's own target (Ctrl+T on the Replenishment screen) wins over either.</source>
            <translation>按单位成本：单位成本等于参与计划商品平均成本的商品取总体目标；成本只有平均的三分之一，缺货概率也只有三分之一；成本是平均的两倍，缺货概率也是两倍（目标在 90 % 到 99.5 % 之间）。这样每一元库存在各商品上换来的满足率大致相同，同样多的库存比按分类设目标能满足更多订单。按 ABC 分类则默认 A 类商品是贵的。商品自己的目标（补货界面 Ctrl+T）优先于两者。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>What placing one line of a purchase order costs you (handling, checking, a share of the freight), in your currency, and what a year of holding stock costs you as a share of its unit cost (capital, space, shrinkage; 25 % unless set). Above 0 each suggested order is at least the item's economic order quantity, √(2 × yearly demand × order cost ÷ (holding rate × unit cost)): cheap and slow items are ordered less often in bigger lots, the more so the lower the holding rate. The default 5 placed half as many lines as 0 and, at the same stock, filled more orders; 0 orders about a week's demand at a time.</source>
            <translation>每下一条采购订单明细要花的钱（处理、核对、分摊的运费），按本单位的货币计；以及持有库存一年的成本占其单位成本的比例（资金、仓储、损耗；未设定时为 25 %）。下单成本大于 0 时，每笔建议订购量至少为该商品的经济订货批量 √(2 × 年需求 × 下单成本 ÷ (年持有成本率 × 单位成本))：便宜或走得慢的商品订得次数更少、每次订得更多，持有成本率越低越是如此。默认值 5 下的订单明细比 0 少一半，在库存相同时满足的订单也更多；0 则每次大约订一周的需求。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Dashboard: dead and excess stock</source>
            <translation>经营概览：呆滞库存与超储库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dead stock is stock of a product with no issue in this many days. Excess stock is what a warehouse holds beyond this many days of its average daily issues of the last 90 days (or beyond the product's maximum level).</source>
            <translation>呆滞库存：在此天数内没有任何出库的商品库存。超储库存：仓库持有量超过近 90 天日均出库量的此天数（或超过商品最高库存）的部分。</translation>
        </message>
    </context>
    <context>
        <name>PoList</name>
        <message>
            <location filename="../../ui/cli/po.py" line="+373" />
            <source>%1 %2 before tax</source>
            <translation>不含税 %1 %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>rev %1</source>
            <translation>第 %1 版</translation>
        </message>
        <message>
            <location line="+1" />
            <source>fixed rate %1</source>
            <translation>固定汇率 %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ordered %1</source>
            <translation>订购 %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>received %1</source>
            <translation>已到货 %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>open %1</source>
            <translation>未到 %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>total before tax: %1</source>
            <translation>不含税合计：%1</translation>
        </message>
    </context>
    <context>
        <name>PostedDocumentsModel</name>
        <message>
            <location filename="../../ui/models/document_lines.py" line="+5" />
            <source>Reversed</source>
            <translation>已冲销</translation>
        </message>
        <message>
            <location line="+10" />
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
            <translation>成本金额</translation>
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
        <message>
            <location line="+18" />
            <source>Customer</source>
            <translation>客户编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Customer name</source>
            <translation>客户名称</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Amount</source>
            <translation>销售金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount with tax</source>
            <translation>价税合计</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cost</source>
            <translation>成本金额</translation>
        </message>
    </context>
    <context>
        <name>PostedLinesModel</name>
        <message>
            <location line="+11" />
            <source>Line</source>
            <translation>行号</translation>
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
        <name>PriceLevelsPage</name>
        <message>
            <location filename="../../ui/screens/settings_levels.py" line="+135" />
            <source>Added the price level %1.</source>
            <translation>已添加价格等级“%1”。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Renamed %1 to %2.</source>
            <translation>已将“%1”改名为“%2”。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Retired the price level %1: products and customers no longer offer it.</source>
            <translation>已停用价格等级“%1”：商品和客户资料中不再提供该等级。</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Name: enter the level's name, such as VIP or 经销商 (at most 64 characters).</source>
            <translation>名称：请输入等级名称，例如 VIP 或 经销商（最多 64 个字符）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Refused: %1</source>
            <translation>未执行：%1</translation>
        </message>
        <message>
            <location line="+11" />
            <source>built in</source>
            <translation>内置</translation>
        </message>
        <message>
            <location line="+2" />
            <source>in use</source>
            <translation>在用</translation>
        </message>
        <message>
            <location line="+2" />
            <source>free</source>
            <translation>未启用</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The levels a product's list prices and a customer's terms are set at. Retail and wholesale are built in; add up to three more of your own (such as VIP or 经销商), rename them, and retire one that no price and no customer uses any more. Every desk of the office shares these names.</source>
            <translation>商品价目表和客户价格条件所用的价格等级。零售和批发为内置等级；另可自行添加最多三个等级（如 VIP 或 经销商）、改名，并停用不再有价格或客户使用的等级。办公室内所有电脑共用这些名称。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Level</source>
            <translation>等级</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Products priced</source>
            <translation>有定价的商品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Customers</source>
            <translation>客户</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. VIP</source>
            <translation>如 VIP</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add level</source>
            <translation>添加等级</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rename</source>
            <translation>改名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Retire</source>
            <translation>停用</translation>
        </message>
    </context>
    <context>
        <name>ProductEditor</name>
        <message>
            <location filename="../../ui/screens/products.py" line="+365" />
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
            <location line="+164" />
            <source>Counted in whole units (no decimals in quantities)</source>
            <translation>按整数计量（数量不带小数）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On for goods counted in pieces, boxes or sets: a quantity such as 2.5 is refused. Off for goods measured by weight, length or volume (kg, 米, 升).</source>
            <translation>按件、箱、套计数的商品请勾选：2.5 这样的数量将被拒绝。按重量、长度或体积计量的商品（kg、米、升）请不勾选。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Packs:</source>
            <translation>包装单位：</translation>
        </message>
        <message>
            <location filename="../../ui/refusals.py" line="-60" />
            <source>Product %1 was changed by someone else since you opened it; close this window and open the product again to see their change.</source>
            <translation>商品 %1 在您打开后已被他人修改；请关闭此窗口，重新打开该商品查看其修改后再编辑。</translation>
        </message>
        <message>
            <location line="-15" />
            <source>barcode %1 is already used by product %2</source>
            <translation>条码 %1 已被商品 %2 使用</translation>
        </message>
        <message>
            <location filename="../../ui/screens/products.py" line="-17" />
            <source>Edit product %1</source>
            <translation>编辑商品 %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>(inactive)</source>
            <translation>（已停用）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Add product</source>
            <translation>新增商品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The SKU is the product's key and cannot be changed.</source>
            <translation>货号是商品的唯一标识，不能修改。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>several barcodes: separate with commas</source>
            <translation>多个条码请用逗号分隔</translation>
        </message>
        <message>
            <location line="-155" />
            <source>Could not save: %1</source>
            <translation>无法保存：%1</translation>
        </message>
    </context>
    <context>
        <name>ProductPacks</name>
        <message>
            <location filename="../../ui/screens/product_packs.py" line="+75" />
            <source>Packaging units</source>
            <translation>包装单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pac&amp;ks of the product: scanning a pack's barcode on the Receive, Ship, Transfer, Count and Adjust screens counts what it holds, in %1.</source>
            <translation>商品的包装单位(&amp;K)：在入库、出库、调拨、盘点和调整界面扫描包装条码，按其包含的数量（%1）计入。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Unit (箱, 盒…)</source>
            <translation>单位（箱、盒…）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Holds (%1)</source>
            <translation>包含数量（%1）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Barcodes (separate with commas)</source>
            <translation>条码（用逗号分隔）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Add unit</source>
            <translation>添加单位(&amp;A)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Re&amp;move unit</source>
            <translation>删除单位(&amp;M)</translation>
        </message>
        <message>
            <location line="+62" />
            <source>Packaging &amp;units…</source>
            <translation>包装单位(&amp;U)…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>none: the product is scanned one by one</source>
            <translation>无：商品逐个扫描</translation>
        </message>
        <message>
            <location line="+4" />
            <source>1 %1 = %2 %3</source>
            <translation>1 %1 = %2 %3</translation>
        </message>
        <message>
            <location line="+33" />
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
    </context>
    <context>
        <name>ProductPage</name>
        <message>
            <location filename="../../ui/screens/products.py" line="+308" />
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
        <name>ProductSelling</name>
        <message>
            <location filename="../../ui/screens/product_selling.py" line="+24" />
            <source>Retail price</source>
            <translation>零售价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wholesale price</source>
            <translation>批发价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Level 3 price</source>
            <translation>三级价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Level 4 price</source>
            <translation>四级价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Level 5 price</source>
            <translation>五级价</translation>
        </message>
        <message>
            <location line="+10" />
            <source>%1 price</source>
            <translation>%1价</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Retail</source>
            <translation>零售</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Wholesale</source>
            <translation>批发</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Level 3</source>
            <translation>三级</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Level 4</source>
            <translation>四级</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Level 5</source>
            <translation>五级</translation>
        </message>
        <message>
            <location line="+69" />
            <source>Selling</source>
            <translation>销售</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Tax rate (%)</source>
            <translation>税率 (%)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Substitutes</source>
            <translation>替代品</translation>
        </message>
        <message>
            <location line="+2" />
            <source>without tax; blank: none</source>
            <translation>不含税；留空：无</translation>
        </message>
        <message>
            <location line="+1" />
            <source>blank: the company's rate</source>
            <translation>留空：使用公司税率</translation>
        </message>
        <message>
            <location line="+2" />
            <source>SKUs in order, separated by commas</source>
            <translation>按顺序填写货号，用逗号分隔</translation>
        </message>
    </context>
    <context>
        <name>ProductTableModel</name>
        <message>
            <location filename="../../ui/models/products.py" line="+17" />
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
        <message>
            <location line="+2" />
            <source>Whole units</source>
            <translation>整数计量</translation>
        </message>
        <message>
            <location line="+7" />
            <source>ABC/XYZ</source>
            <translation>ABC/XYZ</translation>
        </message>
    </context>
    <context>
        <name>ProductsScreen</name>
        <message>
            <location filename="../../ui/screens/products.py" line="-501" />
            <source>%n product(s) shown</source>
            <translation>显示 %n 个商品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%n in the catalogue</source>
            <translation>商品目录共 %n 个</translation>
        </message>
        <message>
            <location line="+49" />
            <source>Select the products to label first.</source>
            <translation>请先选择要打印条码标签的商品。</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Activate</source>
            <translation>启用</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Deactivate</source>
            <translation>停用</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Deactivate product %1?</source>
            <translation>停用商品 %1？</translation>
        </message>
        <message>
            <location line="+4" />
            <source>It still has stock on hand (%1). Deactivating does not remove the stock; ship, transfer or adjust it as usual.</source>
            <translation>该商品仍有库存（%1）。停用不会清除库存，仍可照常出库、调拨或调整。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Activate product %1 again?</source>
            <translation>重新启用商品 %1？</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Change product</source>
            <translation>修改商品</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Search SKU, name, barcode or pinyin (e.g. lsd)…</source>
            <translation>搜索货号、名称、条码或拼音（如 lsd）…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>↓ goes to the first product found; Enter selects it, or opens it when it is the only one (Ctrl+F comes back here)</source>
            <translation>↓ 转到第一个搜索结果；Enter 选中它，只有一个结果时直接打开（Ctrl+F 回到搜索框）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Class:</source>
            <translation>分类：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Add product…</source>
            <translation>新增商品…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open product page</source>
            <translation>打开商品页</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edit product…</source>
            <translation>编辑商品…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edit the selected product (Enter, double-click or Ctrl+E)</source>
            <translation>编辑所选商品（Enter、双击或 Ctrl+E）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Print &amp;labels…</source>
            <translation>打印条码标签(&amp;L)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Barcode labels for the selected products, as PDF (Ctrl+L)</source>
            <translation>为所选商品生成条码标签 PDF（Ctrl+L）</translation>
        </message>
    </context>
    <context>
        <name>PurchaseLines</name>
        <message>
            <location filename="../../ui/screens/reports/purchase_lines.py" line="+31" />
            <source>Receipt</source>
            <translation>采购入库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Return</source>
            <translation>采购退货</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Receipt reversed</source>
            <translation>入库冲销</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Return reversed</source>
            <translation>退货冲销</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Document</source>
            <translation>单据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Order</source>
            <translation>采购订单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supplier</source>
            <translation>供应商</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>品名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit cost</source>
            <translation>单价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tax</source>
            <translation>税额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount with tax</source>
            <translation>价税合计</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price in currency</source>
            <translation>外币单价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rate</source>
            <translation>汇率</translation>
        </message>
        <message>
            <location line="+36" />
            <source>receipts with no supplier</source>
            <translation>无供应商的入库</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1, %2</source>
            <translation>%1，%2</translation>
        </message>
        <message>
            <location line="+4" />
            <source>all warehouses</source>
            <translation>全部仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchases: %1</source>
            <translation>采购明细：%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchase lines of %1, %2 to %3, %4</source>
            <translation>%1 的采购明细，%2 至 %3，%4</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Loading…</source>
            <translation>正在载入…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%n line(s): net quantity %1, amount %2; tax not known for %3 free receipt line(s) that kept no tax rate</source>
            <translation>共 %n 行：净数量 %1，金额 %2；其中 %3 行无订单入库未保存税率，税额不详</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%n line(s): net quantity %1, amount %2, tax %3, amount with tax %4</source>
            <translation>共 %n 行：净数量 %1，金额 %2，税额 %3，价税合计 %4</translation>
        </message>
    </context>
    <context>
        <name>PurchaseOrderPdf</name>
        <message>
            <location filename="../../ui/pdf/purchase_order.py" line="+60" />
            <source>Purchase order</source>
            <translation>采购订单</translation>
        </message>
        <message>
            <location line="+0" />
            <source>PURCHASE ORDER</source>
            <translation>采购订单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>DRAFT — not valid as an order</source>
            <translation>草稿——不作为正式订单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>DRAFT</source>
            <translation>草稿</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PO number</source>
            <translation>采购订单号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Revision</source>
            <translation>修订版</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Expected delivery</source>
            <translation>预计交货日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Supplier</source>
            <translation>供应商</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deliver to</source>
            <translation>送货地址</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment terms</source>
            <translation>付款条件</translation>
        </message>
        <message>
            <location line="+0" />
            <source>#</source>
            <translation>序号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Our SKU</source>
            <translation>我方货号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Supplier SKU</source>
            <translation>供应商货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Description</source>
            <translation>品名</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit / pack</source>
            <translation>单位 / 包装</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Subtotal</source>
            <translation>小计</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tax %1%</source>
            <translation>税额 %1%</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Total %1</source>
            <translation>合计 %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Terms</source>
            <translation>条款</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Authorised signature</source>
            <translation>授权签字</translation>
        </message>
        <message>
            <location line="+0" />
            <source>packs</source>
            <translation>包</translation>
        </message>
        <message>
            <location line="+1" />
            <source>pack</source>
            <translation>包</translation>
        </message>
        <message>
            <location line="+0" />
            <source>pack of %1 %2</source>
            <translation>每包 %1 %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>continued</source>
            <translation>续</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Page %1 of %2</source>
            <translation>第 %1 页，共 %2 页</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Code</source>
            <translation>编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Exchange rate: %1</source>
            <translation>汇率：%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>1 %1 = %2 %3, rate of %4</source>
            <translation>1 %1 = %2 %3，%4 的汇率</translation>
        </message>
        <message>
            <location line="+1" />
            <source>1 %1 = %2 %3, fixed on this PO</source>
            <translation>1 %1 = %2 %3，本采购订单固定汇率</translation>
        </message>
        <message>
            <location line="+1" />
            <source>none entered yet for %1 (set it before receiving)</source>
            <translation>尚未录入 %1 的汇率（收货前请录入）</translation>
        </message>
    </context>
    <context>
        <name>PurchasingScreen</name>
        <message>
            <location filename="../../ui/purchase_states.py" line="+13" />
            <source>Draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Issued</source>
            <translation>已下达</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Partly received</source>
            <translation>部分到货</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/screens/purchasing/editor.py" line="+84" />
            <source>Received</source>
            <translation>已到货</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed</source>
            <translation>已关闭</translation>
        </message>
        <message>
            <location filename="../../ui/screens/purchasing/editor.py" line="-8" />
            <location filename="../../ui/screens/replenishment/run.py" line="+41" />
            <source>Draft %1</source>
            <translation>草稿 %1</translation>
        </message>
        <message>
            <location filename="../../ui/screens/purchasing/screen.py" line="+47" />
            <source>Number</source>
            <translation>单号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supplier</source>
            <translation>供应商</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warehouse</source>
            <translation>仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rev.</source>
            <translation>版本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expected</source>
            <translation>预计到货</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Lines</source>
            <translation>行数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open qty</source>
            <translation>未到数量</translation>
        </message>
        <message>
            <location line="+202" />
            <source>R&amp;evise…</source>
            <translation>修订(&amp;E)…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>C&amp;lose short…</source>
            <translation>短缺关闭(&amp;L)…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>E&amp;xpected:</source>
            <translation>预计到货(&amp;X)：</translation>
        </message>
        <message>
            <location filename="../../ui/screens/purchasing/editor.py" line="+4" />
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <location line="+0" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supplier SKU</source>
            <translation>供应商货号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Description</source>
            <translation>描述</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/screens/purchasing/screen.py" line="+5" />
            <source>Qty</source>
            <translation>数量</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unit / pack</source>
            <translation>单位 / 包装</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../ui/screens/purchasing/screen.py" line="-217" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open</source>
            <translation>未到</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Total before tax: %1</source>
            <translation>不含税合计：%1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>1 %1 = %2 %3, fixed on this PO</source>
            <translation>1 %1 = %2 %3，本采购订单固定汇率</translation>
        </message>
        <message>
            <location line="+2" />
            <source>1 %1 = %2 %3, rate of %4</source>
            <translation>1 %1 = %2 %3，%4 的汇率</translation>
        </message>
        <message>
            <location line="+4" />
            <source>(total ≈ %1 %2)</source>
            <translation>（合计约 %1 %2）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No exchange rate for %1 yet: enter one in Settings › Exchange rates, or a fixed rate here, before receiving.</source>
            <translation>尚无 %1 的汇率：收货前请在“设置 › 汇率”中录入，或在此录入固定汇率。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1 packs of %2 %3</source>
            <translation>%1 包（每包 %2 %3）</translation>
        </message>
        <message>
            <location line="+10" />
            <source>/pack</source>
            <translation>/包</translation>
        </message>
        <message>
            <location line="+17" />
            <source>In %1 days from issue: what %2 took on average over %3 receipts from this supplier, as planning counts it.</source>
            <translation>下达后 %1 天：%2 从该供应商 %3 次收货的平均用时，与补货计划所用一致。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>In %1 days from issue: what this supplier took on average over %3 receipts of all its products (%2 has too few of its own), as planning counts it.</source>
            <translation>下达后 %1 天：该供应商全部商品 %3 次收货的平均用时（%2 自己的收货次数太少），与补货计划所用一致。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>In %1 days from issue: %2's lead time in the supplier's terms (too few receipts to learn from yet), as planning counts it.</source>
            <translation>下达后 %1 天：按供应商条款中 %2 的交货期（收货次数还太少，尚不能按实际测算），与补货计划所用一致。</translation>
        </message>
        <message>
            <location line="+158" />
            <source>Supplier: %1    Deliver to: %2    Expected: %3</source>
            <translation>供应商：%1    送货至：%2    预计到货：%3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>on issue</source>
            <translation>下达时确定</translation>
        </message>
        <message>
            <location line="+65" />
            <source>rate of the receipt date</source>
            <translation>按收货日汇率</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fixed rate (%1 per 1 %2):</source>
            <translation>固定汇率（每 1 %2 折合 %1）：</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Subtotal %1    Tax %2% %3    Total %4 %5</source>
            <translation>小计 %1    税 %2% %3    合计 %4 %5</translation>
        </message>
        <message>
            <location line="+9" />
            <source>No purchase order selected. Choose a supplier and a warehouse, then New draft.</source>
            <translation>未选择采购订单。请选择供应商和仓库，然后点击“新建草稿”。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 · %2 · revision %3</source>
            <translation>%1 · %2 · 第 %3 版</translation>
        </message>
        <message>
            <location line="+3" />
            <source>(revising: each change makes a new revision)</source>
            <translation>（修订中：每次修改都会生成新版本）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Refused: %1</source>
            <translation>未执行：%1</translation>
        </message>
        <message>
            <location line="+130" />
            <source>No expected day: it is set on issue, from the lead time.</source>
            <translation>未设预计到货日：下达时按交货期确定。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Expected day set: %1.</source>
            <translation>预计到货日已设为 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/purchasing/actions.py" line="+31" />
            <source>Choose a supplier and a warehouse first.</source>
            <translation>请先选择供应商和仓库。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>New draft for %1. Add lines: scan or type a SKU.</source>
            <translation>已为 %1 新建草稿。添加明细：扫描或输入货号。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/purchasing/editor.py" line="-74" />
            <source>Added %1: %2 %3</source>
            <translation>已添加 %1：%2 %3</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+25" />
            <source>rounded: %1</source>
            <translation>已取整：%1</translation>
        </message>
        <message>
            <location line="-5" />
            <source>%1: %2 %3 at %4</source>
            <translation>%1：%2 %3，单价 %4</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Removed %1</source>
            <translation>已删除 %1</translation>
        </message>
        <message>
            <location line="+11" />
            <source>No fixed rate: each receipt uses the rate of its date.</source>
            <translation>未设固定汇率：每次收货按收货日的汇率折算。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Fixed rate set: 1 %1 = %2.</source>
            <translation>已设固定汇率：1 %1 = %2。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/purchasing/actions.py" line="+13" />
            <source>Issued %1</source>
            <translation>已下达 %1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Revise purchase order</source>
            <translation>修订采购订单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 has been issued. Each change makes revision %2 (then the next) and freezes a new copy for the supplier; send them the new PDF. Revise it?</source>
            <translation>%1 已下达。每次修改都会生成第 %2 版（之后依次递增），并为供应商冻结一份新副本；请把新的 PDF 发给供应商。要修订吗？</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Revising %1: change quantities or prices in the grid, or add lines.</source>
            <translation>正在修订 %1：可在表格中修改数量或单价，或添加明细。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Cancel purchase order</source>
            <translation>取消采购订单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel %1? Nothing more will be expected from it.</source>
            <translation>取消 %1？此后不再等待该订单到货。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Cancelled %1</source>
            <translation>已取消 %1</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Close short</source>
            <translation>短缺关闭</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close %1 short? What is still open is no longer expected; what was received stays received.</source>
            <translation>短缺关闭 %1？未到的数量将不再等待；已收货的保持不变。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Closed %1 short</source>
            <translation>已短缺关闭 %1</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Received %n line(s) against %1</source>
            <translation>已按 %1 收货 %n 行</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Posted return %1 against %2</source>
            <translation>已按 %2 过账采购退货单 %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Entered invoice %1 for %2</source>
            <translation>已为 %2 录入发票 %1</translation>
        </message>
        <message>
            <location filename="../../ui/screens/purchasing/editor.py" line="+50" />
            <source>Could not render the PDF: %1</source>
            <translation>无法生成 PDF：%1</translation>
        </message>
        <message>
            <location filename="../../ui/screens/purchasing/screen.py" line="+193" />
            <source>Search number, supplier or SKU…</source>
            <translation>搜索单号、供应商或货号…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All states</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;New draft</source>
            <translation>新建草稿(&amp;N)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Issue</source>
            <translation>下达(&amp;I)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Cancel PO…</source>
            <translation>取消订单(&amp;C)…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Receive…</source>
            <translation>收货(&amp;R)…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Purchase order</source>
            <translation>采购订单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Preview</source>
            <translation>预览</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This purchase order prints no company name: set it in Settings › General. (It still prints; an issued order keeps the name it was issued with until its next revision.)</source>
            <translation>此采购订单不会打印公司名称：请在“设置 › 常规”中设置。（仍可打印；已下达的订单保留下达时的名称，直到下次修订。）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Supplier:</source>
            <translation>供应商(&amp;S)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Warehouse:</source>
            <translation>仓库(&amp;W)：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Expected day:</source>
            <translation>预计到货日：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set expected day</source>
            <translation>设定到货日</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Add SKU:</source>
            <translation>添加货号(&amp;A)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scan, or type a SKU or name</source>
            <translation>扫描，或输入货号或名称</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Price (terms)</source>
            <translation>单价（按条款）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove line</source>
            <translation>删除行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set rate</source>
            <translation>设定汇率</translation>
        </message>
        <message>
            <location filename="../../ui/screens/purchasing/follow_ups.py" line="+117" />
            <source>Re&amp;turn to supplier…</source>
            <translation>采购退货(&amp;T)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supplier inv&amp;oice…</source>
            <translation>录入采购发票(&amp;O)…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <location filename="../../ui/i18n.py" line="+35" />
            <source>&amp;Look in:</source>
            <translation>查找范围(&amp;L)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Files of &amp;type:</source>
            <translation>文件类型(&amp;T)：</translation>
        </message>
    </context>
    <context>
        <name>RatesPage</name>
        <message>
            <location filename="../../ui/screens/settings_rates.py" line="+50" />
            <source>From: %1 is outside the accepted dates; enter a date from %2 to %3.</source>
            <translation>起始日期：%1 超出可接受的日期范围，请输入 %2 至 %3 之间的日期。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Enter a three-letter ISO 4217 code other than the company currency, such as USD or EUR.</source>
            <translation>请输入公司本位币以外的三位 ISO 4217 货币代码，例如 USD 或 EUR。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Enter a number above 0 with at most 8 decimals: how many units of the company currency one unit of the foreign currency is worth, such as 7.1234.</source>
            <translation>请输入大于 0、最多 8 位小数的数字：1 单位外币折合多少公司本位币，例如 7.1234。</translation>
        </message>
        <message>
            <location line="+99" />
            <source>Saved: 1 %1 = %2 %3 from %4.</source>
            <translation>已保存：自 %4 起 1 %1 = %2 %3。</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Removed the rate of %1 from %2.</source>
            <translation>已删除 %1 自 %2 起的汇率。</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Refused: %1</source>
            <translation>被拒绝：%1</translation>
        </message>
        <message>
            <location line="+15" />
            <source>How many %1 (the company currency) one unit of a foreign currency is worth, from a date on. A receipt against a purchase order in a foreign currency is valued at the PO price × the latest rate on or before the receipt's date, unless a fixed rate is entered on the PO.</source>
            <translation>1 单位外币自某日起折合多少 %1（公司本位币）。外币采购订单收货时，按采购价 × 收货日当天或之前最近的汇率计价；若采购订单上录入了固定汇率，则按固定汇率计价。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Currency</source>
            <translation>货币</translation>
        </message>
        <message>
            <location line="+0" />
            <source>From</source>
            <translation>起始日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 per 1 unit</source>
            <translation>每 1 单位折合 %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Currency:</source>
            <translation>货币：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From:</source>
            <translation>起始日期：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rate:</source>
            <translation>汇率：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. 7.1234</source>
            <translation>例如 7.1234</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save rate</source>
            <translation>保存汇率</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <location filename="../../ui/dialogs/reason.py" line="+25" />
            <source>Reason (the supplier may see it)</source>
            <translation>原因（供应商可能会看到）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason (optional)</source>
            <translation>原因（可选）</translation>
        </message>
    </context>
    <context>
        <name>ReceiptNote</name>
        <message>
            <location filename="../../ui/screens/documents/receipt_note.py" line="+61" />
            <source>Goods receipt %1 posted.</source>
            <translation>入库单 %1 已过账。</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Print receipt note… (Ctrl+P)</source>
            <translation>打印入库单…（Ctrl+P）</translation>
        </message>
    </context>
    <context>
        <name>Receivables</name>
        <message>
            <location filename="../../ui/screens/accounts/words.py" line="-17" />
            <source>Credit</source>
            <translation>预收款</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Allocate credit</source>
            <translation>核销预收款</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Allocate credit…</source>
            <translation>核销预收款(&amp;A)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Allocated %1 · left as credit %2</source>
            <translation>核销 %1 · 留作预收款 %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Keep all as credit</source>
            <translation>全部留作预收款(&amp;K)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open documents: %1, open %2 · credit already held %3</source>
            <translation>未结单据：%1 张，未结合计 %2 · 已有预收款 %3</translation>
        </message>
        <message>
            <location line="+2" />
            <source>There is no credit to allocate.</source>
            <translation>没有可核销的预收款。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open items total: owed %1 · credit %2 · balance %3</source>
            <translation>未结合计：应收 %1 · 预收款 %2 · 余额 %3</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Balance %1 · credit %2</source>
            <translation>余额 %1 · 预收款 %2</translation>
        </message>
    </context>
    <context>
        <name>ReceivePoDialog</name>
        <message>
            <location filename="../../ui/dialogs/receive_po.py" line="+70" />
            <source>Receive %1</source>
            <translation>按 %1 收货</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Scan a barcode or type a SKU, then Enter</source>
            <translation>扫描条码或输入货号，然后按回车</translation>
        </message>
        <message>
            <location line="+40" />
            <source>S&amp;can:</source>
            <translation>扫描(&amp;C)：</translation>
        </message>
        <message>
            <location line="-49" />
            <source>Line %1: %2</source>
            <translation>第 %1 行：%2</translation>
        </message>
        <message>
            <location line="+45" />
            <source>What is still expected is filled in. Change a quantity, or scan: the first scan of a line counts from 1, each further scan adds 1. Once you scan, lines you neither scan nor change are asked about before receiving. What is not received stays open.</source>
            <translation>已填入尚未到货的数量。可修改数量，或扫描：某行第一次扫描从 1 开始计数，之后每扫描一次加 1。一旦开始扫描，收货前会询问既未扫描也未修改的行。未收的数量仍保持待收。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Receive</source>
            <translation>收货(&amp;R)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+43" />
            <source>%1 is not open on this purchase order.</source>
            <translation>%1 不在本采购订单的待收明细中。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Enter a quantity on at least one line.</source>
            <translation>请至少在一行中输入数量。</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Not received: %1</source>
            <translation>未收货：%1</translation>
        </message>
    </context>
    <context>
        <name>ReceiveScreen</name>
        <message>
            <location filename="../../ui/screens/documents/receive.py" line="+16" />
            <location line="+75" />
            <source>Return to &amp;supplier…</source>
            <translation>采购退货(&amp;S)…</translation>
        </message>
        <message>
            <location line="-70" />
            <location line="+72" />
            <source>Enter supplier &amp;invoice…</source>
            <translation>录入采购发票(&amp;I)…</translation>
        </message>
        <message>
            <location line="-62" />
            <location line="+64" />
            <source>Print receipt &amp;note…</source>
            <translation>打印入库单(&amp;N)…</translation>
        </message>
        <message>
            <location line="-59" />
            <location line="+61" />
            <source>La&amp;bels…</source>
            <translation>条码标签(&amp;B)…</translation>
        </message>
        <message>
            <location line="-53" />
            <location line="+34" />
            <location line="+29" />
            <location line="+25" />
            <source>Select a posted receipt first.</source>
            <translation>请先选择一张已过账的入库单。</translation>
        </message>
        <message>
            <location line="-20" />
            <source>Receipt %1 was reversed; there is nothing on it to invoice.</source>
            <translation>入库单 %1 已冲销；没有可开票的内容。</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Receipt %1 was reversed; nothing on it can go back.</source>
            <translation>入库单 %1 已冲销；其中的货品不能退回。</translation>
        </message>
    </context>
    <context>
        <name>RefusalFields</name>
        <message>
            <location filename="../../ui/refusals.py" line="+571" />
            <source>ABC basis</source>
            <translation>ABC 分类依据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ageing basis</source>
            <translation>账龄依据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>bands</source>
            <translation>账龄分段</translation>
        </message>
        <message>
            <location line="+1" />
            <source>--bands</source>
            <translation>库龄段（--bands）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>expected</source>
            <translation>预计到货日</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>allocate</source>
            <translation>核销</translation>
        </message>
        <message>
            <location line="+1" />
            <source>amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>backup file</source>
            <translation>备份文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>backups to keep</source>
            <translation>保留备份数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>barcode</source>
            <translation>条码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unit name</source>
            <translation>单位名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unit barcode</source>
            <translation>单位条码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>units per pack</source>
            <translation>每包装数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>break price</source>
            <translation>阶梯价格</translation>
        </message>
        <message>
            <location line="+1" />
            <source>break quantity</source>
            <translation>阶梯数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>code</source>
            <translation>编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>company address</source>
            <translation>公司地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>company logo</source>
            <translation>公司标志</translation>
        </message>
        <message>
            <location line="+1" />
            <source>company name</source>
            <translation>公司名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>counted quantity</source>
            <translation>盘点数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>cover target</source>
            <translation>目标可供天数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>credit limit</source>
            <translation>信用额度</translation>
        </message>
        <message>
            <location line="+1" />
            <source>currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <location line="+1" />
            <source>current password</source>
            <translation>当前密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>customer code</source>
            <translation>客户编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>database</source>
            <translation>数据库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>dead-stock days</source>
            <translation>呆滞天数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>discount</source>
            <translation>折扣 %</translation>
        </message>
        <message>
            <location line="+1" />
            <source>display name</source>
            <translation>显示名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>due</source>
            <translation>到期日</translation>
        </message>
        <message>
            <location line="+1" />
            <source>email</source>
            <translation>邮箱</translation>
        </message>
        <message>
            <location line="+1" />
            <source>excess cover target</source>
            <translation>超储可供天数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>from</source>
            <translation>起始日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>lead time</source>
            <translation>交货期（天）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>level</source>
            <translation>价格级别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>lines</source>
            <translation>明细行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>max level</source>
            <translation>最高库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>min level</source>
            <translation>最低库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>minimum order quantity</source>
            <translation>起订量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>month</source>
            <translation>月份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+1" />
            <source>notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+1" />
            <source>order multiple</source>
            <translation>订购倍数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>over-receipt tolerance</source>
            <translation>超收容差</translation>
        </message>
        <message>
            <location line="+1" />
            <source>overall service target</source>
            <translation>总体服务水平目标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>order cost per purchase-order line</source>
            <translation>每条采购订单明细的下单成本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>holding rate a year</source>
            <translation>年持有成本率</translation>
        </message>
        <message>
            <location line="+1" />
            <source>pack size</source>
            <translation>包装数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>partner</source>
            <translation>往来单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>payment basis</source>
            <translation>到期日计算方式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>payment method</source>
            <translation>收款方式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>payment days</source>
            <translation>付款天数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>payment terms</source>
            <translation>付款条件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location line="+1" />
            <source>price</source>
            <translation>价格</translation>
        </message>
        <message>
            <location line="+1" />
            <source>price per</source>
            <translation>计价单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>prices</source>
            <translation>价格</translation>
        </message>
        <message>
            <location line="+1" />
            <source>purchase order</source>
            <translation>采购订单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>rate</source>
            <translation>汇率</translation>
        </message>
        <message>
            <location line="+1" />
            <source>reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location line="+1" />
            <source>receipt</source>
            <translation>入库单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>reference</source>
            <translation>参考号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>return</source>
            <translation>退货</translation>
        </message>
        <message>
            <location line="+1" />
            <source>review days</source>
            <translation>检查周期（天）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>service target</source>
            <translation>服务水平目标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>service target rule</source>
            <translation>服务水平目标规则</translation>
        </message>
        <message>
            <location line="+1" />
            <source>side</source>
            <translation>往来类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>substitute</source>
            <translation>替代品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>supplier</source>
            <translation>供应商</translation>
        </message>
        <message>
            <location line="+1" />
            <source>supplier SKU</source>
            <translation>供应商货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>supplier code</source>
            <translation>供应商编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>supplier item name</source>
            <translation>供应商商品名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>tax rate</source>
            <translation>税率</translation>
        </message>
        <message>
            <location line="+1" />
            <source>to</source>
            <translation>截止日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unit cost</source>
            <translation>单位成本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>user name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>warehouse</source>
            <translation>仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>warehouse code</source>
            <translation>仓库编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>whole units</source>
            <translation>整数计量</translation>
        </message>
        <message>
            <location line="+16" />
            <source>%1 of line %2</source>
            <translation>第 %2 行的%1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 of %2</source>
            <translation>%2 的%1</translation>
        </message>
    </context>
    <context>
        <name>Refusals</name>
        <message>
            <location line="-706" />
            <source>draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <location line="+1" />
            <source>issued</source>
            <translation>已下达</translation>
        </message>
        <message>
            <location line="+1" />
            <source>partly_received</source>
            <translation>部分到货</translation>
        </message>
        <message>
            <location line="+1" />
            <source>received</source>
            <translation>已到货</translation>
        </message>
        <message>
            <location line="+1" />
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location line="+1" />
            <source>closed</source>
            <translation>已关闭</translation>
        </message>
        <message>
            <location line="+4" />
            <source>confirmed</source>
            <translation>已确认</translation>
        </message>
        <message>
            <location line="+1" />
            <source>partly_shipped</source>
            <translation>部分发货</translation>
        </message>
        <message>
            <location line="+1" />
            <source>shipped</source>
            <translation>已发货</translation>
        </message>
        <message>
            <location line="+5" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>warehouse</source>
            <translation>仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>from warehouse</source>
            <translation>调出仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>to warehouse</source>
            <translation>调入仓库</translation>
        </message>
        <message>
            <location line="+8" />
            <source>barcode %1 is already used by product %2 (its unit %3)</source>
            <translation>条码 %1 已被商品 %2 使用（其包装单位 %3）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>product %1 already has a unit %2; remove it first or choose another name</source>
            <translation>商品 %1 已有单位 %2；请先删除它或换一个名称</translation>
        </message>
        <message>
            <location line="+2" />
            <source>product %1 has no unit %2</source>
            <translation>商品 %1 没有单位 %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SKU %1 is already used by another product</source>
            <translation>货号 %1 已被其他商品使用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SKU %1 is already used by another product (as %2; SKUs are compared without regard to case)</source>
            <translation>货号 %1 已被其他商品使用（为 %2；货号比较时不区分大小写）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>SKU %1 is already the barcode of product %2; scanning it would find that product</source>
            <translation>货号 %1 已是商品 %2 的条码；扫描它会找到该商品</translation>
        </message>
        <message>
            <location line="+3" />
            <source>SKU %1: no product has this SKU</source>
            <translation>货号 %1：没有商品使用此货号</translation>
        </message>
        <message>
            <location line="+4" />
            <source>warehouse code %1 is already used</source>
            <translation>仓库编码 %1 已被使用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>supplier code %1 is already used</source>
            <translation>供应商编码 %1 已被使用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>customer code %1 is already used</source>
            <translation>客户编码 %1 已被使用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>supplier code %1: no supplier has this code</source>
            <translation>供应商编码 %1：没有供应商使用此编码</translation>
        </message>
        <message>
            <location line="+2" />
            <source>customer code %1: no customer has this code</source>
            <translation>客户编码 %1：没有客户使用此编码</translation>
        </message>
        <message>
            <location line="+2" />
            <source>customer %1: no customer has this code; leave it empty for a walk-in</source>
            <translation>客户 %1：没有客户使用此编码；散客请留空</translation>
        </message>
        <message>
            <location line="+3" />
            <source>all %1 extra price levels are in use; retire one before adding another</source>
            <translation>%1 个自定义价格等级都已在用；请先停用一个，再添加新的</translation>
        </message>
        <message>
            <location line="+2" />
            <source>price level %1 is not in use; add a level instead</source>
            <translation>价格等级 %1 未启用；请改为添加等级</translation>
        </message>
        <message>
            <location line="+2" />
            <source>retail and wholesale are built in: they cannot be renamed or retired (the extra levels can)</source>
            <translation>零售和批发为内置等级，不能改名或停用（自定义等级可以）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is already the name of another price level; choose another name</source>
            <translation>%1 已是另一个价格等级的名称；请换一个名称</translation>
        </message>
        <message>
            <location line="+2" />
            <source>price level %1 is in use: %2 product(s) have a list price at it and %3 customer(s) buy at it; move them to another level first, then retire it</source>
            <translation>价格等级 %1 仍在使用：%2 个商品设有该等级的价格，%3 个客户按该等级购货；请先把它们改到其他等级，再停用</translation>
        </message>
        <message>
            <location line="+4" />
            <source>purchase order %1: no PO has this number or draft id</source>
            <translation>采购订单 %1：没有采购订单使用此单号或草稿编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SKU %1 is not on purchase order %2</source>
            <translation>货号 %1 不在采购订单 %2 上</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is already on line %2 of %3; change that line</source>
            <translation>%1 已在 %3 的第 %2 行；请修改该行</translation>
        </message>
        <message>
            <location line="+2" />
            <source>quantity: %1 has %2 received already; enter %2 or more</source>
            <translation>数量：%1 已到货 %2；请输入 %2 或以上</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 on %2 has %3 received; it cannot be removed (lower its quantity to what was received instead)</source>
            <translation>%2 上的 %1 已到货 %3，不能删除（请改为把数量降到已到货数量）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is the last line of %2; cancel the PO instead</source>
            <translation>%1 是 %2 的最后一行；请改为取消该采购订单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>purchase order %1 is %2; only a draft can be issued</source>
            <translation>采购订单 %1 为%2状态；只有草稿可以下达</translation>
        </message>
        <message>
            <location line="+2" />
            <source>purchase order %1 has no lines; add at least one before issuing</source>
            <translation>采购订单 %1 没有明细行；下达前请至少添加一行</translation>
        </message>
        <message>
            <location line="+2" />
            <source>purchase order %1 is in %2, the company currency; it needs no exchange rate</source>
            <translation>采购订单 %1 以公司本位币 %2 计价，不需要汇率</translation>
        </message>
        <message>
            <location line="+2" />
            <source>purchase order %1 is partly received; close it short instead of cancelling</source>
            <translation>采购订单 %1 已部分到货；请改为短缺结案，而不是取消</translation>
        </message>
        <message>
            <location line="+2" />
            <source>purchase order %1 is %2; it can no longer be changed</source>
            <translation>采购订单 %1 为%2状态，不能再修改</translation>
        </message>
        <message>
            <location line="+2" />
            <source>purchase order %1 is %2; cannot receive against it (issue it first)</source>
            <translation>采购订单 %1 为%2状态，不能据此收货（请先下达）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>purchase order %1 is %2; cannot receive against it (nothing is expected any more)</source>
            <translation>采购订单 %1 为%2状态，不能据此收货（已无待到货数量）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>purchase order %1 is %2; cannot close it short (issue it first)</source>
            <translation>采购订单 %1 为%2状态，不能短缺结案（请先下达）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>purchase order %1 is %2; cannot close it short (nothing is expected any more)</source>
            <translation>采购订单 %1 为%2状态，不能短缺结案（已无待到货数量）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 on %2: %3 ordered, %4 received so far; receiving %5 more would exceed the over-receipt tolerance of %6% (at most %7 more accepted)</source>
            <translation>%2 上的 %1：订购 %3，已到货 %4；再收 %5 将超出 %6% 的超收容差（最多还可收 %7）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>date: %1 has no rate dated %2; see `stockroom rate list %1`</source>
            <translation>日期：%1 没有日期为 %2 的汇率；请查看 `stockroom rate list %1`</translation>
        </message>
        <message>
            <location line="+13" />
            <source>invoice %1 differs from what was ordered and received: %2; it comes to %3 %6 with tax against %4 expected (%5); nothing was posted: check it with the supplier, or post it accepting the differences</source>
            <translation>发票 %1 与订货和收货不符：%2；含税合计 %3 %6，应为 %4（差额 %5）；未过账：请与供应商核对，或确认接受差异后再过账</translation>
        </message>
        <message>
            <location line="+4" />
            <source>currency: supplier %1 cannot change from %2 to %3 while it has open purchase orders (%4) or unsettled payables (%5) in %2; receive, close or cancel the orders and settle the payables first</source>
            <translation>币种：供应商 %1 还有未完成的采购订单（%4）或未结清的应付款（%5），均以 %2 计价，不能从 %2 改为 %3；请先收货、关闭或取消这些采购订单，并结清应付款</translation>
        </message>
        <message>
            <location line="+4" />
            <source>prices: supplier %1 has %4 term price(s) in %2; changing its currency to %3 needs a choice: convert them at a rate (1 %3 = rate %2) or keep the numbers; nothing was changed</source>
            <translation>价格：供应商 %1 有 %4 个以 %2 计的供货价格；改为 %3 前须选择：按汇率换算（1 %3 = 汇率 %2），或保留原数字；未做任何更改</translation>
        </message>
        <message>
            <location line="+5" />
            <source>sales order %1: no sales order has this number</source>
            <translation>销售订单 %1：没有销售订单使用此单号</translation>
        </message>
        <message>
            <location line="+3" />
            <source>sales order %1 is %2; lines can be added to a draft only</source>
            <translation>销售订单 %1 为%2；只能向草稿添加明细</translation>
        </message>
        <message>
            <location line="+3" />
            <source>sales order %1 is %2; only a draft can be confirmed</source>
            <translation>销售订单 %1 为%2；只有草稿可以确认</translation>
        </message>
        <message>
            <location line="+3" />
            <source>sales order %1 has no lines; add at least one before confirming</source>
            <translation>销售订单 %1 没有明细；请至少添加一行再确认</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is already on line %2 of %3</source>
            <translation>%1 已在 %3 的第 %2 行</translation>
        </message>
        <message>
            <location line="+3" />
            <source>SKU %1 is not on sales order %2</source>
            <translation>货号 %1 不在销售订单 %2 上</translation>
        </message>
        <message>
            <location line="+3" />
            <source>sales order %1 asks for more than is available: %2; confirm with override to promise it anyway</source>
            <translation>销售订单 %1 的需求超过可承诺量：%2；如仍要承诺，请以超额确认方式确认</translation>
        </message>
        <message>
            <location line="+3" />
            <source>sales order %1 is %2; it is not open (confirm it first; a shipped or cancelled order is closed)</source>
            <translation>销售订单 %1 为%2；未处于执行中（请先确认；已发货或已取消的订单已关闭）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>sales order %1 is %2; it can no longer be cancelled</source>
            <translation>销售订单 %1 为%2；已不能取消</translation>
        </message>
        <message>
            <location line="+3" />
            <source>sales order %1 would take customer %2 to %3, over its credit limit of %4 by %5 (balance %6, open orders %7, this order %8); a manager can confirm it with override</source>
            <translation>确认销售订单 %1 后，客户 %2 的信用占用将达到 %3，超出其信用额度 %4 共 %5（应收余额 %6，未发货订单 %7，本订单 %8）；经理可强制确认</translation>
        </message>
        <message>
            <location line="+4" />
            <source>sales order %1 would take customer %2 to %3, over its credit limit of %4 by %5 (balance %6, open orders %7, this order %8); only a manager may confirm it past the limit</source>
            <translation>确认销售订单 %1 后，客户 %2 的信用占用将达到 %3，超出其信用额度 %4 共 %5（应收余额 %6，未发货订单 %7，本订单 %8）；只有经理可以超额度确认</translation>
        </message>
        <message>
            <location line="+4" />
            <source>a sale on account would take customer %1 to %2, over its credit limit of %3 by %4 (balance %5, open orders %6, this sale %7); a manager can post it with override, or it is paid at once</source>
            <translation>这笔赊销将使客户 %1 的信用占用达到 %2，超出其信用额度 %3 共 %4（应收余额 %5，未发货订单 %6，本单 %7）；经理可强制过账，或改为现款结清</translation>
        </message>
        <message>
            <location line="+4" />
            <source>a sale on account would take customer %1 to %2, over its credit limit of %3 by %4 (balance %5, open orders %6, this sale %7); only a manager may post it past the limit, or it is paid at once</source>
            <translation>这笔赊销将使客户 %1 的信用占用达到 %2，超出其信用额度 %3 共 %4（应收余额 %5，未发货订单 %6，本单 %7）；只有经理可以超额度过账，或改为现款结清</translation>
        </message>
        <message>
            <location line="+4" />
            <source>customer %1 has %2 more than 90 days overdue (the oldest due %3)</source>
            <translation>客户 %1 有 %2 逾期超过 90 天（最早到期日 %3）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 on %2 has nothing open</source>
            <translation>%2 上的 %1 没有未发数量</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 on %2: %3 open; cannot cut %4</source>
            <translation>%2 上的 %1：未发 %3；不能取消 %4</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 on %2: %3 open; shipping %4 would be more than was ordered</source>
            <translation>%2 上的 %1：未发 %3；发货 %4 将超过订购数量</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 on %2: %3 can leave %4 for this order now (on hand not reserved for other orders), %5 asked</source>
            <translation>%2 上的 %1：现在可从 %4 为此订单发出 %3（未被其他订单预留的现存量），要求 %5</translation>
        </message>
        <message>
            <location line="+3" />
            <source>sales order %1: nothing can be shipped now; no stock is available for its open lines</source>
            <translation>销售订单 %1：现在无法发货；未发明细没有可用库存</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1: no price is known for this customer; enter the price</source>
            <translation>%1：此客户没有已知价格；请输入价格</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 (%2) in %3: %4 available (on hand less reserved), %5 asked; nothing was sold and the %6 short was recorded as unfilled demand</source>
            <translation>%3 中的 %1（%2）：可用 %4（现存量减预留），要求 %5；未售出，缺少的 %6 已记为未满足需求</translation>
        </message>
        <message>
            <location line="+4" />
            <source>document %1: no sale has this number</source>
            <translation>单据 %1：没有销售单使用此单号</translation>
        </message>
        <message>
            <location line="+3" />
            <source>document %1: no customer or supplier return has this number</source>
            <translation>单据 %1：没有销售退货单或采购退货单使用此单号</translation>
        </message>
        <message>
            <location line="+3" />
            <source>document %1 is a %2, not a sale; a customer return goes against a sale</source>
            <translation>单据 %1 是%2，不是销售单；销售退货须针对销售单</translation>
        </message>
        <message>
            <location line="+3" />
            <source>sale %1 has been reversed; nothing on it can be returned</source>
            <translation>销售单 %1 已冲销；其上的商品不能退货</translation>
        </message>
        <message>
            <location line="+3" />
            <source>SKU %1 is not on sale %2</source>
            <translation>货号 %1 不在销售单 %2 上</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 on %2: %3 shipped, %4 returned already; at most %5 more can be returned</source>
            <translation>%2 上的 %1：已发货 %3，已退货 %4；最多还可退 %5</translation>
        </message>
        <message>
            <location line="+3" />
            <source>sale %1 has goods returned against it; reverse those returns first</source>
            <translation>销售单 %1 已有退货；请先冲销这些退货</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 in %2: taking the returned goods out again would leave %3 on hand for %4 reserved for confirmed orders</source>
            <translation>%2 中的 %1：再次移出退回的商品后现存量为 %3，而已确认订单预留 %4</translation>
        </message>
        <message>
            <location line="+5" />
            <source>receipt %1: no goods receipt has this number</source>
            <translation>入库单 %1：没有此编号的入库单</translation>
        </message>
        <message>
            <location line="+3" />
            <source>receipt %1 has been reversed; nothing it brought in can be returned against it</source>
            <translation>入库单 %1 已冲销；不能再按它退货</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 came from supplier %2, not %3; return it to %2</source>
            <translation>%1 来自供应商 %2，而不是 %3；请退给 %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 came into warehouse %2, not %3; return it from %2</source>
            <translation>%1 入的是仓库 %2，而不是 %3；请从 %2 退货</translation>
        </message>
        <message>
            <location line="+3" />
            <source>SKU %1 is not on receipt %2</source>
            <translation>货号 %1 不在入库单 %2 上</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1: receipt %2 brought in %3 and %4 went back against it already; returning %5 is more than the %6 left</source>
            <translation>%1：入库单 %2 入库 %3，已按它退回 %4；退 %5 超过剩余的 %6</translation>
        </message>
        <message>
            <location line="+4" />
            <source>purchase order %1 is %2; nothing was received against it</source>
            <translation>采购订单 %1 为%2；没有按它收过货</translation>
        </message>
        <message>
            <location line="+3" />
            <source>purchase order %1 is another supplier's; return against it to its supplier</source>
            <translation>采购订单 %1 属于另一家供应商；请退给该订单的供应商</translation>
        </message>
        <message>
            <location line="+3" />
            <source>purchase order %1 was received into another warehouse than %2; return it from that warehouse</source>
            <translation>采购订单 %1 收货入的不是仓库 %2；请从该订单的仓库退货</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 on %2: %3 received; returning %4 is more than that</source>
            <translation>%2 上的 %1：已收货 %3；退 %4 超过了已收数量</translation>
        </message>
        <message>
            <location line="+4" />
            <source>receipt %1 has goods returned to the supplier against it; reverse those returns first</source>
            <translation>入库单 %1 已有采购退货；请先冲销这些采购退货单</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the goods received on %1 are not all in this ledger yet; synchronise and try again</source>
            <translation>入库单 %1 所收的货物尚未全部同步到本机；请先同步再试</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 on %2: %3 received, less than the %4 of %5; reverse the return to the supplier first</source>
            <translation>%2 上的 %1：已收货仅 %3，少于 %5 的 %4；请先冲销采购退货单</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 line %2 names movement %3, which is not that line's receipt against %4; it is left as it is</source>
            <translation>%1 第 %2 行所指的库存流水 %3 不是该行按 %4 收货的入库记录；单据保持原样，未作冲销</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 %2: no product has this SKU or barcode</source>
            <translation>%1 %2：没有商品使用此货号或条码</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 %2: no warehouse has this code</source>
            <translation>%1 %2：没有仓库使用此编码</translation>
        </message>
        <message>
            <location line="+2" />
            <source>to warehouse: %1 is also the from warehouse; choose another</source>
            <translation>调入仓库：%1 同时是调出仓库；请另选一个</translation>
        </message>
        <message>
            <location line="+2" />
            <source>movement id %1: no such movement</source>
            <translation>流水编号 %1：没有这条库存流水</translation>
        </message>
        <message>
            <location line="+1" />
            <source>movement %1 is itself a reversal; post a new movement instead</source>
            <translation>流水 %1 本身就是冲销；请改为过账一条新流水</translation>
        </message>
        <message>
            <location line="+2" />
            <source>movement %1 has already been reversed</source>
            <translation>流水 %1 已被冲销</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 (%2) in %3: %4 on hand, %5 asked; the warehouse does not allow negative stock</source>
            <translation>%3 中的 %1（%2）：现有 %4，需要 %5；该仓库不允许负库存</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 (%2) in %3: %4 on hand, %5 of it reserved for confirmed sales orders, %6 asked; ship it against its order, or cut or cancel the order first</source>
            <translation>%3 中的 %1（%2）：现有 %4，其中 %5 已为已确认的销售订单预留，要求 %6；请按销售订单发货，或先取消该订单的未交数量或整张订单</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 (%2) in %3: this back-dated posting would leave %4 on hand on %5; the warehouse does not allow negative stock</source>
            <translation>%3 中的 %1（%2）：这笔倒填日期的过账会使 %5 时的库存为 %4；该仓库不允许负库存</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 (%2) in %3: a value of %4 is too large; values up to 99,999,999,999,999.99 are kept</source>
            <translation>%3 中的 %1（%2）：金额 %4 过大；最多可记录 99,999,999,999,999.99</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 (%2) in %3: %4 on hand is too large; a warehouse keeps at most 9,999,999,999,999.9999 of a product</source>
            <translation>%3 中的 %1（%2）：库存 %4 过大；每个仓库每种商品最多 9,999,999,999,999.9999</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the date %1 is in %2, which is closed (every month up to %3 is closed); date it after %3, or ask an admin to reopen %2</source>
            <translation>日期 %1 属于 %2，该月已结账（%3 及以前的月份都已结账）；请改为 %3 之后的日期，或请管理员反结账 %2</translation>
        </message>
        <message>
            <location line="+4" />
            <source>partner code %1: no customer or supplier has this code</source>
            <translation>往来单位编码 %1：没有客户或供应商使用此编码</translation>
        </message>
        <message>
            <location line="+2" />
            <source>partner id %1: no customer or supplier has this id</source>
            <translation>往来单位 ID %1：没有客户或供应商使用此 ID</translation>
        </message>
        <message>
            <location line="+2" />
            <source>code %1 is both a customer's and a supplier's; say whose statement you want: the customer's (--customer) or the supplier's (--supplier)</source>
            <translation>编码 %1 既是客户编码也是供应商编码；请指明要哪一方的对账单：客户（--customer）还是供应商（--supplier）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>movement %1 is dated %2, in %3, which is closed: it cannot be reversed; correct it with a new posting dated after %4, or ask an admin to reopen %3</source>
            <translation>库存流水 %1 的日期为 %2，属于已结账的 %3：不能冲销；请在 %4 之后录入新的单据进行更正，或请管理员反结账 %3</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 has not ended yet; it can be closed from %2 on</source>
            <translation>%1 尚未结束；从 %2 起才能结账</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is already closed (every month up to %2 is closed)</source>
            <translation>%1 已结账（%2 及以前的月份都已结账）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is not closed; there is nothing to reopen</source>
            <translation>%1 未结账；无需反结账</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 cannot be reopened while a later month is closed; reopen %2 first</source>
            <translation>之后的月份已结账，%1 不能反结账；请先反结账 %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 has been reversed already (or is a reversal); nothing was changed</source>
            <translation>%1 已冲销（或本身是冲销）；未作任何更改</translation>
        </message>
        <message>
            <location line="+2" />
            <source>allocate to %1: %2 has nothing open under this number; name a document of %2 that is still open</source>
            <translation>核销到 %1：%2 在此单号下没有未结金额；请指定 %2 仍未结清的单据</translation>
        </message>
        <message>
            <location line="+3" />
            <source>allocate to %1: it is named twice; name each document once</source>
            <translation>核销到 %1：该单据指定了两次；每张单据只能指定一次</translation>
        </message>
        <message>
            <location line="+2" />
            <source>allocate to %1: %2 is more than is open on it (%3); allocate at most %3</source>
            <translation>核销到 %1：%2 超过其未结金额（%3）；最多核销 %3</translation>
        </message>
        <message>
            <location line="+3" />
            <source>allocate to %1: %2 is more than is left to allocate (%3)</source>
            <translation>核销到 %1：%2 超过可核销的余额（%3）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>refund of %1 to %2: more than its credit of %3; refund at most %3</source>
            <translation>向 %2 退款 %1：超过其预收款余额 %3；最多退款 %3</translation>
        </message>
        <message>
            <location line="+3" />
            <source>refund of %1 from %2: more than was paid to it in advance (%3); take back at most %3</source>
            <translation>%2 退款 %1：超过预付款余额 %3；最多退回 %3</translation>
        </message>
        <message>
            <location line="+3" />
            <source>method %1: not a payment method; use one of %2, or add it with: payment-method add CODE NAME</source>
            <translation>方式 %1：不是收付款方式；请使用 %2 之一，或用命令添加：payment-method add CODE NAME</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1: no receipt, payment, refund or document of receivables or payables has this number</source>
            <translation>%1：没有收款单、付款单、退款单或往来单据使用此单号</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 has nothing left to allocate</source>
            <translation>%1 已没有可核销的余额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not allocated to %2; there is nothing to undo</source>
            <translation>%1 未核销到 %2；没有可撤销的核销</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1: no receipt, payment, refund or write-off has this number</source>
            <translation>%1：没有收款单、付款单、退款单或核销单使用此单号</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is a write-off: its allocation is not undone on its own (it would stay as credit the partner never paid); reverse the write-off instead</source>
            <translation>%1 是尾差核销单：不能单独撤销其核销（否则会留下一笔对方从未付过的余额）；请冲销该核销单</translation>
        </message>
        <message>
            <location line="+3" />
            <source>method %1 is built in and cannot be changed; choose another code</source>
            <translation>方式 %1 是内置方式，不能更改；请换一个编码</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 booked the exchange difference %2 as it settled; its allocations are not undone on their own (the difference would stay); reverse %1 instead</source>
            <translation>%1 核销时已记汇兑损益 %2，其核销不能单独撤销（汇兑损益会留下）；请改为冲销 %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>currency: %1 is paid in %2, not %3; enter the amount in %2 or in %4</source>
            <translation>币种：%1 以 %2 结算，不是 %3；请以 %2 或 %4 输入金额</translation>
        </message>
        <message>
            <location line="+3" />
            <source>amount %1 %2: %2 has %3 decimal place(s); enter at most %3</source>
            <translation>金额 %1 %2：%2 只有 %3 位小数；最多输入 %3 位</translation>
        </message>
        <message>
            <location line="+2" />
            <source>rate: no exchange rate for %1 on or before %2; type the rate, or enter the day's with: rate set %1 RATE --date %2</source>
            <translation>汇率：%2 及之前没有 %1 的汇率；请输入汇率，或用 rate set %1 汇率 --date %2 录入当日汇率</translation>
        </message>
        <message>
            <location line="+3" />
            <source>rate %1: the amount is in %2, which needs no rate; give the supplier's currency with the rate, or leave the rate out</source>
            <translation>汇率 %1：金额以 %2 计，无需汇率；请同时给出供应商的币种，或不填汇率</translation>
        </message>
        <message>
            <location line="+4" />
            <source>invoice %1 of %2 was entered before; a supplier's number is entered once (reverse that invoice to enter it again under another number)</source>
            <translation>%2 的发票 %1 已录入过；供应商的发票号只能录入一次（冲销该发票后可用另一个发票号重新录入）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>invoice %1: %2 has no invoice with this number</source>
            <translation>发票 %1：%2 没有这个发票号的发票</translation>
        </message>
        <message>
            <location line="+2" />
            <source>invoice %1 of %2 has been reversed already; nothing was changed</source>
            <translation>%2 的发票 %1 已冲销过；未作任何更改</translation>
        </message>
        <message>
            <location line="+2" />
            <source>purchase order %1 is not %2's; name one of %2's orders</source>
            <translation>采购订单 %1 不属于 %2；请填写 %2 的采购订单</translation>
        </message>
        <message>
            <location line="+2" />
            <source>receipt %1 came from %2, not from %3; name %3's receipts</source>
            <translation>入库单 %1 来自 %2，不是 %3；请填写 %3 的入库单</translation>
        </message>
        <message>
            <location line="+2" />
            <source>receipt %1 has been reversed; there is nothing on it to invoice</source>
            <translation>入库单 %1 已冲销；没有可开票的内容</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is on none of %2; invoice only what the order or the receipts hold</source>
            <translation>%1 不在 %2 中；发票只能包含采购订单或收货单上的货品</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the invoice's sources were taxed at different rates (%1); enter one invoice for each rate</source>
            <translation>发票所对应单据的税率不同（%1）；请每个税率各开一张发票</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the receipt of %1 on %2 is billed by invoice %3 of %4; reverse the invoice first (supplier-invoice reverse %4 %3), then the receipt</source>
            <translation>采购订单 %2 中 %1 的收货已开票（%4 的发票 %3）；请先冲销该发票（supplier-invoice reverse %4 %3），再冲销收货</translation>
        </message>
        <message>
            <location line="+3" />
            <source>receipt %1 is billed by invoice %2 of %3; reverse the invoice first (supplier-invoice reverse %3 %2), then the receipt</source>
            <translation>入库单 %1 已开票（%3 的发票 %2）；请先冲销该发票（supplier-invoice reverse %3 %2），再冲销入库单</translation>
        </message>
        <message>
            <location line="+5" />
            <source>warehouse %1 already exists: the demo fills an empty database only</source>
            <translation>仓库 %1 已存在：演示数据只能填入空数据库</translation>
        </message>
        <message>
            <location line="+2" />
            <source>product %1 already exists: the demo fills an empty database only</source>
            <translation>商品 %1 已存在：演示数据只能填入空数据库</translation>
        </message>
        <message>
            <location line="+3" />
            <source>this computer syncs with another shared database (hub %1); %2 is hub %3. An admin can start over with it: sync --hub URL --start-over</source>
            <translation>本机与另一个共享数据库（中心库 %1）同步；%2 是中心库 %3。管理员可以改为与它重新开始同步：sync --hub URL --start-over</translation>
        </message>
        <message>
            <location line="+3" />
            <source>this computer syncs with %1, not %2. An admin can start over with the new one: sync --hub URL --start-over</source>
            <translation>本机与 %1 同步，而不是 %2。管理员可以改为与新的中心库重新开始同步：sync --hub URL --start-over</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the hub login %1 is not a desk of this hub; its owner adds one with: sync hub-add-desk NAME</source>
            <translation>中心库登录名 %1 不是此中心库的工作站；中心库所有者可以添加：sync hub-add-desk NAME</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the hub login %1 is the desk %2's; this computer is %3. The hub's owner gives this desk a login of its own: sync hub-add-desk NAME</source>
            <translation>中心库登录名 %1 属于工作站 %2；本机是 %3。请中心库所有者为本工作站另建登录名：sync hub-add-desk NAME</translation>
        </message>
        <message>
            <location line="+4" />
            <source>cannot reach the hub: %1</source>
            <translation>无法连接中心库：%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the hub's tables are older than this version of Stockroom and this login may not change them; the hub's owner brings them up to date with: sync hub-setup</source>
            <translation>中心库的表比此版本的 Stockroom 旧，且此登录名无权修改；请中心库所有者用以下命令更新：sync hub-setup</translation>
        </message>
        <message>
            <location line="+3" />
            <source>cannot prepare the hub's tables: %1</source>
            <translation>无法准备中心库的表：%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the hub's schema %1 is newer than this version of Stockroom knows (%2); update Stockroom on this computer</source>
            <translation>中心库的数据库结构 %1 比此版本的 Stockroom 所知的（%2）新；请更新本机的 Stockroom</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the connection to the hub was lost during the sync (%1); nothing is lost, sync again to finish</source>
            <translation>同步过程中与中心库的连接中断（%1）；没有丢失任何数据，请再次同步以完成</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the connection to the hub was lost: %1</source>
            <translation>与中心库的连接中断：%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the hub refused a step of the sync: %1; nothing is lost, sync again once that is put right</source>
            <translation>中心库拒绝了同步中的一步：%1；没有丢失任何数据，问题解决后请再次同步</translation>
        </message>
        <message>
            <location line="+3" />
            <source>sync stopped; what was pushed is kept</source>
            <translation>同步已停止；已上传的内容会保留</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the sync stopped on an unexpected error (a fault of Stockroom, not of your data); what it finished is kept; sync again, and if the error comes back, report it with the words below</source>
            <translation>同步因意外错误而停止（这是 Stockroom 的故障，不是您数据的问题）；已完成的部分会保留；请再次同步，如果错误再次出现，请连同下面的文字一起报告</translation>
        </message>
        <message>
            <location line="+3" />
            <source>sync stopped; what was pulled is kept</source>
            <translation>同步已停止；已下载的内容会保留</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the server does not answer at this address (check the host, the port, the network and that the server runs)</source>
            <translation>该地址上的服务器没有应答（请检查主机、端口、网络以及服务器是否在运行）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the server did not answer in time</source>
            <translation>服务器未能及时应答</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the hub refused this user name or password</source>
            <translation>中心库拒绝了此用户名或密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the hub asks for a password and none was given</source>
            <translation>中心库要求输入密码，但未提供密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the hub's server does not let this login in from this computer (its pg_hba.conf)</source>
            <translation>中心库服务器不允许此登录名从本机登录（见其 pg_hba.conf）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the server has no database of this name</source>
            <translation>服务器上没有此名称的数据库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>this login may not do this on the hub</source>
            <translation>此登录名无权在中心库上执行此操作</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the hub's server has no disk space left</source>
            <translation>中心库服务器的磁盘空间已满</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the hub is read-only (a standby server, or set read-only)</source>
            <translation>中心库为只读（备用服务器，或被设为只读）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the hub has too many connections open; try again in a while</source>
            <translation>中心库打开的连接过多；请稍后再试</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the encrypted connection (TLS) could not be set up as the TLS mode asks</source>
            <translation>无法按 TLS 模式的要求建立加密连接（TLS）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the database server reported an error</source>
            <translation>数据库服务器报告了一个错误</translation>
        </message>
        <message>
            <location line="+2" />
            <source>hub URL: %1 is not a database URL; give one such as %2</source>
            <translation>中心库地址：%1 不是数据库地址；请输入如 %2 这样的地址</translation>
        </message>
        <message>
            <location line="+2" />
            <source>hub URL: %1 is not PostgreSQL; give a URL such as %2</source>
            <translation>中心库地址：%1 不是 PostgreSQL；请输入如 %2 这样的地址</translation>
        </message>
        <message>
            <location line="+2" />
            <source>hub URL: it has more than one '@'; write an '@' in the user name or password as %1, or better give the URL without a password, such as %2</source>
            <translation>中心库地址：其中有不止一个“@”；用户名或密码中的“@”请写作 %1，更好的做法是输入不含密码的地址，如 %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>hub URL: sslpassword (the passphrase of a TLS client key) is not kept in the hub URL; remove it and use a client key without a passphrase</source>
            <translation>中心库地址：sslpassword（TLS 客户端密钥的口令）不能保存在中心库地址中；请删除它，并使用不带口令的客户端密钥</translation>
        </message>
        <message>
            <location line="+3" />
            <source>hub URL: it gives two different passwords; give the URL without a password, such as %1, and the password in PGPASSWORD or where the window asks for it</source>
            <translation>中心库地址：其中给出了两个不同的密码；请输入不含密码的地址，如 %1，并在 PGPASSWORD 中或在窗口询问时提供密码</translation>
        </message>
        <message>
            <location line="+3" />
            <source>hub URL: %1 is neither a URL nor key=value pairs; give one such as %2</source>
            <translation>中心库地址：%1 既不是地址，也不是 key=value 形式；请输入如 %2 这样的地址</translation>
        </message>
        <message>
            <location line="+2" />
            <source>hub URL: the quoted value of %1 is not closed; end it with '</source>
            <translation>中心库地址：%1 的引号值没有闭合；请以 ' 结尾</translation>
        </message>
        <message>
            <location line="+3" />
            <source>conflict %1: no such conflict</source>
            <translation>冲突 %1：没有此冲突</translation>
        </message>
        <message>
            <location line="+1" />
            <source>conflict %1: already reviewed by %2</source>
            <translation>冲突 %1：已由 %2 处理</translation>
        </message>
        <message>
            <location line="+1" />
            <source>this conflict's losing version was a deletion; there are no values to apply</source>
            <translation>此冲突中未采用的版本是一次删除；没有可应用的值</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a renumbered document keeps its new number; there are no values to apply</source>
            <translation>重新编号的单据保留新编号；没有可应用的值</translation>
        </message>
        <message>
            <location line="+2" />
            <source>an open item, an allocation or a period event is never changed; there are no values to apply (correct it with a reversal)</source>
            <translation>往来明细、核销记录和月结事件从不修改；没有可应用的值（请用冲销更正）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the losing version cannot be applied: %1</source>
            <translation>未采用的版本无法应用：%1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>cannot set up the hub's roles with this login (use the hub owner's, who owns its tables and may create roles): %1</source>
            <translation>无法用此登录名设置中心库的角色（请使用中心库所有者的登录名，它拥有中心库的表并可以创建角色）：%1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>cannot make the login %1 with this login (use the hub owner's, who may create roles): %2</source>
            <translation>无法用此登录名创建登录名 %1（请使用中心库所有者的登录名，它可以创建角色）：%2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>device: %1 is not a device id; give the device id 'sync status' shows on that desk, or run this on the desk itself</source>
            <translation>设备：%1 不是设备 ID；请填写该工作站上“sync status”显示的设备 ID，或在该工作站上运行此命令</translation>
        </message>
        <message>
            <location line="+3" />
            <source>login name: %1 is not accepted; use lower-case letters, digits and _ (up to 63, not starting with a digit), e.g. desk_front</source>
            <translation>登录名：不接受 %1；请使用小写字母、数字和 _（最多 63 个字符，不以数字开头），例如 desk_front</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the hub has no desk roles yet: its owner runs sync hub-setup first</source>
            <translation>中心库还没有工作站角色：请中心库所有者先运行 sync hub-setup</translation>
        </message>
        <message>
            <location line="+2" />
            <source>login name: %1 is a role of this server that is not a Stockroom login; choose another name</source>
            <translation>登录名：%1 是此服务器上的一个角色，但不是 Stockroom 的登录名；请另选名称</translation>
        </message>
        <message>
            <location line="+3" />
            <source>device %1 is the desk of login %2 already; give that login a new password with: sync hub-add-desk %2</source>
            <translation>设备 %1 已是登录名 %2 的工作站；可用以下命令为该登录名设置新密码：sync hub-add-desk %2</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 %2: the merge waits for user %3, which is not here</source>
            <translation>%1 %2：此合并等待用户 %3，但本机没有该用户</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 %2: this computer's last active admin is not merged into another user</source>
            <translation>%1 %2：本机最后一个启用的管理员不能合并到其他用户</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 %2: nothing is held for approval under this key</source>
            <translation>%1 %2：此键下没有等待批准的内容</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 %2: only a well-formed user record waits for an admin's approval; this one was refused because %3</source>
            <translation>%1 %2：只有格式正确的用户记录才等待管理员批准；此记录被拒绝，原因：%3</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 %2: %3</source>
            <translation>%1 %2：%3</translation>
        </message>
        <message>
            <location line="+12" />
            <source>user name %1: no user has this name</source>
            <translation>用户名 %1：没有用户使用此名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>role: the first user turns sign-in on and must be an admin, so that someone can manage users; add %1 as admin, or add an admin first</source>
            <translation>角色：第一个用户会启用登录，必须是管理员，才能有人管理用户；请将 %1 添加为管理员，或先添加一名管理员</translation>
        </message>
        <message>
            <location line="+3" />
            <source>user name %1 is already taken (perhaps by a deactivated user); choose another</source>
            <translation>用户名 %1 已被使用（可能是已停用的用户）；请另选一个</translation>
        </message>
        <message>
            <location line="+2" />
            <source>nobody is signed in, so there is no password to change; sign in first</source>
            <translation>尚未登录，没有可修改的密码；请先登录</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is the last active admin and stays admin, so that someone can manage users; make another user admin first</source>
            <translation>%1 是最后一名启用的管理员，须保留管理员角色，才能有人管理用户；请先将另一名用户设为管理员</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is the last active admin and cannot be deactivated, so that someone can manage users; make another user admin first</source>
            <translation>%1 是最后一名启用的管理员，不能停用，才能有人管理用户；请先将另一名用户设为管理员</translation>
        </message>
        <message>
            <location line="+3" />
            <source>user %1 is already deactivated</source>
            <translation>用户 %1 已停用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>user %1 is active already</source>
            <translation>用户 %1 已是启用状态</translation>
        </message>
        <message>
            <location line="+34" />
            <source>users</source>
            <translation>用户</translation>
        </message>
        <message>
            <location line="+168" />
            <source>currency: supplier %1 cannot change from %2 to %3 while it has open purchase orders (%4) in %2; receive, close or cancel the orders first</source>
            <translation>币种：供应商 %1 还有以 %2 计价的未完成采购订单（%4），不能从 %2 改为 %3；请先收货、关闭或取消这些采购订单</translation>
        </message>
        <message>
            <location line="+3" />
            <source>currency: supplier %1 cannot change from %2 to %3 while it has unsettled payables (%4) in %2; settle the payables first</source>
            <translation>币种：供应商 %1 还有以 %2 计价的未结清应付款（%4），不能从 %2 改为 %3；请先结清这些应付款</translation>
        </message>
        <message>
            <location filename="../../ui/models/document_lines.py" line="-109" />
            <location filename="../../ui/refusals.py" line="+38" />
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
    </context>
    <context>
        <name>Replenishment</name>
        <message>
            <location filename="../../ui/screens/replenishment/detail.py" line="+24" />
            <source>critical</source>
            <translation>紧急</translation>
        </message>
        <message>
            <location line="+1" />
            <source>high</source>
            <translation>较急</translation>
        </message>
        <message>
            <location line="+1" />
            <source>normal</source>
            <translation>一般</translation>
        </message>
        <message>
            <location line="+5" />
            <source>smooth</source>
            <translation>平稳型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>erratic</source>
            <translation>波动型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>intermittent</source>
            <translation>间歇型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>lumpy</source>
            <translation>块状型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>too short</source>
            <translation>历史过短</translation>
        </message>
        <message>
            <location line="+4" />
            <source>naive (last week)</source>
            <translation>朴素法（上周）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>seasonal naive (same week last year)</source>
            <translation>季节朴素法（去年同周）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>moving average</source>
            <translation>移动平均</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Holt's damped trend</source>
            <translation>Holt 阻尼趋势法</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Holt's linear trend</source>
            <translation>Holt 线性趋势法</translation>
        </message>
        <message>
            <location line="+1" />
            <source>last year's weekly shape at this year's level</source>
            <translation>去年的每周形态 × 今年的水平</translation>
        </message>
        <message>
            <location line="+1" />
            <source>simple exponential smoothing</source>
            <translation>简单指数平滑</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Croston</source>
            <translation>Croston 法</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Syntetos–Boylan (SBA)</source>
            <translation>Syntetos–Boylan 法（SBA）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Teunter–Syntetos–Babai (TSB)</source>
            <translation>Teunter–Syntetos–Babai 法（TSB）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>exponential smoothing (ETS)</source>
            <translation>指数平滑（ETS）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Holt-Winters</source>
            <translation>Holt-Winters 法</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Theta</source>
            <translation>Theta 法</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SARIMAX</source>
            <translation>SARIMAX</translation>
        </message>
        <message>
            <location line="+1" />
            <source>simple average (short history)</source>
            <translation>简单平均（历史过短）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>its category's weekly profile (new product)</source>
            <translation>所属类别的每周需求曲线（新商品）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>damped trend</source>
            <translation>阻尼趋势</translation>
        </message>
        <message>
            <location line="+3" />
            <source>supplier terms</source>
            <translation>供应商条款</translation>
        </message>
        <message>
            <location line="+1" />
            <source>purchase-order receipts of this product</source>
            <translation>本商品的采购订单收货记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>purchase-order receipts from this supplier</source>
            <translation>该供应商的采购订单收货记录</translation>
        </message>
        <message>
            <location line="+3" />
            <source>minimum order quantity %1</source>
            <translation>最小订购量 %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>order multiple %1</source>
            <translation>订购倍数 %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>packs of %1</source>
            <translation>每包 %1</translation>
        </message>
        <message>
            <location line="+22" />
            <source>%1 (statsmodels)</source>
            <translation>%1（statsmodels）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <location line="+1" />
            <source>combination of %1</source>
            <translation>组合预测：%1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>, on the seasonally adjusted history</source>
            <translation>（基于季节调整后的历史）</translation>
        </message>
        <message>
            <location line="+10" />
            <source>%1 raised to %2 (%3)</source>
            <translation>%1 上调至 %2（%3）</translation>
        </message>
        <message>
            <location line="+5" />
            <location filename="../../ui/screens/replenishment/model.py" line="+63" />
            <source>On hand</source>
            <translation>现有库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On order (issued purchase orders)</source>
            <translation>在途（已下达采购订单）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On order (draft purchase orders)</source>
            <translation>在途（采购订单草稿）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reserved</source>
            <translation>预留</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Inventory position (on hand + on order − reserved)</source>
            <translation>库存状况（现有 + 在途 − 预留）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Forecast per week</source>
            <translation>每周预测</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Forecast model</source>
            <translation>预测模型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Demand class</source>
            <translation>需求类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ABC class</source>
            <translation>ABC 分类</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ABC ranked by</source>
            <translation>ABC 划分依据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>XYZ class (demand variability)</source>
            <translation>XYZ 分类（需求波动）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Weekly demand CV (X below 0.5, Y below 1)</source>
            <translation>每周需求变异系数（X 低于 0.5，Y 低于 1）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Demand per week d (over lead time + review)</source>
            <translation>每周需求 d（交货期 + 检查周期内）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Forecast error per week σd</source>
            <translation>每周预测误差 σd</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead time (days)</source>
            <translation>交货期（天）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead time from</source>
            <translation>交货期来源</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Receipts observed</source>
            <translation>已观测收货次数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead time spread σL (days)</source>
            <translation>交货期波动 σL（天）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Review period (days)</source>
            <translation>检查周期（天）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead time L (weeks)</source>
            <translation>交货期 L（周）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Review period R (weeks)</source>
            <translation>检查周期 R（周）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service target (cycle service level)</source>
            <translation>服务目标（周期服务水平）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service target from</source>
            <translation>服务水平目标来源</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Why this target</source>
            <translation>目标由来</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Review period from</source>
            <translation>检查周期来源</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Safety factor z</source>
            <translation>安全系数 z</translation>
        </message>
        <message>
            <location line="+1" />
            <source>σ over the lead time</source>
            <translation>交货期内需求标准差 σ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Safety stock</source>
            <translation>安全库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Safety stock in weeks of demand d</source>
            <translation>安全库存折合周数（按每周需求 d）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reorder point s</source>
            <translation>再订货点 s</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Order-up-to level S</source>
            <translation>补货目标水平 S</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Least order (economic order quantity)</source>
            <translation>最小订购量（经济订货批量）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Order due</source>
            <translation>需要订购</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Need (S − position)</source>
            <translation>需求量（S − 库存状况）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supplier's quantity fill rate (last year)</source>
            <translation>供应商数量满足率（近一年）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Need grossed up by (at most × 1.5)</source>
            <translation>需求量放大倍数（最多 × 1.5）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Order quantity</source>
            <translation>订购数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Order quantity in weeks of demand d</source>
            <translation>订购数量折合周数（按每周需求 d）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rounding</source>
            <translation>取整</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/screens/replenishment/model.py" line="+10" />
            <location filename="../../ui/screens/replenishment/run.py" line="+71" />
            <source>Supplier</source>
            <translation>供应商</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Days of stock</source>
            <translation>库存可用天数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Projected stockout date</source>
            <translation>预计缺货日期</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/screens/replenishment/model.py" line="-12" />
            <source>Severity</source>
            <translation>紧急程度</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Planned on</source>
            <translation>计划日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Formula</source>
            <translation>公式</translation>
        </message>
        <message>
            <location line="+6" />
            <source>s = d·L + z·σ_LT; S = d(L+R) + z·σ_(L+R); order S − position when position − d·R ≤ s</source>
            <translation>s = d·L + z·σ_LT；S = d(L+R) + z·σ_(L+R)；当 库存状况 − d·R ≤ s 时，订购 S − 库存状况</translation>
        </message>
        <message>
            <location line="+2" />
            <source>SS = Q_α(L+R) − d(L+R); s = d·L + SS; S = s + 2d·R; order S − position when position − d·R ≤ s</source>
            <translation>SS = Q_α(L+R) − d(L+R)；s = d·L + SS；S = s + 2d·R；当 库存状况 − d·R ≤ s 时，订购 S − 库存状况</translation>
        </message>
        <message>
            <location line="+17" />
            <source>%1, the highest a target goes: its unit cost %2 is %3 × the average %4 of the items planned, cheap enough for %1. Cheaper items get higher targets, so money put into stock buys about as much fill at every item.</source>
            <translation>%1，即目标上限：其单位成本 %2 是参与计划商品平均成本 %4 的 %3 倍，便宜到可取 %1。越便宜的商品目标越高，这样每一元库存在各商品上换来的满足率大致相同。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1, the lowest a target goes: its unit cost %2 is %3 × the average %4 of the items planned. Dearer items get lower targets, so money put into stock buys about as much fill at every item.</source>
            <translation>%1，即目标下限：其单位成本 %2 是参与计划商品平均成本 %4 的 %3 倍。越贵的商品目标越低，这样每一元库存在各商品上换来的满足率大致相同。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1: its unit cost %2 is %3 × the average %4 of the items planned, so its chance of running short is %3 × the %5 of the overall target %6. Cheaper items get higher targets, so money put into stock buys about as much fill at every item.</source>
            <translation>%1：其单位成本 %2 是参与计划商品平均成本 %4 的 %3 倍，所以缺货概率也是总体目标 %6 的缺货概率 %5 的 %3 倍。越便宜的商品目标越高，这样每一元库存在各商品上换来的满足率大致相同。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%1 = √(2 × yearly demand %2 × order cost %3 ÷ (holding rate %4 × unit cost %5)): S is at least the reorder point + d·R + %1, so each order is about this much or more. The order cost and the holding rate a year are set in Settings › Planning (an order cost of 0 turns it off).</source>
            <translation>%1 = √(2 × 年需求 %2 × 下单成本 %3 ÷ (年持有成本率 %4 × 单位成本 %5))：S 至少为再订货点 + d·R + %1，所以每次订购大约这么多或更多。下单成本和年持有成本率在“设置 › 计划”中设定（下单成本为 0 表示不启用）。</translation>
        </message>
        <message>
            <location line="+23" />
            <source>annual demand quantity</source>
            <translation>年需求数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>annual demand value</source>
            <translation>年需求金额</translation>
        </message>
        <message>
            <location line="+5" />
            <source>set for this product</source>
            <translation>本产品单独设置</translation>
        </message>
        <message>
            <location line="+4" />
            <source>its unit cost (the rule set in Settings › Planning)</source>
            <translation>按其单位成本（“设置 › 计划”中的规则）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>ABC class %1 (A %2, B %3, C %4: the cheaper the class's items, the higher its target, so a unit of stock value buys about as much fill in each)</source>
            <translation>ABC 分类 %1（A %2、B %3、C %4：商品越便宜的分类，目标越高，使每元库存在各类换来的满足率大致相当）</translation>
        </message>
        <message>
            <location line="+15" />
            <source>%1 weeks</source>
            <translation>%1 周</translation>
        </message>
        <message>
            <location line="+2" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location line="+0" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location line="+61" />
            <source>Lead time %1 days, observed from %2 receipts of this product; the supplier's stated %3 days is not used.</source>
            <translation>交货期 %1 天，按本商品 %2 次采购收货实测；供应商约定的 %3 天未采用。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Lead time %1 days, observed from %2 receipts from this supplier (all its products); the supplier's stated %3 days is not used.</source>
            <translation>交货期 %1 天，按该供应商（全部商品）%2 次采购收货实测；供应商约定的 %3 天未采用。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Receipts show how long the supplier really takes. A stated lead time changed recently does not win either: the terms keep no date of change, so planning cannot tell it from an old one. The stated lead time counts only while there are fewer than %1 receipts to measure.</source>
            <translation>实际收货更能反映供应商真正需要的时间。最近改过的约定交货期也不优先：供货条款不记录修改日期，系统无法区分新改的和原来的。只有可测的收货少于 %1 次时，才按约定交货期计算。</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Demand comes in lumps: weeks of up to %1 come about once in %2 weeks. For the %3 service target the stock covers up to %4 over the lead time and review (%5 weeks).</source>
            <translation>需求成批到来：单周最多 %1，约每 %2 周出现一次。按 %3 的服务目标，库存可应对交货期加检查周期（%5 周）内最多 %4 的需求。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Demand comes in lumps: weeks of up to %1 come about once in %2 weeks. For the %3 service target the stock covers up to %4 over the lead time and review (%5 weeks); the most it ever sold in %5 weeks was %6.</source>
            <translation>需求成批到来：单周最多 %1，约每 %2 周出现一次。按 %3 的服务目标，库存可应对交货期加检查周期（%5 周）内最多 %4 的需求；历史上任意 %5 周的最大销量为 %6。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>%1 delivered %2 % of what was ordered (%3 lines, %4 orders in the last year): the need is ordered × %5</source>
            <translation>%1 只交付了订货量的 %2 %（近一年 %3 行、%4 张采购订单）：按需求量 × %5 订货</translation>
        </message>
        <message>
            <location line="+5" />
            <source> (capped)</source>
            <translation>（已封顶）</translation>
        </message>
        <message>
            <location filename="../../ui/screens/replenishment/model.py" line="-5" />
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
            <source>Class</source>
            <translation>分类</translation>
        </message>
        <message>
            <location line="+5" />
            <source>On order</source>
            <translation>在途</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Reorder point</source>
            <translation>再订货点</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stockout</source>
            <translation>缺货日期</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Suggested qty</source>
            <translation>建议数量</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From → to</source>
            <translation>调出 → 调入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location line="+2" />
            <source>ABC/XYZ</source>
            <translation>ABC/XYZ</translation>
        </message>
        <message>
            <location line="+22" />
            <source>ordered (draft PO %1)</source>
            <translation>已下单（采购订单草稿 %1）</translation>
        </message>
        <message>
            <location line="+73" />
            <source>Suggested qty: enter a number greater than 0, such as 24.</source>
            <translation>建议数量：请输入大于 0 的数字，例如 24。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/replenishment/run.py" line="-77" />
            <source>Draft purchase orders created:</source>
            <translation>已创建采购订单草稿：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 — supplier %2, to %3, %4 line(s), %5 %6 before tax</source>
            <translation>%1 — 供应商 %2，收货仓库 %3，%4 行，不含税金额 %5 %6</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Together %1 before tax</source>
            <translation>不含税合计 %1</translation>
        </message>
        <message>
            <location line="+62" />
            <source>Deliver to</source>
            <translation>收货仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lines</source>
            <translation>行数</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Amount before tax</source>
            <translation>不含税金额</translation>
        </message>
        <message>
            <location line="+6" />
            <source>≈ %1 at today's rate</source>
            <translation>按今日汇率约 %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>no %1 exchange rate yet</source>
            <translation>尚无 %1 汇率</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Together</source>
            <translation>合计</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Create %n draft purchase order(s)?</source>
            <translation>创建 %n 张采购订单草稿？</translation>
        </message>
        <message>
            <location line="-8" />
            <source>and %n more</source>
            <translation>及其他 %n 种商品</translation>
        </message>
        <message>
            <location filename="../../ui/screens/replenishment/screen.py" line="+222" />
            <source>Run planning (F5) to forecast every product's demand and list what to order.</source>
            <translation>运行计划 (F5)：预测每个商品的需求并列出需要订购的商品。</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Planning: reading the history and forecasting every product…</source>
            <translation>计划中：正在读取历史并预测每个商品…</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Stock, orders or sales changed since this plan was made: run planning again (F5) before ordering.</source>
            <translation>制定此计划后库存、订单或销售已有变化：下单前请重新运行计划（F5）。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Cancelling planning…</source>
            <translation>正在取消计划…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Planning: forecast %1 of %2 product × warehouse rows…</source>
            <translation>计划中：已预测 %1 / %2 个商品 × 仓库…</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Planning cancelled; nothing was changed.</source>
            <translation>计划已取消；未做任何更改。</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Planned for %1: %2 alert(s), %3 with a suggested order.</source>
            <translation>计划日期 %1：%2 条预警，其中 %3 条有建议订购。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 transfer(s) between warehouses suggested before buying.</source>
            <translation>建议在采购前先在仓库间调拨 %1 笔。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 of %2 rows forecast anew; the others had not changed.</source>
            <translation>重新预测 %1 / %2 行；其余行的历史未变。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>%1 in %2: planning suggests no order; the stock and open purchase orders cover its forecast. A draft sales order counts once it is confirmed: confirm it with the rest on backorder, then plan again (F5).</source>
            <translation>%1（%2）：补货计划不建议订货，现有库存和在途采购订单足以满足预测需求。销售订单草稿要确认后才计入需求：请先确认订单、其余转欠货，再重新运行计划（F5）。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>any warehouse</source>
            <translation>所有仓库</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+248" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <location line="-208" />
            <source>%1 of %2 line(s) shown, %3 ticked to order</source>
            <translation>显示 %1 / %2 行，已勾选 %3 行待订购</translation>
        </message>
        <message>
            <location line="+4" />
            <source>, %1 transfer(s) ticked</source>
            <translation>，已勾选 %1 笔调拨</translation>
        </message>
        <message>
            <location line="+4" />
            <source>(%1 ticked line(s) hidden by the filters will not be ordered)</source>
            <translation>（有 %1 行已勾选但被筛选隐藏，不会下单）</translation>
        </message>
        <message>
            <location line="+75" />
            <source>Service target</source>
            <translation>服务水平目标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The service target was not saved: %1</source>
            <translation>服务水平目标未保存：%1</translation>
        </message>
        <message>
            <location line="+10" />
            <location line="+32" />
            <location line="+25" />
            <location line="+5" />
            <source>Create purchase orders</source>
            <translation>创建采购订单</translation>
        </message>
        <message>
            <location line="-61" />
            <source>Tick at least one shown line with a suggested quantity and a supplier.</source>
            <translation>请至少勾选一行显示中的、有建议数量和供应商的行。</translation>
        </message>
        <message>
            <location line="+79" />
            <source>Create purchase &amp;orders…</source>
            <translation>创建采购订单(&amp;O)…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Tick &amp;shown</source>
            <translation>勾选显示的行(&amp;S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>U&amp;ntick shown</source>
            <translation>取消勾选显示的行(&amp;N)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;ABC/XYZ matrix…</source>
            <translation>ABC/XYZ 矩阵(&amp;A)…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Service tar&amp;get…</source>
            <translation>服务水平目标(&amp;G)…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Search SKU, name, supplier or pinyin… (Ctrl+F)</source>
            <translation>搜索货号、名称、供应商或拼音…（Ctrl+F）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Warehouse:</source>
            <translation>仓库(&amp;W)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Su&amp;pplier:</source>
            <translation>供应商(&amp;P)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Severit&amp;y:</source>
            <translation>紧急程度(&amp;Y)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Class:</source>
            <translation>分类(&amp;C)：</translation>
        </message>
        <message>
            <location filename="../../ui/screens/replenishment/transfers.py" line="+157" />
            <source>%1 → %2: %3 line(s)</source>
            <translation>%1 → %2：%3 行</translation>
        </message>
        <message>
            <location line="+7" />
            <source>suggested by replenishment planning</source>
            <translation>由补货计划建议</translation>
        </message>
        <message>
            <location filename="../../ui/screens/replenishment/screen.py" line="-55" />
            <source>%n draft purchase order(s) created; click one to open it.</source>
            <translation>已创建 %n 张采购订单草稿；点击可打开。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>No purchase order was created: %1</source>
            <translation>未创建任何采购订单：%1</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Run planning (F5)</source>
            <translation>运行计划 (F5)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Thorough</source>
            <translation>精细模式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Also fit the statsmodels models (ETS, Theta) and add them to the forecast's combination: slower, about 20 seconds more</source>
            <translation>同时拟合 statsmodels 模型（ETS、Theta）并加入组合预测：较慢，约多 20 秒</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Drafts for the ticked lines that are shown</source>
            <translation>为显示中的已勾选行创建草稿</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Tick critical lines after planning</source>
            <translation>计划后自动勾选紧急行</translation>
        </message>
        <message>
            <location line="+8" />
            <source>This product's own service target and review period instead of the defaults (Ctrl+T)</source>
            <translation>为本产品单独设置服务水平目标和检查周期，取代默认值（Ctrl+T）</translation>
        </message>
        <message>
            <location filename="../../ui/screens/product_target.py" line="+37" />
            <source>Service target of %1</source>
            <translation>%1 的服务水平目标</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 % (by its unit cost)</source>
            <translation>%1 %（按其单位成本）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 % (ABC class %2)</source>
            <translation>%1 %（ABC 分类 %2）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1 (default)</source>
            <translation>%1（默认）</translation>
        </message>
        <message>
            <location line="+21" />
            <source>%1 %2: leave a field blank to use the default shown in it.</source>
            <translation>%1 %2：某项留空即使用框中显示的默认值。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Service target (%):</source>
            <translation>服务水平目标（%）：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Review period (days):</source>
            <translation>检查周期（天）：</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Service target: give a percentage above 50 and at most 99.99 (up to 2 decimals), or leave it blank.</source>
            <translation>服务水平目标：请输入大于 50、不超过 99.99 的百分数（最多 2 位小数），或留空。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Review period: give whole days from 1 to 365, or leave it blank.</source>
            <translation>检查周期：请输入 1 到 365 的整数天数，或留空。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>%1: service target %2, review period %3. Planning again…</source>
            <translation>%1：服务水平目标 %2，检查周期 %3。正在重新计划…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 % set for this product</source>
            <translation>%1 %（本产品单独设置）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>by the rule of Settings › Planning</source>
            <translation>按“设置 › 计划”中的规则</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 days set for this product</source>
            <translation>%1 天（本产品单独设置）</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/screens/replenishment/detail.py" line="-132" />
            <source>the default</source>
            <translation>默认值</translation>
        </message>
        <message>
            <location filename="../../ui/screens/replenishment/transfers.py" line="-131" />
            <source>Transfer</source>
            <translation>调拨</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchase</source>
            <translation>采购</translation>
        </message>
        <message>
            <location line="+50" />
            <source>%1 runs short (available %2, reorder point %3; needs %4)</source>
            <translation>%1 将缺货（可用 %2，再订货点 %3；需要 %4）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>, out of stock by %1</source>
            <translation>，预计 %1 前断货</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 holds %2 above its own needs (available %3, reorder point %4)</source>
            <translation>%1 超出自身需要 %2（可用 %3，再订货点 %4）</translation>
        </message>
        <message>
            <location filename="../../ui/screens/replenishment/run.py" line="-4" />
            <location filename="../../ui/screens/replenishment/transfers.py" line="+2" />
            <location line="+9" />
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <location filename="../../ui/screens/replenishment/transfers.py" line="-4" />
            <source>%1 comes by transfer; ordering %2 instead of %3</source>
            <translation>%1 由调拨补足；采购 %2，而不是 %3</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Transfer %1 of %2 from %3 to %4</source>
            <translation>调拨 %2，数量 %1：从 %3 到 %4</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Transfers before purchases</source>
            <translation>先调拨后采购</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Why this quantity</source>
            <translation>为何订这个数量</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Transfer documents posted:</source>
            <translation>已过账的调拨单：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 — %2 → %3, %4 line(s)</source>
            <translation>%1 — %2 → %3，%4 行</translation>
        </message>
        <message>
            <location line="+32" />
            <location line="+25" />
            <location line="+5" />
            <source>Create transfers</source>
            <translation>生成调拨单</translation>
        </message>
        <message>
            <location line="-28" />
            <source>Tick at least one shown transfer line.</source>
            <translation>请至少勾选一条显示中的调拨行。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Post these transfer documents now?

%1</source>
            <translation>现在过账这些调拨单吗？

%1</translation>
        </message>
        <message>
            <location line="+25" />
            <source>No transfer was posted: %1</source>
            <translation>未过账任何调拨单：%1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Create &amp;transfers…</source>
            <translation>生成调拨单(&amp;T)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Post transfer documents for the ticked transfer lines that are shown</source>
            <translation>为显示中已勾选的调拨行过账调拨单</translation>
        </message>
    </context>
    <context>
        <name>ReportsScreen</name>
        <message>
            <location filename="../../ui/screens/reports/screen.py" line="+63" />
            <source>Stock summary (进销存汇总)</source>
            <translation>进销存汇总表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchase summary</source>
            <translation>采购汇总表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Received, not invoiced</source>
            <translation>暂估入库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sales margin</source>
            <translation>销售毛利</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sales ranking</source>
            <translation>商品销售排行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Slow movers</source>
            <translation>滞销商品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stock status</source>
            <translation>库存状况</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stock ageing</source>
            <translation>库龄分析</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Product</source>
            <translation>商品</translation>
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
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supplier</source>
            <translation>供应商</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supplier and product</source>
            <translation>供应商和商品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Salesperson</source>
            <translation>业务员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Revenue</source>
            <translation>销售收入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location line="+5" />
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last month</source>
            <translation>上月</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This quarter</source>
            <translation>本季度</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This year</source>
            <translation>本年</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <location line="+264" />
            <source>%1 rows.</source>
            <translation>共 %1 行。</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Margin by %1</source>
            <translation>按%1的毛利</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Net purchases by %1</source>
            <translation>按%1的采购净额</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Top %1 by %2</source>
            <translation>前 %1 名（按%2）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stock value by age band (days)</source>
            <translation>各库龄段库存金额（天）</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Export to Excel</source>
            <translation>导出到 Excel</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Print PDF</source>
            <translation>打印 PDF</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PDF (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Wrote %1</source>
            <translation>已写入 %1</translation>
        </message>
        <message>
            <location line="+92" />
            <source>&amp;As of</source>
            <translation>截止日期(&amp;A)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;to</source>
            <translation>至(&amp;T)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>T&amp;op</source>
            <translation>前(&amp;O)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Days &amp;idle ≥</source>
            <translation>未出库天数(&amp;I) ≥</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ba&amp;nds (days)</source>
            <translation>库龄段（天）(&amp;N)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>&amp;Report</source>
            <translation>报表(&amp;R)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Perio&amp;d</source>
            <translation>期间(&amp;D)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fro&amp;m</source>
            <translation>从(&amp;M)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;By</source>
            <translation>汇总方式(&amp;B)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Warehouse</source>
            <translation>仓库(&amp;W)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refre&amp;sh (F5)</source>
            <translation>刷新(&amp;S) (F5)</translation>
        </message>
        <message>
            <location line="-8" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Export to &amp;Excel…</source>
            <translation>导出到 Excel(&amp;E)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print &amp;PDF…</source>
            <translation>打印 PDF(&amp;P)…</translation>
        </message>
    </context>
    <context>
        <name>Roles</name>
        <message>
            <location filename="../../ui/access.py" line="-69" />
            <source>Clerk</source>
            <translation>库管员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchaser</source>
            <translation>采购员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Accountant</source>
            <translation>会计</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Manager</source>
            <translation>经理</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Admin</source>
            <translation>管理员</translation>
        </message>
    </context>
    <context>
        <name>SalesCredit</name>
        <message>
            <location filename="../../ui/screens/sales/credit_line.py" line="+100" />
            <source>Receivable %1</source>
            <translation>应收余额 %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>no credit limit</source>
            <translation>无信用额度</translation>
        </message>
        <message>
            <location line="+2" />
            <source>credit limit %1</source>
            <translation>信用额度 %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>open orders %1</source>
            <translation>未发订单 %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>available %1</source>
            <translation>可用额度 %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>this order %1</source>
            <translation>本单 %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source> · </source>
            <translation> · </translation>
        </message>
        <message>
            <location line="+2" />
            <source> — </source>
            <translation> —— </translation>
        </message>
        <message>
            <location line="+0" />
            <source>OVER the credit limit by %1</source>
            <translation>超出信用额度 %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>What the customer owes, its credit limit and what the limit leaves after its open orders, as confirming an order counts them.</source>
            <translation>客户的应收余额、信用额度，以及扣除未发订单后的可用额度（与确认订单时的核算相同）。</translation>
        </message>
    </context>
    <context>
        <name>SalesFiles</name>
        <message>
            <location filename="../../ui/screens/sales/printing.py" line="+34" />
            <source>confirmation</source>
            <translation>订单确认书</translation>
        </message>
        <message>
            <location line="+1" />
            <source>delivery</source>
            <translation>送货单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>invoice</source>
            <translation>销售单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>backorder</source>
            <translation>到货通知</translation>
        </message>
        <message>
            <location line="+1" />
            <source>backorders</source>
            <translation>到货通知</translation>
        </message>
        <message>
            <location line="+1" />
            <source>customer return</source>
            <translation>销售退货单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>supplier return</source>
            <translation>采购退货单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>receipt</source>
            <translation>入库单</translation>
        </message>
    </context>
    <context>
        <name>SalesLines</name>
        <message>
            <location filename="../../ui/screens/reports/lines.py" line="+46" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Document</source>
            <translation>单据</translation>
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
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Revenue</source>
            <translation>销售收入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cost</source>
            <translation>成本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Margin</source>
            <translation>毛利</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Margin %</source>
            <translation>毛利率</translation>
        </message>
        <message>
            <location line="+115" />
            <source>all warehouses</source>
            <translation>全部仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sales to %1</source>
            <translation>%1 的销售明细</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sales lines of %1 %2, %3 to %4, %5</source>
            <translation>%1 %2 的销售明细，%3 至 %4，%5</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Loading…</source>
            <translation>正在载入…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%n line(s): quantity %1, revenue %2, cost %3, margin %4 (%5)</source>
            <translation>共 %n 行：数量 %1，销售收入 %2，成本 %3，毛利 %4（%5）</translation>
        </message>
    </context>
    <context>
        <name>SalesOrders</name>
        <message>
            <location filename="../../ui/screens/sales/actions.py" line="+104" />
            <location line="+278" />
            <source>Refused: %1</source>
            <translation>被拒绝：%1</translation>
        </message>
        <message>
            <location line="-239" />
            <source>Choose the customer first (type its code or name).</source>
            <translation>请先选择客户（输入客户编号或名称）。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Choose the warehouse first.</source>
            <translation>请先选择仓库。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Saved %1 as a draft. Add lines: scan or type a SKU.</source>
            <translation>已将 %1 保存为草稿。添加明细：扫描或输入货号。</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Saved %1.</source>
            <translation>已保存 %1。</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Added %1: %2 %3 at %4</source>
            <translation>已添加 %1：%2 %3，单价 %4</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Line %1: %2 %3 at %4, %5% off</source>
            <translation>第 %1 行：%2 %3，单价 %4，折扣 %5%</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Removed %1 (line %2); Ctrl+Z puts it back.</source>
            <translation>已删除 %1（第 %2 行）；按 Ctrl+Z 可恢复。</translation>
        </message>
        <message>
            <location line="+26" />
            <source>No removed line of this draft to put back.</source>
            <translation>此草稿没有可恢复的已删除明细。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Put back %1 as line %2.</source>
            <translation>已恢复 %1，为第 %2 行。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Refused: %1 — %2 can no longer be put back.</source>
            <translation>被拒绝：%1 —— %2 已无法恢复。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Refused: %1 — %2 is kept: Ctrl+Z tries again once that is settled.</source>
            <translation>被拒绝：%1 —— %2 仍保留待恢复：处理好后按 Ctrl+Z 再试。</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Confirmed %1: what is there is reserved, the rest is backordered (promised by you beyond the stock).</source>
            <translation>已确认 %1：现有库存已预留，其余转为欠货（由您超出库存承诺）。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Confirmed %1: its quantities are reserved.</source>
            <translation>已确认 %1：数量已预留。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Past the credit limit of %1 by %2, allowed by you.</source>
            <translation>超出信用额度 %1 共 %2，由您批准。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Warning: %1.</source>
            <translation>注意：%1。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sales/credit_line.py" line="-79" />
            <source>Credit limit</source>
            <translation>信用额度</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sales/actions.py" line="+10" />
            <source>Confirm it past the credit limit? You are recorded on the order as the one who allowed it.</source>
            <translation>是否超额度确认？订单上将记录由您批准。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>%1 was not confirmed: not enough stock for %n line(s).</source>
            <translation>%1 未确认：%n 行库存不足。</translation>
        </message>
        <message>
            <location line="+50" />
            <source>Line %1 now ships from %2.</source>
            <translation>第 %1 行改为从 %2 发货。</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Line %1 is now %2 at %3.</source>
            <translation>第 %1 行已改为 %2，单价 %3。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Added %1: %2 %3 at %4. Lower the short line's quantity, or choose another offer.</source>
            <translation>已添加 %1：%2 %3，单价 %4。请减少缺货行的数量，或选择其他方案。</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Reason (required)</source>
            <translation>原因（必填）</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Cancel sales order</source>
            <translation>取消销售订单</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cancel %1 for %2? Its reservation is released and what is still open is recorded as demand the customer did not get. This cannot be undone.</source>
            <translation>取消 %2 的 %1？其预留将释放，未交数量记为客户未满足的需求。此操作无法撤销。</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Cancelled %1.</source>
            <translation>已取消 %1。</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Cut line</source>
            <translation>取消未交</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cut the open %1 %2 of %3 on %4? The reservation is released and the quantity is recorded as demand the customer did not get.</source>
            <translation>取消 %4 中 %3 未交的 %1 %2？预留将释放，该数量记为客户未满足的需求（缺货损失）。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Cut %1 on %2.</source>
            <translation>已取消 %2 上 %1 的未交数量。</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Order confirmation</source>
            <translation>订单确认书</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery note (last shipment)</source>
            <translation>送货单（最近一次发货）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sales invoice (last shipment)</source>
            <translation>销售单（最近一次发货）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Backorder notice (customer)</source>
            <translation>到货通知（该客户）</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sales/backorders.py" line="+36" />
            <source>no purchase order yet</source>
            <translation>尚无采购订单</translation>
        </message>
        <message>
            <location line="+10" />
            <location filename="../../ui/screens/sales/words.py" line="+126" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/screens/sales/screen.py" line="+833" />
            <source>Sales order</source>
            <translation>销售订单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Promised</source>
            <translation>承诺交期</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/screens/sales/words.py" line="-76" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/screens/sales/words.py" line="+1" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/screens/sales/words.py" line="+1" />
            <location line="+84" />
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
            <source>Since</source>
            <translation>欠货起始</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Arrival</source>
            <translation>预计到货</translation>
        </message>
        <message>
            <location line="+76" />
            <location line="+65" />
            <location filename="../../ui/screens/sales/screen.py" line="-391" />
            <location line="+380" />
            <source>All customers</source>
            <translation>全部客户</translation>
        </message>
        <message>
            <location line="-29" />
            <source>%n line(s) can now ship</source>
            <translation>%n 行现在可以发货</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%n backordered line(s)</source>
            <translation>%n 行欠货</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Backorders</source>
            <translation>欠货</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Backorders that can now ship</source>
            <translation>现在可以发货的欠货</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Print backorder notice…</source>
            <translation>打印到货通知(&amp;P)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show &amp;all customers</source>
            <translation>显示全部客户(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sales/printing.py" line="+44" />
            <source>Wrote %1</source>
            <translation>已写入 %1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Could not print: %1</source>
            <translation>无法打印：%1</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Nothing was shipped against %1 yet: there is no delivery note or invoice to print.</source>
            <translation>%1 尚未发货：没有可打印的送货单或销售单。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sales/screen.py" line="-207" />
            <source>Less than the line's quantity can be promised now</source>
            <translation>现在可承诺的数量少于本行数量</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Promised beyond the stock by %1</source>
            <translation>由 %1 超出库存承诺</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Without tax %1    Tax %2    Total %3 %4</source>
            <translation>不含税 %1    税额 %2    价税合计 %3 %4</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Margin on what shipped %1 (%2 %)</source>
            <translation>已发货毛利 %1（%2 %）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>New order: choose the customer and the warehouse, then scan or type a SKU.</source>
            <translation>新订单：选择客户和仓库，然后扫描或输入货号。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 · %2 · %3</source>
            <translation>%1 · %2 · %3</translation>
        </message>
        <message>
            <location line="+6" />
            <source>(reason: %1)</source>
            <translation>（原因：%1）</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Line %1 · %2: %3 on backorder; no purchase order covers it yet.</source>
            <translation>第 %1 行 · %2：欠货 %3，尚无采购订单补货。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Line %1 · %2: %3 on backorder; an open purchase order brings it by %4.</source>
            <translation>第 %1 行 · %2：欠货 %3，在途采购订单预计 %4 前到货。</translation>
        </message>
        <message>
            <location line="+54" />
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <location line="+2" />
            <source>, …</source>
            <translation>等</translation>
        </message>
        <message>
            <location line="+1" />
            <source>'%1' is in the names of %2 customers: %3. Choose one from the list, or type its code.</source>
            <translation>有 %2 个客户的名称含“%1”：%3。请从列表中选一个，或输入客户编号。</translation>
        </message>
        <message>
            <location line="+31" />
            <source>No product has the SKU or barcode %1.</source>
            <translation>没有商品使用货号或条码 %1。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>no price known for this customer: type one</source>
            <translation>该客户没有已知价格：请输入价格</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 (%2 with tax, %3)</source>
            <translation>%1（含税 %2，%3）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>list %1 less %2%</source>
            <translation>牌价 %1 减 %2%</translation>
        </message>
        <message>
            <location line="+2" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 %2 · price %3 · last price to this customer %4 · available now in %5: %6</source>
            <translation>%1 %2 · 单价 %3 · 该客户上次价格 %4 · %5 现可用：%6</translation>
        </message>
        <message>
            <location line="+10" />
            <source>by %1: %2</source>
            <translation>%1 前：%2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>next purchase order arrival %1</source>
            <translation>下一批采购到货 %1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Search number, customer, reference or SKU…</source>
            <translation>搜索单号、客户、参考号或货号…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All states</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;New (Ctrl+N)</source>
            <translation>新建(&amp;N) (Ctrl+N)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Save (Ctrl+S)</source>
            <translation>保存(&amp;S) (Ctrl+S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Confirm (Ctrl+Enter)</source>
            <translation>确认(&amp;C) (Ctrl+Enter)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sh&amp;ip… (Ctrl+Shift+S)</source>
            <translation>发货(&amp;I)… (Ctrl+Shift+S)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cu&amp;t line…</source>
            <translation>取消未交(&amp;T)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Undo de&amp;lete (Ctrl+Z)</source>
            <translation>撤销删除(&amp;L) (Ctrl+Z)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Put back the last line removed from this draft</source>
            <translation>恢复从此草稿中最后删除的明细</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Backorders… (Ctrl+B)</source>
            <translation>欠货(&amp;B)… (Ctrl+B)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>R&amp;eference:</source>
            <translation>参考号(&amp;E)：</translation>
        </message>
        <message>
            <location line="+5" />
            <source>quoted</source>
            <translation>按报价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>standing</source>
            <translation>按客户折扣</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add (Enter)</source>
            <translation>添加 (Enter)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Qty:</source>
            <translation>数量(&amp;Q)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price e&amp;xcl. tax:</source>
            <translation>不含税单价(&amp;X)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Discount % (&amp;G):</source>
            <translation>折扣 %(&amp;G)：</translation>
        </message>
        <message>
            <location line="-22" />
            <source>Cancel &amp;order…</source>
            <translation>取消订单(&amp;O)…</translation>
        </message>
        <message>
            <location line="-262" />
            <source>Line %1 · %2 sells below cost: %3 a unit after the discount, unit cost %4 in %5. It can still be confirmed and shipped.</source>
            <translation>第 %1 行 · 货号 %2 低于成本销售：折后单价 %3，%5 的单位成本 %4。仍可确认和发货。</translation>
        </message>
        <message>
            <location line="+267" />
            <source>&amp;Print</source>
            <translation>打印(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sales/backorders.py" line="-2" />
            <location filename="../../ui/screens/sales/screen.py" line="+2" />
            <source>C&amp;ustomer:</source>
            <translation>客户(&amp;U)：</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sales/screen.py" line="+1" />
            <source>code or name</source>
            <translation>编号或名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Warehouse:</source>
            <translation>仓库(&amp;W)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Requested:</source>
            <translation>要求交期(&amp;R)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no date</source>
            <translation>无日期</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the customer's order number (optional)</source>
            <translation>客户的订单号（可选）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Add:</source>
            <translation>添加(&amp;A)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scan, or type a SKU, barcode or name</source>
            <translation>扫描，或输入货号、条码或名称</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/screens/sales/words.py" line="-83" />
            <source>Qty</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sales/words.py" line="+5" />
            <source>Disc. %</source>
            <translation>折扣 %</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sales/shortage.py" line="+134" />
            <source>Line %1 · %2: %3 asked, %4 available in %5 — %6 short</source>
            <translation>第 %1 行 · %2：需要 %3，%5 可用 %4 —— 缺 %6</translation>
        </message>
        <message>
            <location line="+9" />
            <source>No other warehouse has it available.</source>
            <translation>其他仓库也没有可用库存。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 available in %2</source>
            <translation>%2 可用 %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ship from %1</source>
            <translation>从 %1 发货</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Transfer %1 to %2…</source>
            <translation>调拨 %1 到 %2…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>An open purchase order brings enough by %1.</source>
            <translation>在途采购订单将于 %1 前到足数量。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No purchase order yet covers the shortfall.</source>
            <translation>尚无采购订单可补足缺口。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Replenishment…</source>
            <translation>补货建议…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No substitutes are listed for this product.</source>
            <translation>该商品没有登记替代品。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>price…</source>
            <translation>价格…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>no price</source>
            <translation>无价格</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 (%2 with tax)</source>
            <translation>%1（含税 %2）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Substitute %1 %2: %3 available in %4, %5</source>
            <translation>替代品 %1 %2：%4 可用 %3，%5</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Replace line</source>
            <translation>替换本行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add as a line</source>
            <translation>另加一行</translation>
        </message>
        <message>
            <location line="+100" />
            <source>%1 cannot be confirmed as it is: %n line(s) short. Choose for each line, or ship what is there and backorder the rest.</source>
            <translation>%1 库存不足，暂不能确认：%n 行缺货。请逐行选择处理方式，或有多少发多少、其余转欠货。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Ship what is there, backor&amp;der the rest</source>
            <translation>有多少发多少，其余转欠货(&amp;D)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../ui/sales_states.py" line="+13" />
            <source>Draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Confirmed</source>
            <translation>已确认</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Partly shipped</source>
            <translation>部分发货</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/screens/sales/words.py" line="+6" />
            <source>Shipped</source>
            <translation>已发货</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sales/words.py" line="-15" />
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price from</source>
            <translation>价格来源</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last price</source>
            <translation>上次价格</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tax %</source>
            <translation>税率 %</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>With tax</source>
            <translation>含税金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ATP now</source>
            <translation>现可承诺</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ATP by date</source>
            <translation>交期前可承诺</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open</source>
            <translation>未交</translation>
        </message>
        <message>
            <location line="+13" />
            <source>customer's price</source>
            <translation>客户价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>price level</source>
            <translation>价格等级</translation>
        </message>
        <message>
            <location line="+1" />
            <source>retail list price</source>
            <translation>零售价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>typed</source>
            <translation>手工输入</translation>
        </message>
        <message>
            <location line="+44" />
            <source>Number</source>
            <translation>单号</translation>
        </message>
        <message>
            <location line="+2" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Requested</source>
            <translation>要求交期</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Total with tax</source>
            <translation>价税合计</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open qty</source>
            <translation>未交数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reference</source>
            <translation>参考号</translation>
        </message>
    </context>
    <context>
        <name>SalesShip</name>
        <message>
            <location filename="../../ui/screens/documents/sales_returns.py" line="+51" />
            <source>Customer return against %1</source>
            <translation>按 %1 办理销售退货</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Goods %1 brings back from sale %2 of %3. They come back at the cost at which they left.</source>
            <translation>%1 退回 %3 销售单 %2 的货物。货物按出库时的成本退回。</translation>
        </message>
        <message>
            <location line="-27" />
            <location filename="../../ui/screens/documents/sales_ship.py" line="+769" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../ui/screens/documents/sales_ship.py" line="+1" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Shipped</source>
            <translation>已发</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Returned</source>
            <translation>已退</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Returnable</source>
            <translation>可退</translation>
        </message>
        <message>
            <location filename="../../ui/screens/documents/sales_ship.py" line="+4" />
            <source>Price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location filename="../../ui/screens/documents/sales_returns.py" line="+4" />
            <source>why the goods come back (required)</source>
            <translation>退货原因（必填）</translation>
        </message>
        <message>
            <location line="-3" />
            <source>Price paid</source>
            <translation>实付单价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Return</source>
            <translation>本次退货</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Return &amp;all</source>
            <translation>全部退货(&amp;A)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Post return</source>
            <translation>过账退货(&amp;P)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Reason:</source>
            <translation>原因(&amp;R)：</translation>
        </message>
        <message>
            <location line="+114" />
            <location line="+24" />
            <source>Select a posted sale first.</source>
            <translation>请先选择一张已过账的销售单。</translation>
        </message>
        <message>
            <location line="-20" />
            <source>%1 is a customer return; select a sale to return goods against.</source>
            <translation>%1 是销售退货单；请选择一张销售单来办理退货。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Sale %1 was reversed; nothing on it can be returned.</source>
            <translation>销售单 %1 已冲销；其上的货物不能退货。</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Select a posted customer return (SR-…) first.</source>
            <translation>请先选择一张已过账的销售退货单（SR-…）。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Posted return %1.</source>
            <translation>已过账销售退货单 %1。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Posted sales and returns</source>
            <translation>已过账销售单和销售退货单</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Print return &amp;note</source>
            <translation>打印销售退货单(&amp;N)</translation>
        </message>
        <message>
            <location line="-3" />
            <source>&amp;Return…</source>
            <translation>退货(&amp;R)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print &amp;invoice</source>
            <translation>打印销售单(&amp;I)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print &amp;delivery note</source>
            <translation>打印送货单(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../ui/screens/documents/sales_ship.py" line="-666" />
            <source>None on hand in %1</source>
            <translation>%1 无库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nothing is on hand in %1, so none of this line can ship now.</source>
            <translation>%1 没有现货，本行现在一件也发不了。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%2 in %1, all promised to other orders</source>
            <translation>%1 有 %2，已全部预留给其他订单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The %2 on hand in %1 are all promised to other orders, so none of this line can ship now.</source>
            <translation>%1 现有的 %2 已全部预留给其他订单，本行现在一件也发不了。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Only %2 can leave %1</source>
            <translation>%1 只能发 %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only %2 of the %3 open can ship from %1 now: %4 on hand, %5 of it promised to other orders.</source>
            <translation>未发 %3，%1 现在只能发 %2：现有 %4，其中 %5 已预留给其他订单。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+5" />
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <location line="-4" />
            <source>Free stock in other warehouses: %1. Ask for a transfer to %2, then ship the rest; until then it stays open as a backorder.</source>
            <translation>其他仓库的可用库存：%1。可申请调拨到 %2 后再发其余部分；在此之前未发部分保留为欠货。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>none elsewhere</source>
            <translation>其他仓也没有</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No other warehouse has free stock of it either; what is not shipped stays open as a backorder.</source>
            <translation>其他仓库也没有可用库存；未发部分保留为欠货。</translation>
        </message>
        <message>
            <location line="+171" />
            <location line="+453" />
            <source>Choose an open order, or scan its number</source>
            <translation>选择未结订单，或扫描订单号</translation>
        </message>
        <message>
            <location line="-422" />
            <source>No sales order has the number %1.</source>
            <translation>没有单号为 %1 的销售订单。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sales order %1 is not open for shipping (confirm it first).</source>
            <translation>销售订单 %1 不可发货（请先确认）。</translation>
        </message>
        <message>
            <location line="+77" />
            <source>A counter sale: choose the customer and the warehouse, then scan or type the products; each line takes the customer's price.</source>
            <translation>门市销售：选择客户和仓库，然后扫描或输入商品；每行按该客户的价格计价。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Choose an open sales order or scan its number: its open lines are filled in with what can leave now.</source>
            <translation>选择未结销售订单或扫描其单号：未交明细会按现在可发的数量填入。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1 for %2: what can leave now is filled in; change it or scan. What is not shipped stays open as a backorder.</source>
            <translation>%1（%2）：已填入现在可发的数量；可修改或扫描。未发的数量保留为欠货。</translation>
        </message>
        <message>
            <location line="+30" />
            <source>%1 sells below cost: %2 a unit after the discount, unit cost %3 in %4. It can still be posted.</source>
            <translation>货号 %1 低于成本销售：折后单价 %2，%4 的单位成本 %3。仍可过账。</translation>
        </message>
        <message>
            <location line="+29" />
            <source>%n line(s)    Qty %1    Amount without tax %2</source>
            <translation>%n 行    数量 %1    不含税金额 %2</translation>
        </message>
        <message>
            <location line="+36" />
            <source>%1 is not a number</source>
            <translation>%1 不是数字</translation>
        </message>
        <message>
            <location line="+38" />
            <location line="+99" />
            <source>Choose or scan a sales order first.</source>
            <translation>请先选择或扫描销售订单。</translation>
        </message>
        <message>
            <location line="-72" />
            <source>%1 is not on sales order %2.</source>
            <translation>%1 不在销售订单 %2 上。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Choose the warehouse first.</source>
            <translation>请先选择仓库。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Unknown code %1: no product has this SKU or barcode.</source>
            <translation>未知编码 %1：没有商品使用此货号或条码。</translation>
        </message>
        <message>
            <location line="+58" />
            <source>Enter a quantity to ship on at least one line of %1.</source>
            <translation>请至少在 %1 的一行填写发货数量。</translation>
        </message>
        <message>
            <location line="+40" />
            <source>Posted %1 against %2; what was not shipped stays open.</source>
            <translation>已按 %2 过账 %1；未发的数量仍未结。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Posted %1.</source>
            <translation>已过账 %1。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Post it on account past the credit limit? You are recorded on the sale as the one who allowed it. (Paid at once, it needs no override.)</source>
            <translation>是否超额度赊销过账？销售单上将记录由您批准。（现款结清则无需批准。）</translation>
        </message>
        <message>
            <location line="+17" />
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Against a sales &amp;order</source>
            <translation>按销售订单发货(&amp;O)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Counter sale (&amp;walk-in)</source>
            <translation>门市销售(&amp;W)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Sales order:</source>
            <translation>销售订单(&amp;S)：</translation>
        </message>
        <message>
            <location line="+5" />
            <source>C&amp;ustomer:</source>
            <translation>客户(&amp;U)：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>W&amp;arehouse:</source>
            <translation>仓库(&amp;A)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>R&amp;eference:</source>
            <translation>参考号(&amp;E)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paid a&amp;t once (cash)</source>
            <translation>现款结清(&amp;T)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paid in cash with the sale: nothing is left owed and the credit limit is not checked. Unticked, the sale is on account, within the customer's credit limit.</source>
            <translation>随单收取现金：不留欠款，不检查信用额度。不勾选即为赊销，须在客户的信用额度之内。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>S&amp;can:</source>
            <translation>扫描(&amp;C)：</translation>
        </message>
        <message>
            <location line="+18" />
            <source>C&amp;lear</source>
            <translation>清空(&amp;L)</translation>
        </message>
        <message>
            <location line="-25" />
            <source>code or name</source>
            <translation>编号或名称</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Scan a sales order number, a barcode or a SKU, then Enter</source>
            <translation>扫描销售订单号、条码或货号，然后按回车</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Warehouse</source>
            <translation>仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open</source>
            <translation>未交</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ship</source>
            <translation>发货</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Disc. %</source>
            <translation>折扣 %</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Post sale (Ctrl+Enter)</source>
            <translation>过账销售(&amp;P) (Ctrl+Enter)</translation>
        </message>
    </context>
    <context>
        <name>Screen</name>
        <message>
            <location filename="../../ui/widgets/screen.py" line="+66" />
            <source>Could not load the data: %1</source>
            <translation>无法加载数据：%1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>(loading all rows…)</source>
            <translation>（正在加载全部数据…）</translation>
        </message>
        <message>
            <location line="+31" />
            <source>The data changed since this screen was loaded: press F5 to see it as it is now.</source>
            <translation>此页面加载后数据已有变化：按 F5 查看最新数据。</translation>
        </message>
    </context>
    <context>
        <name>Screens</name>
        <message>
            <location filename="../../ui/screens/__init__.py" line="+37" />
            <source>Dashboard</source>
            <translation>经营概览</translation>
        </message>
        <message>
            <location line="+2" />
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
            <source>Sales orders</source>
            <translation>销售订单</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Receivables</source>
            <translation>应收账款</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Payables</source>
            <translation>应付账款</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reports</source>
            <translation>报表</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Purchase orders</source>
            <translation>采购订单</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Replenishment</source>
            <translation>补货</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Suppliers</source>
            <translation>供应商</translation>
        </message>
        <message>
            <location line="+2" />
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
            <source>Conflicts</source>
            <translation>同步冲突</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
    </context>
    <context>
        <name>SettingsPages</name>
        <message>
            <location filename="../../ui/screens/settings.py" line="+60" />
            <source>Warehouses</source>
            <translation>仓库</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Shared database</source>
            <translation>共享数据库</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Backups</source>
            <translation>备份</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Users</source>
            <translation>用户</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Exchange rates</source>
            <translation>汇率</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Price levels</source>
            <translation>价格等级</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Month close</source>
            <translation>月结</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Planning</source>
            <translation>计划</translation>
        </message>
    </context>
    <context>
        <name>SettingsScreen</name>
        <message>
            <location line="+176" />
            <source>Company logo</source>
            <translation>公司标志</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Images (*.png *.jpg *.jpeg)</source>
            <translation>图片 (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Nothing was saved; the company currency stays %1.</source>
            <translation>未保存任何内容；公司本位币仍为 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/refusals.py" line="-672" />
            <source>Change the company currency from %1 to %2?

Exchange rates are stated in the company currency: the %3 rate(s) kept say how many %1 one unit of a foreign currency is worth, and from now on they are read as %2. %4 purchase order(s) in a foreign currency are valued through them when received. Enter the rates again in %2 after the change.</source>
            <translation>将公司本位币从 %1 改为 %2？

汇率以公司本位币表示：已保存的 %3 个汇率表示一单位外币值多少 %1，更改后将按 %2 读取。%4 张外币采购订单收货时按这些汇率折算。更改后请按 %2 重新录入汇率。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/settings.py" line="+17" />
            <source>Change the company currency</source>
            <translation>更改公司本位币</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Enter the company name; it is printed on purchase orders.</source>
            <translation>请输入公司名称；它会打印在采购订单上。</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source>At most 500 characters.</source>
            <translation>最多 500 个字符。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter a three-letter ISO 4217 code in use, such as CNY, USD or EUR.</source>
            <translation>请输入现行的三位 ISO 4217 币种代码，例如 CNY、USD 或 EUR。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Enter a percentage from 0 to 100, such as 13 or 2.5.</source>
            <translation>请输入 0 到 100 之间的百分比，例如 13 或 2.5。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter a percentage from 0 to 1000, such as 0 or 5.</source>
            <translation>请输入 0 到 1000 之间的百分比，例如 0 或 5。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Language:</source>
            <translation>语言(&amp;L)：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Company &amp;name:</source>
            <translation>公司名称(&amp;N)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Address:</source>
            <translation>地址(&amp;A)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>L&amp;ogo:</source>
            <translation>标志(&amp;O)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>C&amp;urrency:</source>
            <translation>币种(&amp;U)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Tax rate (%):</source>
            <translation>税率（%）(&amp;T)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Over-&amp;receipt tolerance (%):</source>
            <translation>超收容差（%）(&amp;R)：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Choose…</source>
            <translation>选择(&amp;C)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the company's settings (Ctrl+S)</source>
            <translation>保存公司设置（Ctrl+S）</translation>
        </message>
        <message>
            <location line="-11" />
            <source>Company and purchase orders</source>
            <translation>公司与采购订单</translation>
        </message>
        <message>
            <location line="+7" />
            <source>printed on documents</source>
            <translation>打印在单据上</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PNG or JPEG printed on purchase orders (optional)</source>
            <translation>打印在采购订单上的 PNG 或 JPEG（可选）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>General</source>
            <translation>常规</translation>
        </message>
    </context>
    <context>
        <name>SignIn</name>
        <message>
            <location filename="../../ui/dialogs/sign_in.py" line="+68" />
            <source>Sign in — Stockroom</source>
            <translation>登录 — Stockroom</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+4" />
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location line="-3" />
            <source>Database: %1</source>
            <translation>数据库：%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User name:</source>
            <translation>用户名：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password:</source>
            <translation>密码：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Enter your user name and your password.</source>
            <translation>请输入用户名和密码。</translation>
        </message>
        <message>
            <location filename="../../ui/refusals.py" line="+410" />
            <source>The user name or the password is wrong.</source>
            <translation>用户名或密码错误。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Signing in as %1 is paused after failed attempts; try again in %2 seconds (at %3).</source>
            <translation>%1 登录失败次数过多，已暂停登录；请在 %2 秒后（%3）重试。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/sign_in.py" line="+19" />
            <source>Could not sign in: %1</source>
            <translation>无法登录：%1</translation>
        </message>
    </context>
    <context>
        <name>SoList</name>
        <message>
            <location filename="../../ui/cli/sales.py" line="+113" />
            <source>SO</source>
            <translation>单号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>CUSTOMER</source>
            <translation>客户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WAREHOUSE</source>
            <translation>仓库</translation>
        </message>
        <message>
            <location line="+0" />
            <source>STATE</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CREATED</source>
            <translation>创建日期</translation>
        </message>
        <message>
            <location line="+0" />
            <source>LINES</source>
            <translation>行数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SUBTOTAL</source>
            <translation>不含税金额</translation>
        </message>
        <message>
            <location line="+0" />
            <source>TOTAL</source>
            <translation>价税合计</translation>
        </message>
        <message>
            <location line="+1" />
            <source>LINE</source>
            <translation>行号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ORDERED</source>
            <translation>订货数量</translation>
        </message>
        <message>
            <location line="+0" />
            <source>SHIPPED</source>
            <translation>已发货</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CUT</source>
            <translation>取消未交</translation>
        </message>
        <message>
            <location line="+0" />
            <source>OPEN</source>
            <translation>未交</translation>
        </message>
        <message>
            <location line="+1" />
            <source>RETURNED</source>
            <translation>已退</translation>
        </message>
        <message>
            <location line="+0" />
            <source>PRICE</source>
            <translation>单价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>DISC%</source>
            <translation>折扣%</translation>
        </message>
        <message>
            <location line="+0" />
            <source>REVENUE</source>
            <translation>销售收入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>COST</source>
            <translation>成本</translation>
        </message>
        <message>
            <location line="+0" />
            <source>MARGIN</source>
            <translation>毛利</translation>
        </message>
        <message>
            <location line="+1" />
            <source>requested %1</source>
            <translation>要求交期 %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ref %1</source>
            <translation>参考号 %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>subtotal %1  tax %2  total %3 %4</source>
            <translation>不含税 %1  税额 %2  价税合计 %3 %4</translation>
        </message>
    </context>
    <context>
        <name>StockChart</name>
        <message>
            <location filename="../../ui/widgets/stock_chart.py" line="+65" />
            <source>On hand</source>
            <translation>现有库存</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Stock level over time</source>
            <translation>库存变化</translation>
        </message>
    </context>
    <context>
        <name>StockScreen</name>
        <message>
            <location filename="../../ui/screens/stock.py" line="+121" />
            <location line="+37" />
            <location line="+4" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message numerus="yes">
            <location line="-18" />
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
            <source>&amp;Warehouse:</source>
            <translation>仓库(&amp;W)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Category:</source>
            <translation>类别(&amp;C)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Below min level only</source>
            <translation>仅显示低于最低库存(&amp;B)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>C&amp;lass:</source>
            <translation>分类(&amp;L)：</translation>
        </message>
    </context>
    <context>
        <name>StockTableModel</name>
        <message>
            <location filename="../../ui/models/stock.py" line="+35" />
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
            <location line="+2" />
            <source>Available</source>
            <translation>可用</translation>
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
        <message>
            <location line="+7" />
            <source>ABC/XYZ</source>
            <translation>ABC/XYZ</translation>
        </message>
    </context>
    <context>
        <name>Storage</name>
        <message>
            <location filename="../../ui/refusals.py" line="+20" />
            <source>The database is busy: another program or window (a long import, a sync or a backup) is writing to it. Nothing was written; try again when it has finished.</source>
            <translation>数据库正忙：另一个程序或窗口（较长的导入、同步或备份）正在写入。未写入任何内容；请在其完成后重试。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The disk that holds the database is full. Nothing was written; free some space on it (or move the database to a larger disk) and try again.</source>
            <translation>数据库所在的磁盘已满。未写入任何内容；请释放一些空间（或将数据库移到更大的磁盘），然后重试。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The disk could not be read or written (disk I/O error). Nothing was written; check the disk or the network drive, then try again.</source>
            <translation>无法读写磁盘（磁盘 I/O 错误）。未写入任何内容；请检查磁盘或网络驱动器，然后重试。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The database file cannot be written (it or its folder is read-only). Nothing was written; make it writable or open a copy.</source>
            <translation>数据库文件无法写入（文件或其文件夹为只读）。未写入任何内容；请使其可写，或打开一个副本。</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="-123" />
            <source>A number is too large to be kept exactly. Nothing was written; enter a smaller quantity, cost or amount.</source>
            <translation>数字太大，无法精确保存。未写入任何内容；请输入较小的数量、成本或金额。</translation>
        </message>
    </context>
    <context>
        <name>SupplierCurrencyDialog</name>
        <message>
            <location filename="../../ui/dialogs/supplier_currency.py" line="+45" />
            <source>Change the supplier's currency</source>
            <translation>更改供应商币种</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Supplier %1's term prices are in %2. After the change to %3 they are read in %3: convert them, or keep the numbers only if they already are %3 prices.</source>
            <translation>供应商 %1 的供货价格以 %2 计。改为 %3 后，这些价格将按 %3 计算：请按汇率换算；只有当这些数字本来就是 %3 价格时，才保留原数字。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Convert the prices at the rate</source>
            <translation>按汇率换算价格(&amp;C)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>how many %1 make 1 %2, such as 7.2</source>
            <translation>1 %2 折合多少 %1，例如 7.2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>(1 %1 = this many %2)</source>
            <translation>（1 %1 = 此数 %2）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Keep the numbers as they are</source>
            <translation>保留原数字不变(&amp;K)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>I confirm these numbers are %1 prices</source>
            <translation>我确认这些数字就是 %1 价格</translation>
        </message>
        <message>
            <location line="+2" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>From quantity</source>
            <translation>阶梯数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Old price (%1)</source>
            <translation>原价格（%1）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New price (%1)</source>
            <translation>新价格（%1）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Working out the prices…</source>
            <translation>正在计算价格…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Change &amp;currency</source>
            <translation>更改币种(&amp;C)</translation>
        </message>
    </context>
    <context>
        <name>SupplierInvoice</name>
        <message>
            <location filename="../../ui/screens/documents/supplier_invoices.py" line="+98" />
            <source>Supplier invoice for %1</source>
            <translation>%1 的采购发票</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Type the invoice as the supplier wrote it. The lines are filled with what was received and not yet invoiced, at the order's prices without tax; differences are highlighted.</source>
            <translation>按供应商开具的内容录入发票。各行已按已收货未开票的数量及采购订单不含税单价预先填好；差异会突出显示。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the supplier's code (required)</source>
            <translation>供应商编码（必填）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>PO-… (optional when a receipt is named)</source>
            <translation>PO-…（已指定入库单时可不填）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the supplier's invoice number (required)</source>
            <translation>供应商的发票号（必填）</translation>
        </message>
        <message>
            <location line="+13" />
            <source>(unticked: by the supplier's payment terms)</source>
            <translation>（不勾选：按供应商的付款条件）</translation>
        </message>
        <message>
            <location line="-19" />
            <source>Lo&amp;ad</source>
            <translation>载入(&amp;A)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>D&amp;ue on</source>
            <translation>到期日(&amp;U)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Per &amp;line</source>
            <translation>按行(&amp;L)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>One amount with &amp;tax:</source>
            <translation>按含税总额(&amp;T)：</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Purchase &amp;order:</source>
            <translation>采购订单(&amp;O)：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Supplier:</source>
            <translation>供应商(&amp;S)：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Invoice &amp;number:</source>
            <translation>发票号(&amp;N)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoice &amp;date:</source>
            <translation>发票日期(&amp;D)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due date:</source>
            <translation>到期日：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoice:</source>
            <translation>发票：</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location line="+0" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>品名</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Ordered</source>
            <translation>订购</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Received</source>
            <translation>已收货</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Invoiced before</source>
            <translation>此前已开票</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoiced</source>
            <translation>本次开票</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Order price</source>
            <translation>订单单价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoice price</source>
            <translation>发票单价</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Qty difference</source>
            <translation>数量差异</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price difference</source>
            <translation>单价差异</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Difference</source>
            <translation>金额差异</translation>
        </message>
        <message>
            <location line="+10" />
            <source>&amp;Post invoice</source>
            <translation>过账发票(&amp;P)</translation>
        </message>
        <message>
            <location line="+129" />
            <source>Enter a number in every invoiced quantity and price, or the amount.</source>
            <translation>请在每个开票数量和单价中填入数字，或填写总额。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Amount %1 %2 (tax %3 at %4%); expected %5 at the order's prices; difference %6.</source>
            <translation>金额 %1 %2（税额 %3，税率 %4%）；按订单价格应为 %5；差异 %6。</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Entered invoice %1 of %2, due %3: the payable is %4 and replaces the receipts' accrual of %5 (it moves by %6).</source>
            <translation>已录入 %2 的发票 %1，到期日 %3：应付 %4，替代收货暂估 %5（变动 %6）。</translation>
        </message>
        <message>
            <location line="+20" />
            <source>%1: billed %2 × %3, received %4 × %5, difference %6</source>
            <translation>%1：发票 %2 × %3，收货 %4 × %5，差额 %6</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Invoice %1 differs from what was ordered and received:</source>
            <translation>发票 %1 与订货和收货不符：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>It comes to %1 %2 with tax against %3 expected (%4). Check it with the supplier, or post it as it is.</source>
            <translation>含税合计 %1 %2，应为 %3（差额 %4）。请与供应商核对，或按发票原样过账。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The invoice differs</source>
            <translation>发票与订单不符</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Post with the differences</source>
            <translation>接受差异并过账(&amp;P)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Not now</source>
            <translation>暂不过账(&amp;N)</translation>
        </message>
    </context>
    <context>
        <name>SupplierReturn</name>
        <message>
            <location filename="../../ui/screens/documents/supplier_returns.py" line="+41" />
            <location line="+7" />
            <source>Return to supplier against %1</source>
            <translation>按 %1 采购退货</translation>
        </message>
        <message>
            <location line="-6" />
            <source>Goods going back from %1 that purchase order %2 of %3 brought in. They leave at the moving average.</source>
            <translation>从 %1 退回采购订单 %2（%3）收入的货品。按移动平均成本出库。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Ordered</source>
            <translation>订购数量</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Goods going back from %1 that receipt %2 of %3 brought in. They leave at the moving average.</source>
            <translation>从 %1 退回入库单 %2（%3）收入的货品。按移动平均成本出库。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Name</source>
            <translation>品名</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Print return &amp;note</source>
            <translation>打印采购退货单(&amp;N)</translation>
        </message>
        <message>
            <location line="-30" />
            <location line="+7" />
            <source>Received</source>
            <translation>已入库</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Returned</source>
            <translation>已退回</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Returnable</source>
            <translation>可退数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Return</source>
            <translation>本次退货</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Return &amp;all</source>
            <translation>全部退货(&amp;A)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>the supplier's code (required)</source>
            <translation>供应商编号（必填）</translation>
        </message>
        <message>
            <location line="-8" />
            <source>why the goods go back (required)</source>
            <translation>退货原因（必填）</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Supplier:</source>
            <translation>供应商：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason:</source>
            <translation>原因：</translation>
        </message>
        <message>
            <location line="-10" />
            <source>Post return</source>
            <translation>过账退货</translation>
        </message>
        <message>
            <location line="+62" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Posted return %1 to %2. Print its return note?</source>
            <translation>已过账采购退货单 %1（退给 %2）。打印采购退货单吗？</translation>
        </message>
    </context>
    <context>
        <name>SupplierScorecard</name>
        <message>
            <location filename="../../ui/screens/supplier_scorecard.py" line="+50" />
            <source>%1 (stated)</source>
            <translation>%1（约定）</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Code</source>
            <translation>编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On time</source>
            <translation>准时率</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Receipts</source>
            <translation>收货次数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Days late</source>
            <translation>平均迟到天数</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Lead time (days)</source>
            <translation>交货周期（天）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Fill rate</source>
            <translation>满足率</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Short lines</source>
            <translation>欠交行数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Returns</source>
            <translation>退货次数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Returned value</source>
            <translation>退货金额</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Of received</source>
            <translation>占收货比例</translation>
        </message>
        <message>
            <location line="+12" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <location line="+1" />
            <source>First price</source>
            <translation>期初单价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last price</source>
            <translation>最近单价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change</source>
            <translation>变动</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Prices paid</source>
            <translation>历次单价</translation>
        </message>
        <message>
            <location line="+47" />
            <source>On time per month (%)</source>
            <translation>每月准时率（%）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead time per month (days)</source>
            <translation>每月交货周期（天）</translation>
        </message>
        <message>
            <location line="+74" />
            <source>The period's first day is after its last day.</source>
            <translation>期间的开始日期晚于结束日期。</translation>
        </message>
        <message>
            <location line="+45" />
            <source>Choose a supplier to see its months and prices.</source>
            <translation>选择一个供应商以查看其按月表现和历次单价。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scorecard of %1</source>
            <translation>%1 的供应商评分</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scorecard</source>
            <translation>供应商评分</translation>
        </message>
        <message>
            <location line="+4" />
            <source>On time: %1 of %2 receipts (%3)</source>
            <translation>准时：%2 次收货中 %1 次（%3）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No receipt against a promised date in the period.</source>
            <translation>期间内没有按承诺日期考核的收货。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>lead time %1 days</source>
            <translation>交货周期 %1 天</translation>
        </message>
        <message>
            <location line="+1" />
            <source>fill rate %1 (%2 short lines)</source>
            <translation>满足率 %1（欠交 %2 行）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 return(s) worth %2 (%3 of received)</source>
            <translation>退货 %1 次，金额 %2（占收货 %3）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <location line="+3" />
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <location line="+1" />
            <source>to</source>
            <translation>至</translation>
        </message>
    </context>
    <context>
        <name>SuppliersScreen</name>
        <message>
            <location filename="../../ui/screens/suppliers.py" line="+59" />
            <source>Net: days after the receipt</source>
            <translation>按收货日期：收货后若干天</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Month-end (月结): days after the end of its month</source>
            <translation>月结：收货当月月末后若干天</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cash on delivery: due on the day</source>
            <translation>货到付款：当天到期</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+31" />
            <source>Lead time</source>
            <translation>交货期</translation>
        </message>
        <message>
            <location line="-30" />
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location line="+19" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Product</source>
            <translation>商品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supplier SKU</source>
            <translation>供应商货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supplier's name</source>
            <translation>供应商品名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Per</source>
            <translation>计价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>pack</source>
            <translation>包</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pack</source>
            <translation>包装</translation>
        </message>
        <message>
            <location line="+1" />
            <source>MOQ</source>
            <translation>起订量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Multiple</source>
            <translation>订购倍数</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Price breaks</source>
            <translation>阶梯价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Preferred</source>
            <translation>首选</translation>
        </message>
        <message>
            <location line="+1" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location line="+222" />
            <source>Checking what the new currency changes…</source>
            <translation>正在核对更换币种的影响…</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Not saved: %1</source>
            <translation>未保存：%1</translation>
        </message>
        <message>
            <location line="+16" />
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Search code, name or contact…</source>
            <translation>搜索编码、名称或联系人…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ne&amp;w supplier</source>
            <translation>新建供应商(&amp;W)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>E&amp;mail:</source>
            <translation>邮箱(&amp;M)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phon&amp;e:</source>
            <translation>电话(&amp;E)：</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Add &amp;terms…</source>
            <translation>添加条款(&amp;T)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ed&amp;it terms…</source>
            <translation>编辑条款(&amp;I)…</translation>
        </message>
        <message>
            <location line="-15" />
            <source>Supplier details</source>
            <translation>供应商资料</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Code:</source>
            <translation>编码(&amp;C)：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Name:</source>
            <translation>名称(&amp;N)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>C&amp;ontact:</source>
            <translation>联系人(&amp;O)：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>C&amp;urrency:</source>
            <translation>币种(&amp;U)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Lead time (days):</source>
            <translation>交货期（天）(&amp;L)：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Address:</source>
            <translation>地址(&amp;A)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Payment terms:</source>
            <translation>付款条件(&amp;P)：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Due dates count:</source>
            <translation>到期日计算方式：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment &amp;days:</source>
            <translation>付款天数(&amp;D)：</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Save supplier</source>
            <translation>保存供应商(&amp;S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Terms per product (%1)</source>
            <translation>商品采购条款（%1）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Details and terms</source>
            <translation>资料与条款</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scorecard</source>
            <translation>供应商评分</translation>
        </message>
    </context>
    <context>
        <name>SyncFields</name>
        <message>
            <location filename="../../ui/sync_reasons.py" line="+252" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Active</source>
            <translation>启用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Allows negative stock</source>
            <translation>允许负库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Balance</source>
            <translation>余额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Barcode</source>
            <translation>条码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Business date</source>
            <translation>业务日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Business key</source>
            <translation>业务键</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed</source>
            <translation>已结账</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed at</source>
            <translation>结账时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed by</source>
            <translation>结账人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Confirmed at</source>
            <translation>确认时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cost</source>
            <translation>成本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Counted</source>
            <translation>盘点数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Created</source>
            <translation>创建时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit item</source>
            <translation>贷方款项</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit limit</source>
            <translation>信用额度</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Debit item</source>
            <translation>借方款项</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Description</source>
            <translation>说明</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Detected</source>
            <translation>发现时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Device</source>
            <translation>设备编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Discount</source>
            <translation>折扣</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Display name</source>
            <translation>显示名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Document</source>
            <translation>单据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due date</source>
            <translation>到期日</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Email</source>
            <translation>电子邮件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expected quantity</source>
            <translation>账面数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expected date</source>
            <translation>预计到货日</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount in foreign currency</source>
            <translation>原币金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Foreign currency</source>
            <translation>外币币种</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+51" />
            <source>Exchange rate</source>
            <translation>汇率</translation>
        </message>
        <message>
            <location line="-50" />
            <source>Foreign unit price</source>
            <translation>外币单价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ID</source>
            <translation>编号</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source>Invoice</source>
            <translation>发票</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Issued at</source>
            <translation>下达时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Item allocated beyond its amount</source>
            <translation>核销超出金额的款项</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Item name</source>
            <translation>品名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kept version</source>
            <translation>保留的版本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead time (days)</source>
            <translation>交货期（天）</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+34" />
            <source>Price level</source>
            <translation>价格级别</translation>
        </message>
        <message>
            <location line="-33" />
            <source>Line</source>
            <translation>行号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Losing version</source>
            <translation>未采用的版本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Device of the losing version</source>
            <translation>未采用版本的设备</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Margin</source>
            <translation>毛利</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Max level</source>
            <translation>最高库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Method</source>
            <translation>方式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Min level</source>
            <translation>最低库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Minimum quantity</source>
            <translation>最小数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Minimum order quantity</source>
            <translation>最小起订量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stock movement</source>
            <translation>库存流水</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Number</source>
            <translation>单号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Occurred at</source>
            <translation>发生时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Order line</source>
            <translation>订单行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Order multiple</source>
            <translation>订购倍数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Original document</source>
            <translation>原单据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Original line</source>
            <translation>原单据行号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Authorised by</source>
            <translation>授权用户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pack size</source>
            <translation>包装数量</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source>Partner</source>
            <translation>往来单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment basis</source>
            <translation>付款基准</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment days</source>
            <translation>付款天数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment terms</source>
            <translation>付款条件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Base units per pack</source>
            <translation>每包装基本单位数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchase order</source>
            <translation>采购订单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Posted at</source>
            <translation>过账时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price</source>
            <translation>价格</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Price per</source>
            <translation>计价数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price source</source>
            <translation>价格来源</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Product</source>
            <translation>商品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rank</source>
            <translation>顺序</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Receipt</source>
            <translation>收货单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Received</source>
            <translation>已收数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recorded at</source>
            <translation>记录时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reference</source>
            <translation>参考号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Requested date</source>
            <translation>要求日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Resolved at</source>
            <translation>处理时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Resolved by</source>
            <translation>处理人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Returned</source>
            <translation>已退数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Revenue</source>
            <translation>收入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reversed</source>
            <translation>已冲销</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reversed at</source>
            <translation>冲销时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reverses</source>
            <translation>所冲销的条目</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Review period (days)</source>
            <translation>复核周期（天）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Revision</source>
            <translation>修订号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record ID</source>
            <translation>记录编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rule code</source>
            <translation>规则代码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rule details</source>
            <translation>规则参数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sequence</source>
            <translation>序号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service target</source>
            <translation>服务水平目标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shipped</source>
            <translation>已发数量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Side</source>
            <translation>收付方向</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SKU</source>
            <translation>货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Snapshot</source>
            <translation>快照</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sales order</source>
            <translation>销售订单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source reference</source>
            <translation>来源编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source type</source>
            <translation>来源类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Substitute</source>
            <translation>替代商品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supplier</source>
            <translation>供应商</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supplier SKU</source>
            <translation>供应商货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tax</source>
            <translation>税额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tax rate</source>
            <translation>税率</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record type</source>
            <translation>记录类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Terms</source>
            <translation>条款</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To warehouse</source>
            <translation>调入仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Transfer</source>
            <translation>调拨编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Undoes</source>
            <translation>所撤销的核销</translation>
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
            <source>Packaging unit</source>
            <translation>包装单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Valid from</source>
            <translation>生效日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Value</source>
            <translation>价值</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warehouse</source>
            <translation>仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Whole units</source>
            <translation>整数计量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Year</source>
            <translation>年份</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Setting</source>
            <translation>设置项</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Company name</source>
            <translation>公司名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Company address</source>
            <translation>公司地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchase order tax rate</source>
            <translation>采购订单税率</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Over-receipt tolerance</source>
            <translation>超收容差</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ABC basis</source>
            <translation>ABC 分类依据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Top up orders by supplier fill rate</source>
            <translation>按供应商满足率补足订货</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service target rule</source>
            <translation>服务水平目标规则</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overall service target</source>
            <translation>总体服务水平目标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Order cost per purchase order line</source>
            <translation>每条采购订单明细的下单成本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Holding rate a year (share of unit cost)</source>
            <translation>年持有成本率（占单位成本的比例）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dead stock days</source>
            <translation>呆滞天数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cover target days</source>
            <translation>库存覆盖目标天数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name of price level 3</source>
            <translation>价格等级 3 名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name of price level 4</source>
            <translation>价格等级 4 名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name of price level 5</source>
            <translation>价格等级 5 名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ageing basis</source>
            <translation>账龄计算依据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ageing bands</source>
            <translation>账龄区间</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <location filename="../../ui/screens/settings_sync.py" line="+194" />
            <source>Host: enter the server's name or IP address, such as hub.local or 192.168.1.10.</source>
            <translation>主机：请输入服务器名称或 IP 地址，例如 hub.local 或 192.168.1.10。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Port: enter a whole number from 1 to 65535 (PostgreSQL's default is 5432).</source>
            <translation>端口：请输入 1 到 65535 之间的整数（PostgreSQL 默认为 5432）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Database: enter the database's name, 1 to 63 characters, such as stockroom.</source>
            <translation>数据库：请输入数据库名称，1 到 63 个字符，例如 stockroom。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>User: enter the PostgreSQL user name, 1 to 63 characters.</source>
            <translation>用户：请输入 PostgreSQL 用户名，1 到 63 个字符。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>TLS mode: choose disable, prefer, require or verify-full.</source>
            <translation>TLS 模式：请选择 disable、prefer、require 或 verify-full。</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Connecting to %1…</source>
            <translation>正在连接 %1…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Connected: %1</source>
            <translation>已连接：%1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Could not connect: %1</source>
            <translation>无法连接：%1</translation>
        </message>
        <message>
            <location line="+10" />
            <location line="+18" />
            <source>A sync is already running.</source>
            <translation>已有同步正在进行。</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Start over with %1? Everything on this computer is sent to it and everything it holds is fetched; the shared database this computer synced with before is left as it is.</source>
            <translation>从头开始与 %1 同步？本机的全部数据都会发送过去，它保存的全部数据也会取回；本机以前同步的共享数据库保持不变。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Start over with this hub</source>
            <translation>从头开始与此共享数据库同步</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Last successful sync: %1</source>
            <translation>上次成功同步：%1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>pushed %1, pulled %2, %3 conflict(s), %4 merged</source>
            <translation>上传 %1，下载 %2，冲突 %3 个，合并 %4 个</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not synced yet.</source>
            <translation>尚未同步。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 change(s) wait to be pushed.</source>
            <translation>%1 项更改等待上传。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This desk works alone: its %1 change(s) are kept here and go to the shared database the first time it syncs with one.</source>
            <translation>本机单独使用：%1 项更改保存在本机，第一次与共享数据库同步时一并上传。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Last attempt: %1</source>
            <translation>上次尝试：%1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Synced: pushed %1, pulled %2, %3 conflict(s), %4 merged.</source>
            <translation>已同步：上传 %1，下载 %2，冲突 %3 个，合并 %4 个。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 stock balance(s) went below zero: see Conflicts.</source>
            <translation>%1 个库存余额变为负数：请查看“同步冲突”。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Sync cancelled; what was sent so far is kept and the next sync goes on from there.</source>
            <translation>同步已取消；已发送的内容会保留，下次同步从这里继续。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The hub refused the password: type it above and press Sync now.</source>
            <translation>共享数据库拒绝了密码：请在上方输入密码，然后点击“立即同步”。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Not synced: this computer syncs with another shared database. Syncing with this one means starting over, which an admin may do.</source>
            <translation>未同步：本机与另一个共享数据库同步。要与此数据库同步需从头开始，只有管理员可以这样做。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Offline: %1 Work goes on on this computer; the next sync catches up.</source>
            <translation>离线：%1本机照常工作，下次同步时会补上。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not synced: %1</source>
            <translation>未同步：%1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Kept in the system keyring, never in a file. Leave empty to keep the stored one.</source>
            <translation>保存在系统密钥环中，绝不写入文件。留空则保留已存的密码。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No system keyring here: the password is kept in memory until Stockroom closes, never in a file, and asked for once per session.</source>
            <translation>此处没有系统密钥环：密码只保存在内存中，直到 Stockroom 关闭，绝不写入文件；每次运行询问一次。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Shared PostgreSQL database (hub)</source>
            <translation>共享 PostgreSQL 数据库（中心库）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Each desktop keeps working on its own file, also offline, and exchanges its postings with the shared database when it syncs.</source>
            <translation>每台电脑都在自己的数据文件上工作（离线也可以），同步时与共享数据库交换单据和库存流水。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Host:</source>
            <translation>主机(&amp;H)：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Port:</source>
            <translation>端口(&amp;P)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Database:</source>
            <translation>数据库(&amp;D)：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;User:</source>
            <translation>用户(&amp;U)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;TLS mode:</source>
            <translation>TLS 模式(&amp;T)：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Pass&amp;word:</source>
            <translation>密码(&amp;W)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sync &amp;every:</source>
            <translation>同步间隔(&amp;E)：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>disable — no encryption</source>
            <translation>disable — 不加密</translation>
        </message>
        <message>
            <location line="+1" />
            <source>prefer — encrypt when the server offers it</source>
            <translation>prefer — 服务器支持时加密</translation>
        </message>
        <message>
            <location line="+1" />
            <source>require — always encrypt</source>
            <translation>require — 始终加密</translation>
        </message>
        <message>
            <location line="+1" />
            <source>verify-full — encrypt and check the certificate</source>
            <translation>verify-full — 加密并验证证书</translation>
        </message>
        <message>
            <location line="+3" />
            <source>hub.local or 192.168.1.10</source>
            <translation>hub.local 或 192.168.1.10</translation>
        </message>
        <message>
            <location line="+1" />
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <location line="+1" />
            <source>only when asked (0)</source>
            <translation>仅手动同步 (0)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Test &amp;connection</source>
            <translation>测试连接(&amp;C)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sync &amp;now (F9)</source>
            <translation>立即同步(&amp;N) (F9)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Start &amp;over with this hub…</source>
            <translation>从头开始与此共享数据库同步(&amp;O)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+12" />
            <source>.</source>
            <translation>。</translation>
        </message>
    </context>
    <context>
        <name>SyncReasons</name>
        <message>
            <location filename="../../ui/sync_reasons.py" line="-382" />
            <source>%1 is missing</source>
            <translation>缺少%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 is not a number</source>
            <translation>%1：%2 不是数字</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 is not a finite number</source>
            <translation>%1：%2 不是有限的数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 is too large; at most %3 is accepted</source>
            <translation>%1：%2 太大；最多接受 %3</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1: %2 has more than %3 decimal places</source>
            <translation>%1：%2 的小数超过 %3 位</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1: %2 is not a point in time</source>
            <translation>%1：%2 不是时间点</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 is outside %3..%4</source>
            <translation>%1：%2 不在 %3..%4 之内</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 is more than a year after today on this computer; dates from %3 to %4 are accepted</source>
            <translation>%1：%2 比本机今天晚了一年以上；只接受 %3 至 %4 之间的日期</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1: %2 is not a date such as 2026-03-01</source>
            <translation>%1：%2 不是日期（例如 2026-03-01）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 is not true or false</source>
            <translation>%1：%2 不是“是”或“否”</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 is not a whole number</source>
            <translation>%1：%2 不是整数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 is out of range</source>
            <translation>%1：%2 超出范围</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 is not text</source>
            <translation>%1：%2 不是文本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is %2 characters long; at most %3 are accepted</source>
            <translation>%1 长 %2 个字符；最多接受 %3 个</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 contains control characters</source>
            <translation>%1 含有控制字符</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 contains a NUL character</source>
            <translation>%1 含有 NUL 字符</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 contains half of a character (a lone UTF-16 surrogate), which no text can hold</source>
            <translation>%1 含有半个字符（孤立的 UTF-16 代理项），任何文本都无法存放</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1: %2 is not an id</source>
            <translation>%1：%2 不是编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 is not a device id</source>
            <translation>%1：%2 不是设备编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: the row is not an object</source>
            <translation>%1：该行不是对象</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: unknown field %2</source>
            <translation>%1：未知字段 %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the record is not an object</source>
            <translation>该记录不是对象</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the record's key %1 is not the logged key</source>
            <translation>记录的键 %1 与日志中的键不符</translation>
        </message>
        <message>
            <location line="+1" />
            <source>_children is not an object</source>
            <translation>_children 不是对象</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not a list</source>
            <translation>%1 不是列表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: a row belongs to another record</source>
            <translation>%1：有一行属于另一条记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 appears twice</source>
            <translation>%1：%2 出现了两次</translation>
        </message>
        <message>
            <location line="+1" />
            <source>malformed record (%1)</source>
            <translation>记录格式错误（%1）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>malformed row</source>
            <translation>行格式错误</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the key is not text</source>
            <translation>键不是文本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the key %1 is not an id</source>
            <translation>键 %1 不是编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the key %1 is not a key of %2</source>
            <translation>键 %1 不是 %2 的键</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the logged record is not valid JSON</source>
            <translation>日志中的记录不是有效的 JSON</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the logged record is empty</source>
            <translation>日志中的记录为空</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unknown table %1</source>
            <translation>未知的表 %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1</source>
            <translation>%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 must be greater than 0</source>
            <translation>%1：%2 必须大于 0</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 must be greater than %3</source>
            <translation>%1：%2 必须大于 %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 must be 0 or more</source>
            <translation>%1：%2 必须大于或等于 0</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 is not one of %3</source>
            <translation>%1：%2 不是以下之一：%3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 is not a percent between 0 and 100</source>
            <translation>%1：%2 不是 0 到 100 之间的百分比</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 is not between %3 and %4</source>
            <translation>%1：%2 不在 %3 与 %4 之间</translation>
        </message>
        <message>
            <location line="+2" />
            <source>max_level %1 is below min_level %2</source>
            <translation>最高库存 %1 小于最低库存 %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 is not a three-letter currency code</source>
            <translation>%1：%2 不是三个字母的币种代码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>substitute_id: a product cannot be its own substitute</source>
            <translation>替代商品：商品不能作为自身的替代品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>document_lines: line %1 of a %2 names a movement; only a receipt against a purchase order's lines do</source>
            <translation>单据明细：%2 的第 %1 行指向了库存流水；只有按采购订单收货的入库单明细才能这样</translation>
        </message>
        <message>
            <location line="+3" />
            <source>document_lines: movement %1 is named by two lines</source>
            <translation>单据明细：库存流水 %1 被两行同时指向</translation>
        </message>
        <message>
            <location line="+2" />
            <source>sales_order_lines: line %1 shipped %2 and cut %3 exceed the ordered %4</source>
            <translation>销售订单行：第 %1 行已发货 %2、已取消 %3，超过订购数量 %4</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1: %2 is too large; an amount stays below %3</source>
            <translation>%1：%2 太大；金额须小于 %3</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1: %2 is not a month such as 2026-11</source>
            <translation>%1：%2 不是月份（例如 2026-11）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>kind: a %1 item belongs to %2, not %3</source>
            <translation>类型：%1 类款项属于 %2，而不是 %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>amount: %1 has the wrong sign for a %2 item (%3 expected)</source>
            <translation>金额：%1 的正负号不符合 %2 类款项（应为 %3）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>amount: a %1 of 0</source>
            <translation>金额：金额为 0 的 %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>fx_currency, fx_amount and fx_rate go together; some are missing</source>
            <translation>原币币种、原币金额和汇率须同时给出；缺少其中几项</translation>
        </message>
        <message>
            <location line="+2" />
            <source>fx_currency: a %1 item of %2 keeps no amount in a currency; only a supplier's payment, refund or their reversal does</source>
            <translation>原币币种：%2 的 %1 单据不记原币金额；只有供应商的付款、退款或其冲销才记</translation>
        </message>
        <message>
            <location line="+3" />
            <source>fx_amount: %1 is 0 or of another sign than the amount %2</source>
            <translation>原币金额：%1 为 0，或与金额 %2 的正负不同</translation>
        </message>
        <message>
            <location line="+2" />
            <source>due_on: %1 is before the business date %2</source>
            <translation>到期日：%1 早于业务日期 %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>reverses_id: a reversal names the item it reverses, and only a reversal does</source>
            <translation>所冲销的条目：冲销须指明所冲销的款项，且只有冲销才能指明</translation>
        </message>
        <message>
            <location line="+2" />
            <source>reverses_id: an item cannot reverse itself</source>
            <translation>所冲销的条目：款项不能冲销自身</translation>
        </message>
        <message>
            <location line="+1" />
            <source>year and seq go together</source>
            <translation>年份与序号须同时给出</translation>
        </message>
        <message>
            <location line="+1" />
            <source>number: %1 does not end in its seq %2 (RC-2026-00001 is seq 1)</source>
            <translation>单号：%1 的结尾不是其序号 %2（RC-2026-00001 的序号为 1）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>year: %1 is outside the years a business date may fall in</source>
            <translation>年份：%1 不在业务日期允许的年份之内</translation>
        </message>
        <message>
            <location line="+2" />
            <source>amount: an allocation of 0</source>
            <translation>金额：金额为 0 的核销</translation>
        </message>
        <message>
            <location line="+1" />
            <source>amount: %1 is negative but the allocation undoes nothing (undoes_id)</source>
            <translation>金额：%1 为负数，但该核销并未撤销任何核销（所撤销的核销）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>amount: %1 undoes an allocation, so it is negative</source>
            <translation>金额：%1 撤销一笔核销，因此应为负数</translation>
        </message>
        <message>
            <location line="+2" />
            <source>credit_item_id: an item cannot settle itself</source>
            <translation>贷方款项：款项不能核销自身</translation>
        </message>
        <message>
            <location line="+1" />
            <source>undoes_id: an allocation cannot undo itself</source>
            <translation>所撤销的核销：核销不能撤销自身</translation>
        </message>
        <message>
            <location line="+1" />
            <source>closed_at: a closed month says when it was closed</source>
            <translation>结账时间：已结账的月份须注明结账时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>reason: a month is reopened only with a reason</source>
            <translation>原因：重新打开月份必须说明原因</translation>
        </message>
        <message>
            <location line="+1" />
            <source>qty must not be 0</source>
            <translation>数量不能为 0</translation>
        </message>
        <message>
            <location line="+1" />
            <source>qty: %1 has the wrong sign for a movement of kind %2 (%3 expected)</source>
            <translation>数量：%1 的正负号不符合“%2”类流水（应为 %3）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is negative</source>
            <translation>%1 为负数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a reversal names no movement it reverses</source>
            <translation>冲销未指明所冲销的库存变动</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a transfer leg has no transfer id</source>
            <translation>调拨的一端没有调拨编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>qty must be greater than 0</source>
            <translation>数量必须大于 0</translation>
        </message>
        <message>
            <location line="+1" />
            <source>fx_currency, fx_unit_price, fx_rate and unit_cost go together; some are missing</source>
            <translation>外币币种、外币单价、汇率与单位成本须同时给出；缺少其中一部分</translation>
        </message>
        <message>
            <location line="+2" />
            <source>fx_rate must be greater than 0</source>
            <translation>汇率必须大于 0</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 refers to %2 %3 which is not here</source>
            <translation>%1引用了本机没有的%2 %3</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 refers to a %2 %3 which is not here</source>
            <translation>%1引用了本机没有的%2 %3</translation>
        </message>
        <message>
            <location line="+2" />
            <source>sku: %1 is the SKU %2 of another product here, in another case</source>
            <translation>货号：%1 与本机另一商品的货号 %2 仅大小写不同</translation>
        </message>
        <message>
            <location line="+2" />
            <source>sku: %1 is the barcode of another product here</source>
            <translation>货号：%1 是本机另一商品的条码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>barcode: %1 is the SKU of another product here</source>
            <translation>条码：%1 是本机另一商品的货号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>deleted on the hub, but %1 here still refer to it</source>
            <translation>已在共享数据库上删除，但本机的%1仍引用它</translation>
        </message>
        <message>
            <location line="+2" />
            <source>merged on the hub into %1 %2, which is not here: not renamed</source>
            <translation>在共享数据库上已合并到 %1 %2，但本机没有该记录：未改名</translation>
        </message>
        <message>
            <location line="+2" />
            <source>said on the hub to be a second reversal of movement %1, but it reverses %2</source>
            <translation>共享数据库称其为库存变动 %1 的第二笔冲销，但它冲销的是 %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 refers to %2 %3, which is held back</source>
            <translation>%1引用了暂缓发送的%2 %3</translation>
        </message>
        <message>
            <location line="+2" />
            <source>currency: supplier %1 changes from %2 to %3 on the hub, but here it has open purchase orders (%4) or unsettled payables (%5) in %2; the change comes in once they are received, settled or cancelled</source>
            <translation>币种：共享数据库中供应商 %1 的币种由 %2 改为 %3，但本机还有以 %2 计价的未完成采购订单（%4）或未结清的应付款（%5）；待这些采购订单收货或取消、应付款结清后，此更改才会生效</translation>
        </message>
        <message>
            <location line="+4" />
            <source>a price of supplier %1 waits for the supplier's change of currency, which is kept aside here</source>
            <translation>供应商 %1 的价格须等该供应商的币种更改生效，而该更改在本机已搁置</translation>
        </message>
        <message>
            <location line="+3" />
            <source>user records go to the hub only with an admin's hub login (see sync hub-add-admin); this desk's own login may not write them</source>
            <translation>用户记录只能用管理员的共享数据库登录发送（见 sync hub-add-admin）；本机自己的登录不能写入用户记录</translation>
        </message>
        <message>
            <location line="+3" />
            <source>reverses_id: the reversed item is another partner's</source>
            <translation>所冲销的条目：被冲销的款项属于另一往来单位</translation>
        </message>
        <message>
            <location line="+2" />
            <source>amount: %1 is not the opposite of the reversed item's %2</source>
            <translation>金额：%1 与被冲销款项的金额 %2 不是相反数</translation>
        </message>
        <message>
            <location line="+2" />
            <source>credit_item_id: the two items are not of one side and partner</source>
            <translation>贷方款项：两笔款项不属于同一方向和同一往来单位</translation>
        </message>
        <message>
            <location line="+2" />
            <source>debit_item_id: the item's amount %1 does not raise what is owed</source>
            <translation>借方款项：该款项的金额 %1 并未增加应收应付</translation>
        </message>
        <message>
            <location line="+2" />
            <source>credit_item_id: the item's amount %1 does not settle anything</source>
            <translation>贷方款项：该款项的金额 %1 不能冲抵任何款项</translation>
        </message>
        <message>
            <location line="+2" />
            <source>undoes_id: the undone allocation is an undo, or joins other items</source>
            <translation>所撤销的核销：被撤销的核销本身是撤销，或涉及其他款项</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a %1 row is never deleted</source>
            <translation>%1记录从不删除</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a %1 row is never changed, and the hub's differs from the one here</source>
            <translation>%1记录从不修改，而共享数据库上的与本机的不同</translation>
        </message>
        <message>
            <location line="+2" />
            <source>new user %1 (%2): this computer has no users yet and takes them from the hub only in its first sync with it; approve it here to let it in</source>
            <translation>新用户 %1（%2）：本机尚无用户，只在与共享数据库的首次同步中接收用户；请在本机批准后生效</translation>
        </message>
        <message>
            <location line="+3" />
            <source>new user %1 (%2): an admin of this computer must approve it</source>
            <translation>新用户 %1（%2）：须由本机管理员批准</translation>
        </message>
        <message>
            <location line="+2" />
            <source>user %1: a change of role, password, name or reactivation made elsewhere; an admin of this computer must approve it</source>
            <translation>用户 %1：在别处修改了角色、密码、名称或重新启用；须由本机管理员批准</translation>
        </message>
        <message>
            <location line="+3" />
            <source>user %1 merged on the hub into user %2: an admin of this computer must approve it</source>
            <translation>用户 %1 在共享数据库上被合并到用户 %2：须由本机管理员批准</translation>
        </message>
        <message>
            <location line="+3" />
            <source>a user deleted on the hub; users are deactivated, never deleted</source>
            <translation>共享数据库上删除了一个用户；用户只能停用，不能删除</translation>
        </message>
        <message>
            <location line="+2" />
            <source>user %1 is this computer's last active admin and keeps that role</source>
            <translation>用户 %1 是本机最后一个启用的管理员，保留该角色</translation>
        </message>
        <message>
            <location line="+280" />
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
    </context>
    <context>
        <name>SyncRules</name>
        <message>
            <location line="+11" />
            <source>a fact is never changed: the version first on the hub is kept</source>
            <translation>事实记录从不修改：保留最先到达共享数据库的版本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>deletion loses to an edit</source>
            <translation>删除让位于修改</translation>
        </message>
        <message>
            <location line="+1" />
            <source>higher version wins</source>
            <translation>版本较高者优先</translation>
        </message>
        <message>
            <location line="+1" />
            <source>same version: first on hub wins</source>
            <translation>版本相同：最先到达共享数据库者优先</translation>
        </message>
        <message>
            <location line="+1" />
            <source>duplicate %1: merged into the record on the hub</source>
            <translation>%1重复：已合并到共享数据库上的记录</translation>
        </message>
        <message>
            <location line="+2" />
            <source>duplicate %1: the record on the hub is kept</source>
            <translation>%1重复：保留共享数据库上的记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>number %1 taken: renumbered %2</source>
            <translation>单号 %1 已被占用：已重新编号为 %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>barcode %1 belongs to another product</source>
            <translation>条码 %1 属于另一商品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>movement already reversed on another device: this reversal is undone and kept as an adjustment; correct it if it was the same mistake</source>
            <translation>该库存流水已在另一台设备上冲销：本次冲销已撤销并保留为调整；如果是同一个错误，请更正</translation>
        </message>
        <message>
            <location line="+3" />
            <source>edited here during a sync: the hub's version is kept</source>
            <translation>同步期间在本机修改：保留共享数据库上的版本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>allocated beyond its amount on two desks offline: the later allocation is undone by %1; allocate what is open again</source>
            <translation>两台电脑离线时核销超过了金额：较晚的核销撤销了 %1；请重新核销未结金额</translation>
        </message>
        <message>
            <location line="+3" />
            <source>invoice %1 of %2 bills receipt %3, reversed on another desk: the invoice stays owed and %4 waits as its credit; reverse it or ask for a credit note</source>
            <translation>%2 的发票 %1 所开的收货 %3 已在另一台电脑上冲销：该发票仍计为应付，%4 作为它的贷方余额暂挂；请冲销该发票，或请供应商开具红字发票</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 of %2 was reversed on another desk after %3 settled it here: %4 of %3 is %2's credit again; allocate it to what is open, or refund it</source>
            <translation>%2 的 %1 已在另一台电脑上冲销，而本机已用 %3 核销了它：%3 中的 %4 重新成为 %2 的贷方余额；请将其核销到未结项目，或予以退款</translation>
        </message>
        <message>
            <location line="+3" />
            <source>invoice %1 of %2 bills receipt %3, reversed on another desk: the invoice stays owed (or paid) for goods no longer received; reverse it or ask for a credit note</source>
            <translation>%2 的发票 %1 所开的入库单 %3 已在另一台电脑上冲销：该发票仍计为应付（或已付款），而货物已不算入库；请冲销该发票，或请供应商开具红字发票</translation>
        </message>
        <message>
            <location line="+4" />
            <source>dated %1 in the closed month %2: kept (it happened); the month's frozen figures leave it out: reopen it if they must include it</source>
            <translation>日期为 %1，属于已结账月份 %2：已保留（确已发生）；该月冻结的数字不包含它：如需包含，请重新打开该月</translation>
        </message>
    </context>
    <context>
        <name>SyncStage</name>
        <message>
            <location filename="../../ui/sync_stages.py" line="+19" />
            <source>sending</source>
            <translation>上传</translation>
        </message>
        <message>
            <location line="+1" />
            <source>receiving</source>
            <translation>下载</translation>
        </message>
        <message>
            <location line="+1" />
            <source>recalculating stock</source>
            <translation>重算库存</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1: %2/%3</source>
            <translation>%1：%2/%3</translation>
        </message>
    </context>
    <context>
        <name>SyncStatus</name>
        <message>
            <location filename="../../ui/widgets/sync_status.py" line="-171" />
            <source>%n record(s) from the shared database refused, not applied.</source>
            <translation>共享数据库中有 %n 条记录未通过检查，已拒收，未应用。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%n record(s) here cannot go to the shared database yet.</source>
            <translation>本机有 %n 条记录无法发送到共享数据库，正在等待。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>• %1 %2: %3</source>
            <translation>• %1 %2：%3</translation>
        </message>
        <message>
            <location line="+4" />
            <source>See Sync conflicts for the reasons.</source>
            <translation>原因见“同步冲突”。</translation>
        </message>
        <message>
            <location line="+92" />
            <source>%n conflict(s) to review</source>
            <translation>%n 个冲突待审阅</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%n stock balance(s) below zero</source>
            <translation>%n 个库存余额为负</translation>
        </message>
        <message>
            <location line="+1" />
            <source>After merging the desktops' postings these balances are negative. Count the product or post a correction.</source>
            <translation>合并各台电脑的单据后，这些库存余额为负数。请盘点该商品或录入更正。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%n record(s) kept aside</source>
            <translation>%n 条记录已搁置</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Syncing…</source>
            <translation>正在同步…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Syncing… %1</source>
            <translation>正在同步… %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Hub password needed</source>
            <translation>需要共享数据库密码</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Offline since %1</source>
            <translation>自 %1 起离线</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sync stopped %1</source>
            <translation>同步已停止 %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sync failed %1</source>
            <translation>同步失败 %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Synced %1</source>
            <translation>已同步 %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not synced yet</source>
            <translation>尚未同步</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Shared database: %1</source>
            <translation>共享数据库：%1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Last successful sync: %1</source>
            <translation>上次成功同步：%1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Last attempt: %1</source>
            <translation>上次尝试：%1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Work goes on offline; the next sync catches up.</source>
            <translation>可以继续离线工作；下次同步会补上。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>F9 syncs now.</source>
            <translation>按 F9 立即同步。</translation>
        </message>
    </context>
    <context>
        <name>SyncTables</name>
        <message>
            <location filename="../../ui/sync_reasons.py" line="-309" />
            <source>Warehouse</source>
            <translation>仓库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Product</source>
            <translation>商品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Barcode</source>
            <translation>条码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Packaging unit</source>
            <translation>包装单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Packaging unit barcode</source>
            <translation>包装单位条码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supplier</source>
            <translation>供应商</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+3" />
            <source>Supplier terms</source>
            <translation>供应条款</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Exchange rate</source>
            <translation>汇率</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supplier profile</source>
            <translation>供应商资料</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Price break</source>
            <translation>阶梯价格</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Preferred supplier</source>
            <translation>首选供应商</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Product planning</source>
            <translation>商品补货参数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Product price</source>
            <translation>商品价格</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Product selling terms</source>
            <translation>商品销售设置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Substitute product</source>
            <translation>替代商品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Customer terms</source>
            <translation>客户条款</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Customer price</source>
            <translation>客户价格</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sales order</source>
            <translation>销售订单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sales order line</source>
            <translation>销售订单行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Document</source>
            <translation>单据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Document line</source>
            <translation>单据行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sales line</source>
            <translation>销售行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchase order</source>
            <translation>采购订单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchase order line</source>
            <translation>采购订单行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchase order revision</source>
            <translation>采购订单修订</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment method</source>
            <translation>收付款方式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supplier invoice</source>
            <translation>供应商发票</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supplier invoice line</source>
            <translation>供应商发票行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Receivable or payable item</source>
            <translation>应收应付款项</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Allocation</source>
            <translation>核销记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Accounting month</source>
            <translation>会计月份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Month close or reopening</source>
            <translation>月结或反结账</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Month-end stock figure</source>
            <translation>月末库存数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Month-end balance</source>
            <translation>月末余额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sync conflict</source>
            <translation>同步冲突</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Company setting</source>
            <translation>公司设置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stock movement</source>
            <translation>库存流水</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unfilled demand</source>
            <translation>未满足需求</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stock balance</source>
            <translation>库存余额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open amount</source>
            <translation>未结金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Forecast</source>
            <translation>预测</translation>
        </message>
    </context>
    <context>
        <name>TermsDialog</name>
        <message>
            <location filename="../../ui/dialogs/terms.py" line="+119" />
            <source>Terms of %1</source>
            <translation>%1 的采购条款</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Our &amp;SKU:</source>
            <translation>本方货号(&amp;S)：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Supplier S&amp;KU:</source>
            <translation>供应商货号(&amp;K)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supplier's &amp;name:</source>
            <translation>供应商品名(&amp;N)：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unit &amp;price:</source>
            <translation>单价(&amp;P)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price p&amp;er:</source>
            <translation>计价单位(&amp;E)：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Pac&amp;k size (units):</source>
            <translation>每包数量（库存单位）(&amp;K)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Minimum order (units):</source>
            <translation>起订量（库存单位）(&amp;M)：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Order m&amp;ultiple:</source>
            <translation>订购倍数(&amp;U)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Lead time (days):</source>
            <translation>交货期（天）(&amp;L)：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Price &amp;breaks:</source>
            <translation>阶梯价(&amp;B)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pre&amp;ferred:</source>
            <translation>首选(&amp;F)：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>stock unit</source>
            <translation>库存单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>pack</source>
            <translation>包</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the supplier's default</source>
            <translation>供应商默认值</translation>
        </message>
        <message>
            <location line="+1" />
            <source>One per line: quantity @ price, e.g. 100 @ 9.50</source>
            <translation>每行一条：数量 @ 单价，例如 100 @ 9.50</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Preferred supplier of this product</source>
            <translation>该商品的首选供应商</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Not saved: %1</source>
            <translation>未保存：%1</translation>
        </message>
    </context>
    <context>
        <name>UnfilledDemand</name>
        <message>
            <location filename="../../ui/widgets/unfilled_offer.py" line="+95" />
            <source>%1 more of %2 than %3 holds: a lost sale?</source>
            <translation>%2 在 %3 还差 %1：记为未满足需求？</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Sh&amp;ip the %1 on hand</source>
            <translation>只发现有的 %1(&amp;I)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove the l&amp;ine: none on hand</source>
            <translation>删除该行：无现货(&amp;I)</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Recorded %1 of %2 as unfilled demand. Change line %3 to what is on hand, or remove it, and post again.</source>
            <translation>已将 %2 的 %1 记为未满足需求。请把第 %3 行改为现有库存或删除该行，然后重新过账。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Not recorded: %1</source>
            <translation>未记录：%1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Record as u&amp;nfilled demand</source>
            <translation>记为未满足需求(&amp;N)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Count what the customer asked for and could not get as demand, so forecasts and reorder points see it</source>
            <translation>把客户要而未能发货的数量计为需求，使预测和再订货点能考虑到它</translation>
        </message>
    </context>
    <context>
        <name>UnscannedLines</name>
        <message>
            <location filename="../../ui/dialogs/unscanned.py" line="+32" />
            <source>%1 and %2 more</source>
            <translation>%1 等另外 %2 个</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%n line(s) were neither scanned nor changed: %1. Receive them as expected, or leave them open?</source>
            <translation>有 %n 行既未扫描也未修改：%1。按待收数量收货，还是保持未结？</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Lines not scanned</source>
            <translation>未扫描的行</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Leave them open: they are received as 0 and stay open on the purchase order. Receive them as expected: the full quantity still expected is received.</source>
            <translation>保持未结：这些行按 0 收货，在采购订单上仍为待收。按待收数量收货：收下全部待收数量。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Leave them open</source>
            <translation>保持未结(&amp;L)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Receive them as &amp;expected</source>
            <translation>按待收数量收货(&amp;E)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>UserTableModel</name>
        <message>
            <location filename="../../ui/models/users.py" line="+18" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no (deactivated)</source>
            <translation>否（已停用）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Active</source>
            <translation>启用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Created</source>
            <translation>创建时间</translation>
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message>
            <location filename="../../ui/screens/settings_users.py" line="+54" />
            <source>Reset password of %1</source>
            <translation>重置 %1 的密码</translation>
        </message>
        <message>
            <location line="+8" />
            <source>New password:</source>
            <translation>新密码：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The same again:</source>
            <translation>再输入一次：</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+134" />
            <source>The two passwords differ; type the same password twice.</source>
            <translation>两次输入的密码不一致，请输入相同的密码。</translation>
        </message>
        <message>
            <location line="-13" />
            <source>Only an admin can manage users. You are signed in as %1 (%2).</source>
            <translation>只有管理员可以管理用户。您当前登录为 %1（%2）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sign-in is off: anyone using Stockroom on this database may do everything. Add the first user, an admin, to turn sign-in on; from then on everyone signs in and may do what their role allows.</source>
            <translation>登录未开启：在此数据库上使用 Stockroom 的任何人都可以进行所有操作。添加第一个用户（管理员）即可开启登录；此后每个人都需登录，且只能进行其角色允许的操作。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Roles: a clerk receives, ships, transfers and counts; a purchaser also works on purchase orders and supplier terms; a manager also adjusts, reverses and changes products and settings; an admin also manages users.</source>
            <translation>角色：库管员可收货、发货、调拨和盘点；采购员还可处理采购订单和供应商条款；经理还可调整库存、冲销单据并修改商品和设置；管理员还可管理用户。</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Sign-in is now on. You are signed in as %1 (%2).</source>
            <translation>登录已开启。您已登录为 %1（%2）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Added %1 (%2).</source>
            <translation>已添加 %1（%2）。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%1 is now %2.</source>
            <translation>%1 现在是%2。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>New password set for %1.</source>
            <translation>已为 %1 设置新密码。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Deactivate %1? They can no longer sign in; what they recorded keeps their name.</source>
            <translation>停用 %1？停用后其无法再登录；其已记录的单据和流水仍保留其名字。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 can no longer sign in.</source>
            <translation>%1 已无法登录。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>%1 can sign in again.</source>
            <translation>%1 可以重新登录了。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Users</source>
            <translation>用户</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Enter a user name without spaces, at most 64 characters.</source>
            <translation>请输入不含空格的用户名，最多 64 个字符。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Use a password of at least 8 characters.</source>
            <translation>密码至少需要 8 个字符。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The full name may have at most 200 characters.</source>
            <translation>姓名最多 200 个字符。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>This user name is taken; choose another.</source>
            <translation>该用户名已被使用，请换一个。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Only an admin can manage users.</source>
            <translation>只有管理员可以管理用户。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is the last active admin; make another user admin first.</source>
            <translation>%1 是最后一个启用的管理员；请先将另一位用户设为管理员。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Change r&amp;ole</source>
            <translation>更改角色(&amp;O)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reset pass&amp;word…</source>
            <translation>重置密码(&amp;W)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Deactivate…</source>
            <translation>停用(&amp;D)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reac&amp;tivate</source>
            <translation>重新启用(&amp;T)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;User name:</source>
            <translation>用户名(&amp;U)：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Full &amp;name:</source>
            <translation>姓名(&amp;N)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Role:</source>
            <translation>角色(&amp;R)：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Password:</source>
            <translation>密码(&amp;P)：</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Add user</source>
            <translation>添加用户(&amp;A)</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Add a user</source>
            <translation>添加用户</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The sa&amp;me again:</source>
            <translation>再输入一次(&amp;M)：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>at least 8 characters</source>
            <translation>至少 8 个字符</translation>
        </message>
    </context>
    <context>
        <name>WarehousesPage</name>
        <message>
            <location filename="../../ui/screens/settings_warehouses.py" line="+42" />
            <source>Code: enter a short code without spaces, such as BJ or MAIN (letters, digits and signs such as - _ . /, not starting with =, + or @; at most 32).</source>
            <translation>编码：请输入不含空格的简短编码，例如 BJ 或 MAIN（字母、数字和 - _ . / 等符号，不以 =、+ 或 @ 开头，最多 32 个字符）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Name: enter the warehouse's name, at most 200 characters.</source>
            <translation>名称：请输入仓库名称，最多 200 个字符。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address: at most 500 characters.</source>
            <translation>地址：最多 500 个字符。</translation>
        </message>
        <message>
            <location line="+76" />
            <source>Added warehouse %1 (%2).</source>
            <translation>已添加仓库 %1（%2）。</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Refused: %1</source>
            <translation>未通过：%1</translation>
        </message>
        <message>
            <location line="+11" />
            <source>allowed</source>
            <translation>允许</translation>
        </message>
        <message>
            <location line="+0" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The company's warehouses. Add one here before receiving goods into it, moving stock to it or importing its opening stock; its code is what spreadsheets and the command line name it by.</source>
            <translation>公司的仓库。向某个仓库收货、调拨或导入其期初库存之前，请先在这里添加它；表格和命令行都用仓库编码来指明仓库。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Negative stock</source>
            <translation>负库存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Code:</source>
            <translation>编码(&amp;C)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Name:</source>
            <translation>名称(&amp;N)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Address:</source>
            <translation>地址(&amp;A)：</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Allow ne&amp;gative stock</source>
            <translation>允许负库存(&amp;G)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Add &amp;warehouse</source>
            <translation>添加仓库(&amp;W)</translation>
        </message>
        <message>
            <location line="-7" />
            <source>e.g. BJ</source>
            <translation>例如 BJ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. Beijing warehouse</source>
            <translation>例如 北京仓</translation>
        </message>
        <message>
            <location line="+1" />
            <source>optional</source>
            <translation>可不填</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Let shipments take this warehouse below zero (goods sold before their receipt is entered); leave it off unless you work that way.</source>
            <translation>允许出库使该仓库库存低于零（货物在入库单录入之前就已售出）；除非确实这样操作，否则请不要勾选。</translation>
        </message>
    </context>
    <context>
        <name>Welcome</name>
        <message>
            <location filename="../../ui/dialogs/welcome.py" line="+66" />
            <source>Company &amp;name:</source>
            <translation>公司名称(&amp;N)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Address:</source>
            <translation>地址(&amp;A)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>C&amp;urrency:</source>
            <translation>币种(&amp;U)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Tax rate (%):</source>
            <translation>税率（%）(&amp;T)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>First &amp;warehouse code:</source>
            <translation>第一个仓库代码(&amp;W)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warehouse nam&amp;e:</source>
            <translation>仓库名称(&amp;E)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Database &amp;file:</source>
            <translation>数据库文件(&amp;F)：</translation>
        </message>
        <message>
            <location line="+184" />
            <source>New database file</source>
            <translation>新数据库文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stockroom databases (*.sqlite3)</source>
            <translation>Stockroom 数据库 (*.sqlite3)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>A file is already there; open it from the first page, or choose the name of a new file.</source>
            <translation>该位置已有文件；请在首页打开它，或为新文件另选名称。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Enter the file the new database is kept in.</source>
            <translation>请输入保存新数据库的文件。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Creating the database…</source>
            <translation>正在创建数据库…</translation>
        </message>
        <message>
            <location line="+16" />
            <location line="+50" />
            <source>Could not create the database: %1</source>
            <translation>无法创建数据库：%1</translation>
        </message>
        <message>
            <location line="-45" />
            <source>Enter the company name; it is printed on purchase orders.</source>
            <translation>请输入公司名称；它会打印在采购订单上。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>At most 500 characters.</source>
            <translation>最多 500 个字符。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter a three-letter ISO 4217 currency code, such as CNY, USD or EUR.</source>
            <translation>请输入三个字母的 ISO 4217 币种代码，例如 CNY、USD 或 EUR。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the percentage added to purchase orders, from 0 to 100, such as 13, or 3 for a small-scale taxpayer.</source>
            <translation>请输入采购订单上加收的税率百分比，0 到 100 之间，例如 13；小规模纳税人可填 3。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Enter a short code without spaces, such as SH or MAIN.</source>
            <translation>请输入不含空格的简短代码，例如 SH 或 MAIN。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the warehouse's name.</source>
            <translation>请输入仓库名称。</translation>
        </message>
        <message>
            <location line="+20" />
            <source>A database is already there (%1): open it with "Open an existing file…" and join from Settings › Shared database.</source>
            <translation>这里已有一个数据库（%1）：请用“打开现有文件…”打开它，再到“设置 › 共享数据库”中加入。</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Open a database</source>
            <translation>打开数据库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stockroom databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
            <translation>Stockroom 数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Starting…</source>
            <translation>正在开始…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Building the demo database: step %1 of %2</source>
            <translation>正在生成演示数据库：第 %1 步，共 %2 步</translation>
        </message>
        <message>
            <location line="+14" />
            <location line="+60" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location line="-57" />
            <source>The demo was not built: you cancelled it.</source>
            <translation>演示数据库未生成：您已取消。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The demo could not be built: %1</source>
            <translation>无法生成演示数据库：%1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Stopping after the month in progress…</source>
            <translation>正在完成当前月份后停止…</translation>
        </message>
        <message>
            <location line="+15" />
            <location line="+1" />
            <source>Welcome to Stockroom</source>
            <translation>欢迎使用 Stockroom</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purchasing, sales and inventory for small businesses. How would you like to start?</source>
            <translation>面向小企业的进销存管理。您想如何开始？</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Language:</source>
            <translation>语言(&amp;L)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Create a new company database</source>
            <translation>新建公司数据库(&amp;C)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Join your office's shared database</source>
            <translation>加入本公司的共享数据库(&amp;J)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Open an existing file…</source>
            <translation>打开现有文件(&amp;O)…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Explore the &amp;demo database</source>
            <translation>浏览演示数据库(&amp;D)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>C&amp;hoose…</source>
            <translation>选择(&amp;H)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Back</source>
            <translation>返回(&amp;B)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Create</source>
            <translation>创建(&amp;C)</translation>
        </message>
        <message>
            <location line="-20" />
            <source>Your company's name, address and currency, and your first warehouse.</source>
            <translation>填写公司名称、地址和币种，以及第一个仓库。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>For another computer of an office that already works with Stockroom: the company, its products and its stock come from the shared database. You enter its address next.</source>
            <translation>适用于公司里已在使用 Stockroom 的另一台电脑：公司信息、商品和库存都从共享数据库取得。下一步填写它的地址。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>A Stockroom database from a colleague or a backup; it opens next time too.</source>
            <translation>同事或备份中的 Stockroom 数据库；下次启动时也会打开它。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A trading business with two years of history and what its customers and suppliers owe, kept in a file of its own. The first time it takes about a minute to build.</source>
            <translation>一家有两年历史数据及应收应付往来账的贸易公司，保存在单独的文件中。首次生成约需一分钟。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>printed on purchase orders</source>
            <translation>打印在采购订单上</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. SH</source>
            <translation>例如 SH</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. Shanghai main warehouse</source>
            <translation>例如 上海总仓</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Building the demo database in the background. It opens as soon as it is ready.</source>
            <translation>正在后台生成演示数据库，生成后会立即打开。</translation>
        </message>
    </context>
</TS>
