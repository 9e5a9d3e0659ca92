"""The words of the replenishment screen: severities, demand classes, forecast models, lead-time sources and rounding
steps as the reader's language says them, and the selected line's explanation (every number planning froze with it)
as the HTML the detail panel shows.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication

from domain.catalog.packs import RoundingReason
from domain.kernel.numbers import fmt
from domain.planning.run import SERVICE_BY_CLASS
from domain.purchasing.lead_time import MIN_LEAD_OBSERVATIONS
from ui.i18n import fill

translate = QCoreApplication.translate

SEVERITIES = {
    "critical": QT_TRANSLATE_NOOP("Replenishment", "critical"),
    "high": QT_TRANSLATE_NOOP("Replenishment", "high"),
    "normal": QT_TRANSLATE_NOOP("Replenishment", "normal"),
}
SEVERITY_RANK = {"critical": 0, "high": 1, "normal": 2}
SEVERITY_COLOURS = {"critical": "#f8d0d0", "high": "#fde6c4", "normal": "#fdf6c8"}
DEMAND_CLASSES = {
    "smooth": QT_TRANSLATE_NOOP("Replenishment", "smooth"),
    "erratic": QT_TRANSLATE_NOOP("Replenishment", "erratic"),
    "intermittent": QT_TRANSLATE_NOOP("Replenishment", "intermittent"),
    "lumpy": QT_TRANSLATE_NOOP("Replenishment", "lumpy"),
    "too_short": QT_TRANSLATE_NOOP("Replenishment", "too short"),
}

MODELS = {
    "naive": QT_TRANSLATE_NOOP("Replenishment", "naive (last week)"),
    "seasonal_naive": QT_TRANSLATE_NOOP("Replenishment", "seasonal naive (same week last year)"),
    "moving_average": QT_TRANSLATE_NOOP("Replenishment", "moving average"),
    "holt_damped": QT_TRANSLATE_NOOP("Replenishment", "Holt's damped trend"),
    "holt": QT_TRANSLATE_NOOP("Replenishment", "Holt's linear trend"),
    "seasonal_level": QT_TRANSLATE_NOOP("Replenishment", "last year's weekly shape at this year's level"),
    "ses": QT_TRANSLATE_NOOP("Replenishment", "simple exponential smoothing"),
    "croston": QT_TRANSLATE_NOOP("Replenishment", "Croston"),
    "sba": QT_TRANSLATE_NOOP("Replenishment", "Syntetos–Boylan (SBA)"),
    "tsb": QT_TRANSLATE_NOOP("Replenishment", "Teunter–Syntetos–Babai (TSB)"),
    "ets": QT_TRANSLATE_NOOP("Replenishment", "exponential smoothing (ETS)"),
    "holt_winters": QT_TRANSLATE_NOOP("Replenishment", "Holt-Winters"),
    "theta": QT_TRANSLATE_NOOP("Replenishment", "Theta"),
    "sarimax": QT_TRANSLATE_NOOP("Replenishment", "SARIMAX"),
    "simple_average": QT_TRANSLATE_NOOP("Replenishment", "simple average (short history)"),
    "category_profile": QT_TRANSLATE_NOOP("Replenishment", "its category's weekly profile (new product)"),
    "damped": QT_TRANSLATE_NOOP("Replenishment", "damped trend"),
}
LEAD_TIME_SOURCES = {
    "terms": QT_TRANSLATE_NOOP("Replenishment", "supplier terms"),
    "receipts_product": QT_TRANSLATE_NOOP("Replenishment", "purchase-order receipts of this product"),
    "receipts_supplier": QT_TRANSLATE_NOOP("Replenishment", "purchase-order receipts from this supplier"),
}
ROUNDING_STEPS = {  # domain.catalog.packs.RoundingReason.steps
    "moq": QT_TRANSLATE_NOOP("Replenishment", "minimum order quantity %1"),
    "multiple": QT_TRANSLATE_NOOP("Replenishment", "order multiple %1"),
    "packs": QT_TRANSLATE_NOOP("Replenishment", "packs of %1"),
}


def model_text(name: str) -> str:
    """A method's name for people, its parameters kept: ``ses(0.3)`` → simple exponential smoothing (0.3);
    a statsmodels pick ``ets: ETS(A,Ad,N)`` keeps its specification after the name."""
    if name.startswith("combination("):
        return _combination_text(name)
    head, colon, spec = name.partition(":")
    base, _, params = head.strip().partition("(")
    label = MODELS.get(base)
    if label is None:
        return name
    return translated(label) + (f" ({params}" if params else "") + (f": {spec.strip()}" if colon else "")


def _combination_text(name: str) -> str:
    """``combination(damped,theta,seasonal)+ets+theta`` (``domain.planning.forecasting.combine``) for people."""
    inside, _, joined = name.removeprefix("combination(").partition(")")
    names = [translated(MODELS[m]) if m in MODELS else m for m in inside.split(",") if m and m != "seasonal"]
    # Thorough's members: the statsmodels fits of ETS and Theta
    names += [fill(translate("Replenishment", "%1 (statsmodels)"), translated(MODELS[m]) if m in MODELS else m)
              for m in joined.split("+") if m]
    names = translate("Replenishment", ", ").join(names)
    text = fill(translate("Replenishment", "combination of %1"), names)
    if "seasonal" in inside.split(","):
        text += translate("Replenishment", ", on the seasonally adjusted history")
    return text


def rounding_text(reason: str) -> str:
    """A ``domain.catalog.packs.RoundingReason`` in the current language (other text is shown as it is)."""
    if not isinstance(reason, RoundingReason):
        return reason or "–"
    steps = [fill(translated(ROUNDING_STEPS[code]), value) if code in ROUNDING_STEPS else code + " " + value
             for code, value in reason.steps]
    return fill(translate("Replenishment", "%1 raised to %2 (%3)"), reason.requested, reason.result, ", ".join(steps))


# The explanation panel: (key of the explanation dict, label). Keys missing from a line are skipped.
EXPLANATION = [
    ("on_hand", QT_TRANSLATE_NOOP("Replenishment", "On hand")),
    ("on_order_issued", QT_TRANSLATE_NOOP("Replenishment", "On order (issued purchase orders)")),
    ("on_order_drafts", QT_TRANSLATE_NOOP("Replenishment", "On order (draft purchase orders)")),
    ("reserved", QT_TRANSLATE_NOOP("Replenishment", "Reserved")),
    ("position", QT_TRANSLATE_NOOP("Replenishment", "Inventory position (on hand + on order − reserved)")),
    ("forecast_per_week", QT_TRANSLATE_NOOP("Replenishment", "Forecast per week")),
    ("model", QT_TRANSLATE_NOOP("Replenishment", "Forecast model")),
    ("demand_class", QT_TRANSLATE_NOOP("Replenishment", "Demand class")),
    ("abc_class", QT_TRANSLATE_NOOP("Replenishment", "ABC class")),
    ("abc_basis", QT_TRANSLATE_NOOP("Replenishment", "ABC ranked by")),
    ("xyz_class", QT_TRANSLATE_NOOP("Replenishment", "XYZ class (demand variability)")),
    ("demand_cv", QT_TRANSLATE_NOOP("Replenishment", "Weekly demand CV (X below 0.5, Y below 1)")),
    ("demand_per_period", QT_TRANSLATE_NOOP("Replenishment", "Demand per week d (over lead time + review)")),
    ("sigma_demand", QT_TRANSLATE_NOOP("Replenishment", "Forecast error per week σd")),
    ("lead_time_days", QT_TRANSLATE_NOOP("Replenishment", "Lead time (days)")),
    ("lead_time_source", QT_TRANSLATE_NOOP("Replenishment", "Lead time from")),
    ("lead_time_observations", QT_TRANSLATE_NOOP("Replenishment", "Receipts observed")),
    ("lead_time_sigma_days", QT_TRANSLATE_NOOP("Replenishment", "Lead time spread σL (days)")),
    ("review_days", QT_TRANSLATE_NOOP("Replenishment", "Review period (days)")),
    ("lead_time", QT_TRANSLATE_NOOP("Replenishment", "Lead time L (weeks)")),
    ("review_period", QT_TRANSLATE_NOOP("Replenishment", "Review period R (weeks)")),
    ("service_target", QT_TRANSLATE_NOOP("Replenishment", "Service target (cycle service level)")),
    ("service_source", QT_TRANSLATE_NOOP("Replenishment", "Service target from")),
    ("service_cost", QT_TRANSLATE_NOOP("Replenishment", "Why this target")),
    ("review_source", QT_TRANSLATE_NOOP("Replenishment", "Review period from")),
    ("z", QT_TRANSLATE_NOOP("Replenishment", "Safety factor z")),
    ("sigma_lt", QT_TRANSLATE_NOOP("Replenishment", "σ over the lead time")),
    ("safety_stock", QT_TRANSLATE_NOOP("Replenishment", "Safety stock")),
    ("safety_weeks", QT_TRANSLATE_NOOP("Replenishment", "Safety stock in weeks of demand d")),
    ("reorder_point", QT_TRANSLATE_NOOP("Replenishment", "Reorder point s")),
    ("order_up_to", QT_TRANSLATE_NOOP("Replenishment", "Order-up-to level S")),
    ("economic_order", QT_TRANSLATE_NOOP("Replenishment", "Least order (economic order quantity)")),
    ("order_due", QT_TRANSLATE_NOOP("Replenishment", "Order due")),
    ("order_need", QT_TRANSLATE_NOOP("Replenishment", "Need (S − position)")),
    ("supplier_fill_rate", QT_TRANSLATE_NOOP("Replenishment", "Supplier's quantity fill rate (last year)")),
    ("fill_factor", QT_TRANSLATE_NOOP("Replenishment", "Need grossed up by (at most × 1.5)")),
    ("order_qty", QT_TRANSLATE_NOOP("Replenishment", "Order quantity")),
    ("order_weeks", QT_TRANSLATE_NOOP("Replenishment", "Order quantity in weeks of demand d")),
    ("rounding", QT_TRANSLATE_NOOP("Replenishment", "Rounding")),
    ("supplier", QT_TRANSLATE_NOOP("Replenishment", "Supplier")),
    ("days_of_stock", QT_TRANSLATE_NOOP("Replenishment", "Days of stock")),
    ("stockout_date", QT_TRANSLATE_NOOP("Replenishment", "Projected stockout date")),
    ("severity", QT_TRANSLATE_NOOP("Replenishment", "Severity")),
    ("today", QT_TRANSLATE_NOOP("Replenishment", "Planned on")),
    ("formula", QT_TRANSLATE_NOOP("Replenishment", "Formula")),
]


# The formula line of the explanation (domain.planning.replenishment.FORMULA, as frozen with the alerts), translated.
FORMULAS = {
    "s = d·L + z·σ_LT; S = d(L+R) + z·σ_(L+R); order S − position when position − d·R ≤ s": QT_TRANSLATE_NOOP(
        "Replenishment", "s = d·L + z·σ_LT; S = d(L+R) + z·σ_(L+R); order S − position when position − d·R ≤ s"),
    "SS = Q_α(L+R) − d(L+R); s = d·L + SS; S = s + 2d·R; order S − position when position − d·R ≤ s": QT_TRANSLATE_NOOP(  # noqa: E501
        "Replenishment", "SS = Q_α(L+R) − d(L+R); s = d·L + SS; S = s + 2d·R; order S − position when position − d·R ≤ s"),  # noqa: E501
}


def translated(text: str) -> str:
    return translate("Replenishment", text)


def cost_target_text(reason: dict) -> str:
    """Why an item's target is what it is under the unit-cost rule (``domain.planning.service.ByCost.reason``): its
    cost against the average, its stockout chance that many times the overall target's, clipped at either end."""
    cost, average, overall = float(reason["unit_cost"]), float(reason["average_cost"]), float(reason["overall"])
    target = float(reason["target"])
    ratio = cost / average
    chance = ratio * (1 - overall)  # before the clip
    if chance < 1 - float(reason["highest"]) - 1e-9:
        text = translate("Replenishment", "%1, the highest a target goes: its unit cost %2 is %3 × the average %4 of "
                                          "the items planned, cheap enough for %1. Cheaper items get higher targets, "
                                          "so money put into stock buys about as much fill at every item.")
    elif chance > 1 - float(reason["lowest"]) + 1e-9:
        text = translate("Replenishment", "%1, the lowest a target goes: its unit cost %2 is %3 × the average %4 of "
                                          "the items planned. Dearer items get lower targets, so money put into stock "
                                          "buys about as much fill at every item.")
    else:
        text = translate("Replenishment", "%1: its unit cost %2 is %3 × the average %4 of the items planned, so its "
                                          "chance of running short is %3 × the %5 of the overall target %6. Cheaper "
                                          "items get higher targets, so money put into stock buys about as much fill "
                                          "at every item.")
    return fill(text, f"{target * 100:.2f} %", f"{cost:,.2f}", f"{ratio:.2f}", f"{average:,.2f}",
                f"{(1 - overall) * 100:g} %", f"{overall * 100:g} %")


def economic_order_text(e: dict) -> str:
    """The item's economic order quantity and what it is made of (``domain.planning.ordering.economic_order``): S
    leaves room for an order at least this big, so a cheap or slow item is ordered less often."""
    return fill(translate("Replenishment", "%1 = √(2 × yearly demand %2 × order cost %3 ÷ (holding rate %4 × unit "
                                           "cost %5)): S is at least the reorder point + d·R + %1, so each order is "
                                           "about this much or more. The order cost and the holding rate a year are "
                                           "set in Settings › Planning (an order cost of 0 turns it off)."),
                f"{float(e['eoq']):,.2f}", f"{float(e['yearly_demand']):,.1f}", f"{float(e['order_cost']):,.2f}",
                f"{float(e['holding_rate']) * 100:g} %", f"{float(e['unit_cost']):,.2f}")


def value_text(key: str, value) -> str:
    """One explanation value, readable: exact decimals, floats to 2 places, shares as %, lists joined."""
    if value is None:
        return "–"
    if key == "severity":
        return translated(SEVERITIES.get(value, value))
    if key == "model":
        return model_text(str(value))
    if key == "rounding":
        return rounding_text(value)
    if key == "formula":
        return translated(FORMULAS[value]) if value in FORMULAS else str(value)
    if key == "lead_time_source":
        return translated(LEAD_TIME_SOURCES.get(value, value))
    if key == "abc_basis":  # domain.planning.classification.BASES
        return (translate("Replenishment", "annual demand quantity") if value == "volume"
                else translate("Replenishment", "annual demand value"))
    if key == "demand_class":
        return translated(DEMAND_CLASSES.get(value, value))
    if key == "service_source" or key == "review_source":
        if value == "product":
            return translate("Replenishment", "set for this product")
        if value == "default":
            return translate("Replenishment", "the default")
        if value == "cost":
            return translate("Replenishment", "its unit cost (the rule set in Settings › Planning)")
        # The rule behind the class targets (domain.planning.run.SERVICE_BY_CLASS): a unit of stock costs less in a
        # cheaper class, and a unit short counts alike in the fill rate, so the cheaper class gets the higher target.
        return fill(translate("Replenishment", "ABC class %1 (A %2, B %3, C %4: the cheaper the class's items, the "
                              "higher its target, so a unit of stock value buys about as much fill in each)"),
                    str(value).removeprefix("class "),
                    *(f"{SERVICE_BY_CLASS[c] * 100:g} %" for c in "ABC"))
    if key == "service_cost":
        return cost_target_text(value)
    if key == "economic_order":
        return economic_order_text(value)
    if key == "service_target" or key == "service_level":
        return f"{float(value) * 100:g} %"
    if key == "supplier_fill_rate":
        return f"{float(value) * 100:.1f} %"
    if key == "fill_factor":
        return f"× {fmt(Decimal(value).quantize(Decimal('0.01')))}"
    if key in ("safety_weeks", "order_weeks"):
        return fill(translate("Replenishment", "%1 weeks"), f"{value:,.1f}")
    if isinstance(value, bool):
        return translate("Replenishment", "yes") if value else translate("Replenishment", "no")
    if isinstance(value, Decimal):
        return fmt(value)
    if isinstance(value, float):
        return "∞" if math.isinf(value) else "–" if math.isnan(value) else f"{value:,.2f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(value_text("", v) for v in value)
    return str(value)


def in_weeks(explanation: dict) -> dict:
    """The safety stock and the order quantity as weeks of the demand planned with (``demand_per_period``, a week's):
    what a purchaser weighs them by (a safety stock of a year's sales asks for a look at the history and the service
    target). Nothing without a demand."""
    try:
        demand = float(explanation.get("demand_per_period") or 0)
    except (TypeError, ValueError):
        return {}
    if not demand > 0 or math.isinf(demand):
        return {}
    weeks = {}
    for key, quantity in (("safety_weeks", "safety_stock"), ("order_weeks", "order_qty")):
        value = explanation.get(quantity)
        if isinstance(value, bool) or value is None:
            continue
        try:
            units = float(Decimal(str(value)))
        except ArithmeticError:  # decimal.InvalidOperation: not a number
            continue
        if (units > 0 or (units == 0 and key == "safety_weeks")) and not math.isinf(units):
            weeks[key] = units / demand
    return weeks


def explanation_html(item) -> str:
    """The explanation of one line as an HTML table of translated labels and values."""
    e = item.explanation or {}
    e = {**e, **in_weeks(e)}
    head = f"<b>{item.sku} {item.name}</b> · {item.warehouse}"
    for words in (lead_time_text(e), lumpy_text(e)):
        if words:
            head += f"<p>{words}</p>"
    rows = "".join(
        f"<tr><td>{translated(label)}</td><td style='padding-left:12px'>{value_text(key, e[key])}</td></tr>"
        for key, label in EXPLANATION if key in e)
    return f"{head}<table cellspacing='2'>{rows}</table>"


def lead_time_text(explanation: dict) -> str:
    """The lead time planning counted with, in words, when receipts overrode a different stated lead time: the
    stated one is not used, even one typed a moment ago (``domain.purchasing.lead_time`` says why); "" when the lead
    time is the stated one or the two agree."""
    source, stated = explanation.get("lead_time_source"), explanation.get("lead_time_stated_days")
    days = explanation.get("lead_time_days")
    if source not in ("receipts_product", "receipts_supplier") or stated is None or days is None:
        return ""
    if math.ceil(float(stated)) == int(days):
        return ""
    if source == "receipts_product":
        text = translate("Replenishment", "Lead time %1 days, observed from %2 receipts of this product; the "
                                          "supplier's stated %3 days is not used.")
    else:
        text = translate("Replenishment", "Lead time %1 days, observed from %2 receipts from this supplier (all its "
                                          "products); the supplier's stated %3 days is not used.")
    why = translate("Replenishment", "Receipts show how long the supplier really takes. A stated lead time changed "
                                     "recently does not win either: the terms keep no date of change, so planning "
                                     "cannot tell it from an old one. The stated lead time counts only while there "
                                     "are fewer than %1 receipts to measure.")
    return " ".join((fill(text, str(days), str(explanation.get("lead_time_observations", "")), f"{float(stated):g}"),
                     fill(why, str(MIN_LEAD_OBSERVATIONS))))


def lumpy_text(explanation: dict) -> str:
    """Why an intermittent or lumpy item holds a safety stock of many weeks of its average: its big weeks, how often
    they come, and what the stock covers over the lead time and review against the most it ever sold in as long
    (``domain.planning.run.big_orders``); "" for other items."""
    try:
        big, every = float(explanation["big_week"]), float(explanation["big_week_every"])
        weeks = int(explanation["cover_weeks"])
        covered = float(Decimal(str(explanation["safety_stock"]))) + float(explanation["demand_per_period"]) * (
            float(explanation["lead_time"]) + float(explanation["review_period"]))
        service = f"{float(explanation['service_target']) * 100:g} %"
    except (KeyError, TypeError, ValueError, ArithmeticError):
        return ""
    most = explanation.get("cover_demand_max")
    if most is None:
        text = translate("Replenishment", "Demand comes in lumps: weeks of up to %1 come about once in %2 weeks. For "
                                          "the %3 service target the stock covers up to %4 over the lead time and "
                                          "review (%5 weeks).")
    else:
        text = translate("Replenishment", "Demand comes in lumps: weeks of up to %1 come about once in %2 weeks. For "
                                          "the %3 service target the stock covers up to %4 over the lead time and "
                                          "review (%5 weeks); the most it ever sold in %5 weeks was %6.")
    return fill(text, f"{big:,.0f}", f"{every:,.0f}", service, f"{covered:,.0f}", str(weeks),
                f"{float(most):,.0f}" if most is not None else "")


def fill_text(explanation: dict) -> str:
    """Why an order is larger than its need: its supplier brings only part of what is ordered
    (``domain.planning.fill``); "" when it is not."""
    rate = explanation.get("supplier_fill_rate")
    if rate is None:
        return ""
    text = fill(translate("Replenishment", "%1 delivered %2 % of what was ordered (%3 lines, %4 orders in the last "
                                           "year): the need is ordered × %5"),
                explanation.get("supplier") or "", f"{float(rate) * 100:.1f}", explanation.get("fill_lines", 0),
                explanation.get("fill_orders", 0), fmt(Decimal(explanation["fill_factor"]).quantize(Decimal("0.01"))))
    if explanation.get("fill_capped"):
        text += translate("Replenishment", " (capped)")
    return text
