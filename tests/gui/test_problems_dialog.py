"""A file with mistakes: the window lists every problem, names the file once, copies them and opens the folder."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTreeWidget

from editor.gui.main_window import MainWindow
from editor.gui.problems_dialog import MIN_WIDTH, ProblemsDialog

OpenApp = Callable[[Path | None], MainWindow]
BAD = Path(__file__).resolve().parents[1] / "fileformat" / "bad"


def test_opening_a_file_with_seven_mistakes_lists_them_all_and_names_the_file_once(
    open_app: OpenApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.yaml"
    shutil.copy(BAD / "every-problem.yaml", path)
    window = open_app(path)
    box = window.findChild(ProblemsDialog, "errorBox")
    assert box is not None and box.isVisible()
    assert box.text() == "Canvas Editor could not open plan.yaml."
    source = box.findChild(QLabel, "problemsSource")
    assert source is not None and source.text().count(str(path)) == 1 and "7 problems" in source.text()
    rows = box.problem_rows()
    assert [place for place, _ in rows] == ["6:14", "7:7", "9:13", "11:7", "13:17", "14:3", "17:3"]
    assert all(str(path) not in sentence for _, sentence in rows)  # the file is named once, above the list
    assert "Did you mean 'color'?" in rows[3][1]
    table = box.findChild(QTreeWidget, "problemList")
    assert table is not None and table.isVisible() and box.width() >= MIN_WIDTH
    # Copy gives the located lines an editor or a terminal understands.
    copy = box.findChild(QPushButton, "copyProblems")
    assert copy is not None
    copy.click()
    assert QApplication.clipboard().text().splitlines()[0] == f"{path}:6:14: 'votes' must be at least 0, not -2."
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    folder = box.findChild(QPushButton, "openFolder")
    assert folder is not None
    folder.click()
    assert opened == [str(tmp_path)]
    assert window.document.path is None and not window.document.modified  # a new canvas, the file untouched
    assert path.read_bytes() == (BAD / "every-problem.yaml").read_bytes()
    box.close()


def test_a_file_with_very_many_mistakes_says_how_many_more(open_app: OpenApp, tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    notes = "".join(f"    - {{text: n{i}, color: bleu}}\n" for i in range(25))
    path.write_text(f"format: 1\nblocks:\n  channels:\n{notes}", encoding="utf-8")
    window = open_app(path)
    box = window.findChild(ProblemsDialog, "errorBox")
    assert box is not None
    assert len(box.problem_rows()) == 20
    more = box.findChild(QLabel, "moreProblems")
    assert more is not None and more.text() == "And 5 more problems."
    box.close()
