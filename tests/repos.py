"""A git repository made for a test (with a committer, so that it can commit), and git run in it."""

from __future__ import annotations

import subprocess
from pathlib import Path


def git(repo: Path, *args: str) -> str:
    """Run git in the repository; its output. Raises CalledProcessError when git fails."""
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True)
    return done.stdout


def new_repo(folder: Path) -> Path:
    """An empty repository in a new folder."""
    folder.mkdir()
    git(folder, "init", "-q")
    git(folder, "config", "user.email", "ana@example.org")
    git(folder, "config", "user.name", "Ana")
    return folder
