"""The demo scenario: an empty database filled with the demo business, posted through the real use cases.

``build_demo`` draws the master data (``domain.demo.master``) and two years of history ending on ``end``
(``domain.demo.history``), then the receivables and payables (``domain.demo.accounts``). Master data goes
through ``catalog.add_many``, list prices and customer terms through ``price_master.set_many`` (drawn from the
costs and the customers' places, no random draw) and movements through ``ledger.post_many``: the demo meets
every rule a clerk meets, and the ledger, not the demo, values the stock. Movements are committed six months per
transaction (progress is still reported per month, as each month is posted): every transaction starts with cold
repository caches, and re-reading 1,200 products and 2,700 balances for each month's transaction cost about 10 s
of a 50 s demo.

Randomness comes from one numpy Generator and one ``random.Random``, both seeded with ``seed`` and
handed to the master data and then to the history in that order: the same seed and end date give the
same business.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from datetime import timedelta

import numpy as np

from domain.catalog import master as catalog
from domain.demo.accounts import build_accounts
from domain.demo.accounts import give_suppliers_terms
from domain.demo.desk import DOC_DAYS
from domain.demo.desk import Act
from domain.demo.desk import Desk
from domain.demo.desk import Lent
from domain.demo.history import Calendar
from domain.demo.history import Simulation
from domain.demo.master import DAYS
from domain.demo.master import World
from domain.demo.master import customer_terms
from domain.demo.master import load_recipe
from domain.demo.master import price_commands
from domain.kernel import clock
from domain.kernel.errors import RuleViolation
from domain.kernel.ports import UnitOfWork
from domain.kernel.refusals import refusal
from domain.purchasing import commands as purchasing_commands
from domain.purchasing import terms as purchasing_terms
from domain.sales import price_master
from domain.stock import ledger

CHUNK_MONTHS = 6  # months per transaction
Progress = Callable[[str], None]


DEMO_COMPANY = "示范商贸有限公司 Demo Trading Co., Ltd."
DEMO_ADDRESS = "上海市浦东新区张江路 1 号 · 1 Zhangjiang Road, Pudong, Shanghai"


def build_demo(
    uow_factory: Callable[[], UnitOfWork],
    seed: int = 42,
    progress: Progress | None = None,
    scale: float = 1.0,
    end: date | None = None,
) -> str:
    """Fill an empty database with the demo business.

    Args:
        uow_factory: makes a new unit of work; master data is one transaction, movements one per
            ``CHUNK_MONTHS`` months.
        seed: the same seed (and end) gives the same business.
        progress: called with a line of text after the master data and after each month.
        scale: 1.0 makes about 1,200 products and 200 customers; smaller scales make a smaller
            business over the same two years (tests use 0.03).
        end: the last business day (default: today).

    Returns:
        A one-line summary.

    Raises:
        RuleViolation: the database already holds the demo's warehouses or products.
    """
    say = progress or (lambda _msg: None)
    end = end or clock.today()
    start = end - timedelta(days=DAYS - 1)
    recipe = load_recipe()
    rng = np.random.default_rng(seed)
    rnd = random.Random(seed)
    world = World(recipe, rng, rnd, scale)
    _refuse_if_filled(uow_factory, world)
    catalog.add_many(uow_factory(), world.master_commands())
    # the company its documents are printed for: a new company's is blank until set, and a demo PO printed no name
    purchasing_terms.set_policy(uow_factory(), purchasing_commands.SetPurchasingPolicy(
        company_name=DEMO_COMPANY, company_address=DEMO_ADDRESS))
    price_master.set_many(uow_factory(), price_commands(world))
    give_suppliers_terms(uow_factory, world.suppliers)
    say(f"master data: {len(world.products):,} products, {len(world.warehouses)} warehouses, "
        f"{len(world.suppliers)} suppliers, {len(world.customers)} customers")
    cal = Calendar(start, recipe["seasons"])
    desk = Desk(world, cal.dates, seed)
    sim = Simulation(world, cal, rng, rnd, desk)
    _post_months(uow_factory, sim.months(), say)
    items, money = build_accounts(uow_factory, customer_terms(world), world.suppliers, end, seed)
    say(f"receivables and payables: {items:,} open items carried in, {money:,} receipts and payments")
    k = sim.kinds
    return (
        f"demo business: {len(world.products):,} products in {len(world.categories)} categories, "
        f"{len(world.warehouses)} warehouses, {len(world.suppliers)} suppliers, {len(world.customers)} customers; "
        f"{start} to {end}: {sum(k.values()):,} movements ({k['shipment']:,} shipments, {k['receipt']:,} receipts, "
        f"{k['transfer']:,} transfer legs, {k['adjustment']:,} adjustments, {k['count']:,} count adjustments); "
        f"{sim.short_lines:,} order lines short of stock, {sim.lost_sales:,} of them recorded as lost sales on plain "
        f"orders; over the last {DOC_DAYS} days {desk.summary()}; "
        f"{items:,} receivables and payables carried in, {money + desk.counts.money:,} receipts and payments"
    )


def _post_months(uow_factory: Callable[[], UnitOfWork], months, say: Progress) -> None:
    """Post ``CHUNK_MONTHS`` months per transaction, reporting each month as it is posted: the ledger's commands in
    runs through ``ledger.post_many``, the desk's documents (``domain.demo.desk.Act``) between them, in stream
    order, all on the transaction's unit of work lent to them."""
    months = iter(months)
    item = next(months, None)

    def chunk():
        nonlocal item
        for _ in range(CHUNK_MONTHS):
            label, commands, moved = item
            yield from commands
            say(f"{label}: {moved:,} movements")
            item = next(months, None)
            if item is None:
                return

    while item is not None:
        uow = uow_factory()
        with uow:
            lent = Lent(uow)
            run: list[object] = []
            for c in chunk():
                if type(c) is Act:
                    if run:
                        ledger.post_many(lent, run)
                        run = []
                    c.run(lent)
                else:
                    run.append(c)
            if run:
                ledger.post_many(lent, run)
            uow.commit()


def _refuse_if_filled(uow_factory: Callable[[], UnitOfWork], world: World) -> None:
    with uow_factory() as uow:
        for w in world.warehouses:
            if uow.warehouses.by_code(w["code"]) is not None:
                raise refusal(RuleViolation, "demo_warehouse_exists", code=w["code"])
        if uow.products.by_sku(world.products[0].sku) is not None:
            raise refusal(RuleViolation, "demo_product_exists", sku=world.products[0].sku)
