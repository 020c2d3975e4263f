"""What a second attack on the files found: a write while a file is read, files that are not files, and recovery
copies that others could read."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pytest
from canvases import BMC
from hangs import never_hangs

from editor.fileformat import CanvasFileError, load_canvas, open_canvas, save_canvas
from editor.fileformat import disk as disk_module
from editor.model import Canvas, Note


def test_a_write_while_the_file_is_read_is_seen_as_a_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.yaml"
    save_canvas(Canvas(BMC, title="Ours"), path)
    theirs = Canvas(BMC, title="Theirs, written a moment later", blocks={"channels": [Note("Radio")]})
    read = disk_module._read_at_most

    def read_then_someone_writes(stream: BinaryIO, size: int) -> bytes:
        data = read(stream, size)
        time.sleep(0.01)  # a new modification time, even on a coarse clock
        save_canvas(theirs, path)  # another program, between our read and any stat after it
        return data

    monkeypatch.setattr(disk_module, "_read_at_most", read_then_someone_writes)
    canvas, state, _ = open_canvas(path)
    assert canvas.title == "Ours"
    assert state.changed_content(path) is not None  # never "unchanged": Save will ask before replacing theirs
    assert state.differs(path) is not None


@pytest.mark.parametrize("make", ["device", "pipe"])
def test_only_regular_files_are_read_and_anything_else_is_refused_at_once(tmp_path: Path, make: str) -> None:
    if make == "device":
        path = Path("/dev/zero")
    else:
        path = tmp_path / "pipe.yaml"
        os.mkfifo(path)
    with never_hangs("refusing a device or a pipe"):
        with pytest.raises(CanvasFileError, match="not a file; canvases are read from files"):
            load_canvas(path)
        with pytest.raises(CanvasFileError, match="not a file"):
            open_canvas(path)
    result = subprocess.run(
        [sys.executable, "-m", "editor", "validate", str(path)], capture_output=True, text=True, timeout=20
    )
    assert result.returncode == 1 and result.stderr == ""
    assert result.stdout.strip().splitlines() == [
        f"{path}: this is a device, a pipe or a socket, not a file; canvases are read from files."
    ]


def test_recovery_copies_and_their_folders_are_private_whatever_the_umask(tmp_path: Path) -> None:
    from editor.gui.recovery import CopyInfo, Session

    old = os.umask(0o022)
    try:
        session = Session(tmp_path / "recovery")
        copy_id = session.new_copy_id()
        session.write(
            copy_id,
            Canvas(BMC, title="Unsaved plans", blocks={"channels": [Note("SECRET")]}).content(),
            CopyInfo(None, time.time(), None),
        )
        session.flush()
    finally:
        os.umask(old)
    copy = session.copy_path(copy_id)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    for folder in (tmp_path / "recovery", tmp_path / "recovery" / "sessions", copy.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    session.close()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
def test_utf16_and_utf32_files_are_named_for_what_they_are(encoding: str) -> None:
    from editor.fileformat import parse_canvas

    width = "UTF-32" if "32" in encoding else "UTF-16"
    with pytest.raises(CanvasFileError, match=f"this is {width} text; canvas files are UTF-8"):
        parse_canvas("format: 1\ntitle: Plan\n".encode(encoding))


def test_a_bad_byte_in_a_file_with_cr_line_ends_is_located_on_its_line() -> None:
    from editor.fileformat import parse_canvas

    with pytest.raises(CanvasFileError) as error:
        parse_canvas(b"format: 1\rtitle: x\r\rbad: \x00")
    assert error.value.first[:2] == (4, 6)


@pytest.mark.parametrize("where", ["format: {}\n", "format: 1\nblocks:\n  channels:\n    - text: a\n      votes: {}\n"])
def test_numbers_of_thousands_of_digits_get_a_located_sentence(where: str) -> None:
    from editor.fileformat import parse_canvas

    with pytest.raises(CanvasFileError) as error:
        parse_canvas(where.format("9" * 5000).encode())
    problem = error.value.first
    assert problem.line > 0 and "a number of 5,000 digits" in problem.message and "int_max" not in str(error.value)


def test_a_file_cannot_send_escape_codes_to_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text('format: 1\n"\\e[2J\\e]0;owned\\a": x\nblocks:\n  "\\r\\e[32mok": []\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "editor", "validate", str(path)], capture_output=True, text=True, timeout=20
    )
    assert result.returncode == 1
    assert "\x1b" not in result.stdout and "\r" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b[2J" in result.stdout and "\\x0d\\x1b[32mok" in result.stdout


def test_a_file_with_a_name_of_250_bytes_is_saved_in_place(tmp_path: Path) -> None:
    path = tmp_path / ("p" * 245 + ".yaml")
    save_canvas(Canvas(BMC, title="First"), path)
    canvas, _, layout = open_canvas(path)
    canvas.set_title("Second")
    save_canvas(canvas, path, layout)
    assert load_canvas(path).title == "Second"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_save_under_way_keeps_its_temporary_file_and_a_dead_ones_goes(tmp_path: Path) -> None:
    import fcntl

    from editor.fileformat.atomic import _temp_prefix

    path = tmp_path / "plan.yaml"
    save_canvas(Canvas(BMC, title="Old"), path)
    running = tmp_path / f"{_temp_prefix(path.name)}running.saving"
    dead = tmp_path / f"{_temp_prefix(path.name)}killed.saving"
    running.write_bytes(b"another save, still writing")
    dead.write_bytes(b"half a canv")
    with open(running, "rb") as other:
        fcntl.flock(other.fileno(), fcntl.LOCK_EX)  # what the other save holds until its rename
        save_canvas(Canvas(BMC, title="New"), path)
        assert running.exists() and not dead.exists()
    assert load_canvas(path).title == "New"


def test_a_lone_surrogate_from_any_path_never_stops_a_save(tmp_path: Path) -> None:
    from editor.fileformat import parse_canvas
    from editor.fileformat.clipboard import notes_from_text

    # A file cannot bring one in: the reader refuses the escape, with its place.
    with pytest.raises(CanvasFileError) as error:
        parse_canvas(b'format: 1\ntitle: "T\\ud800"\n')
    assert error.value.first[:2] == (2, 12)
    canvas = Canvas(BMC, title="T\ud800", blocks={"channels": [Note("bad \udfff text")]})
    assert canvas.title == "T\ufffd" and canvas.notes("channels")[0].text == "bad \ufffd text"
    pasted = notes_from_text("from a clipboard \ud83d\n")  # half of an emoji, as a broken program may give it
    canvas.add_note("channels", pasted[0])
    canvas.update_note(pasted[0].id, tags=("q\udc00",))
    canvas.set_legend({"blue": "x\ud800"})
    path = tmp_path / "plan.yaml"
    save_canvas(canvas, path)  # it raised UnicodeEncodeError
    assert load_canvas(path) == canvas


@pytest.mark.parametrize("planted", ["link", "open folder"])
def test_the_fallback_recovery_folder_is_never_one_someone_else_planted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, planted: str
) -> None:
    import getpass
    import tempfile

    from editor.gui import recovery
    from editor.gui.recovery import CopyInfo

    shared = tmp_path / "tmp"
    shared.mkdir()
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(shared))
    predictable = shared / f"canvas-editor-recovery-{getpass.getuser()}"
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o777)
    if planted == "link":
        predictable.symlink_to(theirs)  # another user's link, to a folder they can read
    else:
        predictable.mkdir(mode=0o755)
        os.chmod(predictable, 0o755)
    blocked = tmp_path / "data"
    blocked.write_text("a file where the recovery folder should be")
    session = recovery.open_session(blocked / "recovery")
    session.write(
        session.new_copy_id(), Canvas(BMC, blocks={"channels": [Note("SECRET")]}).content(), CopyInfo(None, 1.0, None)
    )
    session.flush()
    assert list(theirs.iterdir()) == []  # nothing went through the planted link
    assert session.root != predictable and session.root.parent == shared
    assert stat.S_IMODE(os.lstat(session.root).st_mode) == 0o700
    session.close()


# What a save keeps of the file it replaces: its owner, group, links, extended attributes and access control list.

NOBODY = 65534
as_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to be another user")


@pytest.fixture
def shared(tmp_path: Path) -> Iterator[Path]:
    """A folder anyone may write in (as /tmp is), outside pytest's own, which only its owner may enter."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="shared-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder)


@contextmanager
def being_nobody() -> Iterator[None]:
    """Act as the user `nobody` (group `nogroup`) for a moment: root may take another user's rights and back."""
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@as_root
def test_another_users_file_is_never_replaced_though_the_folder_allows_it(shared: Path) -> None:
    path = shared / "theirs.yaml"
    save_canvas(Canvas(BMC, title="Root's"), path)
    path.chmod(0o644)
    before = path.read_bytes()
    with being_nobody(), pytest.raises(CanvasFileError, match="you do not have permission to change this file"):
        save_canvas(Canvas(BMC, title="Nobody's"), path)
    assert path.read_bytes() == before and path.stat().st_uid == 0
    assert [p.name for p in shared.iterdir()] == ["theirs.yaml"]


@as_root
def test_a_shared_file_keeps_its_owner_and_group_when_a_member_of_the_group_saves(shared: Path) -> None:
    path = shared / "team.yaml"
    save_canvas(Canvas(BMC, title="Root's"), path)
    os.chown(path, 0, NOBODY)
    path.chmod(0o664)
    with being_nobody():
        save_canvas(Canvas(BMC, title="Nobody's edit"), path)  # a rename would make the file nobody's: written in place
    info = path.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (0, NOBODY, 0o664)
    assert load_canvas(path).title == "Nobody's edit"
    assert [p.name for p in shared.iterdir()] == ["team.yaml"]


@as_root
def test_root_saving_another_users_file_leaves_it_theirs(shared: Path) -> None:
    path = shared / "theirs.yaml"
    save_canvas(Canvas(BMC, title="Before"), path)
    os.chown(path, NOBODY, NOBODY)
    save_canvas(Canvas(BMC, title="After"), path)
    assert (path.stat().st_uid, path.stat().st_gid) == (NOBODY, NOBODY)
    assert load_canvas(path).title == "After"


def test_a_hard_linked_file_keeps_its_links(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    save_canvas(Canvas(BMC, title="Before"), path)
    other = tmp_path / "the same file elsewhere.yaml"
    os.link(path, other)
    save_canvas(Canvas(BMC, title="After", blocks={"channels": [Note("Radio")]}), path)
    assert path.stat().st_ino == other.stat().st_ino and path.stat().st_nlink == 2
    assert load_canvas(other).title == "After"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml", "the same file elsewhere.yaml"]


def test_a_failed_write_in_place_puts_the_old_bytes_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from editor.fileformat import atomic

    path = tmp_path / "plan.yaml"
    save_canvas(Canvas(BMC, title="Before"), path)
    os.link(path, tmp_path / "link.yaml")
    before = path.read_bytes()
    overwrite = atomic._overwrite
    calls = []

    def disk_full_the_first_time(fd: int, data: bytes) -> None:
        calls.append(data)
        if len(calls) == 1:
            os.write(fd, data[:10])  # part of the new bytes are in when the disk fills
            raise OSError(errno.ENOSPC, "No space left on device")
        overwrite(fd, data)

    monkeypatch.setattr(atomic, "_overwrite", disk_full_the_first_time)
    with pytest.raises(CanvasFileError, match=r"the disk is full\. The file on disk was not changed"):
        save_canvas(Canvas(BMC, title="After"), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.yaml", "plan.yaml"]


def test_extended_attributes_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    save_canvas(Canvas(BMC, title="Before"), path)
    try:
        os.setxattr(path, "user.xdg.comment", b"from the workshop")
    except (OSError, AttributeError):
        pytest.skip("this file system keeps no extended attributes")
    save_canvas(Canvas(BMC, title="After"), path)
    assert os.getxattr(path, "user.xdg.comment") == b"from the workshop"
    assert load_canvas(path).title == "After"


def test_an_access_control_list_is_kept(tmp_path: Path) -> None:
    import shutil

    if not shutil.which("setfacl"):
        pytest.skip("needs setfacl (Debian's acl)")
    path = tmp_path / "plan.yaml"
    save_canvas(Canvas(BMC, title="Before"), path)
    if subprocess.run(["setfacl", "-m", f"u:{NOBODY}:rw", str(path)], capture_output=True).returncode:
        pytest.skip("this file system keeps no access control lists")
    acl = subprocess.run(["getfacl", "-cp", str(path)], capture_output=True, text=True, check=True).stdout
    assert f"user:{NOBODY}:rw-" in acl or "user:nobody:rw-" in acl
    save_canvas(Canvas(BMC, title="After"), path)
    assert subprocess.run(["getfacl", "-cp", str(path)], capture_output=True, text=True).stdout == acl


def test_a_write_in_place_that_cannot_be_undone_says_so_and_keeps_the_new_canvas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editor.fileformat import atomic

    path = tmp_path / "plan.yaml"
    save_canvas(Canvas(BMC, title="Before"), path)
    os.link(path, tmp_path / "link.yaml")

    def broken_disk(fd: int, data: bytes) -> None:
        os.write(fd, b"half")
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic, "_overwrite", broken_disk)
    with pytest.raises(CanvasFileError, match="the file may be damaged") as caught:
        save_canvas(Canvas(BMC, title="After", blocks={"channels": [Note("Radio")]}), path)
    assert "not changed" not in str(caught.value)
    (kept,) = [p for p in tmp_path.iterdir() if p.name.endswith(".saving")]
    assert str(kept) in str(caught.value)
    assert load_canvas(kept) == Canvas(BMC, title="After", blocks={"channels": [Note("Radio")]})


def test_saves_work_where_python_has_no_extended_attributes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.yaml"
    save_canvas(Canvas(BMC, title="Before"), path)
    for name in ("listxattr", "getxattr", "setxattr", "removexattr"):  # as on Windows and macOS
        monkeypatch.delattr(os, name, raising=False)
    save_canvas(Canvas(BMC, title="After"), path)
    assert load_canvas(path).title == "After"


def test_a_file_on_a_read_only_disk_is_named_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.yaml"
    save_canvas(Canvas(BMC, title="Before"), path)
    real_statvfs = os.statvfs

    class ReadOnly:
        def __init__(self, result: os.statvfs_result) -> None:
            self.f_flag = result.f_flag | os.ST_RDONLY

    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # as access(2) answers on a read-only mount
    monkeypatch.setattr(os, "statvfs", lambda target: ReadOnly(real_statvfs(target)))
    with pytest.raises(CanvasFileError, match=r"the disk is read-only\. The file on disk was not changed"):
        save_canvas(Canvas(BMC, title="After"), path)


def test_attributes_a_new_file_takes_from_its_folder_are_not_added(tmp_path: Path) -> None:
    import shutil

    if not shutil.which("setfacl"):
        pytest.skip("needs setfacl (Debian's acl)")
    path = tmp_path / "plan.yaml"
    save_canvas(Canvas(BMC, title="Before"), path)
    before = subprocess.run(["getfacl", "-cp", str(path)], capture_output=True, text=True, check=True).stdout
    if subprocess.run(["setfacl", "-d", "-m", f"u:{NOBODY}:rw", str(tmp_path)], capture_output=True).returncode:
        pytest.skip("this file system keeps no access control lists")
    save_canvas(Canvas(BMC, title="After"), path)  # the temporary file was made with the folder's default entries
    assert subprocess.run(["getfacl", "-cp", str(path)], capture_output=True, text=True).stdout == before


def test_a_recovery_copy_that_is_a_link_is_never_followed(tmp_path: Path) -> None:
    from editor.fileformat.disk import NotAFileError, read_regular

    real = tmp_path / "real.yaml"
    real.write_text("format: 1\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    assert read_regular(link)[0] == b"format: 1\n"
    with pytest.raises(NotAFileError):
        read_regular(link, follow_links=False)
    os.mkfifo(tmp_path / "pipe")
    with never_hangs("opening a pipe"), pytest.raises(NotAFileError):
        read_regular(tmp_path / "pipe")  # opening does not wait for a writer
