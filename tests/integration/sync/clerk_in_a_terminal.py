"""A clerk's command in a terminal (``main.py``), run by a test as a process of its own and held at a gate the test
controls: it imports the application, says ``ready`` and waits for a line on its input; then it runs the command
given on its command line, saying ``waiting`` each time one of its writers finds SQLite's write lock taken and
marks itself for the other processes (``persistence.writers``), and at the end ``done`` with the exit code."""

from __future__ import annotations

import sys

from persistence import writers


def run(argv: list[str]) -> int:
    take = writers.Marks.take

    def taking(self):
        slot = take(self)
        print("waiting", flush=True)
        return slot

    writers.Marks.take = taking
    import main as app

    print("ready", flush=True)
    sys.stdin.readline()  # the gate
    code = app.main(argv)
    print("done", code, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
