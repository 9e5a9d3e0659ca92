"""The ``period`` command group: the period close (月结, ``domain.accounts.closing``).

``period close 2026-11`` closes November 2026 and every earlier month still open (a manager's right);
``period reopen 2026-11 --reason R`` reopens the latest closed month (an admin's); ``period list [--json]`` shows
every month with its state and its closes and reopens. A posting dated in a closed month is refused by every
posting command (exit 3), naming the month.

Exit status as in ``ui.cli``: 0 done, 2 bad input, 3 refused by a business rule.
"""

from __future__ import annotations

import argparse

from ui.cli.common import EXIT_OK

COMMANDS = ("period",)


def add_parsers(sub) -> None:
    actions = sub.add_parser("period", help="close or reopen months (月结): nothing is posted into a closed month"
                             ).add_subparsers(dest="action", required=True)
    p = actions.add_parser("close", help="close a month that has ended, and every earlier month still open; "
                                         "freezes their stock values and balances (a manager's right)")
    p.add_argument("month", help="YYYY-MM, e.g. 2026-11")
    p = actions.add_parser("reopen", help="reopen the latest closed month (an admin's right; the reason is kept)")
    p.add_argument("month", help="YYYY-MM")
    p.add_argument("--reason", required=True, help="why the month is reopened")
    p = actions.add_parser("list", help="every month with its state, who closed it, and its closes and reopens")
    p.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, open_db) -> int:
    from domain.accounts import closing

    db = open_db()
    try:
        if args.action == "close":
            months = closing.close_month(db.uow(), closing.CloseMonth(args.month))
            print(f"closed {', '.join(months)}" if len(months) < 4 else f"closed {months[0]} to {months[-1]} "
                  f"({len(months)} months)")
        elif args.action == "reopen":
            month = closing.reopen_month(db.uow(), closing.ReopenMonth(args.month, args.reason))
            print(f"reopened {month}")
        else:
            _list(closing.list_months(db.uow()), args.json)
    finally:
        db.close()
    return EXIT_OK


def _list(months, as_json: bool) -> None:
    from ui.cli.common import local
    from ui.cli.common import print_json
    from ui.cli.common import table

    def when(at) -> str:
        return f"{local(at):%Y-%m-%d %H:%M}" if at is not None else ""

    if as_json:
        print_json([{"month": m.month, "state": "closed" if m.closed else "open",
                     "closed_at": local(m.closed_at).isoformat() if m.closed_at else None, "closed_by": m.closed_by,
                     "events": [{"action": e.action, "user": e.user, "reason": e.reason,
                                 "at": local(e.at).isoformat()} for e in m.events]} for m in months])
        return
    rows = []
    for m in months:
        last = m.events[-1] if m.events else None
        said = f"{last.action} by {last.user or '-'} {when(last.at)}" + (f": {last.reason}" if last.reason else "") \
            if last else ""
        rows.append([m.month, "closed" if m.closed else "open", m.closed_by, when(m.closed_at), said])
    table(rows, ["MONTH", "STATE", "CLOSED BY", "CLOSED AT", "LAST EVENT"])
