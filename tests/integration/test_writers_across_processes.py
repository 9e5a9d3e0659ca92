"""A writer of another process waiting for SQLite's write lock is seen through the file beside the database
(``persistence.writers``), for as long as it waits and no longer: a process that dies while it waits leaves no mark
behind, and this process's own waiting writers are not taken for another's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from persistence.writers import marks_for
from persistence.writers import writers_of

ROOT = Path(__file__).resolve().parents[2]

HOLDER = """
import sys
from pathlib import Path
from persistence.writers import marks_for
slot = marks_for(Path(sys.argv[1])).take()
print("holding", slot, flush=True)
sys.stdin.readline()
"""


def test_a_writer_waiting_in_a_process_that_dies_leaves_no_mark(db):
    writers = writers_of(db.engine)
    assert not writers.others_waiting()
    other = subprocess.Popen([sys.executable, "-c", HOLDER, str(db.path)], cwd=ROOT, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().startswith("holding 0")  # it waits (a slot of the file is its)
        assert writers.others_waiting()
        assert writers.others_waiting()  # looking does not take the mark away
    finally:
        other.kill()  # killed while it waits: no chance to give its slot back
        other.wait()
    assert not writers.others_waiting()
    assert Path(f"{db.path}-writers").exists()  # the file stays; it marks nobody


def test_this_process_s_own_waiting_writers_are_not_another_process_s(db):
    writers = writers_of(db.engine)
    mine = marks_for(db.path)
    assert writers.marks is mine  # one per file in a process, whichever engine opened it
    with writers.seen_by_other_processes(), writers.seen_by_other_processes():
        assert not writers.others_waiting()
        other = subprocess.Popen([sys.executable, "-c", HOLDER, str(db.path)], cwd=ROOT, stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, text=True)
        try:
            assert other.stdout.readline().startswith("holding 2")  # the two slots this process holds are taken
            assert writers.others_waiting()
        finally:
            other.stdin.write("\n")
            other.stdin.close()
            other.wait()
        assert not writers.others_waiting()
