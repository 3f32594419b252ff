"""
Is a Whoosh generation still what was written? Checksums, damage marks and
the errors a damaged index raises. Plain Python over a directory path.

Whoosh never rewrites a file: a commit writes new segment files and a new
table of contents (TOC) and deletes the old ones. So every file of a
generation can be recorded once, when it is written, in ``integrity.json``
(size, modification time, inode, CRC-32), and any later difference is damage:

- ``record(generation)`` adds the files written since the last record (a
  rebuild before promoting, a writer after each commit), first checking that
  the files it already knew are unchanged (a damaged file is never blessed);
- ``check(generation)`` compares each recorded file's ``stat`` with the record
  (microseconds: done around every search) and computes the CRC only of a
  file whose ``stat`` changed, or of every file with ``thorough`` (at 2 GB/s,
  done once per process per generation, when it is opened).

A generation found damaged is marked with a ``DAMAGED`` file, so every process
stops reading it at once and the health report says so. A generation without
``integrity.json`` is one a rebuild never finished: a leftover, never
promoted (or a live index from before checksums: trusted, and replaced by the
next rebuild).
"""

import errno
import json
import os
import pickle
import struct
import threading
import zlib
from pathlib import Path

MANIFEST = "integrity.json"
DAMAGED = "DAMAGED"
CHUNK = 1 << 20

# What reading damaged Whoosh files raises: compressed blocks that do not inflate,
# packed numbers cut short, pickled segment directories that do not load, offsets
# past the end of a file, lengths that ask for absurd amounts of memory.
DAMAGE_ERRORS = (
    zlib.error,
    struct.error,
    pickle.UnpicklingError,
    EOFError,
    ValueError,
    IndexError,
    KeyError,
    TypeError,
    AttributeError,
    OverflowError,
    MemoryError,
    OSError,
)


class Damaged(Exception):
    """A generation's files differ from what was written (the message says which)."""


def is_disk_full(error):
    return isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT)


def _is_index_file(name):
    return not name.startswith(".") and name not in (MANIFEST, DAMAGED) and "WRITELOCK" not in name


def _identity(stat):
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino]


def crc32(path):
    value = 0
    with open(path, "rb") as file:
        while chunk := file.read(CHUNK):
            value = zlib.crc32(chunk, value)
    return value


# CRCs this process has computed, by (path, size, mtime, inode): a file whose stat
# changed is read once more, not at every search.
_verified = {}
_manifests = {}
_cache_lock = threading.Lock()


def read_manifest(generation):
    """{name: [size, mtime_ns, inode, crc32]}, or None when the generation has none."""
    path = os.path.join(generation, MANIFEST)
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    key = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
    cached = _manifests.get(path)
    if cached and cached[0] == key:
        return cached[1]
    try:
        with open(path) as file:
            files = json.load(file)["files"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise Damaged(f"its checksum list {MANIFEST} is unreadable") from error
    with _cache_lock:
        _manifests[path] = (key, files)
    return files


def _matches(path, recorded, *, thorough):
    """Whether the file at ``path`` still has the recorded CRC (read only when needed)."""
    size, mtime_ns, inode, crc = recorded
    stat = os.stat(path)
    identity = _identity(stat)
    if identity == [size, mtime_ns, inode] and not thorough:
        return True
    if stat.st_size != size:
        return False
    key = (path, *identity)
    if key in _verified and not thorough:
        return _verified[key] == crc
    actual = crc32(path)
    with _cache_lock:
        _verified[key] = actual
    return actual == crc


def damage(generation):
    """Why the generation is damaged (its DAMAGED mark), or None."""
    try:
        with open(os.path.join(generation, DAMAGED), errors="replace") as file:
            return file.read().strip() or "damaged"
    except FileNotFoundError:
        return None
    except OSError:
        return "damaged"


def check(generation, *, thorough=False):
    """
    Raise ``Damaged`` when a recorded file of the generation changed, or the
    generation was marked damaged, or it has no table of contents left.
    Recorded files that are gone were merged away by a later commit (Whoosh
    reading a file it still needs fails on its own). Called around every
    search: plain ``os`` calls, a few microseconds a file.
    """
    generation = os.fspath(generation)
    reason = damage(generation)
    if reason:
        raise Damaged(reason)
    files = read_manifest(generation)
    if files is None:
        return
    if not any(name.endswith(".toc") for name in os.listdir(generation)):
        raise Damaged("its table of contents is missing")
    for name, recorded in files.items():
        try:
            if not _matches(os.path.join(generation, name), recorded, thorough=thorough):
                raise Damaged(f"{name} changed after it was written")
        except FileNotFoundError:
            continue


def is_complete(generation):
    return (Path(generation) / MANIFEST).is_file()


def record(generation, *, sync=False):
    """
    Add the generation's new files to its manifest and drop the ones deleted.
    Raises ``Damaged`` (and records nothing) when a file already recorded has
    changed. With ``sync``, the files are flushed to disk first (a rebuild,
    about to promote the generation: it must survive a power cut whole).

    The caller holds the index's write lock: no commit is half-written meanwhile.
    """
    generation = Path(generation)
    files = dict(read_manifest(generation) or {})
    names = sorted(name for name in os.listdir(generation) if _is_index_file(name))
    for name in names:
        path = generation / name
        if not path.is_file():
            continue
        if sync:
            _fsync(path)
        if name in files:
            if not _matches(os.fspath(path), files[name], thorough=False):
                raise Damaged(f"{name} changed after it was written")
            continue
        files[name] = [*_identity(path.stat()), crc32(path)]
    files = {name: files[name] for name in names if name in files}
    _write_atomically(generation / MANIFEST, json.dumps({"files": files}, indent=0))
    if sync:
        _fsync(generation)


def mark_damaged(generation, reason):
    """Mark the generation damaged for every process (quietly nothing when the disk refuses)."""
    try:
        _write_atomically(Path(generation) / DAMAGED, reason + "\n")
    except OSError:
        pass


def _write_atomically(path, text):
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    try:
        with open(temporary, "w") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _fsync(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
