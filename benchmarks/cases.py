"""One benchmark case, ours or its floor, in a fresh process: `python benchmarks/cases.py CASE SIDE [ARG]`.

Prints one JSON object (seconds, or bytes of peak memory). benchmarks/run.py starts these and makes the table.
The floors are the least that PySide6 and libyaml can do for the same work: bare items that paint a prepared
QStaticText, CSafeLoader and CSafeDumper.
"""

from __future__ import annotations

import json
import math
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")  # the floors paint with the Qt the app sets up (gui/app.py)
HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "tiktok.yaml"  # what start-up shows
sys.path[:0] = [str(HERE), str(HERE.parent)]

STARTED = time.perf_counter()  # as near to the process start as Python allows, the same for every case


def main() -> None:
    case, side = sys.argv[1], sys.argv[2]
    argument = sys.argv[3] if len(sys.argv) > 3 else ""
    result = CASES[case][side](argument)
    result["peak_rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps(result))


# Helpers shared by ours and the floors


def until_first_paint(widget: Any) -> float:
    """Show the window and run the event loop until the view's viewport has painted once; the moment it did."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    painted: list[float] = []

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
                QApplication.instance().exit(0)  # type: ignore[union-attr]  (quit() would close the windows)
            return False

    watcher = FirstPaint()
    widget.viewport().installEventFilter(watcher)
    widget.window().show()
    QApplication.instance().exec()  # type: ignore[union-attr]
    widget.viewport().removeEventFilter(watcher)
    return painted[0]


Geometry = tuple[tuple[float, float, float, float], list[tuple[float, float, float, float, float] | None]]


VIEWPORT = (1400, 820)  # the board's area in the app's 1400 x 900 window (less menu bar, toolbars, status bar)


def shown_hundred(things: list[Any], shown: Callable[[Any], bool]) -> list[Any]:
    """A hundred of the notes the board shows, spread over the board (full blocks show a page of their notes)."""
    visible = [thing for thing in things if shown(thing)]
    return visible[:: max(1, len(visible) // 100)][:100]


def board_geometry(path: Path) -> Geometry:
    """Where the app puts the board and each note (x, y, width, height, scale), for a floor laid out the same."""
    import gc

    from editor.board.board_scene import BoardScene
    from editor.board.geometry import board_width_for
    from editor.fileformat import load_canvas

    canvas = load_canvas(path)
    scene = BoardScene(canvas, board_width_for(VIEWPORT[0] / VIEWPORT[1]))
    notes = [scene.notes[note.id] for _, note in canvas.all_notes()]
    # A note a full block does not show on its page has no place (None): the floor hides it, as the app does.
    geometry = [(item.x(), item.y(), *item.size, item.scale()) if item.isVisible() else None for item in notes]
    rect = scene.sceneRect()
    board = (rect.x(), rect.y(), rect.width(), rect.height())
    scene.detach()
    del scene, notes
    gc.collect()
    return board, geometry


def grid_geometry(count: int) -> Geometry:
    """A board's area (as the app's default board) with `count` notes side by side over it, shrunk together when
    there are too many to fit at full size (as the app's crowded blocks do)."""
    width, height = 2400.0, 1400.0
    scale = min(1.0, math.sqrt(width * height * 0.8 / max(1, count) / (210 * 100)))
    columns = max(1, int(width // (210 * scale)))
    places = [
        ((index % columns) * 210.0 * scale, (index // columns) * 100.0 * scale, 200.0, 90.0, scale)
        for index in range(count)
    ]
    return (0.0, 0.0, width, height), places


def bare_scene(texts: list[str], geometry: Geometry | None = None) -> tuple[Any, Any, list[Any]]:
    """The floor's board: a view on a scene of the nine panels and one light item per note, placed where
    `geometry` says (the app's own layout), else in a grid."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QStaticText, QTextOption
    from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene, QGraphicsView

    font = QFont()
    font.setPixelSize(17)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

    class BareNote(QGraphicsRectItem):
        """Paper and prepared text; its bounding rectangle is Qt's own (no Python call per lookup), as the app's."""

        def __init__(self, text: str, width: float, height: float) -> None:
            super().__init__(0, 0, width, height)
            self.setPen(Qt.PenStyle.NoPen)
            self.static = QStaticText(text)
            self.static.setTextFormat(Qt.TextFormat.PlainText)
            self.static.setTextOption(option)
            self.static.setTextWidth(width - 20)
            self.static.prepare(font=font)
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)

        def paint(self, painter: Any, option: Any, widget: Any = None) -> None:
            painter.fillRect(self.rect(), QColor("#fff59d"))
            painter.setFont(font)
            painter.drawStaticText(QPointF(10, 10), self.static)

    (bx, by, bw, bh), places = geometry if geometry is not None else grid_geometry(len(texts))
    scene = QGraphicsScene(bx, by, bw, bh)
    panels = [(column * bw / 5, 0.0, bw / 5, bh * 2 / 3) for column in range(5)]
    panels += [(column * bw / 2, bh * 2 / 3, bw / 2, bh / 3) for column in range(2)]
    panels += [(bw * 0.2, 0.0, bw * 0.2, bh / 3), (bw * 0.6, 0.0, bw * 0.2, bh / 3)]
    for panel in panels:
        scene.addRect(QRectF(*panel))
    items = []
    for text, place in zip(texts, places, strict=True):
        x, y, w, h, s = place if place is not None else (0.0, 0.0, 200.0, 90.0, 1.0)
        item = BareNote(text, w, h)
        item.setScale(s)
        item.setPos(x, y)
        item.setVisible(place is not None)
        scene.addItem(item)
        items.append(item)
    view = QGraphicsView(scene)
    view.resize(*VIEWPORT)
    view.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
    return scene, view, items


def canvas_file(notes: int) -> Path:
    """A generated canvas of `notes` notes, written once per run into the benchmark's folder. (A floor that finds
    the file imports none of the editor: its memory and time are PySide6's and libyaml's alone.)"""
    path = Path(os.environ.get("BENCH_DIR", "/tmp")) / f"canvas-{notes}.yaml"
    if not path.exists():
        from canvases import generated_canvas

        from editor.fileformat import dump_canvas

        path.write_text(dump_canvas(generated_canvas(notes)), encoding="utf-8")
    return path


def edited_file(notes: int) -> Path:
    """The canvas of `canvas_file(notes)` a week later: one note in 20 reworded, one in 50 moved to the next block,
    one in 100 removed and as many added (the kinds of change a comparison matches), written once per run."""
    path = Path(os.environ.get("BENCH_DIR", "/tmp")) / f"canvas-{notes}-edited.yaml"
    if not path.exists():
        from editor.fileformat import dump_canvas, load_canvas
        from editor.model import Note

        canvas = load_canvas(canvas_file(notes))
        placed = list(canvas.all_notes())
        blocks = list(canvas.template.block_ids)
        for number, (block_id, note) in enumerate(placed):
            if number % 100 == 7:
                canvas.remove_note(note.id)
                canvas.add_note(block_id, Note(f"A new idea, number {number}"))
            elif number % 50 == 3:
                canvas.move_note(note.id, blocks[(blocks.index(block_id) + 1) % len(blocks)])
            elif number % 20 == 1:
                canvas.update_note(note.id, text=note.text + " (reworded)")
        path.write_text(dump_canvas(canvas), encoding="utf-8")
    return path


def note_texts(path: Path) -> list[str]:
    """The floor's reading of a canvas file: libyaml's CSafeLoader, then each note's text."""
    import yaml

    data = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    return [note if isinstance(note, str) else note["text"] for notes in data["blocks"].values() for note in notes]


def shown_window(path: Path, session: Any = None) -> Any:
    """The app's window on a canvas file, until its board has painted once."""
    from editor.gui.main_window import MainWindow

    window = MainWindow(session=session)
    window.resize(1400, 900)
    window.open_path(path)
    until_first_paint(window.view)
    return window


def application() -> Any:
    from editor.gui.app import make_application

    return make_application()


def frame_time(view: Any, move: Any, frames: int = 30) -> float:
    """The median time of one drag frame: the move, then the event loop until the view has painted what changed
    (as on screen: only the dirty regions are painted)."""
    import statistics

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    paints = [0]

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                paints[0] += 1
            return False

    counter = Paints()
    view.viewport().installEventFilter(counter)
    times = []
    for step in range(frames):
        before = paints[0]
        started = time.perf_counter()
        move(step)
        for _ in range(50):
            QApplication.processEvents()
            if paints[0] > before:
                break
        times.append(time.perf_counter() - started)
    view.viewport().removeEventFilter(counter)
    return statistics.median(times)


# The cases


def start_ours(_: str) -> dict[str, Any]:
    application()
    from editor.gui import recovery
    from editor.gui.app import open_window

    recovery.default_session()
    window = open_window(None)
    return {"seconds": until_first_paint(window.view) - STARTED}


def start_floor(_: str) -> dict[str, Any]:
    """The same work with bare parts: a bare PySide6 window that parses the TikTok example with libyaml's
    CSafeLoader and paints its notes as bare QStaticText items."""
    from PySide6.QtWidgets import QApplication

    QApplication([])
    _, view, _ = bare_scene(note_texts(EXAMPLE))
    return {"seconds": until_first_paint(view) - STARTED}


def open_ours(notes: str) -> dict[str, Any]:
    path = canvas_file(int(notes))
    application()
    from editor.gui.main_window import MainWindow

    window = MainWindow()
    window.resize(1400, 900)
    started = time.perf_counter()
    window.open_path(path)
    return {"seconds": until_first_paint(window.view) - started}


def open_floor(notes: str) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    path = canvas_file(int(notes))
    QApplication([])
    started = time.perf_counter()
    _, view, _ = bare_scene(note_texts(path))
    return {"seconds": until_first_paint(view) - started}


def drag_ours(argument: str) -> dict[str, Any]:
    """Real mouse events on the view's viewport: press on a selected note, then each frame one move and a paint.

    `5000` drags with the whole board in view; `5000@1` at 100% zoom, centred on the first dragged note."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    notes, _, zoom = argument.partition("@")
    path = canvas_file(int(notes))
    application()
    window = shown_window(path)
    board, view = window.board, window.view
    ids = [note.id for _, note in window.document.canvas.all_notes()]
    chosen = shown_hundred(ids, lambda note_id: board.notes[note_id].isVisible())
    board.select_ids(chosen)
    if zoom:  # as a person zooms: the app's own zoom (a bare resetTransform would be undone by fit-to-window)
        view.zoom_by(1.0 / view.zoom)
        view.centerOn(board.notes[chosen[0]])
        QApplication.processEvents()
    # Press on a selected note that is on top at its centre (at this zoom a pixel may belong to a neighbour).
    for note_id in chosen:
        item = board.notes[note_id]
        start = view.mapFromScene(item.mapToScene(item.body_rect().center()))
        if view.itemAt(start) is item:
            break
    viewport = view.viewport()
    left = Qt.MouseButton.LeftButton
    QTest.mousePress(viewport, left, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, start + QPoint(20, 10))  # past the drag threshold
    dragged = len(board.selected_ids())

    def move(step: int) -> None:
        QTest.mouseMove(viewport, start + QPoint(20 + 4 * (step % 10), 10 + 3 * (step % 7)))

    seconds = frame_time(view, move)
    QTest.mouseRelease(viewport, left, Qt.KeyboardModifier.NoModifier, start)
    return {"seconds": seconds, "selected": dragged}


def drag_floor(argument: str) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    notes, _, zoom = argument.partition("@")
    path = canvas_file(int(notes))
    QApplication([])
    _, view, items = bare_scene(note_texts(path), board_geometry(path))  # the notes where the app puts them
    until_first_paint(view)
    chosen = shown_hundred(items, lambda item: item.isVisible())
    for item in chosen:
        item.setSelected(True)
    if zoom:
        view.resetTransform()
        view.centerOn(chosen[0])
        QApplication.processEvents()

    # The same path as the app's drag: the mouse at these viewport offsets from where it was pressed.
    from PySide6.QtCore import QPointF

    view_scale = view.transform().m11()
    bases = [item.pos() for item in chosen]

    def move(step: int) -> None:
        offset = QPointF(20 + 4 * (step % 10), 10 + 3 * (step % 7)) / view_scale
        for item, base in zip(chosen, bases, strict=True):
            item.setPos(base + offset)

    return {"seconds": frame_time(view, move), "selected": len(chosen)}


def save_ours(argument: str) -> dict[str, Any]:
    """'5000': the canvas written as a new file; '5000@edit': the file opened, one note edited, and saved over its
    own text, as Ctrl+S does."""
    import tempfile

    from editor.fileformat import open_canvas, save_canvas

    notes, _, edit = argument.partition("@")
    canvas, _, layout = open_canvas(canvas_file(int(notes)))
    if edit:
        _, note = next(canvas.all_notes())
        canvas.update_note(note.id, text=note.text + " (edited)")
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        save_canvas(canvas, Path(folder) / "saved.yaml", layout if edit else None)
        return {"seconds": time.perf_counter() - started}


def save_floor(argument: str) -> dict[str, Any]:
    import yaml

    data = yaml.load(canvas_file(int(argument.partition("@")[0])).read_bytes(), Loader=yaml.CSafeLoader)
    started = time.perf_counter()
    yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
    return {"seconds": time.perf_counter() - started}


def stall_ours(notes: str) -> dict[str, Any]:
    """The longest the event loop waits (a 1 ms timer's longest gap) while a recovery copy is written."""
    import tempfile

    from PySide6.QtCore import QTimer

    path = canvas_file(int(notes))
    app = application()
    from editor.gui.recovery import Session

    session = Session(Path(tempfile.mkdtemp()))
    window = shown_window(path, session)
    window.document.mark_unsaved()
    gaps: list[float] = []
    state: dict[str, Any] = {"last": time.perf_counter()}

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - state["last"])
        state["last"] = now
        future = state.get("future")
        if future is not None and future.done():
            app.exit(0)

    def write() -> None:
        gaps.clear()
        state["last"] = time.perf_counter()
        state["future"] = window.autosaver.write_now()

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    timer.start()
    QTimer.singleShot(300, write)
    app.exec()
    session.close()
    return {"seconds": max(gaps)}


def memory_ours(notes: str) -> dict[str, Any]:
    path = canvas_file(int(notes))
    application()
    shown_window(path)
    return {}


def memory_floor(notes: str) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    path = canvas_file(int(notes))
    QApplication([])
    _, view, _ = bare_scene(note_texts(path))
    until_first_paint(view)
    return {}


def compare_ours(notes: str) -> dict[str, Any]:
    """`canvas-editor diff`'s work: both files read, then compared."""
    from editor.fileformat import load_canvas
    from editor.model.compare import compare

    old, new = canvas_file(int(notes)), edited_file(int(notes))
    started = time.perf_counter()
    diff = compare(load_canvas(old), load_canvas(new))
    return {"seconds": time.perf_counter() - started, "changes": len(diff.notes)}


def compare_floor(notes: str) -> dict[str, Any]:
    """Both files read with libyaml's CSafeLoader, nothing compared."""
    import yaml

    old, new = canvas_file(int(notes)), edited_file(int(notes))
    started = time.perf_counter()
    for path in (old, new):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    return {"seconds": time.perf_counter() - started}


CASES = {
    "start": {"ours": start_ours, "floor": start_floor},
    "open": {"ours": open_ours, "floor": open_floor},
    "drag": {"ours": drag_ours, "floor": drag_floor},
    "save": {"ours": save_ours, "floor": save_floor},
    "stall": {"ours": stall_ours},
    "memory": {"ours": memory_ours, "floor": memory_floor},
    "compare": {"ours": compare_ours, "floor": compare_floor},
}

if __name__ == "__main__":
    main()
