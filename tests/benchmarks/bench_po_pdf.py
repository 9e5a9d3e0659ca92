"""Rendering a 500-line purchase order to PDF (reportlab, embedded CJK font subset).

A PO with 500 lines (every fourth description in Chinese, every third line sold in packs) is
built through the use cases in a fresh database and issued; then its frozen snapshot is
rendered. The first render in a process also parses the 5 MB font; later renders reuse it.

    python tests/benchmarks/bench_po_pdf.py [--quick] [--lines N]
"""

from __future__ import annotations

import argparse
import time
from io import BytesIO

from _common import QUICK
from _common import fresh_path
from _common import median_cli
from _common import median_time
from _common import ms
from _common import table
from _common import timed

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.purchasing import commands as pc
from domain.purchasing import orders as purchasing
from domain.purchasing import terms
from persistence.db import open_database

NAMES = ("不锈钢内六角圆柱头螺丝 M3×10", "Hex nut M4 zinc plated 镀锌六角螺母", "尼龙扎带 4×200mm 白色",
         "Cable gland PG7")


def build(lines: int):
    path = fresh_path("po-pdf.sqlite3")
    db = open_database(path)
    u = db.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "主仓库 Main", address="深圳市宝安区仓库路 5 号"))
    catalog.add_supplier(u(), c.AddSupplier("NB", "宁波紧固件有限公司", address="浙江省宁波市江北区 123 号"))
    catalog.add_many(u(), [c.AddProduct(f"SKU-{i:05d}", NAMES[i % 4]) for i in range(1, lines + 1)])
    for i in range(3, lines + 1, 3):
        catalog.set_supplier_terms(u(), c.SetSupplierTerms("NB", f"SKU-{i:05d}", "8.40", f"NB-{i:05d}"))
        terms.set_term_details(u(), pc.SetTermDetails("NB", f"SKU-{i:05d}", "12", "pack"))
    po = purchasing.create_draft(u(), pc.CreatePurchaseOrder("NB", "MAIN", terms="月结 30 天 / 30 days net"))
    adds = [pc.AddPurchaseOrderLine(po.id, f"SKU-{i:05d}", str(i), None if i % 3 == 0 else "0.125")
            for i in range(1, lines - 4)]  # packs take the terms' price; the last 5 lines are added one by one
    bulk_seconds, _ = timed(lambda: purchasing.add_lines(u(), po.id, adds))
    extra = iter(range(lines - 4, lines + 1))
    one_seconds = median_time(lambda: purchasing.add_line(u(), pc.AddPurchaseOrderLine(
        po.id, f"SKU-{next(extra):05d}", "1", "1")), 5)
    issue_seconds, issued = timed(lambda: purchasing.issue(u(), pc.IssuePurchaseOrder(po.id)))
    return db, path, issued.number, bulk_seconds, one_seconds, issue_seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--lines", type=int, default=500)
    args = parser.parse_args()
    repeat = 3 if QUICK else 7
    db, path, number, bulk_seconds, one_seconds, issue_seconds = build(args.lines)
    snapshot_seconds, snap = timed(lambda: purchasing.load_snapshot(db.uow(), number))

    from pypdf import PdfReader

    from ui.pdf.purchase_order import render_purchase_order

    first_seconds, data = timed(lambda: render_purchase_order(snap))
    cpu_start = time.process_time()
    warm = median_time(lambda: render_purchase_order(snap), repeat)
    warm_cpu = (time.process_time() - cpu_start) / repeat  # mean CPU: a busy machine disturbs it less than wall time
    pages = len(PdfReader(BytesIO(data)).pages)
    cli_result = median_cli(["--db", str(path), "po", "pdf", number, "-o", str(path.with_suffix(".pdf"))], 3)
    cli = cli_result[0]
    cli_cpu = f", CPU {ms(cli_result[2])}" if len(cli_result) > 2 else ""
    db.close()
    table(f"Purchase-order PDF, {args.lines} lines ({pages} pages, {len(data) / 1024:,.0f} KiB)", [
        (f"add {args.lines - 5} lines in one transaction (add_lines)", ms(bulk_seconds)),
        (f"add one more line to a {args.lines - 5}-line draft (median of 5)", ms(one_seconds)),
        ("issue: number, on-order, freeze the snapshot", ms(issue_seconds)),
        ("load the frozen snapshot", ms(snapshot_seconds)),
        ("render, first in the process (font parsed)", ms(first_seconds)),
        (f"render, warm (median of {repeat})", f"{ms(warm)} (CPU {ms(warm_cpu)})"),
        ("`po pdf` command, whole process (median of 3)", f"{ms(cli)}{cli_cpu}"),
    ])


if __name__ == "__main__":
    main()
