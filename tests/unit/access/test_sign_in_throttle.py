"""Sign-in is throttled per name: a growing pause after failed attempts, refused early attempts, no sleeping."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest

from domain.access import users
from tests.fakes import FakeUnitOfWork

PASSWORD = "boss-pass-1"
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def office() -> FakeUnitOfWork:
    uow = FakeUnitOfWork(role=None)
    users.add_user(uow, users.AddUser("boss", PASSWORD, "admin"))
    return uow


def test_the_pause_doubles_from_one_second_up_to_a_minute():
    assert [users.throttle_delay(n).total_seconds() for n in range(1, 10)] == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert users.throttle_delay(10_000) == timedelta(seconds=60)


def test_an_attempt_during_the_pause_is_refused_even_with_the_right_password(office):
    clock = Clock()
    with pytest.raises(users.SignInFailed):
        users.authenticate(office, "boss", "wrong", clock=clock)
    clock.advance(0.5)
    with pytest.raises(users.SignInThrottled, match=r"paused after 1 failed attempt\(s\); try again in 1 s") as caught:
        users.authenticate(office, "boss", PASSWORD, clock=clock)
    assert caught.value.not_before == T0 + timedelta(seconds=1)
    clock.advance(0.5)
    assert users.authenticate(office, "boss", PASSWORD, clock=clock).username == "boss"


def test_each_failure_lengthens_the_pause_and_a_success_clears_it(office):
    clock = Clock()
    for expected in (1, 2, 4, 8, 16, 32, 60, 60):
        with pytest.raises(users.SignInFailed):
            users.authenticate(office, "boss", "wrong", clock=clock)
        clock.advance(expected - 0.001)
        with pytest.raises(users.SignInThrottled):
            users.authenticate(office, "boss", PASSWORD, clock=clock)
        clock.advance(0.001)
    assert users.authenticate(office, "boss", PASSWORD, clock=clock).username == "boss"
    with pytest.raises(users.SignInFailed):
        users.authenticate(office, "boss", "wrong", clock=clock)
    clock.advance(1)  # back to the first step
    assert users.authenticate(office, "boss", PASSWORD, clock=clock).username == "boss"


def test_the_pause_is_per_name_and_unknown_names_are_paused_alike(office):
    clock = Clock()
    with pytest.raises(users.SignInFailed):
        users.authenticate(office, "nobody", "x", clock=clock)
    with pytest.raises(users.SignInThrottled):
        users.authenticate(office, "NOBODY", "x", clock=clock)  # the same name in another case
    assert users.authenticate(office, "boss", PASSWORD, clock=clock).username == "boss"
