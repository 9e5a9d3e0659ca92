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

# A bulk load makes 100,000s of ids, so the text is written without a 128-bit number or UUID object:
# the time part once per millisecond, the random part from hex text of random bytes drawn 512 ids at a
# time (a forked child draws its own).
_POOL_IDS = 512
_pool = ""
_pos = 0
_prefix_ms = -1
_prefix = ""
# The first hex digit of the random part carries the variant (0b10) in its top two bits.
_VARIANT = {digit: "89ab"[int(digit, 16) & 0b11] for digit in "0123456789abcdef"}


def _forget_pool() -> None:
    global _pool, _pos
    _pool, _pos = "", 0


if hasattr(os, "register_at_fork"):  # POSIX only; Windows has no fork
    os.register_at_fork(after_in_child=_forget_pool)


def new_id() -> str:
    """A new UUIDv7 string, strictly increasing within this process.

    It is the text of ``uuid.UUID(int=(ms << 80) | (0x7 << 76) | (counter << 64) | (0b10 << 62) | rand)``
    with 62 random bits ``rand``.
    """
    global _last_ms, _counter, _pool, _pos, _prefix_ms, _prefix
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
        counter = _counter
        if ms != _prefix_ms:
            t = f"{ms:012x}"
            _prefix_ms, _prefix = ms, f"{t[:8]}-{t[8:]}-7"
        prefix = _prefix
        if _pos >= len(_pool):
            _pool, _pos = os.urandom(8 * _POOL_IDS).hex(), 0
        r = _pool[_pos:_pos + 16]
        _pos += 16
    return f"{prefix}{counter:03x}-{_VARIANT[r[0]]}{r[1:4]}-{r[4:]}"
