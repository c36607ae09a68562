"""File modes: what Palermo keeps on disk is for its own user alone.

The database, keys, case documents, uploads, backups and the search index hold victims'
data or the means to read it. The process umask (set in settings) makes every new file 0600
and every new folder 0700 whatever the caller's umask was; the helpers here set the mode
explicitly where Palermo creates such things itself, so that a caller who changed the
umask (a test, an embedding server) does not widen them.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
UMASK = 0o077


def private_dir(path: Path) -> Path:
    """``path`` as a folder; each folder made here (parents too) is 0700. Folders that
    already exist keep their mode: an operator may have chosen it."""
    missing = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            continue  # another process made it meanwhile
        os.chmod(folder, FOLDER_MODE)  # mkdir's mode passes through the umask
    if not path.is_dir():
        raise FileExistsError(f"{path} exists and is not a folder")
    return path


def new_private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600; FileExistsError if it exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)


def restrict(path: Path) -> None:
    """Take group and other access away from an existing file (one made before Palermo
    cared, or copied in with a wide mode). A file this user cannot change is left alone."""
    try:
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            os.chmod(path, mode & 0o700)
    except (FileNotFoundError, PermissionError):
        pass
