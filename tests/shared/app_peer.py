"""A participant's app in a process of its own, for tests: `python app_peer.py LINK NAME` opens the app's window
on the shared canvas at LINK (offscreen), as `canvas-editor join` does; `python app_peer.py --host FILE NAME` opens
FILE in the app's window and shares it on this computer (Workshop > Share Canvas…), saying "link LINK". Then it
takes commands, one a line, on stdin:

    edit N SEED   N random edits with the mouse and keys (add a note, drag one to another block), saying
                  "added TEXT" for each note added, then "edited"
    save PATH     the window's canvas to PATH (the file format's save), then "saved"

and prints "joined" once the canvas has come, "lost" and "back" as its connection goes and comes back."""

from __future__ import annotations

import random
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gui"))  # the driving helpers of the GUI tests

from driving import activate, block_point, double_click, drag, keys, note_center, type_text
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from editor.fileformat import save_canvas
from editor.gui import settings
from editor.gui.app import make_application
from editor.gui.main_window import MainWindow


class Commands(QObject):
    line = Signal(str)


def say(text: str) -> None:
    print(text, flush=True)


def main(link: str, name: str, hosted: Path | None = None) -> int:
    """Join the session at `link` as `name`, or (`hosted`) share that canvas file."""
    app = make_application()
    settings.set_participant_name(name)
    first = MainWindow(session=None)
    first.show()
    windows: list[MainWindow] = []

    def joined() -> None:  # in this window (untouched, it takes the shared canvas) or in one of its own
        opened = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.sessions.sharing is not None and w.sessions.sharing.shared is not None
        ]
        if not opened:
            QTimer.singleShot(50, joined)
            return
        window = opened[0]
        windows.append(window)
        sharing = window.sessions.sharing
        assert sharing is not None
        sharing.linked.connect(lambda linked: say("back" if linked else "lost"))
        say("joined")

    if hosted is not None:
        host(first, hosted, windows)
    else:
        first.sessions.join(link)
        joined()

    def run(line: str) -> None:
        words = line.split()
        if not words:
            return
        window = windows[0]
        if words[0] == "edit":
            edit(window, int(words[1]), int(words[2]), name)
            say("edited")
        elif words[0] == "save":
            save_canvas(window.document.canvas, Path(words[1]))
            say("saved")

    commands = Commands()
    commands.line.connect(run, Qt.ConnectionType.QueuedConnection)

    def read() -> None:
        for line in sys.stdin:
            if line.strip():
                commands.line.emit(line.strip())
        commands.line.emit("")  # stdin closed: the test is done

    commands.line.connect(lambda line: app.quit() if not line else None)
    threading.Thread(target=read, daemon=True).start()
    return app.exec()


def host(window: MainWindow, path: Path, windows: list[MainWindow]) -> None:
    """Share the canvas at `path` from `window`, as a person does in the Share Canvas window."""
    from editor.gui.document import Document

    window.set_document(Document.open(path))
    dialog = window.sessions.share()
    dialog.this_computer.setChecked(True)
    dialog.start_button.click()

    def shown() -> None:
        if not dialog.link.text().startswith("http://"):
            QTimer.singleShot(50, shown)
            return
        windows.append(window)
        say(f"link {dialog.link.text()}")

    shown()


def edit(window: MainWindow, count: int, seed: int, name: str) -> None:
    """What a person does at the board: add notes ("Alice 3.0": this person's, the seed's, its first), and drag
    notes to other blocks."""
    chance = random.Random(seed)
    activate(window)
    blocks = list(window.document.canvas.template.block_ids)  # the blocks on the board (no parking lot)
    for index in range(count):  # (a double-click on a free spot adds a note there)
        notes = [note.id for _, note in window.document.canvas.all_notes() if note.id in window.board.notes]
        if notes and chance.random() < 0.3:
            drag(
                window, note_center(window, chance.choice(notes)), block_point(window, chance.choice(blocks), 0.5, 0.5)
            )
            continue
        spots = (block_point(window, chance.choice(blocks), chance.uniform(0.1, 0.9), 0.9) for _ in range(50))
        spot = next((spot for spot in spots if window.board.note_at(spot) is None), None)
        if spot is None:  # no free spot found: a double-click on a note would edit it
            continue
        double_click(window, spot)
        type_text(window, f"{name} {seed}.{index}")
        keys(window, Qt.Key.Key_Return)
        say(f"added {name} {seed}.{index}")


if __name__ == "__main__":
    if sys.argv[1] == "--host":
        sys.exit(main("", sys.argv[3], Path(sys.argv[2])))
    sys.exit(main(sys.argv[1], sys.argv[2]))
