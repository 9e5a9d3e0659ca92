"""The demo's history generator: two years of trading, made by simulating every product × warehouse
("pair") day by day.

* Demand. Each pair has a base rate of customer order lines per day and a mean line size
  (``domain.demo.master``); the rate is multiplied by a weekday pattern (quiet Sundays, 调休 make-up
  working days), the public holidays and the Spring Festival lull of the ``holidays`` China calendar,
  a yearly season per category (drinks in summer, heaters in winter, stationery at school start), the
  年货 stock-up before the festival, 618 and 双11 promotion spikes for promoted categories, a
  growth or decline trend per product and, for new products, a launch ramp. Line counts are
  Poisson, line sizes geometric.
* Stock. A line ships what is on hand and no more; the rest is lost: real stockouts. The clerk records what a
  line could not get as unfilled demand (``domain.stock.demand``, as the Ship screen offers it), with the
  customer and the order's reference: the short part of a line cut short, and a line the shelf had nothing for,
  named on one of the day's orders of its warehouse (over the whole history, so that planning, which adds unfilled
  demand to what was shipped, reads the same kind of demand every week; the documents of the last days record
  their own, ``domain.demo.desk``).
* Replenishment. On working days a planner applies a reorder-point / order-up-to policy whose
  demand estimate is refreshed every four weeks from past shipments, so it lags growth, does
  not see lost sales, and misses promotions unless the pair was stocked up ahead. Planners
  sometimes forget, suppliers are sometimes late or deliver in two parts, and nobody delivers
  over the Spring Festival. Orders respect MOQ and order multiple and are grouped into one order
  per supplier and warehouse. Each delivery is received from its supplier: against a purchase order for the desk's
  share of the last days' orders (``domain.demo.desk``), else as a goods receipt naming the supplier, one per order
  and day, so that whatever reads purchases (the purchase summary, the scorecard) knows whom the goods came from.
* Housekeeping. Regional warehouses short of stock get transfers from SH, damages and
  customer returns are adjustments, daily cycle counts and a year-end stocktake find small
  differences.

Every event gets its own local business-hour time within its day (deliveries 08:00–09:30,
shipments 09:30–17:30, transfers, then adjustments and counts in the evening), so business
time strictly increases per pair and nothing is back-dated. ``Simulation.months`` yields each month's
``domain.stock.commands`` in time order; the scenario (``domain.demo.scenario``) posts them.

numpy is used here (outside forecasting) because the day-by-day demand for a few thousand pairs is
drawn as arrays; quantities are integers in the simulation and become ``Decimal`` in the commands.
"""

from __future__ import annotations

import math
import random
import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from decimal import Decimal

import holidays
import numpy as np

from domain.demo.desk import FREE
from domain.demo.desk import Act
from domain.demo.desk import Desk
from domain.demo.desk import FreeReceipt
from domain.demo.desk import Line
from domain.demo.desk import lost_sale
from domain.demo.master import DAYS
from domain.demo.master import Product
from domain.demo.master import World
from domain.demo.master import fen
from domain.imports.stock import SOURCE_TYPE as OPENING_SOURCE
from domain.imports.stock import STOCK_REF
from domain.imports.stock import row_ref
from domain.kernel.numbers import fmt
from domain.stock import commands as cmd

LOCAL = timezone(timedelta(hours=8), "CST")

# Weekday factors Monday … Sunday for a business-to-business trader open six days a week.
WEEKDAY = (1.08, 1.12, 1.10, 1.05, 1.12, 0.55, 0.20)
# Days of stock a planner orders up to, by class.
COVER = {"fast": (10, 25), "medium": (20, 45), "slow": (45, 120), "lumpy": (30, 90)}
_SO_LINES = np.array([1, 1, 2, 2, 3, 4, 5, 6])  # lines per sales order, drawn uniformly
NOON = timedelta(hours=12)  # when a request is noted that no order of the day can carry (as the Ship screen dates one)
DAMAGE = ("破损报废", "过期报废", "运输损坏", "样品领用", "内部领用")


_DECIMALS = [Decimal(i) for i in range(1000)]


def _dec(n: int) -> Decimal:
    return _DECIMALS[n] if 0 <= n < 1000 else Decimal(n)


class Calendar:
    """Day-by-day factors from the China holiday calendar, seasons and promotions."""

    def __init__(self, start: date, seasons: dict[str, list]) -> None:
        self.start = start
        self.dates = [start + timedelta(days=i) for i in range(DAYS)]
        years = range(start.year - 1, self.dates[-1].year + 2)
        off: set[date] = set()
        makeup: set[date] = set()
        firsts: dict[str, list[date]] = {"cny": [], "mid": []}
        for day, name in sorted(holidays.China(years=years, language="en_US").items()):
            for m in re.finditer(r"substituted from (\d\d)/(\d\d)/(\d{4})", name):
                makeup.add(date(int(m[3]), int(m[1]), int(m[2])))
            off.add(day)
            if "Spring Festival" in name and "observed" not in name:
                if not firsts["cny"] or (day - firsts["cny"][-1]).days > 20:
                    firsts["cny"].append(day)
            if "Mid-Autumn" in name:
                firsts["mid"].append(day)
        index = {d: i for i, d in enumerate(self.dates)}
        n = DAYS
        weekday = np.array([WEEKDAY[d.weekday()] for d in self.dates])
        self.work = np.array([(d.weekday() < 6 or d in makeup) and d not in off for d in self.dates])
        weekday[[i for d, i in index.items() if d in makeup]] = 1.0
        weekday[[i for d, i in index.items() if d in off]] = 0.15
        self.lull = np.ones(n)
        self.closed = np.zeros(n, bool)  # suppliers do not deliver
        self.stockup = np.zeros(n)  # 年货 shape
        self.cny_gift = np.zeros(n)
        self.mooncake = np.zeros(n)
        self.cny_prebuild = np.zeros(n, bool)
        for cny in firsts["cny"]:
            for k in range(-40, 16):
                i = index.get(cny + timedelta(days=k))
                if i is None:
                    continue
                self.lull[i] = (0.75 if -12 <= k <= -8 else 0.4 if -7 <= k <= -4 else 0.06 if -3 <= k <= 6
                                else 0.3 if 7 <= k <= 10 else 0.7 if 11 <= k <= 15 else 1.0)
                self.closed[i] = -5 <= k <= 7
                self.stockup[i] = 1.0 if -35 <= k <= -8 else 0.0
                self.cny_gift[i] = 1.0 if -40 <= k <= -3 else 0.0
                self.cny_prebuild[i] = -32 <= k <= -10
                if -3 <= k <= 6:
                    self.work[i] = False
        for mid in firsts["mid"]:
            for k in range(-35, 0):
                i = index.get(mid + timedelta(days=k))
                if i is not None:
                    self.mooncake[i] = 1.0
        doy = np.array([d.timetuple().tm_yday for d in self.dates], float)
        self.season_names = list(seasons)
        self.seasons = np.array([
            np.clip(1 + a1 * np.cos(2 * np.pi * (doy - p1) / 365.25) + a2 * np.cos(4 * np.pi * (doy - p2) / 365.25),
                    0.08, None)
            for a1, p1, a2, p2 in seasons.values()
        ])
        self.promo = np.array([_promo_excess(d) for d in self.dates])
        self.common = np.where(self.promo > 0.5, np.maximum(weekday, 0.9), weekday)
        self.prebuild = np.array([(5, 20) <= (d.month, d.day) <= (6, 12) or (10, 15) <= (d.month, d.day) <= (11, 8)
                                  for d in self.dates])
        self.stocktake = np.zeros(n, bool)  # the last working day of each December
        last: dict[int, int] = {}
        for i, d in enumerate(self.dates):
            if d.month == 12 and self.work[i]:
                last[d.year] = i
        self.stocktake[list(last.values())] = True


def _promo_excess(d: date) -> float:
    """Extra demand (1.0 = double) on a promotion day for a fully promotion-sensitive product."""
    md = (d.month, d.day)
    if (5, 25) <= md <= (5, 31):
        return 0.3  # 618 presale
    if md == (6, 1):
        return 1.0
    if (6, 2) <= md <= (6, 15):
        return 0.5
    if (6, 16) <= md <= (6, 18):
        return 1.8
    if (6, 19) <= md <= (6, 24):
        return -0.15
    if (10, 20) <= md <= (10, 31):
        return 0.2  # 双11 presale
    if (11, 1) <= md <= (11, 8):
        return 1.0
    if (11, 9) <= md <= (11, 10):
        return 2.5
    if md == (11, 11):
        return 3.5
    if (11, 12) <= md <= (11, 20):
        return -0.15
    if (12, 10) <= md <= (12, 12):
        return 0.4  # 双12
    return 0.0


class Simulation:
    """The day-by-day simulation; ``months()`` yields each month's commands in time order."""

    def __init__(self, world: World, cal: Calendar, rng: np.random.Generator, rnd: random.Random,
                 desk: Desk | None = None) -> None:
        self.world, self.cal, self.rng, self.rnd = world, cal, rng, rnd
        self.desk = desk
        self.kinds: Counter[str] = Counter()
        self.short_lines = 0
        self.lost_sales = 0  # unfilled demand recorded for the plain shipments' lines
        # the day's lines short of stock: (slot of the shipment it goes with or None, SKU, quantity, warehouse,
        # customer code, reference, note); and the month's, with their moments
        self._short: list[tuple[int | None, str, int, str, str, str, str]] = []
        self._lost: list[tuple[datetime, str, int, str, str, str, str]] = []
        self.seq: Counter[str] = Counter()
        self.supplier_of: dict[str, str] = {}  # an order placed without a purchase order → its supplier's code
        wh = world.warehouses
        rows = []  # (product, warehouse, share)
        for pi in range(len(world.products)):
            stocked = [0] + [w for w in range(1, len(wh)) if rnd.random() < wh[w]["stocked"]]
            shares = [wh[w]["share"] * rnd.lognormvariate(0, 0.3) for w in stocked]
            rows += [(pi, w, s / sum(shares)) for w, s in zip(stocked, shares, strict=True)]
        self.n = n = len(rows)
        prods = world.products
        self.pp = np.array([r[0] for r in rows])
        self.pw = np.array([r[1] for r in rows])
        self.hub_of = np.zeros(n, int)
        first = {}
        for i, (pi, w, _) in enumerate(rows):
            if w == 0:
                first[pi] = i
            self.hub_of[i] = first[pi]
        self.rate = np.array([prods[r[0]].rate * r[2] for r in rows])
        self.size = np.array([prods[r[0]].size for r in rows])
        self.trend = np.array([prods[r[0]].trend for r in rows])
        self.launch = np.array([prods[r[0]].launch for r in rows])
        self.promo = np.array([prods[r[0]].promo * (0.3 if prods[r[0]].klass == "lumpy" else 1.0) for r in rows])
        self.promo *= rng.uniform(0.6, 1.4, n)  # project orders (lumpy) hardly follow promotions
        self.stockup = np.array([prods[r[0]].stockup for r in rows])
        season_ix = {s: i for i, s in enumerate(cal.season_names)}
        self.season = np.array([season_ix[prods[r[0]].season] for r in rows])
        self.special = [prods[r[0]].special for r in rows]
        self.has_cny = np.array([s == "cny" for s in self.special])
        self.has_moon = np.array([s == "midautumn" for s in self.special])
        self.mult = np.array([prods[r[0]].mult for r in rows])
        self.moq = np.array([prods[r[0]].moq for r in rows])
        self.lead = np.array([self._lead(prods[r[0]], r[1]) for r in rows])
        self.weekly_review = np.array([world.suppliers[prods[r[0]].suppliers[0]]["region"] == "far" for r in rows])
        cover = np.array([rnd.uniform(*COVER[prods[r[0]].klass]) for r in rows])
        self.cover = cover
        self.z = np.where(rng.random(n) < 0.1, 0.0, rng.uniform(0.2, 1.6, n))
        self.forget = rng.uniform(0.0, 0.12, n)
        self.prebuild = (rng.random(n) < 0.6) & (self.promo > 0)
        self.cny_prebuild = rng.random(n) < 0.7
        self.active_from = np.where(self.launch >= 0, np.maximum(1, self.launch - self.lead - 3), 0)
        typical = np.array([self._typical(i) for i in range(n)])
        self.est = typical * rng.lognormal(0, 0.3, n)
        self.on_hand = np.zeros(n, np.int64)
        self.on_order = np.zeros(n, np.int64)
        self.shipped = np.zeros((DAYS, n), np.int32)
        self.pending: dict[int, list[tuple]] = {}  # day → deliveries
        self.next_arrival = np.full(n, 10**6)
        self.arrivals_of: dict[int, list[int]] = {}
        self.sku = [prods[r[0]].sku for r in rows]
        self.whc = [wh[r[1]]["code"] for r in rows]
        cust = world.customers
        self.wh_codes = [w["code"] for w in wh]
        self.by_region = {}
        for w in wh:
            mine = [c for c in cust if c["region"] == w["code"]] or cust
            weights = np.cumsum([c["weight"] for c in mine])
            self.by_region[w["code"]] = (mine, weights / weights[-1])
        self._policy()

    def _lead(self, p: Product, w: int) -> int:
        sup = self.world.suppliers[p.suppliers[0]]
        base = p.lead if p.lead is not None else sup["lead"]
        same = sup["region"] in ("far", self.world.warehouses[w]["region"])
        return base + (0 if same else 2)

    def _typical(self, i: int) -> float:
        """Units per day a planner would expect before the first sale: the base rate on an ordinary day."""
        base = self.rate[i] * self.size[i] * 0.9
        return base * (0.15 if self.special[i] else 1.0)

    def _policy(self) -> None:
        est = np.maximum(self.est, 0.003)
        span = self.lead + 1.0
        sd = np.sqrt(est * span * np.maximum(2 * self.size - 1, 1))
        self.rop = est * span + self.z * sd
        self.upto = np.maximum(self.rop + self.cover * est, self.rop + 1)

    def months(self):
        cal = self.cal
        commands: list[object] = []
        moved = 0
        for d, day in enumerate(cal.dates):
            if d and d % 28 == 0 and d >= 56:
                self._recalibrate(d)
            day_commands, day_moved = self._day(d, day)
            commands += day_commands
            moved += day_moved
            if d == DAYS - 1 or cal.dates[d + 1].month != day.month:
                if self._lost:  # the month's lost sales, each at its own moment (they move no stock)
                    commands.append(_lost_sales(self._lost))
                    self.lost_sales += len(self._lost)
                    self._lost = []
                yield f"{day:%Y-%m}", commands, moved
                commands, moved = [], 0

    def _recalibrate(self, d: int) -> None:
        window = np.clip(d - np.maximum(self.active_from, self.launch), 0, 91)
        lo = max(0, d - 91)
        seen = self.shipped[lo:d].sum(axis=0) / np.maximum(window, 1)
        ok = window >= 28
        self.est = np.where(ok, 0.5 * self.est + 0.5 * seen, self.est)
        self._policy()

    def _demand(self, d: int) -> np.ndarray:
        cal = self.cal
        lam = self.rate * cal.common[d] * cal.seasons[self.season, d] * cal.lull[d]
        lam = lam * (1 + (self.stockup - 1) * cal.stockup[d]) * np.maximum(0.0, 1 + self.promo * cal.promo[d])
        lam = lam * np.exp(self.trend * (d - DAYS / 2) / 365.0)
        since = d - self.launch
        lam = np.where(self.launch < 0, lam, np.where(since >= 0, lam * (1 - np.exp(-since / 21.0)), 0.0))
        if cal.cny_gift[d] == 0:
            lam = np.where(self.has_cny, lam * 0.1, lam)
        else:
            lam = np.where(self.has_cny, lam * 8, lam)
        return np.where(self.has_moon, lam * (8 if cal.mooncake[d] else 0.05), lam)

    def _day(self, d: int, day: date) -> tuple[list[object], int]:
        cal, rng = self.cal, self.rng
        base = datetime(day.year, day.month, day.day, tzinfo=LOCAL)
        desk = self.desk if self.desk is not None and self.desk.active(d) else None
        if desk is not None:
            desk.begin(base)
        receipts = self._receive(d, day) if d else self._opening(day)
        shipments = self._ship(d, day)
        if desk is not None and cal.work[d]:
            desk.customer_return(d)
            desk.pay_month()
        if desk is not None and d == DAYS - 1:  # goods back to suppliers on the last day: no later day changes
            for i, q in desk.supplier_returns(self.on_hand):
                self.on_hand[i] -= q
            for i, q in desk.backorders(lambda i: self.whc[i], lambda i: self.sku[i], self.on_hand,
                                        lambda i: d >= self.active_from[i]):
                self.on_hand[i] -= q
        transfers = self._transfer(d, day) if cal.work[d] else []
        adjustments = self._adjust(d) if cal.work[d] else []
        counts = self._count(d, day) if cal.work[d] else []
        if cal.work[d]:
            self._review(d, day)
        out: list[object] = []
        slots: list[int] = []  # the shipments' seconds into the day
        for events, (lo, hi) in ((receipts, (8 * 3600, 9 * 3600 + 1800)),
                                 (shipments, (9 * 3600 + 1800, 17 * 3600 + 1800)),
                                 (transfers, (17 * 3600 + 1800, 18 * 3600 + 900)),
                                 (adjustments, (18 * 3600 + 900, 18 * 3600 + 1800)),
                                 (counts, (18 * 3600 + 1800, 20 * 3600))):
            if events is transfers and desk is not None:  # the desk's work at the end of shipping
                out += desk.late
            if not events:
                continue
            m = len(events)
            seconds = (np.sort(rng.integers(0, hi - lo - m, m)) + np.arange(m) + lo).tolist()
            if events is shipments:
                slots = seconds
                out += [cmd.ShipStock(e[0], e[1], e[2], e[3], base + timedelta(seconds=sec), e[4], "sales_order")
                        if type(e) is tuple else e(base + timedelta(seconds=sec))
                        for e, sec in zip(events, seconds, strict=True) if e is not None]
            else:
                out += [make(base + timedelta(seconds=sec)) for make, sec in zip(events, seconds, strict=True)
                        if make is not None]
        self._lost += [(base + (NOON if slot is None else timedelta(seconds=slots[slot])), *rest)
                       for slot, *rest in self._short]
        self._short = []
        day_moved = len(receipts) + len(shipments) + 2 * len(transfers) + len(adjustments) + len(counts)
        self.kinds["receipt"] += len(receipts)
        self.kinds["shipment"] += len(shipments)
        self.kinds["transfer"] += 2 * len(transfers)
        self.kinds["adjustment"] += len(adjustments)
        self.kinds["count"] += len(counts)
        return out, day_moved

    def _ref(self, prefix: str, day: date, width: int = 6) -> str:
        key = f"{prefix}-{day.year}"
        self.seq[key] += 1
        return f"{key}-{self.seq[key]:0{width}d}"

    def _opening(self, day: date) -> list[Callable]:
        """The stock held on the first day, posted as importing a count of it would post it (the import's source
        and row reference): opening stock, which the stock summary opens with (期初) and the purchase summary
        leaves out, not a purchase from no supplier."""
        events = []
        for i in range(self.n):
            if self.active_from[i] > 0 or self.rng.random() < 0.03:
                continue
            qty = int(round(self.upto[i] * self.rng.uniform(0.4, 1.0)))
            if qty <= 0:
                continue
            self.on_hand[i] += qty
            p = self.world.products[self.pp[i]]
            cost = fen(p.cost)
            ref = row_ref(STOCK_REF, ("stock", self.sku[i], self.whc[i], str(qty), fmt(cost), day.isoformat()), 0)
            events.append(_receipt(self.sku[i], qty, self.whc[i], cost, ref, "期初库存 opening balance",
                                   OPENING_SOURCE))
        return events

    def _receive(self, d: int, day: date) -> list[Callable | None]:
        events: list[Callable | None] = []
        desk = self.desk
        documents: dict[str, list[tuple[str, int]]] = {}  # a purchase order's goods arriving today
        free: dict[str, FreeReceipt] = {}  # the goods of an order placed without a purchase order, arriving today
        for i, qty, ref, note, cost in self.pending.pop(d, []):
            self.on_hand[i] += qty
            self.on_order[i] -= qty
            days = self.arrivals_of[i]
            days.remove(d)
            self.next_arrival[i] = min(days) if days else 10**6
            if desk is not None and ref in desk.pos:
                # received against the purchase order at once, in the slot of its first line
                events.append(ref if ref not in documents else None)
                documents.setdefault(ref, []).append((self.sku[i], qty))
            elif desk is not None:
                # a goods receipt naming the supplier, one per order and day, in the slot of its first line; the
                # day's free receipts are posted together (one act) in the slot of the first of them
                events.append(FREE if not free else None)
                if ref not in free:
                    free[ref] = FreeReceipt(ref, self.supplier_of[ref], self.whc[i], note.split(" · ")[0])
                free[ref].lines.append((self.sku[i], qty, cost))
            else:
                events.append(_receipt(self.sku[i], qty, self.whc[i], cost, ref, note, "purchase_order"))
        if documents or free:
            events = [desk.free_receipts(d, list(free.values())) if e is FREE
                      else desk.delivery(d, e, documents[e]) if type(e) is str else e for e in events]
        return events

    def _ship(self, d: int, day: date) -> list[Callable]:
        rng = self.rng
        lam = self._demand(d)
        lines = rng.poisson(lam)
        if not lines.any():
            return []
        idx = np.repeat(np.arange(self.n), lines)
        sizes = rng.geometric(1.0 / self.size[idx])
        ends = np.cumsum(sizes)
        first = np.cumsum(lines) - lines  # index of each pair's first line in idx
        before = ends - sizes - (ends - sizes)[first[idx]]  # units asked for earlier the same day
        shipped = np.clip(self.on_hand[idx] - before, 0, sizes)
        np.subtract.at(self.on_hand, idx, shipped)
        self.shipped[d] = np.bincount(idx, shipped, minlength=self.n)
        self.short_lines += int((shipped < sizes).sum())
        # Lines become sales orders of one to six lines, each for one customer of the warehouse's region.
        orders = []
        for w, code in enumerate(self.wh_codes):
            mine = rng.permutation(np.nonzero((shipped > 0) & (self.pw[idx] == w))[0])
            if not len(mine):
                continue
            bounds = np.cumsum(_SO_LINES[rng.integers(0, len(_SO_LINES), len(mine))])
            starts = [0, *bounds[bounds < len(mine)].tolist(), len(mine)]
            customers, cum = self.by_region[code]
            buyers = np.minimum(np.searchsorted(cum, rng.random(len(starts) - 1)), len(customers) - 1).tolist()
            mine_list = mine.tolist()
            orders += [(customers[b], mine_list[a:z]) for b, a, z in zip(buyers, starts, starts[1:], strict=False)]
        self.rnd.shuffle(orders)
        qty, asked = shipped.tolist(), sizes.tolist()
        idx_list = idx.tolist()
        desk = self.desk if self.desk is not None and self.desk.active(d) else None
        if desk is None:
            routed = [(customer, chunk, "plain") for customer, chunk in orders]
        else:
            routed = desk.route(d, orders, lambda chunk: self.whc[idx_list[chunk[0]]])
        events: list[object] = []
        plain: dict[str, list[tuple[int, dict, str]]] = {}  # warehouse → its plain orders: (slot, customer, ref)
        short = self._short
        for customer, chunk, way in routed:
            if way != "plain":  # a document, in the slot of its first line (the others' slots stay empty)
                lines: dict[int, Line] = {}
                for j in chunk:
                    i = idx_list[j]
                    x = lines.setdefault(i, Line(i, self.sku[i], 0, 0))
                    x.asked += asked[j]
                    x.shipped += qty[j]
                wh = self.whc[idx_list[chunk[0]]]
                if way == "so":
                    missing = self._empty(wh, d, desk.extra_lost(customer["code"], d))
                    events.append(desk.sales_order(d, customer, wh, list(lines.values()), missing))
                else:
                    events.append(desk.counter_sale(customer, wh, list(lines.values())))
                events += [None] * (len(chunk) - 1)
                continue
            ref = self._ref("SO", day)
            note = f"{customer['code']} {customer['name']}"
            plain.setdefault(self.whc[idx_list[chunk[0]]], []).append((len(events), customer, ref))
            for j in chunk:
                i, q = idx_list[j], qty[j]
                if q < asked[j]:  # cut short: the rest is a lost sale on the order
                    short.append((len(events), self.sku[i], asked[j] - q, self.whc[i], customer["code"], ref,
                                  f"缺货 short of stock: ordered {asked[j]}, {q} in stock"))
                events.append((self.sku[i], _dec(q), self.whc[i], ref,
                               note if q == asked[j] else f"{note} · 缺货，订 {asked[j]} 发 {q}"))
        # A line the shelf had nothing for ships nothing and joins no order above: it is noted on one of the day's
        # plain orders of its warehouse (picked by the line's place in the day, no draw: the history stays the
        # same), else for a customer of the region at noon.
        for j in np.nonzero(shipped == 0)[0].tolist():
            i = idx_list[j]
            wh = self.whc[i]
            theirs = plain.get(wh)
            if theirs:
                slot, customer, ref = theirs[j % len(theirs)]
            else:
                mine = self.by_region[wh][0]
                slot, customer, ref = None, mine[j % len(mine)], ""
            short.append((slot, self.sku[i], asked[j], wh, customer["code"], ref,
                          f"缺货 out of stock: ordered {asked[j]}, none in stock"))
        return events

    def _empty(self, wh: str, d: int, n: int) -> list[tuple[str, int]]:
        """``n`` products of warehouse ``wh`` out of stock now, with a quantity asked of each (the desk's draws)."""
        if not n:
            return []
        w = self.wh_codes.index(wh)
        empty = np.nonzero((self.pw == w) & (self.on_hand <= 0) & (d >= self.active_from))[0].tolist()
        picked = self.desk.rnd.sample(empty, min(n, len(empty)))
        return [(self.sku[i], self.desk.rnd.randint(2, 12)) for i in picked]

    def _boost(self, d: int) -> np.ndarray:
        boost = np.ones(self.n)
        if self.cal.prebuild[d]:
            boost += self.prebuild * self.promo * 1.2
        if self.cal.cny_prebuild[d]:
            boost += self.cny_prebuild * 0.8
        return boost

    def _review(self, d: int, day: date) -> None:
        rng, rnd = self.rng, self.rnd
        boost = self._boost(d)
        position = self.on_hand + self.on_order
        due = (position <= self.rop * boost) & (d >= self.active_from) & (rng.random(self.n) >= self.forget)
        if day.weekday():
            due &= ~self.weekly_review
        pos = np.nonzero(due)[0]
        if not len(pos):
            return
        pos_list = pos.tolist()
        pos_need = (self.upto[pos] * boost[pos] - position[pos]).tolist()
        orders: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for i, need in zip(pos_list, pos_need, strict=True):
            p = self.world.products[self.pp[i]]
            mult, moq = int(self.mult[i]), int(self.moq[i])
            qty = max(moq, mult * math.ceil(max(need, 1) / mult))
            rank = 1 if len(p.suppliers) > 1 and rnd.random() < 0.1 else 0
            orders.setdefault((p.suppliers[rank], int(self.pw[i])), []).append((i, qty))
        desk = self.desk if self.desk is not None and self.desk.active(d) else None
        for (sup, w), lines in orders.items():
            supplier = self.world.suppliers[sup]
            ref = self._ref("PO", day)
            u = rnd.random()
            delay = 0 if u < 0.7 else rnd.randint(1, 2) if u < 0.85 else rnd.randint(3, 6) if u < 0.95 \
                else rnd.randint(7, 15)
            note = f"{supplier['code']} {supplier['name']}"
            # every order is a purchase order; over the last days the desk's own share of them (its draw) may be
            # delivered short and closed
            takes = desk is not None and desk.takes_po()
            document = self.desk.issue(ref, supplier["code"], self.wh_codes[w], takes) \
                if desk is not None and (takes or desk.all_ordered(d)) else None
            if self.desk is not None and document is None:
                self.supplier_of[ref] = supplier["code"]
            for i, qty in lines:
                p = self.world.products[self.pp[i]]
                rank = p.suppliers.index(sup)
                price = p.cost * (1.08 if rank else 1.0) * (1 + 0.025 * d / 365) * (1 + rnd.gauss(0, 0.015))
                if desk is not None:
                    price *= desk.price_factor(sup, d)
                cost = fen(max(1, round(price)))
                lead = int(self.lead[i]) if rank == 0 else supplier["lead"] + 2
                if document is not None:  # expected on the day the goods would come without a delay
                    document.lines.append((i, self.sku[i], qty, cost))
                    document.expected = max(document.expected, day + timedelta(days=self._due(d + lead) - d))
                self.on_order[i] += qty
                if rnd.random() < 0.06 and qty >= 2:
                    first = max(1, int(qty * rnd.uniform(0.5, 0.8)))
                    self._schedule(d + lead + delay, i, first, ref, note, cost)
                    self._schedule(d + lead + delay + rnd.randint(3, 10), i, qty - first, ref,
                                   note + " · 补发 second delivery", cost)
                else:
                    self._schedule(d + lead + delay, i, qty, ref, note, cost)

    def _due(self, day: int) -> int:
        """The first day from ``day`` a supplier delivers on (a day past the history counts as one)."""
        while day < DAYS and (self.cal.closed[day] or not self.cal.work[day]):
            day += 1
        return day

    def _schedule(self, day: int, i: int, qty: int, ref: str, note: str, cost: Decimal) -> None:
        while day < DAYS and (self.cal.closed[day] or not self.cal.work[day]):
            day += 1
        if self.desk is not None:
            self.desk.scheduled(ref, day < DAYS)
        if day >= DAYS:
            return  # still on order at the end of the history
        self.pending.setdefault(day, []).append((i, qty, ref, note, cost))
        self.arrivals_of.setdefault(i, []).append(day)
        self.next_arrival[i] = min(self.next_arrival[i], day)

    def _transfer(self, d: int, day: date) -> list[Callable]:
        hub = self.hub_of
        low = (self.pw != 0) & (self.on_hand <= 0.3 * self.rop) & (self.next_arrival - d > 3) & (d >= self.active_from)
        spare = self.on_hand[hub] - self.rop[hub]
        cand = np.nonzero(low & (spare >= 1) & (self.rng.random(self.n) < 0.5))[0]
        events = []
        for i in cand.tolist():
            h = int(hub[i])
            qty = int(min(self.upto[i] - self.on_hand[i] - self.on_order[i], self.on_hand[h] - self.rop[h]))
            if qty < 1:
                continue
            self.on_hand[h] -= qty
            self.on_hand[i] += qty
            events.append(_transfer(self.sku[i], qty, self.whc[h], self.whc[i], self._ref("TO", day),
                                    f"调拨补货 {self.whc[h]} → {self.whc[i]}"))
        return events

    def _adjust(self, d: int) -> list[Callable]:
        rng, rnd = self.rng, self.rnd
        events = []
        picked = rng.choice(self.n, size=min(self.n, rng.poisson(self.n / 900) + rng.poisson(self.n / 2500)),
                            replace=False)
        for j, i in enumerate(picked.tolist()):
            if d < self.active_from[i]:
                continue
            if j % 3 == 2:
                qty = rnd.randint(1, 3)
                reason = "客户退货入库 customer return"
            elif self.on_hand[i] > 0:
                qty = -min(int(self.on_hand[i]), rnd.randint(1, 3))
                reason = rnd.choice(DAMAGE)
            else:
                continue
            self.on_hand[i] += qty
            events.append(_adjustment(self.sku[i], qty, self.whc[i], reason))
        return events

    def _count(self, d: int, day: date) -> list[Callable]:
        rng, rnd = self.rng, self.rnd
        if self.cal.stocktake[d]:
            picked = np.nonzero(d >= self.active_from)[0]
            ref, chance = f"PD-{day:%Y}", 0.12
        else:
            picked = rng.choice(self.n, size=min(self.n, rng.poisson(self.n / 55)), replace=False)
            ref, chance = f"CC-{day:%Y%m%d}", 0.25
        events = []
        for i in picked.tolist():
            if rnd.random() >= chance or d < self.active_from[i]:
                continue
            diff = 1 if rnd.random() < 0.2 else -rnd.randint(1, 2)
            counted = int(self.on_hand[i]) + diff
            if counted < 0:
                continue
            self.on_hand[i] = counted
            held = self.desk.held.get(i, 0) if self.desk is not None else 0  # confirmed, leaving tomorrow
            events.append(_counting(self.sku[i], counted + held, self.whc[i], ref))
        return events


def _lost_sales(lost: list[tuple[datetime, str, int, str, str, str, str]]) -> Act:
    """The act recording ``lost`` (moment, SKU, quantity, warehouse, customer, reference, note) as unfilled demand."""

    def run(uow) -> None:
        for at, sku, qty, wh, customer, ref, note in lost:
            lost_sale(uow, sku, qty, wh, customer, at, ref, note)

    return Act(run)


def _receipt(sku: str, qty: int, wh: str, cost: Decimal, ref: str, note: str, kind: str) -> Callable:
    return lambda at: cmd.ReceiveStock(sku, _dec(qty), wh, cost, ref, at, note, kind)


def _transfer(sku: str, qty: int, source: str, target: str, ref: str, note: str) -> Callable:
    return lambda at: cmd.TransferStock(sku, _dec(qty), source, target, ref, at, note)


def _adjustment(sku: str, delta: int, wh: str, reason: str) -> Callable:
    return lambda at: cmd.AdjustStock(sku, _dec(delta), wh, reason, at)


def _counting(sku: str, counted: int, wh: str, ref: str) -> Callable:
    return lambda at: cmd.CountStock(sku, _dec(counted), wh, at, ref)
