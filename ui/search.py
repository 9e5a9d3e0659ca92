"""Search keys for search-as-you-type: SKU, name, barcodes and the pinyin of Chinese names.

``lazy_pinyin`` on a whole name costs about 0.3 ms, far too slow for 100,000 products, so
each Chinese character is converted once and kept in two ``str.translate`` tables (its most
common reading; a polyphone inside a phrase may get the other reading, which matters little
for finding a product). A name is then converted by ``str.translate`` in C, about 1 µs.
A key holds the full pinyin (``luosidao``) and the initials (``lsd``) of the name.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Sequence
from typing import Any

from pypinyin import Style
from pypinyin import lazy_pinyin

from domain.kernel.validate import normal_code

_SEP = "\x1f"
_WHITESPACE = {ord(ch): None for ch in " \t\n\r\u3000"}
_FULL: dict[int, str | None] = dict(_WHITESPACE)
_FIRST: dict[int, str | None] = dict(_WHITESPACE)


def _fold(text: str) -> str:
    """One written form for matching (``domain.kernel.validate.normal_code``): full-width letters, Unicode dashes and
    invisible characters match their plain forms, so ``ＳＤ－６`` finds ``SD-6``. ASCII text is left as is."""
    return text if text.isascii() else normal_code(text)


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _learn(text: str) -> None:
    for ch in set(text):
        if ord(ch) not in _FULL and _is_cjk(ch):
            _FULL[ord(ch)] = "".join(lazy_pinyin(ch)).lower()
            _FIRST[ord(ch)] = "".join(lazy_pinyin(ch, style=Style.FIRST_LETTER)).lower()


def learn(texts: Iterable[str]) -> None:
    """Make the pinyin of every Chinese character in ``texts`` known (one pass for a whole table)."""
    _learn("".join(texts))


def pinyin(text: str) -> tuple[str, str]:
    """Full pinyin and initials of ``text`` without spaces; other characters are kept, lower-cased."""
    _learn(text)
    low = text.lower()
    return low.translate(_FULL), low.translate(_FIRST)


def search_key(*fields: str | Iterable[str], chinese: str = "") -> str:
    """One lower-case string to match a typed needle against with ``in``.

    Args:
        fields: plain texts (or iterables of texts, such as barcodes) matched as typed.
        chinese: a text whose pinyin (full and initials) is matched too.
    """
    parts = [_fold(f).casefold() if isinstance(f, str) else _fold(_SEP.join(f)).casefold() for f in fields]
    if chinese and not chinese.isascii():
        _learn(chinese)
        low = chinese.lower()
        parts += [low.translate(_FULL), low.translate(_FIRST)]
    return _SEP.join(parts)


def search_keys(
    rows: Sequence[Any], fields: Callable[[Any], tuple[str, ...]], chinese: Callable[[Any], str]
) -> list[str]:
    """``search_key`` for a whole table: the characters are learnt once, then each row costs about 2 µs."""
    texts = [chinese(r) for r in rows]
    learn(texts)
    full, first, sep = _FULL, _FIRST, _SEP
    keys = []
    for row, text in zip(rows, texts, strict=True):
        key = _fold(sep.join(fields(row))).casefold()
        if not text.isascii():
            low = text.lower()
            key = f"{key}{sep}{low.translate(full)}{sep}{low.translate(first)}"
        keys.append(key)
    return keys


def needle(text: str) -> str:
    """What the user typed, ready for ``needle in key`` (blank means: match everything)."""
    return _fold(text.strip()).casefold()
