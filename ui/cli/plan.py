"""The planning commands: ``forecast``, ``reorder``, ``suggest``, ``unfilled`` (record a lost sale) and
``target`` (a product's own service target and review period).

Exit status as in ``ui.cli``: 0 done, 2 bad input, 3 refused by a business rule. numpy and the
forecasting package load only when one of these commands runs (inside ``domain.planning.run``), so the
other commands keep starting fast. By default only the vectorised numpy methods forecast (about a
second for thousands of products); ``--thorough`` also backtests the statsmodels models for
``--budget`` seconds in two processes.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from datetime import date
from decimal import Decimal

from domain.kernel import clock
from domain.kernel.errors import BadInput
from domain.kernel.numbers import fmt
from ui.cli.common import option_day
from ui.cli.common import seconds
from ui.cli.common import whole

COMMANDS = ("forecast", "reorder", "suggest", "unfilled", "target")


def add_plan_parsers(sub: argparse._SubParsersAction) -> None:
    from ui.cli.common import when

    for name, text in (("forecast", "forecast demand per product from the ledger"),
                       ("reorder", "products to reorder now, with severity, stockout date and the reason"),
                       ("suggest", "suggested transfers between warehouses, then purchase-order lines grouped by "
                                   "supplier for what is left")):
        p = sub.add_parser(name, help=text)
        p.add_argument("--json", action="store_true")
        p.add_argument("--weeks", type=whole(1, 1040), default=104, help="weeks of history to read (default 104)")
        p.add_argument("--today", type=option_day, help="plan as of this day, YYYY-MM-DD (default: today)")
        p.add_argument("--thorough", action="store_true", help="also try the statsmodels models (slower)")
        p.add_argument("--budget", type=seconds, default=20.0, help="seconds for the statsmodels models (--thorough)")
        if name == "forecast":
            p.add_argument("--sku")
        if name == "suggest":
            p.add_argument("--sku", action="append", metavar="SKU",
                           help="only this product (SKU or barcode); may be given more than once")
            p.add_argument("--supplier", action="append", metavar="CODE",
                           help="only the lines ordered from this supplier (its code); may be given more than once")
            p.add_argument("--warehouse", action="append", metavar="CODE",
                           help="only the lines for this warehouse (its code); may be given more than once")
            p.add_argument("--class", dest="abc", action="append", choices=("A", "B", "C"),
                           help="only the products of this ABC class; may be given more than once")
            p.add_argument("--create-drafts", action="store_true",
                           help="create one draft PO per supplier and warehouse for the lines shown; says what it "
                                "will draft and asks first (on a terminal) unless --yes")
            p.add_argument("--yes", action="store_true",
                           help="create the drafts and post the transfers without asking (needed without a "
                                "terminal, as in a script)")
            p.add_argument("--create-transfers", action="store_true",
                           help="post the suggested transfers, one transfer document per pair of warehouses; says "
                                "what it will post and asks first (on a terminal) unless --yes")
    p = sub.add_parser("unfilled", help="record demand that could not be shipped (a lost sale) so forecasts count it")
    p.add_argument("--sku", required=True, help="SKU or barcode")
    p.add_argument("--qty", required=True, help="quantity asked for and not shipped")
    p.add_argument("--warehouse", help="warehouse code (may be left out when there is only one warehouse)")
    p.add_argument("--customer", default="", help="customer code")
    p.add_argument("--at", type=when, help="when the customer asked, ISO date-time (default: now)")
    p.add_argument("--ref", default="", help="reference, such as the order number")
    p.add_argument("--note", default="")
    p = sub.add_parser("target", help="show or set a product's own service target and review period")
    p.add_argument("--sku", required=True)
    p.add_argument("--service", help="cycle service target in percent, e.g. 97.5; 'default' for the ABC class's")
    p.add_argument("--review-days", help="review period in days, e.g. 14; 'default' for the run's (7)")
    p.add_argument("--json", action="store_true")


def _options(args: argparse.Namespace) -> dict:
    if args.weeks < 8:
        raise BadInput("--weeks", f"{args.weeks} is too few; give 8 or more weeks of history")
    if args.budget <= 0:
        raise BadInput("--budget", "give a number of seconds greater than 0")
    return {"today": args.today or clock.today(), "weeks": args.weeks, "thorough": args.thorough,
            "budget_seconds": args.budget, "workers": 2 if args.thorough else 1}


def _reader(db):
    from persistence.planning.queries import reader

    return reader(db.engine, utc_offset_seconds=time.localtime().tm_gmtoff)


def _plain(value):
    """A JSON value: Decimals as exact strings, floats rounded, NaN as null, dates in ISO form."""
    if isinstance(value, Decimal):
        return fmt(value)
    if isinstance(value, float):
        return None if not math.isfinite(value) else round(value, 4)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "tolist"):
        return _plain(value.tolist())
    return value


def _write(rows) -> None:
    sys.stdout.write(json.dumps(_plain(rows), ensure_ascii=False, indent=1) + "\n")


def _num(value: float, places: int = 2) -> str:
    return "-" if value is None or not math.isfinite(value) else f"{value:.{places}f}"


def _record_unfilled(args: argparse.Namespace, db) -> int:
    from domain.stock.demand import RecordUnfilledDemand
    from domain.stock.demand import record_unfilled_demand

    warehouse = args.warehouse
    if not warehouse:
        from persistence.catalog.queries import warehouses

        codes = sorted(w.code for w in warehouses(db.engine))
        if len(codes) != 1:
            raise BadInput("--warehouse", f"this database has {len(codes)} warehouses ({', '.join(codes) or 'none'}); "
                                          "give the code of the one where the demand was")
        warehouse = codes[0]
    record = record_unfilled_demand(db.uow(), RecordUnfilledDemand(
        args.sku, args.qty, warehouse, args.customer, args.at, args.ref, args.note))
    print(record.id)
    return 0


def _target(args: argparse.Namespace, db) -> int:
    """Show the product's overrides; --service / --review-days change one ('default' clears it, so the ABC
    class's target or the run's review period applies again); an option left out keeps its value."""
    from domain.planning.product import SetProductPlanning
    from domain.planning.product import set_product_planning
    from domain.planning.run import DEFAULT_REVIEW_DAYS
    from domain.planning.run import SERVICE_BY_CLASS
    from domain.planning.settings import service_rule
    from persistence.planning.product import of_sku

    current = of_sku(db.engine, args.sku)
    if current is None:
        raise BadInput("--sku", f"{args.sku!r}: no product has this SKU; give the SKU of an existing product")

    def text(given: str | None, now) -> str:
        if given is None:
            return "" if now is None else fmt(now)
        return "" if given.strip().lower() == "default" else given

    if args.service is not None or args.review_days is not None:
        now_percent = current.service_target * 100 if current.service_target is not None else None
        try:
            current = set_product_planning(db.uow(), SetProductPlanning(
                args.sku, text(args.service, now_percent), text(args.review_days, current.review_days)))
        except BadInput as e:
            raise BadInput("--service" if e.field == "service target" else "--review-days", e.problem) from e
    service, review = current.service_target, current.review_days
    if args.json:
        _write({"sku": args.sku, "service_target": service,
                "service_source": "product" if service is not None else service_rule(db.uow())[0],
                "review_days": review if review is not None else DEFAULT_REVIEW_DAYS,
                "review_source": "product" if review is not None else "default"})
        return 0
    rule, overall = service_rule(db.uow())
    service_text = (f"{fmt(service * 100)} % (this product)" if service is not None
                    else f"by its unit cost ({overall * 100:g} % at the average cost)" if rule == "cost"
                    else "its ABC class's (" + ", ".join(f"{c} {round(v * 100, 2):g} %"
                                                         for c, v in SERVICE_BY_CLASS.items()) + ")")
    review_text = f"{review} days (this product)" if review is not None else f"{DEFAULT_REVIEW_DAYS} days (default)"
    print(f"{args.sku}  service target {service_text}  review period {review_text}")
    return 0


def run_plan(args: argparse.Namespace, db) -> int:
    from domain.planning import run as planning
    from persistence.planning.classes import ClassStore
    from persistence.planning.queries import forecast_cache

    if args.command == "unfilled":
        return _record_unfilled(args, db)
    if args.command == "target":
        return _target(args, db)
    options = _options(args)
    options["run"] = planning.RunControl(cache=forecast_cache(db.engine), classes=ClassStore(db.engine))
    if args.command == "forecast":
        rows = planning.forecast_products(_reader(db), sku=args.sku, **options)
        if args.sku and not rows:
            raise BadInput("--sku", f"{args.sku!r} has no stock or movements; give the SKU of a stocked product")
        _forecast(rows, args.json)
        return 0
    filters = _filters(args, db) if args.command == "suggest" else {}  # checked before the plan's minute
    plans = planning.plan(_reader(db), transfers=args.command == "suggest", **options)
    if args.command == "reorder":
        _reorder([p for p in plans if p.alert is not None], args.json)
        return 0
    from domain.planning.transfers import transfers_of

    plans = [p for p in plans if _chosen(p, filters)]
    suggestions = [p.suggestion for p in plans if p.suggestion is not None]
    transfers = transfers_of(plans)
    created = []
    if args.create_drafts and not _confirmed(db, suggestions, args.yes):
        print("no draft made", file=sys.stderr)
    elif args.create_drafts:
        created = planning.create_drafts(db.uow(), suggestions)
    posted = []
    if args.create_transfers and transfers and not _transfers_confirmed(transfers, args.yes):
        print("no transfer posted", file=sys.stderr)
    elif args.create_transfers and transfers:
        from domain.planning.transfer_docs import create_transfers

        posted = create_transfers(db.uow(), transfers)
    _suggest(suggestions, created, args.json, transfers, posted)
    return 0


def _filters(args: argparse.Namespace, db) -> dict[str, set[str]]:
    """``suggest``'s filters, each checked against the database so a mistyped code is refused, not an empty plan:
    field → the values it keeps (a field not given keeps everything)."""
    from domain.stock.ledger import find_product
    from persistence.catalog.queries import suppliers
    from persistence.catalog.queries import warehouses

    chosen: dict[str, set[str]] = {}
    if args.sku:
        with db.uow() as uow:  # a barcode names its product's SKU
            chosen["sku"] = {find_product(uow, code, "--sku").sku for code in args.sku}
    for field, given, known in (("supplier", args.supplier, lambda: [s.code for s in suppliers(db.engine)]),
                                ("warehouse", args.warehouse, lambda: [w.code for w in warehouses(db.engine)])):
        if given:
            codes = set(known())
            unknown = [code for code in given if code not in codes]
            if unknown:
                raise BadInput(f"--{field}", f"{', '.join(unknown)}: no {field} has this code; give one of "
                                             f"{', '.join(sorted(codes)) or '(none yet)'}")
            chosen[field] = set(given)
    if args.abc:
        chosen["abc"] = set(args.abc)
    return chosen


def _chosen(plan, filters: dict[str, set[str]]) -> bool:
    """Whether a product × warehouse plan passes the filters; --supplier keeps the lines ordered from it."""
    supplier = plan.suggestion.supplier if plan.suggestion is not None else None
    values = {"sku": plan.sku, "warehouse": plan.warehouse, "abc": plan.abc, "supplier": supplier}
    return all(values[field] in kept for field, kept in filters.items())


def _confirmed(db, suggestions, yes: bool) -> bool:
    """Say on stderr what ``--create-drafts`` will draft (``preview_drafts``: supplier, warehouse, lines, amount, as
    the drafts will be) and, unless ``yes``, ask on the terminal; without one, refuse and name ``--yes``."""
    from domain.planning.drafts import preview_drafts
    from domain.purchasing.exchange import totals_by_currency
    from domain.purchasing.exchange import totals_text
    from ui.cli.common import money

    previews = preview_drafts(db.uow(), suggestions)
    if not previews:
        return True
    print(f"will draft {len(previews)} purchase order(s):", file=sys.stderr)
    for d in previews:
        converted = (f" (about {money(d.company_amount)} {d.company_currency})"
                     if d.currency != d.company_currency and d.company_amount is not None else "")
        print(f"  {d.supplier} {d.supplier_name}  to {d.warehouse}  {len(d.lines)} line(s)  {money(d.amount)} "
              f"{d.currency} before tax{converted}", file=sys.stderr)
    totals = totals_by_currency((d.currency, d.amount) for d in previews)
    print("  total before tax: " + totals_text(totals, money), file=sys.stderr)
    these = "this draft" if len(previews) == 1 else f"these {len(previews)} drafts"
    return _asked("--create-drafts", f"create {these}", yes)


def _transfers_confirmed(transfers, yes: bool) -> bool:
    """Say on stderr what ``--create-transfers`` will post (``preview_transfers``: from, to, lines, as the
    documents will be) and, unless ``yes``, ask on the terminal; without one, refuse and name ``--yes``."""
    from domain.planning.transfer_docs import preview_transfers

    previews = preview_transfers(transfers)
    if not previews:
        return True
    print(f"will post {len(previews)} transfer document(s):", file=sys.stderr)
    for d in previews:
        print(f"  {d.from_warehouse} -> {d.to_warehouse}  {len(d.lines)} line(s)  "
              + ", ".join(f"{sku} {fmt(qty)}" for sku, qty in d.lines), file=sys.stderr)
    these = "this transfer" if len(previews) == 1 else f"these {len(previews)} transfers"
    return _asked("--create-transfers", f"post {these}", yes)


def _asked(option: str, question: str, yes: bool) -> bool:
    """``yes``, or the answer on the terminal to ``question`` [y/N]; without a terminal, refused naming --yes."""
    from ui.cli.common import EXIT_BAD_INPUT
    from ui.cli.common import CliError

    if yes:
        return True
    if not sys.stdin.isatty():
        raise CliError(f"{option}: there is no terminal to ask on; give --yes to {question}, or "
                       "narrow them with --sku, --supplier, --warehouse or --class", EXIT_BAD_INPUT)
    print(f"{question}? [y/N] ", end="", file=sys.stderr, flush=True)
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def _forecast(rows, as_json: bool) -> None:
    if as_json:
        _write([{
            "sku": p.sku, "name": p.name, "class": p.forecast.demand_class, "abc": p.abc, "model": p.forecast.model,
            "mase": p.forecast.mase, "baseline_mase": p.forecast.baseline_mase, "wape": p.forecast.wape,
            "bias": p.forecast.bias, "forecast": p.forecast.mean, "sigma": p.forecast.sigma,
            "quantiles": {str(q): v for q, v in p.forecast.quantiles.items()},
            "history_weeks": len(p.history), "censored_weeks": p.censored_weeks, "note": p.forecast.note,
        } for p in rows])
        return
    print("SKU  CLASS  ABC  MODEL  MASE  BASELINE  WAPE  BIAS  WEEK 1  P90 WEEK 1  CENSORED  (FALLBACK NOTE)")
    for p in rows:
        f = p.forecast
        p90 = f.quantiles.get(0.9)
        print(f"{p.sku}  {f.demand_class}  {p.abc}  {f.model}  {_num(f.mase)}  {_num(f.baseline_mase)}  "
              f"{_num(f.wape)}  {_num(f.bias)}  {_num(float(f.mean[0]), 1)}  "
              f"{_num(float(p90[0]), 1) if p90 is not None else '-'}  {p.censored_weeks}"
              + (f"  ({f.note})" if f.note else ""))


_SEVERITY_ORDER = {"critical": 0, "high": 1, "normal": 2}


def _reorder(alerts, as_json: bool) -> None:
    alerts = sorted(alerts, key=lambda p: (_SEVERITY_ORDER.get(p.alert.severity, 3),
                                           p.alert.stockout_date or date.max, p.sku, p.warehouse))
    if as_json:
        _write([{
            "sku": p.sku, "name": p.name, "warehouse": p.warehouse, "severity": p.alert.severity,
            "stockout_date": p.alert.stockout_date, "days_of_stock": p.alert.days_of_stock,
            "position": p.alert.position, "reorder_point": p.alert.reorder_point,
            "suggested_qty": p.suggestion.qty if p.suggestion else Decimal(0),
            "service_target": p.explanation.get("service_target"),
            "service_source": p.explanation.get("service_source"), "explanation": p.explanation,
        } for p in alerts])
        return
    for p in alerts:
        e = p.explanation
        stockout = p.alert.stockout_date.isoformat() if p.alert.stockout_date else "-"
        print(f"{p.alert.severity:<8}  {p.sku}  {p.warehouse}  stockout {stockout}  on hand {fmt(e['on_hand'])}  "
              f"on order {fmt(e['on_order'])}  reserved {fmt(e['reserved'])}  forecast/week "
              f"{e['demand_per_period']:.1f}  lead {e['lead_time_days']} d ({_lead_source(e)})  "
              f"service {e['service_level']:.1%} ({_service_source(e)})  "
              f"safety {_tenth(e['safety_stock'])}  reorder point {_tenth(e['reorder_point'])}  "
              f"order {fmt(e['order_qty'])}{_fill_note(e)}")
    print(f"{len(alerts)} alert(s)", file=sys.stderr)


def _tenth(value) -> str:
    """A computed level to one decimal, as the forecast beside it ("2.1194" read as exact, which it is not);
    --json keeps every digit."""
    return fmt(Decimal(value).quantize(Decimal("0.1")))


def _fill_note(e: dict) -> str:
    """Why the order is larger than the need: the supplier delivers short (``domain.planning.fill``)."""
    if e.get("supplier_fill_rate") is None:
        return ""
    return (f"  (need {_tenth(e['order_need'])} × {fmt(e['fill_factor'].quantize(Decimal('0.01')))}: {e['supplier']} "
            f"delivered {float(e['supplier_fill_rate']):.1%} of what was ordered on {e['fill_lines']} lines"
            + (", capped" if e.get("fill_capped") else "") + ")")


def _service_source(e: dict) -> str:
    source = e.get("service_source") or ""
    if source == "cost" and (why := e.get("service_cost")):  # domain.planning.service: by unit cost
        return (f"unit cost {why['unit_cost']:,.2f} against the average {why['average_cost']:,.2f}, "
                f"{why['overall'] * 100:g} % there")
    return "this product" if source == "product" else source or "class"


def _lead_source(e: dict) -> str:
    source = e.get("lead_time_source", "terms")
    if source == "terms":
        return "supplier terms"
    what = "this product's" if source == "receipts_product" else "the supplier's"
    return f"{what} {e['lead_time_observations']} PO receipts, σ {e['lead_time_sigma_days']:.1f} d"


def _suggest(suggestions, created, as_json: bool, transfers=(), posted=()) -> None:
    """Transfers first (stock another warehouse holds beyond its needs), then what is left to order per supplier."""
    groups: dict[str, list] = {}
    for s in sorted(suggestions, key=lambda s: (s.supplier or "", s.warehouse, s.sku)):
        groups.setdefault(s.supplier or "", []).append(s)
    if as_json:
        _write({
            "transfers": [{"sku": t.sku, "name": t.name, "from": t.from_warehouse, "to": t.to_warehouse,
                           "qty": t.qty, "need": t.need, "surplus": t.surplus, "reason": t.reason}
                          for t in transfers],
            "transfers_posted": [{"number": d.number, "from": d.from_warehouse, "to": d.to_warehouse,
                                  "lines": [{"sku": sku, "qty": qty} for sku, qty in d.lines]} for d in posted],
            "suppliers": [{
                "supplier": supplier or None,
                "lines": [{"sku": s.sku, "warehouse": s.warehouse, "qty": s.qty, "unit_price": s.unit_price,
                           "currency": s.currency, "rounding": s.rounding, "explanation": s.explanation}
                          for s in lines],
            } for supplier, lines in groups.items()],
            "drafts": [{"id": d.po_id, "supplier": d.supplier, "warehouse": d.warehouse,
                        "amount": fmt(d.amount), "currency": d.currency,
                        "lines": [{"sku": sku, "qty": qty} for sku, qty in d.lines]} for d in created],
        })
        return
    if transfers:
        print("transfers (before ordering)")
    for t in transfers:
        print(f"  {t.sku}  {t.from_warehouse} -> {t.to_warehouse}  {fmt(t.qty)}  ({t.reason})")
    for supplier, lines in groups.items():
        print(supplier or "(no supplier terms: add terms to order these)")
        for s in lines:
            reason = f"  ({s.rounding})" if s.rounding else ""
            print(f"  {s.sku}  {s.warehouse}  {fmt(s.qty)}{reason}{_fill_note(s.explanation)}")
    for d in posted:
        print(f"transfer {d.number}  {d.from_warehouse} -> {d.to_warehouse}  {len(d.lines)} line(s)")
    for d in created:
        print(f"draft {d.po_id}  {d.supplier}  {d.warehouse}  {len(d.lines)} line(s)  "
              f"{d.amount:,.2f} {d.currency} before tax")
    if len(created) > 1:  # one total per currency, never a sum of different currencies
        from domain.purchasing.exchange import totals_by_currency
        from domain.purchasing.exchange import totals_text

        totals = totals_by_currency((d.currency, d.amount) for d in created)
        print("drafts total before tax: " + totals_text(totals, lambda x: f"{x:,.2f}"))
    if not suggestions and not transfers:
        print("nothing to order", file=sys.stderr)
    elif not suggestions:
        print("nothing to order once the transfers are made", file=sys.stderr)
