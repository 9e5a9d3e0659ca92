"""A partial sync is visible: records kept aside show in the status bar, the Shared database page and the
Conflicts screen with their reasons, in English and in Chinese."""

from __future__ import annotations

from persistence.sync import local as loc
from ui import i18n
from ui.sync_service import SyncState
from ui.widgets.sync_status import SyncStatusWidget


def test_records_kept_aside_show_in_the_status_bar_with_what_they_are(qtbot, english):
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.show_state(SyncState(configured=True, refused=2, held_back=1))
    assert not widget.kept.isHidden() and "3 record(s) kept aside" in widget.kept.text()
    tip = widget.kept.toolTip()
    assert "2 record(s) from the shared database refused" in tip
    assert "1 record(s) here cannot go to the shared database" in tip
    widget.show_state(SyncState(configured=True))
    assert widget.kept.isHidden()


def test_the_shared_database_page_says_why_the_last_sync_was_partial_in_chinese_too(qtbot, english):
    from ui.screens.settings_sync import SyncPage

    state = SyncState(configured=True, refused=1, last_error="")
    assert "refused, not applied" in SyncPage.describe(state)
    i18n.set_language(i18n.CHINESE, persist=False)
    assert "未通过检查" in SyncPage.describe(state)
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.show_state(state)
    assert "条记录已搁置" in widget.kept.text()


def test_the_conflicts_screen_lists_each_record_kept_aside_with_its_reason(qtbot, db, make_services, english):
    from ui.screens.conflicts import ConflictsScreen

    with db.engine.begin() as conn:
        loc.quarantine(conn, "products", "0193-bad", 17, 1, "max_level: 'abc' is not a number", "{}", "")
        loc.quarantine(conn, "outgoing:movements", "0193-long", 0, 0,
                       "not sent to the hub: source_ref is 150 characters long; at most 64 are accepted", "", "")
    screen = ConflictsScreen(make_services())
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading and not screen.kept_box.isHidden())
    text = screen.kept_view.toPlainText()
    assert "Refused from the shared database: Product 0193-bad (entry 17)" in text  # the kind, not the table
    assert "max_level: 'abc' is not a number" in text
    assert "Not sent: Stock movement 0193-long" in text and "at most 64" in text


def test_users_waiting_for_approval_and_merges_kept_aside_say_what_they_are(qtbot, db, make_services, english):
    from ui.screens.conflicts import ConflictsScreen

    with db.engine.begin() as conn:
        loc.quarantine(conn, "users", "0193-li", 9, 1, "new user li (admin): an admin of this computer must "
                       "approve it", "{}", "")
        loc.quarantine(conn, "alias:products", "0193-p", 0, 0, "merged on the hub into products 0193-x, which is "
                       "not here: not renamed", "0193-x", "")
    screen = ConflictsScreen(make_services())
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading and not screen.kept_box.isHidden())
    text = screen.kept_view.toPlainText()
    assert "Waits for an admin of this computer: User 0193-li (to let it in: stockroom sync approve 0193-li)" in text
    assert "A merge from the shared database kept aside: Product 0193-p" in text and "not renamed" in text
    i18n.set_language(i18n.CHINESE, persist=False)
    screen.retranslate()
    screen._show_kept()
    assert "等待本机管理员批准" in screen.kept_view.toPlainText()
