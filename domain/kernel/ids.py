"""Global identifiers.

Ids are time-ordered UUIDs (version 7 layout: 48 bits of Unix milliseconds, then a
per-process counter and random bits). Two movements at the same business time are ordered
by id, so time-ordered ids keep a device's postings in the order they were made.
"""

from __future__ import annotations

import os
import threading
import time

_lock = threading.Lock()
_last_ms = 0
_counter = 0

# A bulk load makes 100,000s of ids, so the text is written without a 128-bit number or UUID object: the
# time part once per millisecond, the counter from a table of its 4,096 texts, the random part from random
# bytes drawn 512 ids at a time and written out as the ids' tails at once (a forked child draws its own).
_POOL_IDS = 512
_tails: list[str] = []
_prefix_ms = -1
_prefix = ""
# The first byte of the random part carries the variant (0b10) in its top two bits.
_VARIANT = bytes(0x80 | (b & 0x3F) for b in range(256))
_COUNTER = [f"{n:03x}" for n in range(0x1000)]


def _draw_tails() -> list[str]:
    """The texts ``-vrrr-rrrrrrrrrrrr`` of ``_POOL_IDS`` ids' 62 random bits (v carries the variant): 8 random
    bytes each, the first one's top bits set to the variant, written as hex with a hyphen before the last 6."""
    raw = bytearray(os.urandom(8 * _POOL_IDS))
    raw[::8] = raw[::8].translate(_VARIANT)
    return ["-" + raw[i:i + 8].hex("-", 6) for i in range(0, len(raw), 8)]


def _forget_pool() -> None:
    _tails.clear()


if hasattr(os, "register_at_fork"):  # POSIX only; Windows has no fork
    os.register_at_fork(after_in_child=_forget_pool)


def new_id() -> str:
    """A new UUIDv7 string, strictly increasing within this process.

    It is the text of ``uuid.UUID(int=(ms << 80) | (0x7 << 76) | (counter << 64) | (0b10 << 62) | rand)``
    with 62 random bits ``rand``.
    """
    global _last_ms, _counter, _prefix_ms, _prefix
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            ms = _last_ms
            _counter += 1
            if _counter > 0xFFF:
                ms += 1
                _counter = 0
        else:
            _counter = 0
        _last_ms = ms
        if ms != _prefix_ms:
            t = f"{ms:012x}"
            _prefix_ms, _prefix = ms, f"{t[:8]}-{t[8:]}-7"
        if not _tails:
            _tails.extend(_draw_tails())
        return f"{_prefix}{_COUNTER[_counter]}{_tails.pop()}"
