"""A small real disk for tests that need one to fill up (the fixture that mounts it is in conftest.py)."""

from __future__ import annotations

import shutil
from pathlib import Path


class SmallDisk:
    """A real 64 KiB disk (tmpfs) mounted at `folder`, that a test can fill up."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def fill_up(self, leave: int) -> None:
        """Fill the disk until only about `leave` bytes are free."""
        with (self.folder / "filler").open("wb") as stream:
            stream.write(b"\0" * max(0, shutil.disk_usage(self.folder).free - leave))

    def make_room(self) -> None:
        (self.folder / "filler").unlink()
