"""Numbers and dates from outside on every way in besides the hub (tests/integration/sync/test_hostile_hub.py): the
command line's options, the kept settings (backups to keep, the sync interval). Each is read by the kernel's
readers (``whole_number``, ``iso_day``, ``D``), which refuse what Python's ``int()``, ``float()`` and
``date.fromisoformat`` took: ``1_0`` for 10, ``١٠`` for 10, ``nan`` and ``inf`` for seconds, ``2026-W09-7``
for a day."""

from __future__ import annotations

import contextlib
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from domain.kernel.errors import BadInput
from persistence import backup
from persistence.db import open_database
from persistence.stock.queries import check
from tests.cli_runs import cli_here
from ui.cli import main

pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture(scope="module")
def shop(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("outside") / "shop.sqlite3"
    for args in (["init"], ["product", "add", "SD-6", "--name", "螺丝刀"],
                 ["warehouse", "add", "SH", "--name", "上海仓"],
                 ["receive", "SD-6", "100", "--warehouse", "SH", "--unit-cost", "4.20"]):
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["--db", str(db), *args]) == 0
    return db


@pytest.mark.parametrize(("args", "option"), [
    (["dashboard", "--rows", "1_0"], "--rows"),  # int() read 10
    (["dashboard", "--rows", "١٠"], "--rows"),  # int() read 10
    (["dashboard", "--rows", "-5"], "--rows"),  # listed nothing
    (["dashboard", "--dead-days", "1e3"], "--dead-days"),
    (["report", "ranking", "--top", "+1_0"], "--top"),
    (["abc", "--weeks", "1_04"], "--weeks"),
    (["abc", "--weeks", "99999999"], "--weeks"),  # a date 1.9 million years back
    (["abc", "--today", "2026-W09-7"], "--today"),  # date.fromisoformat read the week date
    (["abc", "--today", "20260301"], "--today"),
    (["forecast", "--thorough", "--budget", "nan"], "--budget"),  # float() read it, and every model ran out of time
    (["forecast", "--thorough", "--budget", "inf"], "--budget"),
    (["ship", "SD-6", "1", "--warehouse", "SH", "--at", "2026-W09-7T10:00"], "--at"),
])
def test_an_option_that_is_not_what_it_shows_is_refused_naming_it(shop, capsys, args, option):
    code, out, err = cli_here(shop, capsys)(*args)
    assert code == 2 and option in err and "Traceback" not in err, (code, err)


def test_an_option_typed_in_full_width_digits_is_the_number_it_shows(shop, capsys):
    code, out, err = cli_here(shop, capsys)("dashboard", "--rows", "３", "--json")
    assert code == 0, err


@settings(max_examples=60, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet="0123456789_-+ .e١２²", min_size=1, max_size=6))
@example("1_0")
@example("²")
def test_a_kept_count_of_backups_is_read_only_from_the_digits_it_shows(tmp_path, text):
    db = open_database(tmp_path / "keep.sqlite3")
    try:
        try:
            kept = backup.set_backup_keep(db.engine, text)
        except BadInput as exc:
            assert exc.code == "backups_to_keep"
            return
        plain = text.replace("２", "2").strip()
        assert plain.lstrip("+").isascii() and plain.lstrip("+").isdigit() and kept == int(plain), (text, kept)
    finally:
        db.close()


@pytest.mark.parametrize("stored", ["²", "1_0", "١٠", " 7", "-3", "nan"])
def test_a_sync_interval_not_written_by_the_window_reads_as_the_default(stored):
    from ui import sync_service

    class Stored:
        def _setting(self, key: str) -> str | None:
            return stored if key == sync_service.INTERVAL_SETTING else None

        def set_setting(self, key: str, value: str) -> None:
            pass

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("persistence.sync.forget_stored_password", lambda database: "")
        url, interval = sync_service.load_settings(Stored())  # "²" passed isdigit() and int() raised: no window
    assert interval == (7 if stored == " 7" else sync_service.DEFAULT_INTERVAL)


typed = st.one_of(st.sampled_from(["1_0", " 2 ", "１２", "٣", "\u22125", "NaN", "inf", "1e3", "1E+2", "+4", "-0", "0",
                                   "9" * 50, "2,5", "1,250.5", "2026-03-01", "0.00001", "3²"]),
                  st.text(alphabet="0123456789.,+-eE_ １２٣", min_size=1, max_size=7))
HALF = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


@settings(max_examples=15, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@example(qty="2", day="20260301")  # datetime.fromisoformat took it for 2026-03-01
@example(qty="2", day="2026-W09-7")
@example(qty="1_0", day="")
@given(qty=typed, day=st.sampled_from(["", "2026-W09-7", "20260301", "２０２６-０１-０５", "1969-12-31", "2026-02-30"]))
def test_a_receipt_typed_on_the_command_line_posts_exactly_the_number_it_shows_or_nothing(shop, capsys, qty, day):
    def on_hand() -> Decimal:
        code, out, err = cli_here(shop, capsys)("stock", "--json")
        return sum((Decimal(str(r["on_hand"])) for r in json.loads(out)), Decimal(0))

    before = on_hand()
    at = ["--at", day] if day else []
    code, out, err = cli_here(shop, capsys)("receive", "SD-6", qty, "--warehouse", "SH", "--unit-cost", "1", *at)
    after = on_hand()
    if code != 0:
        assert code == 2 and after == before and "Traceback" not in err, (qty, day, err)
        return
    plain = qty.translate(HALF).strip().replace(",", "")
    assert plain.isascii() and "_" not in plain and plain.lower() not in ("nan", "inf"), (qty, after - before)
    assert after - before == Decimal(plain), (qty, after - before)
    assert day in ("", "２０２６-０１-０５"), f"--at {day!r} was taken"
    db = open_database(shop)
    try:
        assert check(db.engine) == []
    finally:
        db.close()
