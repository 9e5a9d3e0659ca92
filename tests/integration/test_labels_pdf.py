"""ui.pdf.labels: the bars printed in the PDF scan back to the code encoded (rendered with pdftoppm at 300 dpi and
read along a line through the bars), EAN-13 only for a valid EAN-13, and a long Chinese name never overflows."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from ui.pdf.fonts import register_cjk_font
from ui.pdf.labels import LAYOUTS
from ui.pdf.labels import LabelItem
from ui.pdf.labels import ean13_valid
from ui.pdf.labels import fit_text
from ui.pdf.labels import render_labels
from ui.pdf.labels import symbology

# EAN-13 digit patterns as module widths (space, bar, space, bar) for the left-hand odd set; the even set is the
# right-hand set reversed; the right-hand set is the odd set with bars and spaces swapped.
L_ODD = ["3211", "2221", "2122", "1411", "1132", "1231", "1114", "1312", "1213", "3112"]
FIRST_DIGIT = ["OOOOOO", "OOEOEE", "OOEEOE", "OOEEEO", "OEOOEE", "OEEOOE", "OEEEOO", "OEOEOE", "OEOEEO", "OEEOEO"]


def rendered_rows(pdf: bytes, tmp_path):
    from PIL import Image

    path = tmp_path / "labels.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
                   check=True)
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    return image


def runs_through_bars(image, left: int, right: int) -> list[int]:
    """Run lengths (bar, space, bar, …) along the row with the most bars between left and right pixels."""
    width, height = image.size
    px = image.load()
    best: list[int] = []
    for y in range(height):
        row = [px[x, y] < 128 for x in range(left, right)]
        runs, last, n = [], None, 0
        for black in row:
            if black == last:
                n += 1
            else:
                if last is not None:
                    runs.append((last, n))
                last, n = black, 1
        runs.append((last, n))
        while runs and not runs[0][0]:
            runs.pop(0)
        while runs and not runs[-1][0]:
            runs.pop()
        if len(runs) > len(best):
            best = [n for _, n in runs]
    return best


def modules(runs: list[int], total: int) -> list[int]:
    unit = sum(runs) / total
    widths = [max(1, round(r / unit)) for r in runs]
    assert sum(widths) == total, (widths, runs)
    return widths


def decode_ean13(runs: list[int]) -> str:
    w = modules(runs, 95)
    assert w[:3] == [1, 1, 1] and w[27:32] == [1, 1, 1, 1, 1] and w[-3:] == [1, 1, 1]
    left, right = w[3:27], w[32:56]
    digits, parity = [], ""
    for i in range(6):  # a left digit starts with a space: left[4i] is a space width
        p = "".join(map(str, left[4 * i:4 * i + 4]))
        if p in L_ODD:
            digits.append(L_ODD.index(p))
            parity += "O"
        else:
            digits.append([q[::-1] for q in L_ODD].index(p))
            parity += "E"
    for i in range(6):
        digits.append(L_ODD.index("".join(map(str, right[4 * i:4 * i + 4]))))
    return str(FIRST_DIGIT.index(parity)) + "".join(map(str, digits))


def decode_code128(runs: list[int]) -> str:
    """Code set B only: each symbol 6 runs of 11 modules, the stop 7 runs of 13; the checksum verified."""
    from reportlab.graphics.barcode.code128 import _patterns

    symbols = (len(runs) - 7) // 6
    w = modules(runs, 11 * symbols + 13)
    table = {"".join(str((" AaBbCcDd".index(ch) + 1) // 2) for ch in pattern): value
             for value, pattern in _patterns.items()}
    values = [table["".join(map(str, w[6 * i:6 * i + 6]))] for i in range(symbols)]
    assert values[0] == 104, "start B"
    assert sum(v * max(i, 1) for i, v in enumerate(values[:-1])) % 103 == values[-1], "check symbol"
    return "".join(chr(v + 32) for v in values[1:-1])


needs_pdftoppm = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is missing")


@needs_pdftoppm
@pytest.mark.parametrize("layout", ["40x30", "50x30", "60x40"])
def test_an_ean13_label_scans_back_to_its_barcode(tmp_path, layout):
    item = LabelItem("CL001-01", "洗洁精 500g", "瓶", ("6928552003321",), "8.60")
    image = rendered_rows(render_labels([(item, 1)], LAYOUTS[layout]), tmp_path)
    assert decode_ean13(runs_through_bars(image, 0, image.size[0])) == "6928552003321"


@needs_pdftoppm
@pytest.mark.parametrize("layout", ["a4-3x8", "a4-4x10"])
def test_a_code128_label_on_a_sheet_scans_back_to_its_sku(tmp_path, layout):
    item = LabelItem("AB-77x/q", "螺丝刀", "把")
    image = rendered_rows(render_labels([(item, 1)], LAYOUTS[layout]), tmp_path)
    first_label = round(image.size[0] / LAYOUTS[layout].cols)  # the first column only
    assert decode_code128(runs_through_bars(image, 0, first_label)) == "AB-77x/q"


@needs_pdftoppm
def test_a_barcode_with_a_wrong_check_digit_prints_whole_as_code128(tmp_path):
    item = LabelItem("X1", "坏条码", "个", ("6928552003322",))
    assert symbology(item) == ("Code128", "6928552003322")
    image = rendered_rows(render_labels([(item, 1)], LAYOUTS["60x40"]), tmp_path)
    runs = runs_through_bars(image, 0, image.size[0])
    # not EAN-13's 59 runs (guards, 12 digits of 4) but Code 128's symbols of 6 and the stop of 7
    assert len(runs) != 59 and (len(runs) - 7) % 6 == 0


def test_ean13_check_digit():
    assert ean13_valid("6928552003321")
    assert not ean13_valid("6928552003322")
    assert not ean13_valid("692855200332")
    assert not ean13_valid("69285520033２1")


def test_a_label_without_barcodes_encodes_its_sku():
    assert symbology(LabelItem("AB-1", "x", "pcs")) == ("Code128", "AB-1")


def test_a_long_chinese_name_is_shrunk_then_cut_never_wider_than_the_label():
    font = register_cjk_font()
    name = "特级东北大米五常稻花香超长名称一二三四五六七八九十" * 2
    text, size = fit_text(name, font, 10, 100)
    assert text.endswith("…") and size == 5.0
    assert stringWidth(text, font, size) <= 100
    short, size = fit_text("螺丝刀", font, 10, 100)
    assert (short, size) == ("螺丝刀", 10)


def test_the_chinese_name_and_every_label_are_in_the_pdf(tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is missing")
    item = LabelItem("CL001-01", "洗洁精 500g", "瓶", ("6928552003321",), "8.60")
    path = tmp_path / "l.pdf"
    path.write_bytes(render_labels([(item, 25)], LAYOUTS["a4-3x8"]))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert text.count("洗洁精 500g") == 25
    assert text.count("\f") == 2  # 24 a sheet: two sheets


def test_the_command_line_prints_labels_with_the_list_price_and_refuses_an_unknown_sku(tmp_path, capsys):
    from tests.cli_runs import cli_here

    db = tmp_path / "s.sqlite3"
    cli = cli_here(db, capsys)
    assert cli("init")[0] == 0
    assert cli("product", "add", "CL001-01", "--name", "洗洁精 500g", "--unit", "瓶",
               "--barcode", "6928552003321")[0] == 0
    assert cli("price", "set", "CL001-01", "retail", "8.6")[0] == 0
    out = tmp_path / "l.pdf"
    code, stdout, _ = cli("product", "labels", "CL001-01", "--count", "3", "--layout", "40x30", "-o", str(out))
    assert code == 0 and "3 labels" in stdout
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        assert text.count("洗洁精 500g") == 3 and "CL001-01 8.60/瓶" in text
    code, _, err = cli("product", "labels", "CL001-01", "NOPE", "-o", str(tmp_path / "x.pdf"))
    assert code != 0 and "NOPE" in err and not (tmp_path / "x.pdf").exists()


def test_progress_is_told_once_a_label_up_to_the_total():
    seen = []
    items = [(LabelItem("A-1", "甲", "个"), 3), (LabelItem("B-2", "乙", "个", ("6928552003321",)), 2)]
    render_labels(items, LAYOUTS["a4-4x10"], progress=lambda done, total: seen.append((done, total)))
    assert seen == [(n, 5) for n in range(1, 6)]


def test_a_posted_receipt_prints_a_label_per_unit_received_or_per_line(tmp_path, capsys):
    from tests.cli_runs import cli_here

    cli = cli_here(tmp_path / "s.sqlite3", capsys)
    for args in (("init",), ("warehouse", "add", "W1", "--name", "主仓"), ("supplier", "add", "S1", "--name", "甲方"),
                 ("product", "add", "A-1", "--name", "甲", "--unit", "个")):
        assert cli(*args)[0] == 0
    po = cli("po", "create", "--supplier", "S1", "--warehouse", "W1")[1].split()[-1]
    assert cli("po", "add-line", po, "A-1", "3", "--price", "2")[0] == 0
    number = cli("po", "issue", po)[1].split()[-1]
    receipt = cli("po", "receive", number)[1].split()[0]
    assert receipt.startswith("GR-")
    code, out, _ = cli("product", "labels", "--receipt", receipt, "-o", str(tmp_path / "u.pdf"))
    assert code == 0 and "(3 labels" in out
    code, out, _ = cli("product", "labels", "--receipt", receipt, "--per", "line", "-o", str(tmp_path / "l.pdf"))
    assert code == 0 and "(1 label," in out
