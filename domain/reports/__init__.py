"""Reports (报表): the classic 进销存 summaries read from the ledger and the sales lines.

Each report is a pure row model here (exact Decimals, no SQL) fed by one grouped read in
``persistence/reports/``: the stock summary (进销存汇总表), sales margin (销售毛利), the sales ranking and slow
movers (商品销售排行), and stock status (库存状况).
"""
