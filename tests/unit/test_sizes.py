"""A file's size reads ``696 KB`` / ``1.2 MB`` / ``3 GB`` in both languages (``ui/sizes.py``)."""

from __future__ import annotations

import pytest

from ui.sizes import size_text


@pytest.mark.parametrize(("size", "text"), [
    (0, "0 KB"),
    (1, "1 KB"),
    (696 * 1024, "696 KB"),
    (1010 * 1024, "1,010 KB"),
    (1024 * 1024 - 1, "1 MB"),
    (1024 * 1024, "1 MB"),
    (int(1.2 * 1024 ** 2), "1.2 MB"),
    (3 * 1024 ** 3, "3 GB"),
    (int(1.5 * 1024 ** 3), "1.5 GB"),
    (2000 * 1024 ** 4, "2,000 TB"),
])
def test_a_size_reads_as_the_file_manager_shows_it(size, text):
    assert size_text(size) == text
