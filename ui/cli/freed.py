"""After a receipt, the backorders it lets ship (``domain.sales.backorders.freed_by``), said on stderr so that
stdout keeps what a script reads (the receipt's number, the movement ids): the goods go out to the customers who
waited, the oldest promise first, instead of onto the shelf. Nothing is reserved by saying it."""

from __future__ import annotations

import sys

from domain.kernel.numbers import fmt


def say_freed(freed) -> None:
    if not freed:
        return
    print(f"{len(freed)} backorder{'s' if len(freed) != 1 else ''} can now ship (oldest promise first):",
          file=sys.stderr)
    for f in freed:
        b = f.backorder
        promised = f", promised {b.promised.isoformat()}" if b.promised else ""
        print(f"  can ship now: {b.so} ({b.customer_label}) {b.sku} {fmt(f.qty)} of {fmt(b.qty)} on backorder in "
              f"{b.warehouse}{promised}: so ship {b.so}", file=sys.stderr)
