"""The window's cycle collector runs on the GUI thread only (ui.app.collect_cycles_on_the_gui_thread)."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QObject

from domain.kernel.bulk import without_cycle_collection
from ui import app as gui


@pytest.fixture
def collector(qapp):
    gui.collect_cycles_on_the_gui_thread()
    yield gui._collector
    gui._collector.timer.stop()
    gui._collector = None
    gc.enable()


class _Holder(QObject):
    pass


def test_the_automatic_collector_is_off_and_a_timer_on_this_thread_collects_cycles_holding_qt_objects(
        qtbot, collector):
    assert not gc.isenabled()
    gui.collect_cycles_on_the_gui_thread()  # again: the same collector, nothing new
    assert gui._collector is collector
    gc.collect()
    holder = _Holder()
    holder.itself = holder  # a cycle: only the cycle collector frees it
    gone = weakref.ref(holder)
    collected_on = []
    weakref.finalize(holder, lambda: collected_on.append(threading.current_thread()))
    del holder
    assert gone() is not None
    keep = [{} for _ in range(5 * gc.get_threshold()[0])]  # past the first generation's threshold
    qtbot.waitUntil(lambda: gone() is None)
    assert collected_on == [threading.main_thread()]
    del keep


def test_a_worker_s_bulk_pause_leaves_the_collector_off(collector):
    def work():
        with without_cycle_collection():
            pass

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert not gc.isenabled()
