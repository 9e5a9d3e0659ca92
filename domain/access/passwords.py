"""Password hashes: scrypt with a random salt, the parameters kept in the stored string.

Stored form: ``scrypt$<n>$<r>$<p>$<salt hex>$<hash hex>``. Keeping n, r and p in the string
lets a later version raise the cost for new passwords while old hashes still verify. scrypt
is slow and memory-hard on purpose (N=2**15, r=8: 32 MiB and about a tenth of a second per
try), so a stolen database file cannot be guessed through quickly. Comparison is in
constant time (``hmac.compare_digest``).
"""

from __future__ import annotations

import hashlib
import hmac
import os

SCHEME = "scrypt"
N, R, P = 2**15, 8, 1
SALT_BYTES = 16
KEY_BYTES = 32


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    # scrypt needs 128 * r * n bytes; allow that plus room, above OpenSSL's 32 MiB default.
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=KEY_BYTES,
                          maxmem=128 * r * n + 2**20 * 16)


def hash_password(password: str) -> str:
    """A new salted hash of ``password`` (two calls with the same password give different strings)."""
    salt = os.urandom(SALT_BYTES)
    key = _derive(password, salt, N, R, P)
    return f"{SCHEME}${N}${R}${P}${salt.hex()}${key.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches the ``stored`` hash; False for a malformed hash, never an error."""
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != SCHEME:
            return False
        expected = bytes.fromhex(key)
        actual = _derive(password, bytes.fromhex(salt), int(n), int(r), int(p))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(actual, expected)


# Verified against when the user name is unknown, so a wrong name costs as long as a wrong password
# and the time taken does not tell which part was wrong.
_DUMMY = None


def waste_time(password: str) -> None:
    """Spend the time of one verification."""
    global _DUMMY
    if _DUMMY is None:
        _DUMMY = hash_password("not a password of anyone")
    verify_password(password, _DUMMY)
