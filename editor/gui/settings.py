"""What the app remembers between runs (window geometry, recent files, last folder), kept in QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10


def app_settings() -> QSettings:
    # Organisation and application names come from the QApplication (see app.make_application).
    return QSettings()


def recent_files() -> list[Path]:
    value = app_settings().value("recentFiles", [])
    names = [value] if isinstance(value, str) else list(value) if isinstance(value, list | tuple) else []
    return [Path(name) for name in names if isinstance(name, str) and name]


def add_recent_file(path: Path) -> None:
    names = [str(path)] + [str(p) for p in recent_files() if p != path]
    app_settings().setValue("recentFiles", names[:MAX_RECENT])


def last_canvas() -> Path | None:
    """The canvas file the person last had open (opened or saved), which the next start opens."""
    value = app_settings().value("lastCanvas", "")
    return Path(value) if isinstance(value, str) and value else None


def set_last_canvas(path: Path | None) -> None:
    app_settings().setValue("lastCanvas", "" if path is None else str(path))


def large_text() -> bool:
    return str(app_settings().value("largeText", "false")).lower() == "true"


def set_large_text(on: bool) -> None:
    app_settings().setValue("largeText", on)


def last_folder() -> Path:
    value = app_settings().value("lastFolder", "")
    return Path(value) if isinstance(value, str) and value and Path(value).is_dir() else Path.home()


def set_last_folder(folder: Path) -> None:
    app_settings().setValue("lastFolder", str(folder))


def window_geometry() -> QByteArray | None:
    value = app_settings().value("windowGeometry")
    return value if isinstance(value, QByteArray) else None


def set_window_geometry(geometry: QByteArray) -> None:
    app_settings().setValue("windowGeometry", geometry)


def export_folder(canvas_folder: Path | None = None) -> Path:
    """Where an export's dialog opens: where the last export went, else beside the canvas, else the last folder."""
    value = app_settings().value("export/folder", "")
    if isinstance(value, str) and value and Path(value).is_dir():
        return Path(value)
    return canvas_folder if canvas_folder is not None and canvas_folder.is_dir() else last_folder()


def set_export_folder(folder: Path) -> None:
    app_settings().setValue("export/folder", str(folder))


def export_options() -> dict[str, object]:
    """The options of the last export (page, dpi, width, transparent); missing or odd values are left out."""
    store = app_settings()
    values: dict[str, object] = {}
    page = store.value("export/page")
    if isinstance(page, str):
        values["page"] = page
    for key in ("dpi", "width"):
        number = store.value(f"export/{key}")
        if isinstance(number, int | str) and str(number).isdigit() and int(number) > 0:
            values[key] = int(number)
    transparent = store.value("export/transparent")
    if transparent is not None:
        values["transparent"] = str(transparent).lower() == "true"
    return values


def set_export_options(page: str, dpi: int, width: int | None, transparent: bool) -> None:
    store = app_settings()
    store.setValue("export/page", page)
    store.setValue("export/dpi", dpi)
    store.setValue("export/width", width or 0)
    store.setValue("export/transparent", transparent)


def participant() -> tuple[str, str]:
    """The name and colour this person takes part in shared canvases with: as last given, else their account's
    name and a colour of the palette chosen once (so that everyone in a room keeps theirs)."""
    import getpass
    import random

    from editor.shared.presence import COLORS

    settings = app_settings()
    name, color = settings.value("participantName", ""), settings.value("participantColor", "")
    if not isinstance(name, str) or not name.strip():
        name = getpass.getuser().replace(".", " ").title()
    if not isinstance(color, str) or not color.startswith("#"):
        color = random.choice(COLORS)
        settings.setValue("participantColor", color)
    return name, color


def set_participant_name(name: str) -> None:
    app_settings().setValue("participantName", name.strip())
