"""Write files so that readers see the old content or the new, never half of one.

A CI job can be cancelled, a disk can fill, a renderer can raise halfway:
none of that may leave a truncated ledger, baseline or report behind, because
the next run would read it as truth. So every file crosscheck writes goes to a
temporary file in the *same directory* (``os.replace`` is atomic only within
one file system) and is renamed over the target once it is complete.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

# Mode for new files when no file is replaced: what open() would give under
# the usual umask. mkstemp creates 0600, which would surprise a team sharing
# a checkout, so the mode is set explicitly.
_DEFAULT_MODE = 0o666


def write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically (temporary file, fsync, os.replace).

    Newlines are written as given (no platform translation), so outputs are
    byte-identical across machines.
    """
    write_bytes(path, text.encode(encoding))


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; on any failure the target is untouched."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    mode = _mode_for(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # the rename must not land before the data
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException:
        # KeyboardInterrupt included: the temporary file must not linger.
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_directory(directory)


def _mode_for(target: Path) -> int:
    """Keep the permissions of a file being replaced; else the umask default."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return _DEFAULT_MODE & ~umask


def _fsync_directory(directory: Path) -> None:
    """Persist the rename itself; not every platform lets a directory be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
