"""Ids are UUIDv7 text, strictly increasing in a process, and a forked child does not repeat its parent's."""

from __future__ import annotations

import os
import uuid

import pytest

from domain.kernel import ids


def test_ids_are_uuid7_text_and_strictly_increasing():
    made = [ids.new_id() for _ in range(5_000)]  # more than one pool of random bytes
    assert made == sorted(made)
    assert len(set(made)) == len(made)
    for text in made:
        value = uuid.UUID(text)
        assert str(value) == text
        assert value.version == 7 and value.variant == uuid.RFC_4122


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")
def test_a_forked_child_draws_its_own_random_bytes():
    ids.new_id()  # the parent holds a pool of random bytes
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report the random part of its next id
        os.write(write, ids.new_id()[19:].encode())
        os._exit(0)
    os.close(write)
    child = os.read(read, 64).decode()
    os.close(read)
    os.waitpid(pid, 0)
    assert child != ids.new_id()[19:]
