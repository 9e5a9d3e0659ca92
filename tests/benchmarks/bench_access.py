"""What sign-in and roles cost: a password hash and check, the role check every use case makes, a receipt
with sign-in off and on, and a small CLI command signed in (which verifies the password once).

    python tests/benchmarks/bench_access.py [--quick]
"""

from __future__ import annotations

import os

from _common import QUICK
from _common import fresh_path
from _common import load
from _common import median_cli
from _common import median_time
from _common import ms
from _common import table

from domain.access import users
from domain.access.passwords import hash_password
from domain.access.passwords import verify_password
from domain.access.roles import Permission
from domain.access.roles import require
from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.stock import commands as c
from domain.stock import ledger
from persistence.db import open_database

PASSWORD = "bench-pass-1"


def office(name: str, sign_in: bool):
    path = fresh_path(name)
    db = open_database(path)
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("W1", "Main"))
    catalog.add_product(db.uow(), cc.AddProduct("A-1", "Apple"))
    if sign_in:
        users.add_user(db.uow(), users.AddUser("boss", PASSWORD, "admin"))
    return path, db


def require_time(db, user: str, role: str | None, n: int) -> float:
    with db.uow(user, role) as uow:
        return median_time(lambda: [require(uow, Permission.RECEIVE) for _ in range(n)], 3) / n


def main() -> None:
    repeat = 3 if QUICK else 7
    stored = hash_password(PASSWORD)
    rows = [("hash a password (scrypt N=2^15, r=8, 32 MiB)", ms(median_time(lambda: hash_password(PASSWORD), repeat))),
            ("check a password (one sign-in)", ms(median_time(lambda: verify_password(PASSWORD, stored), repeat)))]
    n = 1_000 if QUICK else 5_000
    receipts = 200 if QUICK else 1_000
    for sign_in, user, role in ((False, "me", None), (True, "boss", "admin")):
        path, db = office(f"access-{'on' if sign_in else 'off'}.sqlite3", sign_in)
        what = "signed in" if sign_in else "sign-in off"
        rows.append((f"role check in an open unit of work, {what}", f"{require_time(db, user, role, n) * 1e6:.0f} µs"))
        command = c.ReceiveStock("A-1", 1, "W1", "2")
        post = lambda db=db, user=user, role=role, command=command: ledger.receive(db.uow(user, role), command)
        post()
        rows.append((f"one receipt (its own transaction), {what}", ms(median_time(post, receipts))))
        db.close()
        if sign_in:
            os.environ["STOCKROOM_PASSWORD"] = PASSWORD
            wall, _, cpu = median_cli(["--db", str(path), "--user", "boss", "receive", "A-1", "1", "--warehouse", "W1",
                                       "--unit-cost", "2"], repeat)
            rows.append(("CLI `--user boss receive …` (wall / CPU)", f"{ms(wall)} / {ms(cpu)}"))
        else:
            wall, _, cpu = median_cli(["--db", str(path), "receive", "A-1", "1", "--warehouse", "W1",
                                       "--unit-cost", "2"], repeat)
            rows.append(("CLI `receive …`, sign-in off (wall / CPU)", f"{ms(wall)} / {ms(cpu)}"))
    table(f"Sign-in and roles ({load()})", rows)


if __name__ == "__main__":
    main()
