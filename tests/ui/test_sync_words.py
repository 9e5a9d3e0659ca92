"""The sync's words on screen in the reader's language: the hub's address and the database driver's failures said
from their codes (the driver's own words a line under the sentence), and each kind of record kept aside by its
name, never a table's."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime

import keyring.backends.fail
import pytest

from persistence.sync import QuarantineRow
from persistence.sync import local as loc
from persistence.sync import records as r
from tests.integration.sync.test_driver_causes import PASSWORD
from tests.integration.sync.test_driver_causes import WRONG
from tests.integration.sync.test_driver_causes import free_port
from tests.integration.sync.test_driver_causes import logins  # noqa: F401 - a fixture, used by name
from ui.refusals import refusal_text
from ui.sync_reasons import RECORD_KINDS
from ui.sync_reasons import table_text
from ui.sync_service import PasswordStore
from ui.sync_service import SyncService
from ui.sync_service import save_settings


@pytest.fixture
def services(make_services):
    services = make_services()
    services.sync_service = SyncService(services, services.tasks,
                                        store=PasswordStore(lambda: keyring.backends.fail.Keyring()))
    return services


@pytest.fixture
def page(qtbot, services):
    from ui.screens.settings_sync import SyncPage

    widget = SyncPage(services)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget._keyring is not None)
    return widget


def fill(page, port: int, user: str = "clerk", database: str = "shop") -> None:
    page.host.setText("127.0.0.1")
    page.port.setText(str(port))
    page.database.setText(database)
    page.user.setText(user)
    page.tls.setCurrentIndex(page.tls.findData("disable"))


def test_every_kind_of_record_sync_exchanges_has_its_name_and_its_chinese(chinese):
    synced = {s.name for s in r.SPECS} | {child.name for s in r.SPECS for child, _ in s.children}
    synced |= {table.name for table in loc.IMMUTABLE}
    assert synced <= set(RECORD_KINDS)
    for table in synced:
        assert table_text(table) != RECORD_KINDS[table]  # said in Chinese, not in the English it is marked in
        assert table_text(table) != table
    assert table_text("a_table_of_a_newer_version") == "a_table_of_a_newer_version"


def test_a_hub_on_a_closed_port_is_said_in_chinese_with_the_drivers_words_under_it(qtbot, page, chinese):
    fill(page, free_port())
    page.test_connection()
    qtbot.waitUntil(lambda: page.result.text().startswith("无法连接："), timeout=20000)
    sentence, detail = page.result.text().split("\n")
    assert sentence == ("无法连接：无法连接中心库："
                        "该地址上的服务器没有应答（请检查主机、端口、网络以及服务器是否在运行）")
    assert "Connection refused" in detail  # the driver's own words, kept only as the detail


def test_a_stored_hub_url_that_is_not_postgresql_is_said_in_chinese_on_the_page_and_in_the_status_bar(
        qtbot, services, page, db, chinese):
    from ui.widgets.sync_status import SyncStatusWidget

    save_settings(db, "mysql://clerk@hub/shop", 0)  # as a command-line session may have left it
    service = services.sync_service
    service.refresh()
    qtbot.waitUntil(lambda: service.state.configured)
    with qtbot.waitSignal(service.failed, timeout=20000):
        assert service.sync_now()
    said = "中心库地址：'mysql' 不是 PostgreSQL；请输入如 postgresql://user@host:5432/stockroom 这样的地址"
    assert page.result.text() == f"未同步：{said}"
    assert not service.state.password_needed  # a wrong address is no reason to ask for a password
    assert service.state.offline_since is None  # nor is it being offline: the status bar says the sync failed
    qtbot.waitUntil(lambda: service.state.last_error_code == "hub_url_not_postgresql")
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.show_state(service.state)
    assert widget.label.text().startswith("同步失败")
    assert f"上次尝试：{said}" in widget.label.toolTip()
    assert f"上次尝试：{said}" in page.last_sync.text()


def test_a_wrong_password_asks_for_it_and_a_missing_database_is_a_failure_not_offline(
        qtbot, services, page, logins, chinese):  # noqa: F811 - the fixture imported above
    service = services.sync_service
    fill(page, logins.port, user="causes_pw", database="postgres")
    page.password.setText(WRONG)
    with qtbot.waitSignal(service.failed, timeout=20000):
        page.sync_now()
    assert service.state.password_needed and service.state.offline_since is None
    assert page.result.text() == "共享数据库拒绝了密码：请在上方输入密码，然后点击“立即同步”。"

    fill(page, logins.port, user="postgres", database="no_such_shop")
    with qtbot.waitSignal(service.failed, timeout=20000):
        page.sync_now()
    assert not service.state.password_needed and service.state.offline_since is None
    sentence, detail = page.result.text().split("\n")
    assert sentence == "未同步：无法连接中心库：服务器上没有此名称的数据库"
    assert 'database "no_such_shop" does not exist' in detail
    assert PASSWORD not in page.result.text()


def test_the_conflicts_screen_heads_what_was_kept_aside_with_the_kind_of_record(qtbot, make_services, chinese):
    from ui.screens.conflicts import ConflictsScreen

    screen = ConflictsScreen(make_services())
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading)
    at = datetime(2026, 12, 6, tzinfo=UTC)
    screen.kept = [
        QuarantineRow("outgoing:movements", "m-1", 0, "qty must not be 0", "d", at, "qty_zero", {}),
        QuarantineRow("account_items", "a-1", 7, "amount: a receipt of 0", "d", at, "zero_money", {"kind": "receipt"}),
        QuarantineRow("alias:products", "p-1", 0, "merged", "d", at, "merged_missing",
                      {"table": "products", "key": "p-2"}),
    ]
    screen._show_kept()
    text = screen.kept_view.toPlainText()
    assert "未发送：库存流水 m-1" in text
    assert "已拒收自共享数据库：应收应付款项 a-1（条目 7）" in text
    assert "商品 p-1" in text
    for table in ("movements", "account_items", "alias:"):
        assert table not in text


def test_a_refusal_whose_reason_is_a_check_says_the_reason_in_chinese_too(chinese):
    from domain.kernel.errors import RuleViolation
    from domain.kernel.refusals import refusal
    from persistence.sync import reasons as why
    from ui.sync_reasons import refusal_with_reason

    refused = why.reason("not_positive", name="pack_size", value="-5")
    exc = refusal(RuleViolation, "conflict_loser_refused", reason=refused, reason_code=refused.code,
                  reason_values=refused.params)  # as sync.resolve_conflict raises it
    assert str(exc) == "the losing version cannot be applied: pack_size: -5 must be greater than 0"
    assert refusal_with_reason(exc) == "未采用的版本无法应用：包装数量：-5 必须大于 0"
    plain = refusal(RuleViolation, "conflict_reviewed", conflict="c-1", user="li")
    assert refusal_with_reason(plain) == refusal_text(plain)
