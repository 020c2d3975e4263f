"""MainWindow: one canvas document on the board, and the file workflow around it (new, open, save, close)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QToolBar,
    QWidget,
)

from editor.board import style
from editor.board.geometry import board_width_for
from editor.board.note_item import use_large_text
from editor.errors import CanvasFileError, UnknownTemplateError, shown
from editor.fileformat import default_template
from editor.gui import recovery, settings
from editor.gui.autosave import Autosaver
from editor.gui.board_editing import EditableBoard
from editor.gui.board_view import BoardView
from editor.gui.collections_freeze import settle
from editor.gui.disk_changes import DiskChanges
from editor.gui.document import Document
from editor.gui.drops import Drops
from editor.gui.over_board import OverBoard
from editor.gui.presenting import Presenter
from editor.gui.recovery import RecoveredCopy, Session
from editor.gui.session_stage import SessionStage
from editor.gui.sessions import Sessions
from editor.gui.side_panels import SidePanels
from editor.gui.timebox import Timebox
from editor.gui.voting import VotingRound
from editor.gui.window_actions import WindowActions
from editor.gui.workspace import Workspace
from editor.model import Canvas

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from editor.gui.canvas_kinds import CanvasKinds
    from editor.gui.comparing import Comparison
    from editor.gui.exporter import Exporter
    from editor.gui.history import History
    from editor.gui.problems_dialog import ProblemsDialog
    from editor.gui.sharing import Sharing
    from editor.model import Template

APP_NAME = "Canvas Editor"


class MainWindow(QMainWindow):
    def __init__(
        self, document: Document | None = None, parent: QWidget | None = None, session: Session | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session = session or recovery.default_session()
        self.document = document or Document(Canvas(default_template()))
        self.autosaver = Autosaver(self.document, self.session)

        # The docks start hidden; what they hold is made when one is first shown.
        self.panels = SidePanels(self, self.document, self)
        self.details_dock, self.history_dock = self.panels.details, self.panels.history

        self.timebox = Timebox(self)
        self.actions_ = WindowActions(self, self, self.panels.docks())
        self.timebox.changed.connect(self.actions_.workshop.timebox_changed)
        self.actions_.workshop.keep_widths()
        self.statusBar()  # made now, not at the first message: a bar appearing later would shrink the board
        geometry = settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()  # first run: most of the screen, for a big board
            self.resize(int(screen.width() * 0.9), int(screen.height() * 0.9))
        # The board last, once the window knows its size: the canvas is laid out once, at the width it is shown at,
        # in the type the person chose (Larger Text).
        if settings.large_text() != (style._NORMAL["NOTE_FONT_SIZE"] != style.NOTE_FONT_SIZE):
            use_large_text(settings.large_text())
        self.board = EditableBoard(self.document, self._board_width())
        self.workspace = Workspace(self.document, self.board, self)
        self._exporter: Exporter | None = None
        self._kinds: CanvasKinds | None = None
        self._history: History | None = None
        self.voting = VotingRound(self.workspace)
        self.disk = DiskChanges(self.workspace, self, self)
        self.voting.changed.connect(self.say)
        self.actions_.workshop.connect_voting(self.voting)
        self.view = BoardView(self.board, self)
        self.drops = Drops(self, self.view, self.workspace, self, self.open_dropped)
        self.setCentralWidget(self.view)
        self.view.setFocus()  # keys go to the board from the start, not to the first toolbar box that takes them
        # The countdown and the toast are made when first needed: most sessions never time a step.
        self.over = OverBoard(self.view, self.workspace, self.timebox, self.statusBar())
        self.presenter = self.over.presenter = Presenter(self.workspace, self.view, self)
        self.presenter.changed.connect(self.over.presenting_changed)
        stage = SessionStage(self.workspace, self.presenter, self.timebox, self.voting, self)
        self.sessions = Sessions(self, self.workspace, self, self._open_shared, stage, self.view)
        self._show_document(self.document)
        if self.session.warning:
            self.say(self.session.warning, 0)

    # Documents

    def set_document(self, document: Document, copy_id: str | None = None) -> None:
        """Show this document in the window (the old one is dropped: ask to save before calling).

        `copy_id` names the recovery copy the document was restored from, which it then keeps up to date."""
        if document is self.document:
            return
        self.board.finish_editing(commit=False)
        old = self.document
        self.autosaver.stop()
        self.document = document
        self.autosaver = Autosaver(document, self.session, copy_id)
        board, self.board = self.board, EditableBoard(document, self._board_width())
        self.view.set_board(self.board)
        self.workspace.show(document, self.board)  # the helpers hear of it: voting and the walk start again
        self._show_document(document)  # after: disk changes watch the workspace's document
        board.detach()
        old.deleteLater()

    def _show_document(self, document: Document) -> None:
        """Wire the window to the document on its board: header panel, history, title, autosave, disk watch."""
        self.autosaver.failed.connect(lambda message: self.say(message, 15_000))
        self.board.header_edit_requested.connect(self.show_details)
        self.board.said.connect(lambda message: self.say(message, 15_000))
        document.refused.connect(lambda message: self.say(message, 8000))
        self.board.parking_toggled.connect(self.actions_.show_parking)
        self.board.set_parking_wanted(self.actions_.parking.isChecked())  # the person's choice outlives a canvas
        self.actions_.show_parking(self.board.parking_shown())
        document.setParent(self)
        self.panels.follow(document)
        document.modified_changed.connect(self._update_title)
        document.read_only_changed.connect(self._update_title)
        self.actions_.connect_document(document)
        self.disk.watch()
        self._update_title()
        settle(document.canvas)

    @classmethod
    def on_file(cls, path: Path, session: Session | None = None) -> MainWindow:
        """A new window on a file, its canvas laid out once; if the file cannot be read, a new canvas and why."""
        try:
            document = Document.open(path)
        except CanvasFileError as error:
            window = cls(session=session)
            window._could_not_open(path, error)
            return window
        window = cls(document, session=session)
        window._opened(document)
        return window

    def open_path(self, path: Path) -> bool:
        """Open a file in this window; on failure keep what is shown and say what is wrong."""
        try:
            document = Document.open(path)
        except CanvasFileError as error:
            self._could_not_open(path, error)
            return False
        self.set_document(document)
        self._opened(document)
        return True

    def _could_not_open(self, path: Path, error: CanvasFileError) -> None:
        grid = self.kinds.on_plain_grid(path, error) if isinstance(error, UnknownTemplateError) else None
        if grid is None:
            self.show_error(f"Canvas Editor could not open {path.name}.", error)
        else:  # untitled: saving over the file would change the kind it names
            self.show_untitled(*grid)

    def show_untitled(self, canvas: Canvas, said: str) -> None:
        """A canvas with no file of its own yet (imported, or read on a plain grid), unsaved, and `said` about it."""
        self.set_document(Document(canvas))
        self.document.mark_unsaved()
        self.say(said, 0)

    @property
    def history(self) -> History:
        """Compare With, Save Version and the Versions panel: made when first used, not at start-up."""
        if self._history is None:
            from editor.gui.history import History

            self._history = History(self, self.workspace, self.view, self, self.session, self._folder, self.new_window)
        return self._history

    @property
    def comparison(self) -> Comparison | None:
        """The comparison shown, if one is."""
        return self._history.comparison if self._history is not None else None

    def ask_import(self) -> None:
        """File > Import JSON Canvas: the file's notes as a new, untitled canvas in this window."""
        imported = self.kinds.ask_import(self._folder()) if self.maybe_save() else None
        if imported is not None:
            self.show_untitled(*imported)

    def _opened(self, document: Document) -> None:
        if document.path is not None:
            settings.add_recent_file(document.path)
            settings.set_last_canvas(document.path)
            settings.set_last_folder(document.path.parent)  # where a new canvas's Save As starts

    def new_canvas(self, template: Template | None = None) -> None:
        """A new canvas in this window, on `template` (the Business Model Canvas by default)."""
        if self.maybe_save():
            self.set_document(Document(Canvas(template or default_template())))

    @property
    def kinds(self) -> CanvasKinds:
        """The gallery, Change Canvas Kind and Save as Template: made when first used, not at start-up."""
        if self._kinds is None:
            from editor.gui.canvas_kinds import CanvasKinds

            shared = lambda: self.sessions.sharing is not None  # noqa: E731
            self._kinds = CanvasKinds(self.workspace, self, self, self.new_canvas, self.new_window, shared)
        return self._kinds

    def new_window(self, template: Template | None = None, document: Document | None = None) -> MainWindow:
        """A second window beside this one (notes copy and paste between them): a new canvas, or `document`."""
        window = MainWindow(document or Document(Canvas(template or default_template())), session=self.session)
        window.show()
        return window

    def _open_shared(self, document: Document, sharing: Sharing) -> None:
        """A session's canvas, joined from this window: here if this window holds an untouched new canvas, else in
        a window of its own."""
        untouched = self.document.path is None and not self.document.modified and self.sessions.sharing is None
        window = self if untouched else MainWindow(session=self.session)
        window.set_document(document)
        window.sessions.adopt(sharing)
        window.show()

    def restore(self, copy: RecoveredCopy) -> MainWindow:
        """Open a recovery copy as an unsaved canvas: here if this window holds an untouched untitled canvas (the
        example shown at start-up), else in a new window. The copy becomes the canvas's own recovery copy."""
        copy_id = self.session.adopt(copy)  # first: if the copy cannot be taken over, no window opens for it
        window = self if self.document.path is None and not self.document.modified else self.new_window()
        document = Document(copy.canvas, copy.info.original, disk_state=copy.info.original_state)
        document.mark_unsaved()
        window.set_document(document, copy_id)
        return window

    def open_dropped(self, files: list[Path]) -> None:
        """Files dropped on the window: the first in place of this canvas (after asking to save changes), the others
        each in a window of its own."""
        first, *others = files
        if self.maybe_save():
            self.open_path(first)
        for path in others:
            self.on_file(path, self.session).show()

    def ask_open(self) -> None:
        if not self.maybe_save():
            return
        from editor.gui.file_dialogs import ask_open_path

        path = ask_open_path(self, self._folder())
        if path is not None:
            self.open_path(path)

    def open_other(self, path: Path) -> None:
        """Open an example or a recent file in place of this canvas, after asking to save changes."""
        if self.maybe_save():
            self.open_path(path)

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        self.board.finish_editing()
        go_on = self.disk.may_replace()  # the file changed on disk since it was read: ask before replacing it
        if go_on is None:
            return self.save_as()
        return go_on and self._save_to(self.document.path)

    def save_as(self) -> bool:
        from editor.gui.file_dialogs import ask_save_path

        path = ask_save_path(self, self._folder() / f"{self.document.file_stem}.yaml")
        return path is not None and self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        self.board.finish_editing()
        try:
            self.document.save(path)
        except CanvasFileError as error:
            # The canvas stays open and modified; the quickest way out is to save it somewhere else.
            box = self.show_error(f"Canvas Editor could not save {path.name}.", error)
            box.offer("Save &As…", "saveAsButton").clicked.connect(self.save_as)
            return False
        self._opened(self.document)  # recent files, the canvas to open next time, the folder to start in
        self.disk.watch()
        self._update_title()
        self.say(f"Saved to {path}", 5000)  # as an export says where it went: the title's * alone is easily missed
        return True

    def maybe_save(self) -> bool:
        """True when the window may drop its document: nothing unsaved, saved now, or the person discards it."""
        self.board.finish_editing()
        if not self.document.modified:
            return True
        from editor.gui.file_dialogs import Answer, ask_save_changes

        answer = ask_save_changes(self, APP_NAME, self.document.name)
        if answer is Answer.SAVE:
            return self.save()
        return answer is Answer.DISCARD

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        settings.set_window_geometry(self.saveGeometry())
        settings.set_last_canvas(self.document.path)  # the next start opens it (the example, when it has none)
        self.sessions.end()
        self.board.detach()
        self.autosaver.stop()
        event.accept()

    # Feedback

    def show_error(self, text: str, details: str | CanvasFileError) -> ProblemsDialog:
        """A sentence and the located problems as a list, in a window-modal box that does not block the event loop."""
        from editor.gui.problems_dialog import ProblemsDialog  # at the first error: its widgets take ~7 ms to load

        box = ProblemsDialog(self, APP_NAME, text, details)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        return box

    def show_details(self, field: str = "title") -> None:
        self.panels.show_details(field)

    def say(self, message: str, ms: int = 10_000) -> None:
        """A passing message (0 ms: until the next one): on the status line, or over the board while the status
        line is hidden (presentation mode), so that a recovery copy that failed or a file changed on disk is seen."""
        if not self.statusBar().isHidden():  # hidden on purpose; not merely in a window not yet shown
            self.statusBar().showMessage(message, ms)
        else:
            self.over.toast(message)

    def set_large_text(self, on: bool) -> None:
        """Larger notes and key questions, for a projector (View > Larger Text), in every window; remembered."""
        settings.set_large_text(on)
        use_large_text(on)
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow):
                toggle = window.actions_.large_text
                toggle.blockSignals(True)  # ticked as in the window it was asked in, without asking again
                toggle.setChecked(on)
                toggle.blockSignals(False)
                window.board.restyle()

    def open_find(self) -> None:
        self.over.open_find()

    def timebox_width(self) -> int:
        return self.over.timebox_width()

    @property
    def exporter(self) -> Exporter:
        """Export, print and copy as an image (made at the first, with the export formats)."""
        if self._exporter is None:
            from editor.gui.exporter import Exporter

            self._exporter = Exporter(self.workspace, self, self)
        return self._exporter

    def toolbars(self) -> list[QToolBar]:
        return self.findChildren(QToolBar)

    def surroundings(self) -> list[QWidget]:
        """What surrounds the board: hidden while presenting."""
        return [self.menuBar(), self.statusBar(), *self.toolbars(), *self.findChildren(QDockWidget)]  # Versions too

    def _update_title(self) -> None:
        read_only = " (read-only)" if self.document.read_only else ""
        self.setWindowTitle(f"{shown(self.document.name)}[*]{read_only} — {APP_NAME}")
        self.setWindowModified(self.document.modified)

    def _board_width(self) -> float:
        """The board width for this window's shape, known also before the window is first shown: a canvas is then
        laid out once, not again when the window appears (thousands of notes take a while to lay out)."""
        if self.isVisible():
            size = self.view.viewport().size()
            width, height = size.width(), size.height()
        else:  # the window's size less its menu bar, toolbar and status bar, where the board will be
            width = self.width()
            bars = (self.menuBar(), self.actions_.toolbar, self.statusBar())
            height = self.height() - sum(bar.sizeHint().height() for bar in bars)
        return board_width_for(width / max(1, height))

    def _folder(self) -> Path:
        return self.document.path.parent if self.document.path else settings.last_folder()
