"""Refusals as data: every code of the domain has a template in the window, its Chinese, and screens say it."""

from __future__ import annotations

import re
import string
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.kernel import refusals as domain_refusals
from domain.kernel.errors import Duplicate
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.kernel.refusals import refusal
from ui.refusals import REFUSALS
from ui.refusals import refusal_text
from ui.refusals import say


def names(english: str) -> list[str]:
    """The values a domain template names, ``name!r`` where it quotes one, in the order they appear."""
    out: list[str] = []
    for _, field, _, conversion in string.Formatter().parse(english):
        if field is not None:
            name = field + ("!r" if conversion == "r" else "")
            if name not in out:
                out.append(name)
    return out


def test_every_refusal_code_of_the_domain_has_exactly_one_template_in_the_window():
    assert set(REFUSALS) == domain_refusals.CODES
    assert not set(domain_refusals.ENGLISH) & set(domain_refusals.OWN)


@pytest.mark.parametrize("code", sorted(REFUSALS))
def test_each_template_has_a_place_for_each_value(code):
    template = REFUSALS[code]
    places = {int(n) for n in re.findall(r"%(\d+)", template.text)}
    assert places == set(range(1, len(template.params) + 1))


@pytest.mark.parametrize("code", sorted(c for c, t in REFUSALS.items() if t.context == "Refusals"))
def test_in_english_the_window_says_what_the_domain_says(qapp, code):
    english = domain_refusals.ENGLISH[code]
    assert sorted(names(english)) == sorted(REFUSALS[code].params)
    params = {name.removesuffix("!r"): f"v{i}'s" for i, name in enumerate(names(english))}
    if "state" in params:
        params["state"] = "partly_received"
    exc = refusal(RuleViolation, code, **params)
    assert (exc.code, exc.params) == (code, params)
    assert refusal_text(exc) == say(code, params) == str(exc)


@pytest.mark.parametrize("code", sorted(REFUSALS))
def test_each_template_has_its_chinese(chinese, code):
    template = REFUSALS[code]
    chinese_text = QCoreApplication.translate(template.context, template.text)
    assert chinese_text != template.text
    assert set(re.findall(r"%\d+", chinese_text)) == set(re.findall(r"%\d+", template.text))


def test_a_refusal_without_a_code_is_shown_as_the_domain_says_it(chinese):
    assert refusal_text(RuleViolation("something else")) == "something else"
    assert refusal_text(ValueError("disk full")) == "disk full"


# -- two screens say a refusal in Chinese


@pytest.fixture
def services(db, make_services):
    catalog.add_warehouse(db.uow(), c.AddWarehouse("W1", "Main"))
    catalog.add_product(db.uow(), c.AddProduct("HM-1", "Hammer", barcodes=("555",)))
    catalog.add_product(db.uow(), c.AddProduct("GL-1", "胶水"))
    catalog.add_supplier(db.uow(), c.AddSupplier("ACME", "Acme Tools"))
    return make_services()


def test_the_product_editor_says_a_taken_barcode_in_chinese(qtbot, services, chinese):
    from ui.screens.products import ProductsScreen

    screen = ProductsScreen(services)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading and screen.model.rowCount() == 2)
    assert screen.select_sku("GL-1")
    editor = screen.edit_current()
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.version is not None)
    editor.edits["barcode"].setText("555")
    editor.submit()
    qtbot.waitUntil(lambda: not editor.errors["barcode"].isHidden())
    assert editor.errors["barcode"].text() == "条码 555 已被商品 HM-1 使用"


def test_the_suppliers_screen_says_a_taken_supplier_code_in_chinese(qtbot, services, chinese):
    from ui.screens.suppliers import SuppliersScreen

    screen = SuppliersScreen(services)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading)
    screen.new_supplier()
    screen.code.setText("ACME")
    screen.name.setText("Another Acme")
    screen.save_button.click()
    qtbot.waitUntil(lambda: screen.message.text().startswith("未保存"))
    assert screen.message.text() == "未保存：供应商编码 'ACME' 已被使用"


def test_the_domain_keeps_the_values_of_a_refusal_apart_from_its_sentence(db):
    catalog.add_product(db.uow(), c.AddProduct("HM-1", "Hammer", barcodes=("555",)))
    with pytest.raises(Duplicate) as taken:
        catalog.add_product(db.uow(), c.AddProduct("GL-1", "Glue", barcodes=("555",)))
    assert str(taken.value) == "barcode '555' is already used by product HM-1"
    assert (taken.value.code, taken.value.params) == ("duplicate_barcode", {"barcode": "555", "sku": "HM-1"})


def test_the_sync_refusals_are_said_in_chinese(chinese):
    """Conflict review, hub set-up and approvals: the table an approval names is a word too."""
    assert refusal_text(refusal(NotFound, "approve_nothing_held", table="users", key="k1")) == \
        "用户 k1：此键下没有等待批准的内容"
    assert refusal_text(refusal(RuleViolation, "hub_not_set_up")) == \
        "中心库还没有工作站角色：请中心库所有者先运行 sync hub-setup"
    reviewed = refusal(RuleViolation, "conflict_reviewed", conflict="c1", user="ann")
    assert refusal_text(reviewed) == "冲突 c1：已由 ann 处理"


def test_a_field_problem_is_said_in_chinese_with_the_field_as_the_reader_names_it(chinese):
    """A BadInput reached a Chinese reader as the domain's English ("reference: is 300 characters long; …")."""
    from domain.kernel import validate
    from domain.kernel.errors import BadInput

    def refused(check) -> str:
        with pytest.raises(BadInput) as caught:
            check()
        return refusal_text(caught.value)

    assert refused(lambda: validate.text("reference", "x" * 300)) == "参考号：有 300 个字符，太长"
    assert refused(lambda: validate.number("amount", "abc")) == "金额：'abc' 不是数字"
    assert refused(lambda: validate.text("a field of a newer version", "")) == "a field of a newer version：为必填项"


def test_a_sales_lines_discount_out_of_range_is_said_in_chinese(chinese):
    from domain.kernel.errors import BadInput
    from domain.sales.pricing import discount_value

    with pytest.raises(BadInput) as caught:
        discount_value("discount", "150")
    assert refusal_text(caught.value) == "折扣 %：150 不是 0 到 100 之间的百分数"


def test_in_english_a_field_problem_keeps_the_domains_advice(qapp):
    from domain.kernel import validate
    from domain.kernel.errors import BadInput

    with pytest.raises(BadInput) as caught:
        validate.number("amount", "abc")
    assert refusal_text(caught.value) == "amount: 'abc' is not a number; enter digits such as 12 or 2.50"


def test_every_field_a_field_check_names_has_its_chinese(chinese):
    from ui.refusals import INPUT_FIELDS
    from ui.refusals import input_field_text

    untranslated = [name for name in INPUT_FIELDS if input_field_text(name) == name]
    assert untranslated == []


def test_a_field_of_one_line_or_one_product_is_named_in_chinese_with_its_number_or_sku(chinese):
    """A document's line names its field after the line or the product ('quantity of line 3', 'price of SD-1'): a
    Chinese reader read those in English, with the refusal's problem in Chinese after them."""
    from domain.catalog.model import Product
    from domain.catalog.units import whole_quantity
    from domain.kernel.errors import BadInput
    from ui.refusals import input_field_text

    assert input_field_text("quantity of line 3") == "第 3 行的数量"
    assert input_field_text("unit price of line 12") == "第 12 行的单价"
    assert input_field_text("price of SD-1") == "SD-1 的价格"
    assert input_field_text("quantity of PO-2026-00001") == "PO-2026-00001 的数量"
    assert input_field_text("flavour of line 3") == "flavour of line 3"  # a field it cannot name stays as it is
    with pytest.raises(BadInput) as caught:
        whole_quantity("quantity of line 2", Product(id="p", sku="SD-1", name="Screwdriver", unit="pcs",
                                                     whole_units=True), Decimal("2.5"))
    said = refusal_text(caught.value)
    assert said.startswith("第 2 行的数量：") and "quantity" not in said, said


def test_in_english_a_field_of_one_line_keeps_the_domains_words(qapp):
    from ui.refusals import input_field_text

    assert input_field_text("quantity of line 3") == "quantity of line 3"
    assert input_field_text("price of SD-1") == "price of SD-1"


# -- every code the domain can raise is said in Chinese


# A ``BadInput`` raised without a problem code reaches a Chinese reader in English: only where no screen can reach
# it, each for the reason given; a new one anywhere else fails the walk below.
UNCODED = {
    ("domain/accounts/statement.py", "items"): "the statement's items come from the ledger, not from a reader",
    ("domain/accounts/statement.py", "amount"): "an item's amount as stored, not as typed",
    ("domain/imports/cells.py", "mapping"): "the import wizard offers the import's fields and the file's columns only "
                                            "and names a column not chosen itself",
    ("domain/kernel/capitals.py", "amount"): "a caller's mistake: totals are rounded and bounded before printing",
    ("domain/sales/orders.py", "lines"): "unreachable: each pair given is a line",
    ("domain/stock/documents.py", "kind"): "a caller's mistake: each screen posts its own kind of document",
    ("domain/purchasing/scorecard.py", "--from"): "a command-line option",
    ("domain/reports/dashboard.py", "--period"): "a command-line option",
    ("domain/reports/model.py", "--to"): "a command-line option",
    ("domain/reports/sales.py", "--top"): "a command-line option",
    ("domain/reports/sales.py", "--slow"): "a command-line option",
    ("persistence/reports/dashboard.py", "--warehouse"): "a command-line option",
    ("persistence/reports/queries.py", "--warehouse"): "a command-line option",
}


def raised_codes():
    """Every ``BadInput(field, problem, code=...)`` and ``refusal(Kind, "code", ...)`` call written in the domain and
    the storage, as (path, line, what, field or code, code or None); a code given as a variable is left out (the
    import's file problems: their own test covers them)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for top in ("domain", "persistence"):
        for path in sorted((root / top).rglob("*.py")):
            name = path.relative_to(root).as_posix()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                called = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if called == "BadInput":
                    field = node.args[0].value if node.args and isinstance(node.args[0], ast.Constant) else None
                    code = next((k.value for k in node.keywords if k.arg == "code"), None)
                    if code is None:
                        yield name, node.lineno, "BadInput", field, None
                    elif isinstance(code, ast.Constant):
                        yield name, node.lineno, "BadInput", field, code.value
                elif called == "refusal" and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
                    yield name, node.lineno, "refusal", None, node.args[1].value


def test_the_walk_finds_the_domain_s_codes():
    found = list(raised_codes())
    assert len(found) > 200
    assert ("domain/sales/pricing.py", None, "not_a_percent") in {(p, f, c) for p, _, _, f, c in found}


def test_every_code_the_domain_can_raise_is_said_in_chinese(chinese):
    """Walks the source, so a refusal added without a code, or with a code nobody translated, fails here: a Chinese
    reader saw "订货倍数：must be greater than 0", "当前密码：is not the password you signed in with"…"""
    from ui.import_problems import CONTEXT
    from ui.import_problems import TEMPLATES
    from ui.refusals import INPUT_FIELDS

    uncoded, untranslated, unnamed = [], [], []
    for path, line, what, field, code in raised_codes():
        where = f"{path}:{line}"
        if what == "refusal":
            template = REFUSALS.get(code)
            if template is None or QCoreApplication.translate(template.context, template.text) == template.text:
                untranslated.append((where, code))
            continue
        if code is None:
            if (path, field) not in UNCODED:
                uncoded.append((where, field))
            continue
        text = TEMPLATES.get(code)
        if text is None or (QCoreApplication.translate(CONTEXT, text) == text and text != "%1"):
            untranslated.append((where, code))
        if field is not None and field not in INPUT_FIELDS:
            unnamed.append((where, field))
    assert uncoded == []  # give it a code (domain.imports.problems.ENGLISH, ui.import_problems.TEMPLATES)
    assert untranslated == []  # its Chinese goes in scripts/zh_CN.py; then ./scripts/i18n.sh
    assert unnamed == []  # the field's name goes in ui.refusals.INPUT_FIELDS


@pytest.mark.parametrize(("check", "said"), [
    ("order_multiple", "订购倍数：必须大于 0"),
    ("short_password", "密码：只有 3 个字符；至少需要 8 个字符"),
    ("rate_for_company_currency", "币种：CNY 是公司本位币；汇率只为其他货币录入，例如 USD 或 EUR"),
    ("service_target", "服务水平目标：'abc' 不是百分比；请输入大于 50 且不超过 99.99、最多 2 位小数的数（例如 97.5），"
                       "或留空以使用 ABC 类别的目标"),
    ("below_min", "最高库存：2 低于最低库存 5"),
    ("report_bands", "库龄段（--bands）：'60,30' 不是从 1 天起逐段递增的天数；请填写递增的整天数，用逗号或 / 分隔，"
                     "如 30,60,90,180,365 或 30/60/90"),
])
def test_field_problems_the_screens_meet_are_said_in_chinese_with_their_advice(chinese, db, check, said):
    from decimal import Decimal

    from domain.access.users import AddUser
    from domain.access.users import add_user
    from domain.catalog.packs import step_of
    from domain.kernel.errors import BadInput
    from domain.planning.product import parse_service_target
    from domain.purchasing.exchange import foreign_currency
    from domain.reports.ageing import parse_bands

    checks = {
        "order_multiple": lambda: step_of(Decimal(0), Decimal(1)),
        "short_password": lambda: add_user(db.uow(), AddUser("ann", "abc", "admin")),
        "rate_for_company_currency": lambda: foreign_currency("CNY", "CNY"),
        "service_target": lambda: parse_service_target("abc"),
        "report_bands": lambda: parse_bands("60,30"),
        "below_min": lambda: catalog.add_product(db.uow(), c.AddProduct("A-1", "Apple", min_level="5",
                                                                        max_level="2")),
    }
    with pytest.raises(BadInput) as caught:
        checks[check]()
    assert refusal_text(caught.value) == said


@pytest.mark.parametrize(("orders", "payables", "said"), [
    ([("PO-2026-00007", "issued")], [],
     "币种：供应商 ACME 还有以 CNY 计价的未完成采购订单（PO-2026-00007），不能从 CNY 改为 USD；"
     "请先收货、关闭或取消这些采购订单"),
    ([], ["PI-2026-00003"],
     "币种：供应商 ACME 还有以 CNY 计价的未结清应付款（PI-2026-00003），不能从 CNY 改为 USD；请先结清这些应付款"),
    ([("PO-2026-00007", "issued")], ["PI-2026-00003"],
     "币种：供应商 ACME 还有未完成的采购订单（PO-2026-00007）或未结清的应付款（PI-2026-00003），"
     "均以 CNY 计价，不能从 CNY 改为 USD；请先收货、关闭或取消这些采购订单，并结清应付款"),
])
def test_a_currency_change_refused_names_in_chinese_only_what_is_open(chinese, orders, payables, said):
    """Refused for open orders alone, the Chinese sentence said the payables were "（none）"."""
    from domain.catalog.supplier_currency import CurrencyChangeBlocked

    assert refusal_text(CurrencyChangeBlocked("ACME", "CNY", "USD", orders, payables)) == said


def test_in_english_a_currency_change_refused_for_payables_alone_names_no_orders(english):
    from domain.catalog.supplier_currency import CurrencyChangeBlocked

    exc = CurrencyChangeBlocked("ACME", "CNY", "USD", [], ["PI-2026-00003"])
    assert "(none)" in str(exc)  # the domain's English, which the command line prints
    assert refusal_text(exc) == ("currency: supplier ACME cannot change from CNY to USD while it has unsettled "
                                 "payables (PI-2026-00003) in CNY; settle the payables first")
