"""WindowActions: the main window's menus, toolbar and shortcuts, each wired to the window, its board or view."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

import shiboken6
from PySide6.QtCore import QMimeData, QPointF
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu, QToolBar

from editor import paths
from editor.board import style
from editor.export.formats import FORMATS
from editor.gui import settings
from editor.gui.board_view import ZOOM_STEP
from editor.gui.document import Document
from editor.gui.help_windows import HelpWindows
from editor.gui.note_transfer import add_notes_from, copy_notes
from editor.gui.window_action import add_action
from editor.gui.workshop_actions import Workshop, WorkshopActions
from editor.gui.workspace import Messages
from editor.model import PALETTE

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMainWindow

    from editor.gui.board_editing import EditableBoard
    from editor.gui.canvas_kinds import CanvasKinds
    from editor.gui.exporter import Exporter
    from editor.gui.history import History
    from editor.gui.workspace import Workspace


def example_name(path: Path) -> str:
    """An example's name in the menu: its canvas's title ("TikTok"), or its file's name when it has none."""
    from editor.fileformat import CanvasFileError, load_canvas

    try:
        title = load_canvas(path).title
    except CanvasFileError:
        title = ""
    return title or path.stem.replace("-", " ").title()


class Window(Workshop, Messages, Protocol):
    """What the menus ask of the window they are in: its file workflow, and the parts that do the rest. The parts are
    looked up when an action fires: the menus are made first, so that the board is laid out at the size it gets."""

    # Its file workflow (and, as Messages, how it tells the person something).
    @property
    def kinds(self) -> CanvasKinds: ...

    def ask_import(self) -> None: ...

    @property
    def history(self) -> History: ...

    def ask_open(self) -> None: ...

    def open_other(self, path: Path) -> None: ...

    def save(self) -> bool: ...

    def save_as(self) -> bool: ...

    def open_find(self) -> None: ...

    def set_large_text(self, on: bool) -> None: ...

    # Its parts (and, as a Workshop, the view, the presenter, the timebox and the voting round).
    @property
    def workspace(self) -> Workspace: ...

    @property
    def exporter(self) -> Exporter: ...


class WindowActions:
    """Builds the menus once; `connect_document` re-points undo and redo when the window shows another canvas."""

    def __init__(self, window: Window, qt_window: QMainWindow, docks: list[QDockWidget]) -> None:
        self.window = window
        self.parent = qt_window  # holds the menus, toolbars and actions (and so their shortcuts)
        self.action = partial(add_action, qt_window)  # a menu item or toolbar button of this window's
        self.docks = docks
        bar = qt_window.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.edit_menu = bar.addMenu("&Edit")
        self.view_menu = bar.addMenu("&View")
        self.workshop_menu = bar.addMenu("&Workshop")
        self.help_menu = bar.addMenu("&Help")
        self.toolbar = self._toolbar("Notes")
        self.workshop_toolbar = self._toolbar("Workshop")
        self.recent_menu = QMenu("Open &Recent", qt_window)
        self.help = HelpWindows(qt_window, bar, lambda: window.workspace.canvas)
        self._file_menu()
        self._edit_menu()
        self._view_menu()
        self.workshop = WorkshopActions(window, qt_window, self.workshop_menu, self.workshop_toolbar)
        self._help_menu()

    def _toolbar(self, title: str) -> QToolBar:
        bar = QToolBar(title, self.parent)
        bar.setObjectName(f"{title}Toolbar")
        self.parent.addToolBar(bar)
        return bar

    def connect_document(self, document: Document) -> None:
        """Undo and redo follow the document's stack; the Edit menu names what they will do."""
        stack = document.stack

        def refresh() -> None:
            # A stack being destroyed with its old document still signals: ignore all but the window's own.
            if shiboken6.isValid(stack) and stack is self._stack():
                self.undo.setEnabled(stack.canUndo())
                self.undo.setText(f"&Undo {stack.undoText()}".rstrip())
                self.redo.setEnabled(stack.canRedo())
                self.redo.setText(f"&Redo {stack.redoText()}".rstrip())

        stack.indexChanged.connect(refresh)
        refresh()

    # File

    def _file_menu(self) -> None:
        w, menu = self.window, self.file_menu
        self.action(menu, "&New…", lambda: w.kinds.ask_new(), QKeySequence.StandardKey.New)
        self.action(menu, "New &Window…", lambda: w.kinds.ask_new(in_new_window=True), "Ctrl+Shift+N")
        kind = "Move this canvas's notes to another kind of canvas, such as the Lean Canvas; nothing is lost"
        self.action(menu, "Change Canvas &Kind…", lambda: w.kinds.ask_change(), tip=kind, name="changeKind")
        self.action(menu, "&Open…", w.ask_open, QKeySequence.StandardKey.Open)
        menu.addMenu(self.recent_menu)
        # Read when opened, so that every window lists the files opened or saved in any of them.
        self.recent_menu.aboutToShow.connect(self.update_recent_menu)
        self.examples_menu = menu.addMenu("Open &Example")
        # Filled when first opened: each example is named by its canvas's title, read then, not at start-up.
        self.examples_menu.aboutToShow.connect(self._fill_examples_menu)
        self.action(menu, "&Import JSON Canvas…", w.ask_import, name="importJsonCanvas")
        self.action(menu, "&Join Session…", lambda: w.sessions.join(), name="joinSession")
        menu.addSeparator()
        self.action(menu, "&Save", w.save, QKeySequence.StandardKey.Save)
        self.action(menu, "Save &As…", w.save_as, QKeySequence.StandardKey.SaveAs)
        compare = menu.addMenu("Compare &With")
        compare.setObjectName("compareMenu")
        for text, source, name in (
            ("Another Canvas &File…", "file", "compareFile"),
            ("The File as Last &Saved", "saved", "compareSaved"),
            ("A Saved &Version…", "version", "compareVersion"),
            ("A &Git Revision…", "git", "compareGit"),
            ("A &Recovery Copy…", "recovery", "compareRecovery"),
        ):
            self.action(compare, text, partial(lambda source: w.history.compare_with(source), source), name=name)
        kept = "Keep the canvas as it is now as a named version beside its file; the file itself is not written"
        self.action(menu, "Save &Version…", lambda: w.history.save_version(), tip=kept, name="saveVersion")
        self.action(menu, "Versions", lambda: w.history.show_panel(), name="showVersions")
        own = "Keep this canvas's blocks, key questions and fill order as a template of your own, for File > New"
        self.action(menu, "Save as &Template…", lambda: w.kinds.save_as_template(), tip=own, name="saveTemplate")
        menu.addSeparator()
        export = menu.addMenu("E&xport")
        export.setObjectName("exportMenu")
        for fmt in FORMATS.values():
            self.action(export, fmt.menu, partial(self._export, fmt.id), fmt.shortcut)
        self.action(menu, "&Print…", lambda: w.exporter.print_canvas(), QKeySequence.StandardKey.Print)
        menu.addSeparator()
        self.action(menu, "&Close", self.parent.close, QKeySequence.StandardKey.Close)
        self.action(menu, "&Quit", QApplication.closeAllWindows, QKeySequence.StandardKey.Quit, "Ctrl+Q")

    def _fill_examples_menu(self) -> None:
        if self.examples_menu.isEmpty():  # by name: "TikTok", then "TikTok (Lean Canvas)"
            named = sorted((example_name(example), example) for example in paths.example_files())
            for name, example in named:
                self.action(self.examples_menu, name, partial(self.window.open_other, example))

    def update_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in settings.recent_files():
            self.action(self.recent_menu, str(path), partial(self.window.open_other, path))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent files").setEnabled(False)

    # Edit

    def _edit_menu(self) -> None:
        # The board and the undo stack change with the document: look them up when an action fires.
        board = self._board
        menu = self.edit_menu
        self.undo = self.action(menu, "&Undo", lambda: self._document().undo(), QKeySequence.StandardKey.Undo)
        self.redo = self.action(menu, "&Redo", lambda: self._document().redo(), "Ctrl+Shift+Z", "Ctrl+Y")
        menu.addSeparator()
        self.action(menu, "Cu&t", self.cut, QKeySequence.StandardKey.Cut)
        self.action(menu, "&Copy", self.copy, QKeySequence.StandardKey.Copy)
        self.action(menu, "&Paste", self.paste, QKeySequence.StandardKey.Paste)
        self.action(menu, "Copy Canvas as &Image", lambda: self.window.exporter.copy_image(), "Ctrl+Shift+C")
        self.action(menu, "&Duplicate", lambda: board().duplicate_selected(), "Ctrl+D")
        # Del alone: the standard Delete binds Ctrl+D too on Linux, which is Duplicate's (an ambiguous key does
        # nothing).
        self.action(menu, "De&lete", lambda: board().delete_selected(), "Del")
        self.action(menu, "Select &All", lambda: board().select_all(), QKeySequence.StandardKey.SelectAll)
        find = "Bring out the notes that hold some words; Enter goes from one to the next (Ctrl+F)"
        self.action(
            menu, "&Find…", lambda: self.window.open_find(), QKeySequence.StandardKey.Find, tip=find, name="find"
        )
        menu.addSeparator()
        add = "Add a note to the block under the mouse, or else to the selected note's block (N)"
        self.action(menu, "Add &Note", self.add_note, "N", "Insert", tip=add, bar=self.toolbar)
        self.action(menu, "&Edit Note", self._edit_selected, "F2")
        colours = menu.addMenu("C&olour")
        colours.setObjectName("colourMenu")
        # Filled as it opens: the legend's meanings and a tick on the selected notes' colour are those of the moment.
        colours.aboutToShow.connect(partial(self._fill_colours, colours))
        self.toolbar.addSeparator()
        for name, hex_value in PALETTE.items():
            tip = f"Colour the selected notes {name}"
            self.action(None, name.title(), partial(self._recolor, name), tip=tip, bar=self.toolbar).setIcon(
                style.swatch(hex_value)
            )
        self.action(menu, "Ta&gs…", self._edit_tags, "Ctrl+Shift+G", name="editTags")
        self.toolbar.addSeparator()
        menu.addSeparator()
        tidy = "Lay out the notes of the selected block in a neat grid (Ctrl+T)"
        self.action(menu, "&Tidy Block", self._tidy_block, "Ctrl+T", tip=tidy, bar=self.toolbar)
        self.action(menu, "Tidy All &Blocks", lambda: board().tidy(list(board().blocks)), "Ctrl+Shift+T")

    def _fill_colours(self, menu: QMenu) -> None:
        from editor.gui.note_menus import fill_colour_menu

        board = self._board()
        fill_colour_menu(menu, board.selected_colour(), board.canvas.legend, self._recolor, self.parent)

    def _edit_tags(self) -> None:
        selected = self._board().selected_ids()
        if len(selected) == 1:
            self._board().edit_tags(selected[0])
        else:
            self.window.say("Select one note to edit its tags.", 5000)

    def _board(self) -> EditableBoard:
        return self.window.workspace.board

    def _stack(self) -> QUndoStack:
        return self.window.workspace.document.stack

    def _document(self) -> Document:
        return self.window.workspace.document

    def _recolor(self, color: str) -> None:
        self._board().recolor_selected(color)

    def _mouse_point(self) -> QPointF | None:
        return self.window.view.mouse_scene_point()

    def add_note(self) -> None:
        board = self._board()
        board.add_note(board.target_block(self._mouse_point()))  # where the person points, else by the selection

    def _edit_selected(self) -> None:
        selected = self._board().selected_ids()
        if len(selected) == 1:
            self._board().edit_note(selected[0])

    def _tidy_block(self) -> None:
        board = self._board()
        blocks = {board.canvas.block_of(n) for n in board.selected_ids()} or {board.target_block(self._mouse_point())}
        board.tidy(sorted(blocks, key=list(board.blocks).index))

    def copy(self) -> bool:
        return copy_notes(self._board())

    def cut(self) -> None:
        if self.copy():
            self._board().delete_selected()

    def paste(self) -> None:
        # Qt returns no data at all when the system has no clipboard; the stubs do not say so.
        data = cast(QMimeData | None, QApplication.clipboard().mimeData())
        if data is not None:
            add_notes_from(self._board(), data, self._mouse_point(), "the clipboard", self.window)

    # View

    def _view_menu(self) -> None:
        window, menu = self.window, self.view_menu  # the view is made after the menus, once the window has its size
        parking = "An area beside the canvas for notes that do not fit anywhere yet (Ctrl+L)"
        self.parking = self.action(menu, "&Parking Lot", lambda: None, "Ctrl+L", tip=parking, name="parkingLot")
        self.parking.setCheckable(True)
        self.parking.toggled.connect(self._want_parking)
        menu.addSeparator()
        self.action(menu, "Zoom &In", lambda: window.view.zoom_by(ZOOM_STEP), QKeySequence.StandardKey.ZoomIn, "Ctrl+=")
        self.action(menu, "Zoom &Out", lambda: window.view.zoom_by(1 / ZOOM_STEP), QKeySequence.StandardKey.ZoomOut)
        self.action(menu, "&Fit Canvas", lambda: window.view.fit(), "Ctrl+0")
        larger = "Notes and key questions in larger type, for the back of a room (Ctrl+Shift+L)"
        self.large_text = self.action(menu, "&Larger Text", lambda: None, "Ctrl+Shift+L", tip=larger, name="largeText")
        self.large_text.setCheckable(True)
        self.large_text.setChecked(settings.large_text())
        self.large_text.toggled.connect(lambda on: window.set_large_text(on))
        menu.addSeparator()
        for dock in self.docks:
            menu.addAction(dock.toggleViewAction())
        menu.addAction(self.toolbar.toggleViewAction())
        menu.addAction(self.workshop_toolbar.toggleViewAction())

    def _want_parking(self, wanted: bool) -> None:
        board = self._board()
        board.set_parking_wanted(wanted)
        if not wanted and board.parking_shown():
            self.show_parking(True)
            self.window.say(
                "The parking lot holds notes: it stays until they are moved onto the canvas or deleted.", 10_000
            )

    def show_parking(self, shown: bool) -> None:
        """Tick the menu item as the board shows the parking lot (it also comes with its first note)."""
        self.parking.blockSignals(True)
        self.parking.setChecked(shown)
        self.parking.blockSignals(False)

    # Help

    def _help_menu(self) -> None:
        menu = self.help_menu
        sheet = "Every keyboard shortcut, by menu (F1)"
        self.action(menu, "&Keyboard Shortcuts", self.help.shortcuts, "F1", "Ctrl+/", tip=sheet, name="shortcuts")
        self.action(menu, "The Canvas &File Format", self.help.file_format, name="fileFormat")
        menu.addSeparator()
        self.action(menu, "&About Canvas Editor", self.help.about, name="about")

    def _export(self, format_id: str) -> None:
        self.window.exporter.export(format_id)
