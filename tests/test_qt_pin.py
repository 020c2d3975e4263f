"""The pinned PySide6 survives many void Qt calls (6.12.0 on Python 3.11 dies with none_dealloc)."""

from __future__ import annotations

import subprocess
import sys


def test_a_hundred_thousand_void_qt_calls_leave_none_alone() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtCore import QPointF\n"
        "from PySide6.QtWidgets import QApplication, QGraphicsRectItem\n"
        "p = QPointF(); item = QGraphicsRectItem()\n"
        "before = sys.getrefcount(None)\n"
        "for i in range(50_000):\n"
        "    p.setX(1.0)\n"
        "    item.setPos(float(i), 0.0)\n"
        "print(sys.getrefcount(None) - before)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr  # the bug kills the process: Fatal Python error
    assert abs(int(result.stdout)) < 100
