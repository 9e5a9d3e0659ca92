"""A completer that finds ``CODE  名称`` entries by code, by name or by the name's pinyin (``PinyinCompleter``).

Qt's own completer matches the text shown only, so a clerk who types ``rcbld`` for 荣昌便利店 or ``xyy`` for 洗衣液,
as 管家婆 and 金蝶 let them, found nothing in the sales order's customer field or add bar, while the Stock and
Products lists found both. Here each entry has the search key those lists use (``ui.search.search_keys``: the text,
its full pinyin and its initials); what is typed picks the entries whose key holds it, and the popup offers those
(the first ``SHOWN``), as they are written. A Python filter over a plain list: a proxy model asking Python about each
of 100,000 products took most of a second a key. On a combo box, choosing an entry makes it the current item (Qt's
combo box finds the chosen text among its items).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtCore import QStringListModel
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QCompleter

from ui.search import needle
from ui.search import search_keys

SHOWN = 200  # entries offered at most: the popup shows a dozen, more is typing on


def entry_keys(entries: Sequence[str]) -> list[str]:
    """The search key of each ``CODE  名称`` entry (about 2 µs each: a background task may make them)."""
    return search_keys(entries, lambda text: (text,), lambda text: text)


class PinyinCompleter(QCompleter):
    """Completes from ``CODE  名称`` entries by text or pinyin; ``set_entries`` replaces them."""

    def __init__(self, parent: QObject, entries: Sequence[str] = (), keys: Sequence[str] | None = None) -> None:
        super().__init__(parent)
        self._list = QStringListModel(self)
        self.setModel(self._list)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(12)
        self._entries: list[str] = []
        self._keys: list[str] = []
        self.set_entries(entries, keys)

    def set_entries(self, entries: Sequence[str], keys: Sequence[str] | None = None) -> None:
        self._entries = list(entries)
        self._keys = list(keys) if keys is not None else entry_keys(self._entries)

    def entries(self) -> list[str]:
        return self._entries

    def splitPath(self, path: str) -> list[str]:
        """The entries whose key holds what is typed become the list; all of it is offered (an empty prefix)."""
        typed = needle(path)
        found = [e for e, k in zip(self._entries, self._keys, strict=True) if typed in k] if typed else []
        self._list.setStringList(found[:SHOWN])
        return [""]


class ComboCompleter(PinyinCompleter):
    """A ``PinyinCompleter`` over an editable combo box's own items, read again after they change (a refill after a
    customer was added)."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self._combo = combo
        self._stale = True
        model = combo.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
            signal.connect(self._mark)

    def _mark(self, *_) -> None:
        self._stale = True

    def splitPath(self, path: str) -> list[str]:
        if self._stale:
            self.set_entries([self._combo.itemText(i) for i in range(self._combo.count())])
            self._stale = False
        return super().splitPath(path)


def complete_combo(combo: QComboBox) -> PinyinCompleter:
    """Give an editable combo box a completer over its own items that finds them by pinyin too."""
    completer = ComboCompleter(combo)
    combo.setCompleter(completer)
    return completer
