"""File > Compare With: the open canvas beside an older one (editor.gui.history finds it: another file, the file as
last saved, a version, a git revision, a recovery copy), its changes marked on the board and named in a side list
that the arrow keys walk through; Escape ends it. Nothing in a comparison changes either canvas: the open one is
read-only while it lasts."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.board.change_marks import ChangeMarks, label_of
from editor.errors import CanvasFileError
from editor.export.changes import changes_markdown, summary
from editor.export.options import ExportError, ExportOptions
from editor.fileformat import parse_canvas
from editor.model.compare import CanvasDiff, block_title, compare

if TYPE_CHECKING:
    from editor.board.board_scene import BoardScene
    from editor.gui.board_view import BoardView
    from editor.gui.workspace import Messages, Workspace
    from editor.model import Canvas

T = TypeVar("T")
READ_ONLY = "A comparison is shown: end it (Esc) to edit the canvas."
COMPARING = "comparison"  # who makes the canvas read-only (the host of a session may too)
CHANGE_INDEX = Qt.ItemDataRole.UserRole
GIT_TIMEOUT = 10  # seconds: git reads its own repository; a hung one must not hang the window


class Comparison(QObject):
    """One comparison in a window: the marks on its board, the side list, and the way out."""

    ended = Signal()

    def __init__(
        self, window: QMainWindow, workspace: Workspace, view: BoardView, messages: Messages, old: Canvas, name: str
    ) -> None:
        super().__init__(window)
        self.workspace, self.view, self.messages = workspace, view, messages
        self.old, self.name = old, name
        self.diff: CanvasDiff = compare(old, workspace.canvas)
        self.marks = ChangeMarks(workspace.board)
        self.marks.show(self.diff, old)
        workspace.document.set_read_only(COMPARING, READ_ONLY)
        self.panel: ComparePanel | None = ComparePanel(window, self)
        right = Qt.DockWidgetArea.RightDockWidgetArea
        shown = [dock for dock in window.findChildren(QDockWidget) if dock.isVisible() and not dock.isFloating()]
        beside = [dock for dock in shown if window.dockWidgetArea(dock) == right]
        window.addDockWidget(right, self.panel)
        if beside:  # a tab over the panels there (Canvas Details, greyed meanwhile), not a strip under them
            window.tabifyDockWidget(beside[0], self.panel)
        self.panel.show()
        self.panel.raise_()
        self.panel.changes.setFocus()
        workspace.leaving.connect(self.end)
        view.installEventFilter(self)  # Escape on the board ends it (before presenting's Escape, as it came last)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Escape, on the board or in the side list, ends the comparison."""
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.end()
            return True
        return False

    def show_change(self, index: int) -> None:
        """Bring a change into view: its block alone, filling the window, as the guided walk shows one (a header
        change: the whole board)."""
        change = self.diff.notes[index] if 0 <= index < len(self.diff.notes) else None
        block_id = change.block_id if change is not None else None
        self.view.focus_on(block_id if block_id in self.workspace.board.blocks else None)
        self.marks.show(self.diff, self.old)  # laid out again for the block's new shape

    def end(self) -> None:
        """Leave the comparison: the board as it was, the canvas editable again (if it was)."""
        if self.panel is None:
            return
        self.workspace.leaving.disconnect(self.end)
        self.view.removeEventFilter(self)
        self.marks.clear()
        self.workspace.document.set_read_only(COMPARING, "")
        panel, self.panel = self.panel, None
        panel.hide()
        panel.deleteLater()
        self.view.setFocus()  # back to the board (not the next widget in line, the timebox's minutes)
        self.view.focus_on(None)
        self.ended.emit()

    def report(self) -> str:
        """The report names the canvas and when it was made: read later, "now" would say neither."""
        now = f"{self.workspace.document.name} as of {datetime.now():%Y-%m-%d %H:%M}"
        return changes_markdown(self.diff, self.old, self.workspace.canvas, self.name, now)


class ComparePanel(QDockWidget):
    """The side list of a comparison: a line per change, the header's and legend's last; Escape ends it."""

    def __init__(self, window: QMainWindow, comparison: Comparison) -> None:
        super().__init__(f"Changes since {comparison.name}", window)
        self.setObjectName("comparePanel")
        self.comparison = comparison
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.summary = QLabel(summary(comparison.diff), body)
        self.summary.setObjectName("compareSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.changes = QListWidget(body)
        self.changes.setObjectName("compareChanges")
        self.changes.setWordWrap(True)
        larger = self.changes.font()  # read beside a projected board: a size up from the window's
        larger.setPointSizeF(larger.pointSizeF() * 1.25)
        self.changes.setFont(larger)
        self.changes.setSpacing(2)
        layout.addWidget(self.changes, 1)
        new = comparison.workspace.canvas
        whole = QListWidgetItem("The whole canvas", self.changes)  # first: focus lands here, on the overview
        whole.setData(CHANGE_INDEX, -1)
        for index, change in enumerate(comparison.diff.notes):
            placed = change.new or change.old
            assert placed is not None
            where = block_title(new if change.new is not None else comparison.old, change.block_id)
            row = QListWidgetItem(f"{label_of(change, comparison.old)}: {placed.note.text}  ({where})", self.changes)
            row.setData(CHANGE_INDEX, index)
            if change.old is not None and change.new is not None and change.old.note.text != change.new.note.text:
                row.setToolTip(f"Was: {change.old.note.text}")
        for header in comparison.diff.header:
            text = f"{header.what}: {header.old or '(empty)'} → {header.new or '(empty)'}"
            row = QListWidgetItem(text, self.changes)
            row.setData(CHANGE_INDEX, -1)
        self.changes.currentItemChanged.connect(lambda item, _: self._chosen(item))
        buttons = QHBoxLayout()
        report = QPushButton("Save &Report…", body)
        report.setToolTip("What changed, as Markdown for the minutes")
        report.clicked.connect(self.save_report)
        board = QPushButton("Export &Board…", body)
        board.setToolTip("The board with its marks, as PDF, PNG or SVG")
        board.clicked.connect(self.export_board)
        buttons.addWidget(board)
        done = QPushButton("&End Comparison", body)
        done.setToolTip("Back to editing the canvas (Esc)")
        done.clicked.connect(comparison.end)
        buttons.addWidget(report)
        buttons.addWidget(done)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.changes.installEventFilter(comparison)  # Escape in the list ends it, as on the board
        self.installEventFilter(comparison)  # and on its buttons (after Save Report's dialog, focus is on one)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the panel ends the comparison: no marks, and no read-only canvas, without their list."""
        super().closeEvent(event)
        self.comparison.end()

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.comparison.show_change(item.data(CHANGE_INDEX))

    def save_report(self) -> Path | None:
        path = self._ask_path("Save Report", "md", "Markdown (*.md)", (".md",))
        if path is not None:
            self._write(path, lambda: self.comparison.report().encode("utf-8"), "The report could not be saved.")
        return path

    def export_board(self) -> Path | None:
        """The marked board as a PDF, PNG or SVG, by the name's extension (a PDF on an A3 page, a PNG 2400 wide)."""
        from editor.export.render import drawn_bytes

        kinds = "PDF document (*.pdf);;PNG image (*.png);;SVG image (*.svg)"
        path = self._ask_path("Export Marked Board", "pdf", kinds, (".pdf", ".png", ".svg"))
        if path is None:
            return None
        comparison, kind = self.comparison, path.suffix.lower()[1:]
        options = ExportOptions(width=2400) if kind == "png" else ExportOptions()

        def marked(scene: BoardScene) -> None:
            ChangeMarks(scene).show(comparison.diff, comparison.old)

        drawn = lambda: drawn_bytes(comparison.workspace.canvas, kind, options, None, marked)  # noqa: E731
        return path if self._write(path, drawn, "The marked board could not be exported.") else None

    def _ask_path(self, title: str, extension: str, kinds: str, known: tuple[str, ...]) -> Path | None:
        """Where to write, starting where exports go (beside the canvas at first); a name without one of the
        `known` extensions gets `extension`."""
        from editor.gui import settings

        document = self.comparison.workspace.document
        folder = settings.export_folder(document.path.parent if document.path is not None else None)
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(folder / f"what-changed.{extension}"), kinds)
        if not chosen:
            return None
        path = Path(chosen) if Path(chosen).suffix.lower() in known else Path(f"{chosen}.{extension}")
        settings.set_export_folder(path.parent)
        return path

    def _write(self, path: Path, data: Callable[[], bytes], failed: str) -> bool:
        """Write what `data` makes, atomically, and say where it went; or say why not."""
        from editor.fileformat.atomic import write_atomically

        try:
            write_atomically(path, data())
        except ExportError as error:
            self.comparison.messages.show_error(failed, str(error))
            return False
        except CanvasFileError as error:
            self.comparison.messages.show_error(failed, error)
            return False
        self.comparison.messages.say(f"Exported to {path}")
        return True


# Where the older canvas comes from


class Revision(NamedTuple):
    commit: str
    when: datetime
    line: str  # 'abc1234 2026-12-01 Message', as a list shows it


def git_revisions(path: Path) -> list[Revision]:
    """The commits that changed a file, newest first; none when git is not installed or the file is in no
    repository (never an error)."""
    git = shutil.which("git")
    if git is None:
        return []
    try:
        done = subprocess.run(
            [git, "-C", str(path.parent), "log", "--format=%H%x09%ct%x09%h %ad %s", "--date=short", "--", path.name],
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT,
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    if done.returncode != 0:
        return []
    revisions = []
    for line in done.stdout.splitlines():
        commit, _, rest = line.partition("\t")
        seconds, _, shown = rest.partition("\t")
        if shown and seconds.isdigit():
            revisions.append(Revision(commit, datetime.fromtimestamp(int(seconds)), shown))
    return revisions


def git_canvas(path: Path, commit: str) -> Canvas:
    """The file as a commit holds it. Raises CanvasFileError."""
    git = shutil.which("git") or "git"
    try:
        done = subprocess.run(
            [git, "-C", str(path.parent), "show", f"{commit}:./{path.name}"],
            capture_output=True,
            timeout=GIT_TIMEOUT,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise CanvasFileError.whole(str(path), f"git could not be asked for {commit[:7]}: {error}.") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise CanvasFileError.whole(str(path), f"git has no {commit[:7]} of it: {message[-1] if message else ''}")
    return parse_canvas(done.stdout, f"{path.name} at {commit[:7]}")


def pick(parent: QWidget, title: str, label: str, choices: Sequence[tuple[str, T]]) -> T | None:
    """What a person picks from a list of (line, value); None if they cancel or there is nothing to pick."""
    shown = [line for line, _ in choices]
    if not shown:
        return None
    chosen, ok = QInputDialog.getItem(parent, title, label, shown, 0, False)
    return choices[shown.index(chosen)][1] if ok and chosen in shown else None
