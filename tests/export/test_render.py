"""PDF, PNG and SVG exports checked for real: page size, pixel size, and every note's text findable as text."""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from canvases import BMC
from pypdf import PdfReader
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from editor.export.formats import FORMATS, export_canvas, format_for
from editor.export.options import ExportError, ExportOptions
from editor.fileformat import load_canvas
from editor.model import Canvas, Note

MM_PER_POINT = 25.4 / 72
PAGES_MM = {"A4": (297, 210), "A3": (420, 297), "A0": (1189, 841), "Letter": (279.4, 215.9)}


@pytest.fixture(autouse=True)
def application(qapp: QApplication) -> QApplication:
    return qapp


@pytest.fixture
def tiktok(tiktok_path: Path) -> Canvas:
    return load_canvas(tiktok_path)


def words(text: str) -> str:
    """Text with ligatures undone and any run of spaces, tabs and line breaks as one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def every_text(canvas: Canvas) -> list[str]:
    texts = [canvas.title, canvas.template.credit, *canvas.fields.values(), *canvas.legend.values()]
    texts += [note.text for _, note in canvas.all_notes()]
    return [words(text) for text in texts if text]


@pytest.mark.parametrize("page", list(PAGES_MM))
def test_pdf_is_one_landscape_page_of_the_chosen_size_with_every_text_as_text(
    tiktok: Canvas, tmp_path: Path, page: str
) -> None:
    path = tmp_path / "tiktok.pdf"
    export_canvas(tiktok, path, FORMATS["pdf"], ExportOptions(page=page))
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    width, height = float(box.width) * MM_PER_POINT, float(box.height) * MM_PER_POINT
    assert (width, height) == pytest.approx(PAGES_MM[page], abs=1.0)
    text = words(reader.pages[0].extract_text())
    missing = [piece for piece in every_text(tiktok) if piece not in text]
    assert missing == []
    assert reader.metadata is not None and reader.metadata.title == "TikTok"


def test_png_has_the_asked_pixel_size_and_resolution(tiktok: Canvas, tmp_path: Path) -> None:
    path = tmp_path / "tiktok.png"
    export_canvas(tiktok, path, FORMATS["png"], ExportOptions(page="A4", dpi=150))
    image = QImage(str(path))
    assert image.width() == round(297 / 25.4 * 150)  # the A4 page's long side at 150 dpi
    assert image.dotsPerMeterX() == round(150 / 0.0254)
    assert 0.55 < image.height() / image.width() < 0.75
    export_canvas(tiktok, path, FORMATS["png"], ExportOptions(width=1000))
    assert QImage(str(path)).width() == 1000


def test_png_background_is_white_or_transparent(tiktok: Canvas, tmp_path: Path) -> None:
    white, clear = tmp_path / "white.png", tmp_path / "clear.png"
    export_canvas(tiktok, white, FORMATS["png"], ExportOptions(width=600))
    export_canvas(tiktok, clear, FORMATS["png"], ExportOptions(width=600, transparent=True))
    assert QImage(str(white)).pixelColor(1, 1).alpha() == 255
    assert QImage(str(white)).pixelColor(1, 1).lightness() == 255
    assert QImage(str(clear)).pixelColor(1, 1).alpha() == 0
    # The notes are there in both: a yellow note's colour is found in the picture.
    image = QImage(str(clear)).convertToFormat(QImage.Format.Format_RGB32)
    colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert len(colours) > 20


def test_svg_parses_and_holds_every_text_as_text(tiktok: Canvas, tmp_path: Path) -> None:
    path = tmp_path / "tiktok.svg"
    export_canvas(tiktok, path, FORMATS["svg"], ExportOptions())
    root = ElementTree.parse(path).getroot()
    namespace = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{namespace}svg"
    text = words(" ".join("".join(element.itertext()) for element in root.iter(f"{namespace}text")))
    missing = [piece for piece in every_text(tiktok) if piece not in text]
    assert missing == []
    assert root.findtext(f"{namespace}title") == "TikTok"
    # Browsers know neither Qt's nor fontconfig's aliases: every family list ends in a CSS generic family.
    families = {element.get("font-family") for element in root.iter(f"{namespace}text")}
    assert families and all(family and family.endswith(", sans-serif") for family in families)


def test_an_export_frames_and_ranks_the_most_voted_notes_as_the_board_does(tmp_path: Path) -> None:
    """Seen in a review: the board showed "1st" and "2nd" on the most voted notes, the exported picture only dots."""
    canvas = Canvas(BMC, title="Voted")
    for text, count in (("Most", 5), ("Second", 3), ("Third", 1), ("None", 0)):
        canvas.add_note("value_propositions", Note(text, votes=count))
    path = tmp_path / "voted.svg"
    export_canvas(canvas, path, FORMATS["svg"], ExportOptions())
    namespace = "{http://www.w3.org/2000/svg}"
    texts = ["".join(element.itertext()) for element in ElementTree.parse(path).getroot().iter(f"{namespace}text")]
    assert [text for text in texts if text in ("1st", "2nd", "3rd", "4th")] == ["1st", "2nd", "3rd"]


def test_the_format_comes_from_the_name_or_is_refused_in_a_sentence() -> None:
    assert format_for(Path("a.PDF")).id == "pdf"
    # One registry: the menu, the dialog and --format read it.
    assert list(FORMATS) == ["pdf", "png", "svg", "md", "canvas", "csv"]
    assert format_for(Path("a.markdown")).id == "md"
    assert format_for(Path("a.txt"), "svg").id == "svg"
    refused = r"cannot export to the name a\.docx: the formats are pdf, png, svg, md, canvas and csv"
    with pytest.raises(ExportError, match=refused):
        format_for(Path("a.docx"))
    with pytest.raises(ExportError, match="unknown page size 'B5'"):
        ExportOptions(page="B5")
    with pytest.raises(ExportError, match="out of range"):
        ExportOptions(width=10**6)


def test_a_failed_export_write_says_why_and_leaves_no_file(tiktok: Canvas, tmp_path: Path) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("")
    with pytest.raises(ExportError, match="could not save: a part of the path is not a folder"):
        export_canvas(tiktok, blocked / "out.pdf", FORMATS["pdf"], ExportOptions())


def test_a_large_canvas_exports_and_can_be_cancelled_between_steps(tmp_path: Path) -> None:
    from editor.export.options import ExportCancelledError

    canvas = Canvas(BMC, blocks={"channels": [Note(f"note {n}") for n in range(300)]})
    steps: list[str] = []
    path = tmp_path / "big.png"
    export_canvas(canvas, path, FORMATS["png"], ExportOptions(width=800), lambda step: steps.append(step) or True)
    assert steps == ["Laying out the notes", "Drawing", "Saving"]
    with pytest.raises(ExportCancelledError):
        export_canvas(
            canvas, tmp_path / "no.png", FORMATS["png"], ExportOptions(width=800), lambda step: step != "Drawing"
        )
    assert not (tmp_path / "no.png").exists()


def test_the_svg_of_a_note_holding_control_characters_is_well_formed_xml(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ElementTree

    from editor.cli import main
    from editor.fileformat import parse_canvas, save_canvas

    canvas = parse_canvas(b'format: 1\ntitle: "Bell \\a and \\x01"\nblocks:\n  channels:\n    - "tab\\tand \\x1b[2J"\n')
    source = tmp_path / "control.yaml"
    save_canvas(canvas, source)
    assert main(["export", str(source), "-o", str(tmp_path / "control.svg")]) == 0
    ElementTree.parse(tmp_path / "control.svg")  # raised: not well-formed


def test_the_page_sizes_the_options_allow_are_the_ones_drawn() -> None:
    from editor.export.options import PAGES
    from editor.export.render import PAGE_SIZES

    assert tuple(PAGE_SIZES) == PAGES
