"""The sync's refusals (reviewing a conflict, setting up a hub's logins, approving a held-back user) carry a code
and their values, so a screen says them in its reader's language; their English is what it was."""

from __future__ import annotations

import pytest

from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from persistence import sync


def test_reviewing_an_unknown_conflict_is_refused_with_its_code(devices):
    a = devices("a")
    with pytest.raises(NotFound) as refused:
        sync.resolve_conflict(a, "no-such-id", user="ann")
    assert (refused.value.code, refused.value.params) == ("unknown_conflict", {"conflict": "no-such-id"})
    assert str(refused.value) == "conflict 'no-such-id': no such conflict"


def test_approving_what_is_not_held_is_refused_with_its_code(devices):
    a = devices("a")
    with pytest.raises(NotFound) as refused:
        sync.approve(a, "some-key")
    assert refused.value.code == "approve_nothing_held"
    assert refused.value.params == {"table": "users", "key": "some-key"}
    assert str(refused.value) == "users some-key: nothing is held for approval under this key"


def test_a_desk_login_for_a_device_that_is_no_id_is_refused_with_its_code(devices):
    a = devices("a")
    with pytest.raises(RuleViolation) as refused:
        sync.hub_add_login(a, "postgresql://owner@localhost:1/nowhere", "desk_a", device_id="not an id")
    assert (refused.value.code, refused.value.params) == ("hub_device_not_an_id", {"device": "not an id"})
    assert str(refused.value).startswith("device: 'not an id' is not a device id;")

