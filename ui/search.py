"""Search keys for search-as-you-type: SKU, name, barcodes and the pinyin of Chinese names.

``lazy_pinyin`` on a whole name costs about 0.3 ms, far too slow for 100,000 products, so
each Chinese character is converted once and cached (its most common reading; a polyphone
inside a phrase may get the other reading, which matters little for finding a product).
A key holds the full pinyin (``luosidao``) and the initials (``lsd``) of the name.
"""

from __future__ import annotations

from collections.abc import Iterable

from pypinyin import Style
from pypinyin import lazy_pinyin

_SEP = "\x1f"
_cache: dict[str, tuple[str, str]] = {}


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _char(ch: str) -> tuple[str, str]:
    hit = _cache.get(ch)
    if hit is None:
        full = "".join(lazy_pinyin(ch)).lower()
        first = "".join(lazy_pinyin(ch, style=Style.FIRST_LETTER)).lower()
        hit = _cache[ch] = (full, first)
    return hit


def pinyin(text: str) -> tuple[str, str]:
    """Full pinyin and initials of ``text`` without spaces; other characters are kept, lower-cased."""
    full: list[str] = []
    first: list[str] = []
    for ch in text:
        if _is_cjk(ch):
            f, i = _char(ch)
            full.append(f)
            first.append(i)
        elif not ch.isspace():
            low = ch.lower()
            full.append(low)
            first.append(low)
    return "".join(full), "".join(first)


def search_key(*fields: str | Iterable[str], chinese: str = "") -> str:
    """One lower-case string to match a typed needle against with ``in``.

    Args:
        fields: plain texts (or iterables of texts, such as barcodes) matched as typed.
        chinese: a text whose pinyin (full and initials) is matched too.
    """
    parts: list[str] = []
    for f in fields:
        if isinstance(f, str):
            parts.append(f.casefold())
        else:
            parts.extend(x.casefold() for x in f)
    if chinese and not chinese.isascii():
        full, first = pinyin(chinese)
        parts += [full, first]
    return _SEP.join(parts)


def needle(text: str) -> str:
    """What the user typed, ready for ``needle in key`` (blank means: match everything)."""
    return text.strip().casefold()
