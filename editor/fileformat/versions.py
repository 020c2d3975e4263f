"""Saved versions of a canvas: named, dated snapshots kept as plain canvas files in a folder beside the canvas
("plan.yaml" keeps "plan.versions/2026-12-07 15.30 After session 1.yaml"). Beside it, so that they travel with it
when its folder is copied or sent; files of their own, so that the canvas's file, and its diff, stay as they were.
Saving a version never writes the canvas's file."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from editor.errors import CanvasFileError
from editor.fileformat.atomic import write_atomically
from editor.fileformat.writer import save_canvas
from editor.model import Canvas

FOLDER_SUFFIX = ".versions"
STAMP = "%Y-%m-%d %H.%M"  # (no ':' in a file name on Windows)
_STAMPED = re.compile(r"(\d{4}-\d{2}-\d{2} \d{2}\.\d{2}) (.*)")
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')  # what no file name may hold on some system
MAX_NAME = 80


class Version(NamedTuple):
    path: Path
    name: str
    when: datetime


def versions_folder(canvas_path: Path) -> Path:
    return canvas_path.with_name(canvas_path.stem + FOLDER_SUFFIX)


def list_versions(canvas_path: Path) -> list[Version]:
    """The versions saved beside a canvas file, newest first (none when there is no folder or it cannot be read)."""
    try:
        files = [path for path in versions_folder(canvas_path).iterdir() if path.suffix == ".yaml"]
    except OSError:
        return []
    versions = []
    for path in files:
        stamped = _STAMPED.fullmatch(path.stem)
        if stamped is None:
            continue
        try:
            when = datetime.strptime(stamped.group(1), STAMP)
        except ValueError:
            continue
        versions.append(Version(path, stamped.group(2), when))
    # (A "(2)" saved in the same minute, and the same tick of the clock, sorts before the one it follows.)
    return sorted(versions, key=lambda v: (v.when, _saved_at(v.path), len(v.name)), reverse=True)


def _saved_at(path: Path) -> int:
    """When a version's file was written: the order of two versions saved in the same minute."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def save_version(canvas: Canvas, canvas_path: Path, name: str, when: datetime | None = None) -> Version:
    """Keep the canvas as a version called `name`. Raises CanvasFileError (a full disk, a folder it cannot make)."""
    when = (when or datetime.now()).replace(second=0, microsecond=0)
    shown = " ".join(_UNSAFE.sub("-", name).split())[:MAX_NAME].strip(" .") or "Version"
    folder = versions_folder(canvas_path)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise CanvasFileError.whole(str(folder), f"cannot make the folder for versions: {error.strerror}.") from None
    stem = f"{when.strftime(STAMP)} {shown}"
    path, number = folder / f"{stem}.yaml", 1
    while path.exists():
        number += 1
        path = folder / f"{stem} ({number}).yaml"
    save_canvas(canvas, path)  # with a canvas file's checks: a version opens again as the canvas did
    return Version(path, path.stem[len(when.strftime(STAMP)) + 1 :], when)


def delete_version(version: Version) -> bytes:
    """Remove a version's file; its bytes, to put it back (an undo). Raises CanvasFileError."""
    try:
        data = version.path.read_bytes()
        version.path.unlink()
    except OSError as error:
        raise CanvasFileError.whole(str(version.path), f"cannot delete the version: {error.strerror}.") from None
    return data


def restore_version(version: Version, data: bytes) -> None:
    """Put back a version deleted. Raises CanvasFileError."""
    try:
        version.path.parent.mkdir(exist_ok=True)
    except OSError as error:
        raise CanvasFileError.whole(str(version.path), f"cannot put the version back: {error.strerror}.") from None
    write_atomically(version.path, data)
