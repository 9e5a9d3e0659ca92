"""A partner's statement read from a real SQLite file, printed to PDF (text extracted with pypdf) and to Excel."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func
from sqlalchemy import select

from domain.accounts.statement import AP
from domain.accounts.statement import AR
from domain.accounts.statement import statement_subject
from domain.kernel.errors import BadInput
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from persistence import tables as t
from persistence.accounts.statement import read_statement
from persistence.accounts.statement import statement_for
from tests.integration.accounts.statement_data import customer
from tests.integration.accounts.statement_data import item
from tests.integration.accounts.statement_data import march_of_my01
from tests.integration.accounts.statement_data import supplier
from ui.pdf.statement import render_statement
from ui.statement_export import write_statement

D = Decimal
MARCH = (date(2026, 3, 1), date(2026, 3, 31))
PRINTED = date(2026, 4, 2)


def pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(data)).pages]


@pytest.fixture
def march(db):
    my01 = march_of_my01(db)
    return db, my01, statement_for(db, AR, my01, *MARCH)


def test_the_read_opens_with_the_sum_before_the_period_and_lists_only_this_partners_side(march):
    db, my01, s = march
    assert (s.opening, s.total_increase, s.total_decrease, s.closing) == (
        D("600.00"), D("2004.07"), D("1500.00"), D("1104.07"))
    assert [(x.number, x.kind, x.balance) for x in s.lines] == [
        ("SD-2026-00010", "sale", D("2104.07")),
        ("RC-2026-00003", "receipt", D("1604.07")),
        ("RC-2026-00003", "reversal", D("2104.07")),
        ("SR-2026-00002", "customer_return", D("2000.00")),
        ("RC-2026-00007", "receipt", D("1104.07")),
    ]
    assert s.lines[2].reverses_number == "RC-2026-00003" and s.lines[1].reference == "BOC 8812"
    assert (s.partner.name, s.partner.code, s.currency) == ("杭州明远五金机电有限公司", "MY01", "CNY")


def test_the_closing_balance_is_the_partners_balance_at_the_end_of_the_period(march):
    db, my01, s = march
    items = t.account_items
    with db.engine.connect() as conn:
        balance = conn.execute(select(func.sum(items.c.amount)).where(
            items.c.side == AR, items.c.partner_id == my01, items.c.business_date <= MARCH[1])).scalar()
    assert s.closing == balance == D("1104.07")
    april = statement_for(db, AR, my01, date(2026, 4, 1), date(2026, 4, 30))
    assert april.opening == s.closing and april.closing == D("1154.07")


def test_a_partner_without_items_has_a_statement_of_zeros(db):
    nobody = customer(db, "NEW", "New customer")
    s = statement_for(db, AR, nobody, *MARCH)
    assert s.lines == () and s.opening == s.closing == D("0.00") and s.closing_in_words == "零元整"


def test_the_partner_is_found_by_code_and_a_code_of_both_lists_needs_the_side(db):
    march_of_my01(db)
    assert statement_subject(db.uow(), "my01").side == AR  # codes are compared without regard to case
    nb = statement_subject(db.uow(), "NB")
    assert (nb.side, nb.partner.name) == (AP, "宁波紧固件有限公司")
    supplier(db, "MY01", "同码供应商")
    with pytest.raises(RuleViolation) as caught:
        statement_subject(db.uow(), "MY01")
    assert caught.value.code == "partner_ambiguous" and "--customer" in str(caught.value)
    assert statement_subject(db.uow(), "MY01", side=AP).partner.name == "同码供应商"
    with pytest.raises(NotFound, match="no customer or supplier has this code"):
        statement_subject(db.uow(), "NOPE")
    with pytest.raises(NotFound, match="no supplier has this code"):
        statement_subject(db.uow(), "ZZ9", side=AP)


def test_from_after_to_is_refused_before_anything_is_read(march):
    db, my01, _ = march
    with pytest.raises(BadInput) as caught:
        statement_for(db, AR, my01, date(2026, 4, 1), date(2026, 3, 1))
    assert caught.value.field == "from" and "after to" in str(caught.value)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_pdf_prints_every_figure_the_capitals_and_the_confirmation(march, language):
    _, _, s = march
    text = "\n".join(pages(render_statement(s, language, printed_on=PRINTED)))
    for figure in ("600.00", "1,504.07", "2,104.07", "1,604.07", "104.07", "2,000.00", "895.93", "1,104.07",
                   "2,004.07", "1,500.00", "SD-2026-00010", "RC-2026-00003", "SR-2026-00002", "BOC 8812",
                   "2026-03-01", "2026-03-31", "杭州明远五金机电有限公司", "人民币壹仟壹佰零肆元零柒分"):
        assert figure in text, figure
    assert "SD-2026-00020" not in text and "7,777.00" not in text and "9,999.00" not in text
    if language == "zh_CN":
        for words in ("对账单", "期初余额", "期末余额", "对方确认（签字盖章）", "银行转账", "冲销 RC-2026-00003",
                      "金额大写"):
            assert words in text, words
    else:
        for words in ("STATEMENT OF ACCOUNT", "Opening balance", "Closing balance", "Confirmed by", "Bank transfer",
                      "Reversal of", "Amount in words"):
            assert words in text, words


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_long_statement_runs_over_three_pages_carrying_its_balance(db, language):
    me = customer(db, "LONG", "长期客户 Long-standing customer")
    for i in range(95):
        day = date(2026, 1 + i // 32, 1 + i % 28)
        if i % 4 == 3:
            item(db, "AR", me, day, "receipt", "-300.00", f"RC-2026-{i:05d}", method="alipay", reference=f"AP{i}")
        else:
            item(db, "AR", me, day, "sale", f"{100 + i}.25", f"SD-2026-{i:05d}")
    s = statement_for(db, AR, me, date(2026, 1, 1), date(2026, 3, 31))
    printed = pages(render_statement(s, language, printed_on=PRINTED))
    assert len(printed) == 3
    carried = "Balance carried forward" if language == "en" else "转后页余额"
    brought = "Balance brought forward" if language == "en" else "承前页余额"
    money = [f"{x.balance:,}" for x in s.lines]
    for n, (page, following) in enumerate(zip(printed, printed[1:], strict=False), 1):
        assert carried in page and f"{n} / 3" in page
        value = page.split(carried, 1)[1].split()[0]
        assert value in money  # a running balance of the lines
        assert brought in following and following.split(brought, 1)[1].split()[0] == value
    assert carried not in printed[-1] and brought not in printed[0]
    assert f"{s.closing:,}" in printed[-1] and s.closing_in_words in printed[-1]
    assert s.closing == sum((x.amount for x in s.lines), D(0))


def test_the_workbook_holds_the_same_figures_as_numbers_and_its_text_never_as_formulas(march, tmp_path):
    _, _, s = march
    path = tmp_path / "MY01.xlsx"
    assert write_statement(s, path, "zh_CN", printed_on=PRINTED) == path.stat().st_size
    sheet = load_workbook(path).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    head = next(i for i, row in enumerate(rows) if row[:3] == ["日期", "单号", "摘要"])
    opening = rows[head + 1]
    assert opening[2] == "期初余额" and D(str(opening[8])) == D("600.00")
    lines = rows[head + 2:head + 7]
    assert [r[1] for r in lines] == [x.number for x in s.lines]
    assert [D(str(r[8])).quantize(D("0.01")) for r in lines] == [x.balance for x in s.lines]
    assert lines[1][3] == "银行转账" and lines[1][4] == "BOC 8812" and lines[2][2] == "冲销 RC-2026-00003"
    assert lines[4][3] == "微信支付"
    formula = sheet.cell(row=head + 7, column=5)  # the reference that looks like a formula
    assert formula.value == '=HYPERLINK("http://x")' and formula.data_type == "s"
    total, closing, words = rows[head + 7], rows[head + 8], rows[head + 9]
    assert total[2] == "合计" and D(str(total[6])) == D("2004.07") and D(str(total[7])) == D("1500.00")
    assert closing[2] == "期末余额" and D(str(closing[8])) == D("1104.07")
    assert words[3] == "人民币壹仟壹佰零肆元零柒分"
    assert any(row[4] == "对方确认（签字盖章）" for row in rows)
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert sheet.cell(row=head + 2, column=1).is_date


def test_a_file_that_is_neither_pdf_nor_xlsx_is_refused(march, tmp_path):
    _, _, s = march
    with pytest.raises(BadInput, match="neither .pdf nor .xlsx"):
        write_statement(s, tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()


def test_reading_twice_gives_the_same_statement(march):
    db, my01, s = march
    subject = statement_subject(db.uow(), "MY01")
    assert read_statement(db.engine, subject, *MARCH, db.money_places) == s


def test_every_kind_and_built_in_method_has_its_chinese():
    from domain.accounts.statement import KIND_WORDS
    from domain.accounts.statement import METHOD_WORDS
    from ui.pdf.statement_labels import ZH_CN
    from ui.pdf.statement_labels import kind_label
    from ui.pdf.statement_labels import method_label

    assert list(ZH_CN) == sorted(ZH_CN)
    assert all(kind_label(kind, "zh_CN") != words for kind, words in KIND_WORDS.items())
    assert all(method_label(code, "zh_CN") != words for code, words in METHOD_WORDS.items())
    assert method_label("POS 刷卡", "zh_CN") == "POS 刷卡"  # a method the office added prints by its own name


def test_a_suppliers_statement_prints_its_side(db):
    nb = supplier(db, "NB", "宁波紧固件有限公司", "浙江省宁波市江北区 123 号")
    item(db, "AP", nb, date(2026, 3, 3), "goods_receipt", "3333.00", "GR-2026-00004")
    item(db, "AP", nb, date(2026, 3, 9), "payment", "-3000.00", "PM-2026-00001", method="bank")
    s = statement_for(db, AP, nb, *MARCH)
    assert s.closing == D("333.00")
    text = "\n".join(pages(render_statement(s, "zh_CN", printed_on=PRINTED)))
    assert "供应商" in text and "应付账款" in text and "采购入库" in text and "付款" in text
    assert "人民币叁佰叁拾叁元整" in text and "浙江省宁波市江北区 123 号" in text


@pytest.mark.parametrize(("language", "opening", "carried_in"),
                         [("en", "Opening balance", "Opening item"), ("zh_CN", "期初余额", "期初单据")])
def test_an_opening_item_dated_in_the_period_is_not_named_like_the_opening_balance(db, tmp_path, language, opening,
                                                                                   carried_in):
    """An item carried in from the old books (OB-…) dated inside the period printed 期初余额 in the details, the
    words of the statement's first line: two 期初余额 lines, the second one raising the balance."""
    me = customer(db, "OB1", "期初客户")
    item(db, "AR", me, date(2026, 2, 10), "sale", "100.00", "SD-2026-00001")
    item(db, "AR", me, date(2026, 3, 5), "opening", "250.00", "OB-2026-00001")
    s = statement_for(db, AR, me, *MARCH)
    text = "\n".join(pages(render_statement(s, language, printed_on=PRINTED)))
    assert text.count(opening) == 2  # the first line and the summary under the table
    assert carried_in in text
    path = tmp_path / "OB1.xlsx"
    write_statement(s, path, language, printed_on=PRINTED)
    details = [row[2] for row in load_workbook(path).active.iter_rows(values_only=True) if row[1] == "OB-2026-00001"]
    assert details == [carried_in]
