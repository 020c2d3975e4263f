"""What every desktop app has: an icon, a start on the last canvas, keyboard letters on buttons, buttons that stay
put, and a command line that makes its folders and says in one sentence when there is no display."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from driving import delete_first_note, on_next_modal
from PySide6.QtWidgets import QMessageBox, QWidget

from editor.gui.app import first_canvas
from editor.gui.main_window import MainWindow

OpenApp = Callable[[Path | None], MainWindow]


def test_a_start_with_no_file_opens_the_canvas_last_open_or_the_example_the_first_time(
    open_app: OpenApp, canvas_file: Path, tmp_path: Path
) -> None:
    assert first_canvas(None) is None  # the very first start: the TikTok example
    window = open_app(canvas_file)
    assert first_canvas(None) == canvas_file
    window.close()
    assert first_canvas(None) == canvas_file  # closed with it shown: the next start opens it
    other = tmp_path / "other.yaml"
    assert first_canvas(other) == other  # a file named on the command line comes first
    canvas_file.unlink()
    assert first_canvas(None) is None  # gone since: the example, not an error


def test_the_save_changes_box_gives_discard_a_keyboard_letter(open_app: OpenApp, canvas_file: Path) -> None:
    window = open_app(canvas_file)
    delete_first_note(window)
    texts: list[str] = []

    def look(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        texts.extend(button.text() for button in box.buttons())
        box.button(QMessageBox.StandardButton.Cancel).click()

    on_next_modal(look)
    assert not window.close()
    assert "&Discard" in texts


def test_start_timer_and_start_voting_do_not_move_the_buttons_after_them(open_app: OpenApp) -> None:
    window = open_app(None)
    bar = window.actions_.workshop_toolbar
    reveal = bar.widgetForAction(next(a for a in bar.actions() if a.objectName() == "voteReveal"))
    reset = bar.widgetForAction(next(a for a in bar.actions() if a.objectName() == "timerReset"))
    before = (reset.x(), reveal.x())
    window.timebox.toggle()
    window.voting.toggle()
    window.repaint()
    assert window.actions_.workshop.timer_toggle.text() == "Pause &Timer" and window.voting.active
    assert (reset.x(), reveal.x()) == before


def test_the_application_has_an_icon() -> None:
    code = (
        "from editor.gui.app import make_application\n"
        "app = make_application()\n"
        "icon = app.windowIcon()\n"
        "print(icon.isNull(), icon.pixmap(64, 64).isNull())\n"
    )
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment)
    assert result.stdout.split() == ["False", "False"], result.stderr


def test_the_window_paints_without_qt_s_thread_pool_which_made_its_frames_slower() -> None:
    """Qt hands big fills to a pool of threads (named "Thread (pooled)"); the app turns that pool off. The same
    board painted by a bare QApplication starts the pool, so the check can tell."""
    paint = (
        "from editor.gui.app import open_window\n"
        "window = open_window(None)\n"
        "window.resize(1920, 1080)\n"
        "from PySide6.QtWidgets import QApplication\n"
        "QApplication.processEvents()\n"
        "window.view.viewport().repaint()\n"
        "import pathlib\n"
        "print(sorted({task.read_text().strip() for task in pathlib.Path('/proc/self/task').glob('*/comm')}))\n"
    )
    environment = {key: value for key, value in os.environ.items() if key != "QT_NO_GUI_THREADPOOL"}
    environment["QT_QPA_PLATFORM"] = "offscreen"

    def threads(application: str) -> str:
        result = subprocess.run(
            [sys.executable, "-c", application + paint], capture_output=True, text=True, env=environment
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert "Thread (pooled)" in threads("from PySide6.QtWidgets import QApplication\napp = QApplication([])\n")
    assert "Thread (pooled)" not in threads("from editor.gui.app import make_application\nmake_application()\n")


def test_a_window_with_no_display_says_so_in_one_sentence_and_exits_1() -> None:
    environment = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "QT_QPA_PLATFORM")}
    environment.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run([sys.executable, "-m", "editor"], capture_output=True, text=True, env=environment)
    assert result.returncode == 1
    assert result.stderr.startswith("canvas-editor: there is no display to open a window on (DISPLAY is not set).")
    assert len(result.stderr.strip().splitlines()) == 1 and "core dumped" not in result.stderr
    gone = subprocess.run(
        [sys.executable, "-m", "editor"], capture_output=True, text=True, env={**environment, "DISPLAY": ":93"}
    )
    assert (
        gone.returncode == 1
        and gone.stderr == "canvas-editor: the display :93 is not there (no X server answers on it).\n"
    )


def test_at_1366_by_768_every_toolbar_action_is_reachable_without_the_overflow_chevron(open_app: OpenApp) -> None:
    from PySide6.QtWidgets import QToolButton

    window = open_app(None)
    window.resize(1366, 768)
    window.repaint()
    for bar in window.toolbars():
        chevron = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert chevron is None or not chevron.isVisible(), bar.windowTitle()
        for action in bar.actions():
            if not action.isSeparator():
                widget = bar.widgetForAction(action)
                assert widget is not None and widget.isVisible(), action.text()


def test_text_in_any_script_is_drawn_with_a_font_that_has_its_letters(qapp: object) -> None:
    from PySide6.QtGui import QTextLayout

    from editor.board.note_item import note_font

    # Qt falls back to any installed font that has a letter; glyph 0 is the empty box drawn for one none has.
    # (.ci/run installs fonts for Chinese and Devanagari; DejaVu has Arabic.)
    for text in ("東京の市場", "القاهرة", "दिल्ली बाज़ार", "Café"):
        layout = QTextLayout(text, note_font(text, 300.0))
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        runs = layout.glyphRuns()
        assert runs and all(0 not in run.glyphIndexes() for run in runs), (
            text,
            [r.rawFont().familyName() for r in runs],
        )
