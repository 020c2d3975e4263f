"""The window's canvas kinds: File > New's gallery, Change Canvas Kind, Save as Template, a file whose template this
computer lacks opened on a plain grid, and a JSON Canvas file imported on the template its groups name."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from editor import paths
from editor.errors import CanvasFileError, UnknownTemplateError
from editor.fileformat.reader import file_bytes, read_on_plain_grid
from editor.fileformat.templates import shipped_templates, template_library
from editor.gui.commands import ReplaceCanvas
from editor.gui.new_gallery import CHANGE, NEW, ask_template
from editor.model.kinds import changed_kind, in_short, relabelled, summary

if TYPE_CHECKING:
    from editor.gui.workspace import Messages, Workspace
    from editor.model import Canvas, Template

MakeCanvas = Callable[["Template"], object]  # a new canvas on a template (here, or in a new window)


class CanvasKinds:
    """What a window does with kinds of canvas; it sees the workspace, asks through `parent`'s dialogs, tells
    through `messages`, makes canvases with `here` or `in_new_window` and asks `shared` whether the canvas is in a
    session."""

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget,
        messages: Messages,
        here: MakeCanvas,
        in_new_window: MakeCanvas,
        shared: Callable[[], bool],
    ) -> None:
        self.workspace, self.parent, self.messages = workspace, parent, messages
        self.here, self.in_new_window, self.shared = here, in_new_window, shared

    def ask_new(self, in_new_window: bool = False) -> None:
        """The gallery of every template (the person's own too), then a new canvas on the one chosen."""
        template = ask_template(self.parent, template_library(), self.workspace.canvas.template.id, NEW)
        if template is not None:
            (self.in_new_window if in_new_window else self.here)(template)

    def ask_change(self) -> None:
        """The gallery of the other templates, each saying where the notes would go; then the canvas on the one
        chosen, in one undo step, and what went where on the status line."""
        if self.shared():
            self.messages.say("The kind of a shared canvas cannot change while the session runs: end it first.")
            return
        if not self.workspace.document.may_change():  # read-only (a comparison): said, and no gallery
            return
        self.workspace.board.finish_editing()
        canvas = self.workspace.canvas
        others = [template for template in template_library() if template != canvas.template]
        template = ask_template(self.parent, others, "", CHANGE, lambda template: _told(canvas, template))
        if template is None:
            return
        changed, went = changed_kind(canvas, template)
        before, header = canvas.template.name, relabelled(canvas, template)
        self.workspace.document.push(ReplaceCanvas(canvas, changed, f"Change to {template.name}"))
        said = " ".join(filter(None, (f"Now a {template.name}.", in_short(went), header)))
        self.messages.say(f"{said} Undo brings the {before} back.", 30_000)

    def save_as_template(self) -> Path | None:
        """The open canvas's layout as a template of the person's own, under a name they give: File > New lists
        it from then on. Returns the template file, or None when nothing was saved."""
        from editor.fileformat.template_writer import save_template

        template = self.workspace.canvas.template
        name, given = QInputDialog.getText(
            self.parent,
            "Save as Template",
            f"A name for the template (its blocks, key questions and fill order, as the {template.name} has them).\n"
            f"It is saved in {paths.user_templates_dir()}.",
            text=f"{template.name} (our own)",
        )
        name = " ".join(name.split())
        if not given or not name:
            return None
        own = template._replace(id=self._free_id(name), name=name, description=f"Our own, from the {template.name}.")
        path = paths.user_templates_dir() / f"{own.id}.yaml"
        if path.exists() and not self._may_replace(path, name):
            return None
        try:
            save_template(own, path)
        except CanvasFileError as error:
            self.messages.show_error(f"The template {name} could not be saved.", error)
            return None
        self.messages.say(f"Saved the template {name}: File > New lists it.")
        return path

    def on_plain_grid(self, path: Path, error: UnknownTemplateError) -> tuple[Canvas, str] | None:
        """A canvas whose template this computer lacks, on a plain grid of its blocks, if the person wants it so,
        and what to say of it."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Canvas Editor",
            f"{path.name} is a canvas of the kind '{error.template_id}', which this computer does not have, and the "
            "file does not carry it.",
            QMessageBox.StandardButton.Cancel,
            self.parent,
        )
        box.setInformativeText(
            "Its notes can open on a plain grid of its blocks, each block titled by its name in the file. Nothing in "
            "the file changes. Or ask whoever sent it for the template, or for a copy saved with a newer Canvas Editor."
        )
        grid = box.addButton("Open on a &Plain Grid", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(grid)
        box.exec()
        if box.clickedButton() is not grid:
            return None
        try:
            canvas = read_on_plain_grid(file_bytes(path), str(path))
        except CanvasFileError:
            return None  # the error already found is shown
        return canvas, f"{path.name} is open on a plain grid of its blocks; Save As keeps it so, as a new file."

    def ask_import(self, folder: Path) -> tuple[Canvas, str] | None:
        """A JSON Canvas file the person picks, read as a canvas, and what to say of it; None when they cancel or it
        cannot be read (then they are told why)."""
        from editor.fileformat.json_canvas import read_json_canvas
        from editor.gui.file_dialogs import IMPORT_FILTER, ask_open_path

        path = ask_open_path(self.parent, folder, "Import JSON Canvas", IMPORT_FILTER)
        if path is None:
            return None
        try:
            canvas = read_json_canvas(file_bytes(path), str(path))
        except CanvasFileError as error:
            self.messages.show_error(f"Canvas Editor could not import {path.name}.", error)
            return None
        blocks = len({block_id for block_id, _ in canvas.all_notes()})
        return canvas, f"Imported {canvas.note_count()} notes in {blocks} blocks of a {canvas.template.name}."

    def _free_id(self, name: str) -> str:
        """An id for a template of this name that no shipped template has (one of the person's may be replaced)."""
        base = re.sub(r"[^a-z0-9]+", "-", name.lower())[:56].strip("-") or "template"  # an id: 64 at most
        candidate, number = base, 1
        while candidate in shipped_templates():
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def _may_replace(self, path: Path, name: str) -> bool:
        answer = QMessageBox.question(
            self.parent,
            "Save as Template",
            f"You have a template saved as {path.name} already. Replace it with {name}?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes


def _told(canvas: Canvas, template: Template) -> str:
    """What the gallery says a change to `template` would do: where the notes go, and the header's new names."""
    return " ".join(filter(None, (summary(changed_kind(canvas, template)[1]), relabelled(canvas, template))))
