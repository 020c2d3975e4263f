"""Saving atomically: a failed save leaves the old file byte-identical and says why in a sentence."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

import pytest
from canvases import BMC
from disks import SmallDisk

from editor.fileformat import CanvasFileError, atomic, load_canvas, save_canvas
from editor.model import Canvas, Note


def canvas(title: str) -> Canvas:
    return Canvas(BMC, title=title, blocks={"channels": [Note("Ads")]})


def test_save_writes_a_file_that_loads_back(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    save_canvas(canvas("Plan"), path)
    assert load_canvas(path) == canvas("Plan")
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


def test_new_file_gets_ordinary_permissions_and_existing_keeps_its_own(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    save_canvas(canvas("One"), path)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    path.chmod(0o640)
    save_canvas(canvas("Two"), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_symlink_stays_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "real.yaml"
    save_canvas(canvas("One"), target)
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    save_canvas(canvas("Two"), link)
    assert link.is_symlink()
    assert load_canvas(target).title == "Two"


@pytest.mark.parametrize(
    ("failing", "code", "reason"),
    [
        ("fsync", errno.ENOSPC, "the disk is full"),
        ("fsync", errno.EIO, "Input/output error"),  # a failed fsync is a failed save: the bytes may not be on disk
        ("fsync", errno.EDQUOT, "the disk quota is used up"),
        ("replace", errno.EACCES, "permission"),
        ("mkstemp", errno.EROFS, "read-only"),
        ("fdopen", errno.EIO, "Input/output error"),
    ],
)
def test_failed_save_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str, code: int, reason: str
) -> None:
    path = tmp_path / "plan.yaml"
    save_canvas(canvas("Old"), path)
    before = path.read_bytes()

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    module = atomic.tempfile if failing == "mkstemp" else atomic.os
    monkeypatch.setattr(module, failing, fail)
    with pytest.raises(CanvasFileError, match=reason) as caught:
        save_canvas(canvas("New"), path)
    assert "not changed" in str(caught.value)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


def test_a_new_file_that_cannot_be_given_its_mode_is_not_saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(atomic.os, "chmod", fail)
    with pytest.raises(CanvasFileError, match="permission"):
        save_canvas(canvas("New"), tmp_path / "plan.yaml")
    assert list(tmp_path.iterdir()) == []


def test_a_file_whose_mode_a_new_file_cannot_take_is_written_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.yaml"
    save_canvas(canvas("Old"), path)
    path.chmod(0o640)
    inode = path.stat().st_ino

    def fail(*args: object) -> None:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(atomic.os, "chmod", fail)
    save_canvas(canvas("New"), path)
    assert load_canvas(path).title == "New"
    assert path.stat().st_ino == inode and stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


@pytest.mark.parametrize(("code", "reason"), [(errno.EDQUOT, "quota"), (errno.EIO, "Input/output error")])
def test_a_write_that_fails_part_way_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str
) -> None:
    path = tmp_path / "plan.yaml"
    save_canvas(canvas("Old"), path)
    before = path.read_bytes()
    fdopen = os.fdopen

    class FailingStream:
        """A file whose writes take a few bytes and then fail, as on a disk that fills or breaks part way."""

        def __init__(self, stream: BinaryIO) -> None:
            self.stream = stream

        def __getattr__(self, name: str) -> object:
            return getattr(self.stream, name)

        def __enter__(self) -> FailingStream:
            return self

        def __exit__(self, *exc: object) -> None:
            self.stream.close()

        def write(self, data: bytes) -> int:
            self.stream.write(data[:7])
            self.stream.flush()
            raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: FailingStream(fdopen(fd, mode)))
    with pytest.raises(CanvasFileError, match=reason):
        save_canvas(canvas("New"), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_read_only_folder_gives_a_sentence(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(CanvasFileError, match="permission"):
            save_canvas(canvas("X"), folder / "plan.yaml")
    finally:
        folder.chmod(0o700)


def test_missing_folder_gives_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(CanvasFileError, match="folder does not exist"):
        save_canvas(canvas("X"), tmp_path / "gone" / "plan.yaml")


def test_temporary_files_of_an_interrupted_save_are_removed_by_the_next_save(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    save_canvas(canvas("Old"), path)
    for leftover in (".plan.yaml.abc123.saving", ".plan.yaml.zz9.saving"):
        (tmp_path / leftover).write_bytes(b"half a canv")
    (tmp_path / ".other.yaml.abc.saving").write_bytes(b"another file's save")  # not ours: kept
    save_canvas(canvas("New"), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.yaml.abc.saving", "plan.yaml"]


def test_a_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    save_canvas(canvas("Old"), path)
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(CanvasFileError, match="the file is read-only"):
        save_canvas(canvas("New"), path)
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


def test_a_full_disk_gives_a_sentence_and_keeps_the_old_file(small_disk: SmallDisk) -> None:
    path = small_disk.folder / "plan.yaml"
    save_canvas(canvas("Small"), path)
    before = path.read_bytes()
    small_disk.fill_up(leave=4096)
    big = Canvas(BMC, title="Big", blocks={"channels": [Note(f"note {n} " + "x" * 100) for n in range(300)]})
    with pytest.raises(CanvasFileError) as raised:
        save_canvas(big, path)
    assert "the disk is full" in str(raised.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in small_disk.folder.iterdir()) == ["filler", "plan.yaml"]  # no temporary file left
    small_disk.make_room()
    save_canvas(big, path)  # room again: the same save works
    assert load_canvas(path) == big
