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


def new_id() -> str:
    """A new UUIDv7 string, strictly increasing within this process."""
    global _last_ms, _counter
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
    # The text of uuid.UUID(int=(ms << 80) | (0x7 << 76) | (counter << 64) | (0b10 << 62) | rand), written
    # field by field without the 128-bit number and the UUID object (a bulk load makes 100,000s of ids).
    rand = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    t = f"{ms:012x}"
    r = f"{(0b10 << 62) | rand:016x}"
    return f"{t[:8]}-{t[8:]}-7{counter:03x}-{r[:4]}-{r[4:]}"
