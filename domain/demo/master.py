"""The demo's master data: what the business sells, where, from whom and to whom.

The business is a 五金 · 文具 · 日用 · 食品 wholesaler: about 1,200 products drawn from the recipe
in ``resources/demo/catalog.toml`` (Chinese, English and bilingual names, EAN-13 barcodes,
cartons, min/max levels), three warehouses (SH 上海总仓, GZ 广州仓, BJ 北京仓), 20 suppliers
with terms (price, MOQ, order multiple, lead time) and 200 customers. Each product also gets what the
history generator (``domain.demo.history``) needs of it: its demand class (smooth fast mover, medium
mover, slow intermittent mover or lumpy project item), base rate of order lines per day, mean line
size, growth or decline trend, launch day, MOQ, order multiple and lead time. ``World.master_commands``
is the master data as ``domain.stock.commands`` for ``catalog.add_many``.
"""

from __future__ import annotations

import random
import tomllib
from dataclasses import dataclass
from dataclasses import field
from decimal import ROUND_HALF_UP
from decimal import Decimal
from pathlib import Path

import numpy as np

from domain.catalog import commands as cmd
from domain.sales.price_master import SetCustomerTerms
from domain.sales.price_master import SetListPrice

RECIPE = Path(__file__).resolve().parent.parent.parent / "resources" / "demo" / "catalog.toml"
DAYS = 730  # the days of history; a new product is launched within them
PRODUCTS = 1200
CUSTOMERS = 200
HUB = "SH"  # the main warehouse, which supplies the regional ones
# Demand classes: share by purchase-cost band (<10, 10–50, ≥50 CNY), order lines per day, mean line size.
CLASSES = {
    "fast": ((0.14, 0.06, 0.03), (0.6, 2.0), (2.0, 8.0)),
    "medium": ((0.36, 0.30, 0.22), (0.15, 0.5), (1.5, 5.0)),
    "slow": ((0.38, 0.46, 0.50), (0.02, 0.15), (1.0, 2.5)),
    "lumpy": ((0.12, 0.18, 0.25), (0.01, 0.05), (8.0, 40.0)),
}
TIER_COST = (1.0, 1.35, 1.2, 0.75)


def promoted_categories(recipe: dict | None = None) -> list[str]:
    """The category names whose demand spikes most at 618 and 双11 (promotion sensitivity 1 or more)."""
    recipe = recipe or load_recipe()
    return [c["name"] for c in recipe["category"] if c.get("promo", 0) >= 1.0]


def load_recipe(path: Path = RECIPE) -> dict:
    with open(path, "rb") as f:
        return tomllib.load(f)


def ean13(first12: str) -> str:
    """The EAN-13 code for 12 digits: weights 1, 3, 1, 3 … from the left, then the check digit."""
    total = sum(int(ch) * (3 if i % 2 else 1) for i, ch in enumerate(first12))
    return first12 + str((10 - total % 10) % 10)


def _split(text: str) -> tuple[str, str]:
    zh, _, en = text.partition("|")
    return zh, (en if "|" in text else zh)


@dataclass(slots=True)
class Product:
    sku: str
    name: str
    unit: str
    category: str
    pack: int
    cost: int  # purchase cost in fen
    season: str
    special: str
    promo: float
    stockup: float
    suppliers: list[int]  # indexes into world.suppliers: primary first
    barcodes: list[str] = field(default_factory=list)
    klass: str = "slow"
    rate: float = 0.0  # order lines per day, all warehouses
    size: float = 1.0  # mean line size in stock units
    trend: float = 0.0  # growth per year (log)
    launch: int = -1  # day index the product is launched, -1 = sold from the start
    mult: int = 1
    moq: int = 0
    lead: int | None = None  # product-specific lead time, None = the supplier's


class World:
    """The master data: what the business sells, where, from whom and to whom."""

    def __init__(self, recipe: dict, rng: np.random.Generator, rnd: random.Random, scale: float) -> None:
        self.recipe = recipe
        self.categories = recipe["category"]
        self.warehouses = recipe["warehouse"]
        self.suppliers = recipe["supplier"]
        self.sup_index = {s["code"]: i for i, s in enumerate(self.suppliers)}
        self.products = self._products(rng, rnd, max(2 * len(self.categories), round(PRODUCTS * scale)))
        self.customers = self._customers(rnd, max(20, round(CUSTOMERS * scale)))
        self.contacts = [self._contact(rnd, "sales_titles") for _ in self.suppliers]

    def _products(self, rng: np.random.Generator, rnd: random.Random, n: int) -> list[Product]:
        # Every item × spec × variant combination, ranked so that the first n spread evenly over categories.
        combos = []
        for cat in self.categories:
            mine = []
            for i, item in enumerate(cat["items"]):
                own = "variants" in item
                variants = item.get("variants", cat["variants"])
                k = 0
                for s, spec in enumerate(item["specs"]):
                    for v, variant in enumerate(variants):
                        k += 1
                        mine.append((cat, i, item, s, spec, v, variant, own, k))
            rnd.shuffle(mine)
            combos += [((j + rnd.random()) / len(mine), c) for j, c in enumerate(mine)]
        combos.sort(key=lambda x: x[0])
        chosen = sorted((c for _, c in combos[:n]), key=lambda c: (self.categories.index(c[0]), c[1], c[8]))
        counters: dict[int, int] = {}
        products = []
        for cat, i, item, s, spec, v, variant, own, k in chosen:
            products.append(self._product(rng, rnd, cat, i, item, s, spec, v, variant, own, k, counters))
        return products

    def _product(self, rng, rnd, cat, i, item, s, spec, v, variant, own, k, counters) -> Product:
        spec_zh, spec_en = _split(spec)
        var_zh, var_en = _split(variant)
        zh = " ".join(x for x in (item["zh"], spec_zh, var_zh) if x)
        en = item["en"] + (f" {spec_en}" if spec_en else "") + (f", {var_en}" if var_en else "")
        u = rnd.random()
        both = " ".join(x for x in (item["zh"], item["en"], spec_zh, var_zh) if x)
        name = zh if u < 0.72 else en if u < 0.86 else both
        tier = 1.0 if own else TIER_COST[v % len(TIER_COST)]
        cost = max(10, round(item["price"] * 100 * (1 + 0.3 * s) * tier * float(rng.lognormal(0, 0.08))))
        pool = [self.sup_index[c] for c in cat["suppliers"]]
        primary = rnd.choices(pool, weights=[0.55, 0.3, 0.15][: len(pool)])[0]
        suppliers = [primary] + ([rnd.choice([x for x in pool if x != primary])] if len(pool) > 1 and
                                 rnd.random() < 0.35 else [])
        p = Product(
            sku=f"{cat['key']}{i + 1:03d}-{k:02d}", name=name, unit=item["unit"], category=cat["name"],
            pack=int(item["pack"]), cost=cost, season=item.get("season", cat["season"]),
            special=item.get("special", ""), promo=float(item.get("promo", cat.get("promo", 0.0))),
            stockup=float(cat.get("cny_stockup", 1.0)), suppliers=suppliers,
        )
        p.barcodes = self._barcodes(rnd, p, counters)
        band = 0 if cost < 1000 else 1 if cost < 5000 else 2
        p.klass = rnd.choices(list(CLASSES), weights=[c[0][band] for c in CLASSES.values()])[0]
        _, rate, size = CLASSES[p.klass]
        p.rate = rnd.uniform(*rate)
        p.size = rnd.uniform(*size) * (3 if cost < 300 else 1)
        u = rnd.random()
        p.trend = (rnd.uniform(0.5, 1.0) if u < 0.06 else -rnd.uniform(0.6, 1.2) if u < 0.12
                   else rnd.gauss(0.03, 0.18))
        if not p.special and rnd.random() < 0.08:
            p.launch = rnd.randrange(60, DAYS - 60)
        monthly = p.rate * p.size * 30
        p.mult = p.pack if p.pack > 1 and monthly >= p.pack / 2 else 1
        p.moq = max(p.mult, 10) if cost < 500 and p.klass != "slow" else p.mult if p.mult > 1 else 0
        if rnd.random() < 0.2:
            p.lead = max(1, self.suppliers[primary]["lead"] + rnd.randint(-1, 5))
        return p

    def _barcodes(self, rnd: random.Random, p: Product, counters: dict[int, int]) -> list[str]:
        if (p.unit == "kg" and rnd.random() < 0.7) or rnd.random() < 0.02:
            return []  # loose goods and house-packed items carry no barcode
        sup = p.suppliers[0]
        codes = []
        for _ in range(2 if rnd.random() < 0.04 else 1):
            counters[sup] = counters.get(sup, rnd.randrange(100, 3000)) + rnd.randint(1, 7)
            codes.append(ean13(f"69{self.suppliers[sup]['prefix']}{counters[sup]:05d}"))
        return codes

    def _customers(self, rnd: random.Random, n: int) -> list[dict]:
        names = self.recipe["names"]
        regions = [w["code"] for w in self.warehouses]
        weights = [0.45, 0.32, 0.23]
        seen: set[str] = set()
        customers = []
        while len(customers) < n:
            region = rnd.choices(regions, weights=weights)[0]
            if rnd.random() < 0.08:
                name = rnd.choice(names["english"]).format(en=rnd.choice(names["english_names"]),
                                                           cityen=names["cities_en"][region])
            else:
                name = rnd.choice(names["kinds"]).format(
                    city=rnd.choice(names["cities"][region]), trade=rnd.choice(names["trade"]),
                    district=rnd.choice(names["districts"][region]), n=rnd.choice("一二三四五六七八"))
            if name in seen:
                continue
            seen.add(name)
            customers.append({"code": f"C{len(customers) + 1:04d}", "name": name, "region": region,
                              "weight": rnd.paretovariate(1.3), "contact": self._contact(rnd)})
        return customers

    def _contact(self, rnd: random.Random, titles: str = "titles") -> str:
        n = self.recipe["names"]
        phone = f"1{rnd.choice('3589')}{rnd.randrange(10**9):09d}"
        return f"{rnd.choice(n['surnames'])}{rnd.choice(n['given'])} ({rnd.choice(n[titles])}) {phone}"

    def master_commands(self) -> list[object]:
        commands: list[object] = [
            cmd.AddWarehouse(w["code"], w["name"], False, w["address"]) for w in self.warehouses
        ]
        commands += [cmd.AddSupplier(s["code"], s["name"], self.contacts[i], "CNY", s["lead"], s["address"])
                     for i, s in enumerate(self.suppliers)]
        for p in self.products:
            daily = p.rate * p.size
            low = max(1, round(daily * 10))
            commands.append(cmd.AddProduct(p.sku, p.name, tuple(p.barcodes), p.unit, p.category, Decimal(p.pack),
                                           Decimal(low), Decimal(max(low + 1, round(daily * 45), p.moq))))
        for p in self.products:
            for rank, s in enumerate(p.suppliers):
                price = fen(round(p.cost * (1.08 if rank else 1.0)))
                commands.append(cmd.SetSupplierTerms(
                    self.suppliers[s]["code"], p.sku, price, f"{self.suppliers[s]['prefix'][-3:]}-{p.sku}",
                    Decimal(p.moq), Decimal(p.mult), p.lead if rank == 0 else None))
        commands += [cmd.AddCustomer(c["code"], c["name"], c["contact"]) for c in self.customers]
        return commands


# List prices over the purchase cost: cheap items carry a larger markup. Retail is rounded to 0.10 yuan, wholesale
# (for trade customers) to 0.01; both are drawn from the cost alone, so the demo's random draws are untouched.
RETAIL_MARKUP = ((1_000, Decimal("1.45")), (5_000, Decimal("1.35")), (None, Decimal("1.25")))  # below fen → markup
WHOLESALE_MARKUP = Decimal("1.15")
# Customer terms by the customer's place in the list (every fourth a trade customer at wholesale, ...): the same
# customers always get the same terms.
TERMS = (
    ("wholesale", "3", "月结30天", 30, "50000"),
    ("retail", "0", "现款现货", 0, "none"),
    ("retail", "5", "月结30天", 30, "20000"),
    ("retail", "0", "现款现货", 0, "none"),
)
BASIS = {"月结30天": "month_end", "现款现货": "cod"}  # how each terms text counts its days


def list_prices(cost_fen: int) -> tuple[Decimal, Decimal]:
    """The retail and wholesale list prices (yuan, without tax) of a product bought at ``cost_fen``."""
    cost = fen(cost_fen)
    markup = next(m for limit, m in RETAIL_MARKUP if limit is None or cost_fen < limit)
    retail = (cost * markup).quantize(Decimal("0.1"), ROUND_HALF_UP)
    wholesale = (cost * WHOLESALE_MARKUP).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return max(retail, wholesale + Decimal("0.1")), max(wholesale, cost)


def price_commands(world: World) -> list[object]:
    """Retail and wholesale prices for every product, and terms for every customer."""
    commands: list[object] = []
    for p in world.products:
        retail, wholesale = list_prices(p.cost)
        commands += [SetListPrice(p.sku, "retail", retail), SetListPrice(p.sku, "wholesale", wholesale)]
    for i, c in enumerate(world.customers):
        level, discount, terms, days, limit = TERMS[i % len(TERMS)]
        phone = c["contact"].rsplit(" ", 1)[-1]
        commands.append(SetCustomerTerms(c["code"], level, discount, terms, days, limit, phone=phone,
                                         payment_basis=BASIS[terms]))
    return commands


def customer_terms(world: World) -> list[tuple[str, str]]:
    """(code, payment terms text) of every customer, in order (``TERMS`` by its place in the list)."""
    return [(c["code"], TERMS[i % len(TERMS)][2]) for i, c in enumerate(world.customers)]


def fen(amount: int) -> Decimal:
    return Decimal(amount).scaleb(-2)
