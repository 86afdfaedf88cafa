"""The gradebook's inputs: files, folders and LMS zip downloads, turned into progress files to read.

:func:`expand` looks at each path it is given, without opening anything that
could block, and returns an :class:`Intake`: the :class:`Source` of every
progress file to read, the paths it refused with a sentence, and notes for the
instructor:

* a **regular file** is one source (whatever its name; the reading refuses what is not a progress file);
* a **folder** gives its ``*.json`` and ``*.zip`` files, sorted by name (not its
  sub-folders; a note says so, and a note says when it has no such file);
* a **zip archive** (``*.zip``: a Canvas or Moodle bulk download) gives one source
  per ``.json`` member, wherever it sits in the archive. Members are read in
  memory, never unpacked to disk. A member over :data:`exchange.MAX_BYTES
  <kzlessons.progress.exchange.MAX_BYTES>` or encrypted is refused; other members
  (the ``.html`` feedback files an LMS adds, macOS ``__MACOSX`` copies) are
  skipped and counted in a note; zip archives inside it are not opened (a note).
  An archive of more than :data:`MAX_MEMBERS` entries or :data:`MAX_TOTAL_BYTES`
  of ``.json`` files is refused whole;
* a **symbolic link loop**, a dangling link, a FIFO, a device or a socket is
  refused with a sentence (never opened, so nothing blocks);
* the **same file given twice** (the same path, through a link or a hard link, or
  once directly and once in its folder) is read once, with a note.

Sources are read lazily (:meth:`Source.read`), one at a time, so thousands of
files are never all in memory; :func:`read_all` reads and validates them in turn.

>>> import os, tempfile, zipfile
>>> folder = tempfile.mkdtemp()
>>> with zipfile.ZipFile(os.path.join(folder, "canvas.zip"), "w") as archive:
...     archive.writestr("Ana_1001/progress.json", '{"format": "kzlessons-progress", "version": 3, "attempts": []}')
...     archive.writestr("Ana_1001/feedback.html", "<p>Well done</p>")
>>> found = expand([folder, os.path.join(folder, "canvas.zip"), os.path.join(folder, "missing.json")])
>>> [source.label[len(folder) + 1:] for source in found.sources]
['canvas.zip:Ana_1001/progress.json']
>>> found.sources[0].load()["version"]
3
>>> [why for _, why in found.rejected]
["'missing.json' cannot be read (No such file or directory). Check the file name and that you may read it."]
>>> [note[len(folder) + 1:] for note in found.notes]  # doctest: +NORMALIZE_WHITESPACE
['canvas.zip: 1 file that is not .json (Ana_1001/feedback.html) was skipped.',
 'canvas.zip was given twice; it is read once.']
"""

from __future__ import annotations

import errno
import functools
import os
import posixpath
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any, NamedTuple

from . import exchange
from .exchange import ImportRefused, kind_of_file, parse_export

__all__ = ["Source", "Intake", "expand", "read_all", "MAX_MEMBERS", "MAX_TOTAL_BYTES"]

#: The most entries (files and folders) one zip archive may have.
MAX_MEMBERS = 20_000
#: The most bytes of ``.json`` files (uncompressed, as the archive states them) one zip archive may hold.
MAX_TOTAL_BYTES = 2 * 1024**3

_SUFFIXES = (".json", ".zip")
_ENCRYPTED, _UTF8_NAME = 0x1, 0x800


@dataclass(frozen=True)
class Source:
    """One progress file to read: a file on disk, or a ``.json`` member of a zip archive.

    Attributes:
        label: what to show the instructor: the path as given (a folder's files as
            ``folder/name.json``), or ``archive.zip:member/name.json``.
        key: the same for the same file however it was named (a file's device and
            inode; an archive's, plus the member's place in it), for "given twice".
        name: what sentences about the file call it: the file's name, or
            ``archive.zip:member/name.json``.
    """

    label: str
    key: str
    name: str
    _reader: Callable[[], bytes] = field(repr=False, compare=False)

    def read(self) -> bytes:
        """The file's bytes, read now (not kept); raises :class:`ImportRefused` with a sentence."""
        return self._reader()

    def load(self) -> dict[str, Any]:
        """The validated export (:func:`kzlessons.progress.exchange.parse_export`); raises :class:`ImportRefused`."""
        return parse_export(self.read(), self.name)


class Intake(NamedTuple):
    """What :func:`expand` found."""

    sources: list[Source]
    #: (label, sentence) for each path or member that cannot be read
    rejected: list[tuple[str, str]]
    #: things the instructor should know that are not failures (skipped files, duplicates)
    notes: list[str]


def expand(paths: Iterable[str | os.PathLike[str]]) -> Intake:
    """The sources, rejections and notes for the gradebook's input paths (see the module docs)."""
    walk = _Walk()
    for path in paths:
        walk.path(os.fspath(path), in_folder=False)
    return Intake(walk.sources, walk.rejected, walk.notes)


def read_all(paths: Iterable[str | os.PathLike[str]]) -> tuple[
        Iterator[tuple[str, dict[str, Any], bytes]], list[tuple[str, str]], list[str]]:
    """(documents, rejected, notes): :func:`expand`, then each source read and validated as it is needed.

    ``documents`` is an iterator of ``(label, export, raw bytes)``; a source that
    cannot be read or validated is added to ``rejected`` instead, as the iterator
    reaches it, so go through ``documents`` before using ``rejected``.
    """
    found = expand(paths)

    def documents() -> Iterator[tuple[str, dict[str, Any], bytes]]:
        for source in found.sources:
            try:
                raw = source.read()
                data = parse_export(raw, source.name)
            except ImportRefused as error:
                found.rejected.append((source.label, str(error)))
                continue
            yield source.label, data, raw

    return documents(), found.rejected, found.notes


def _quoted(label: str) -> str:
    return f"'{os.path.basename(label.rstrip(os.sep)) or label}'"


def _count(n: int, what: str, plural: str | None = None) -> str:
    return f"{n:,} {what}" if n == 1 else f"{n:,} {plural or what + 's'}"


class _Walk:
    """The state of one :func:`expand`: what was found so far, and which files were seen."""

    def __init__(self) -> None:
        self.sources: list[Source] = []
        self.rejected: list[tuple[str, str]] = []
        self.notes: list[str] = []
        self.seen: dict[str, str] = {}  # key -> the label it was first given as
        self.reader = _ArchiveReader()

    def once(self, key: str, label: str, what: str = "file") -> bool:
        """True the first time ``key`` is seen; else a note, and False."""
        first = self.seen.get(key)
        if first is None:
            self.seen[key] = label
            return True
        self.notes.append(f"{label} was given twice; it is read once." if first == label
                          else f"{label} is the same {what} as {first}; it is read once.")
        return False

    def path(self, label: str, in_folder: bool) -> None:
        info = _look(label)
        if isinstance(info, str):
            self.rejected.append((label, info))
        elif stat.S_ISDIR(info.st_mode) and not in_folder:
            if self.once(f"dir:{info.st_dev}:{info.st_ino}", label, "folder"):
                self.folder(label)
        elif stat.S_ISREG(info.st_mode) and label.casefold().endswith(".zip"):
            if self.once(f"zip:{info.st_dev}:{info.st_ino}", label, "archive"):
                self.archive(label, info)
        elif stat.S_ISREG(info.st_mode):
            key = f"file:{info.st_dev}:{info.st_ino}"
            if self.once(key, label):
                name = os.path.basename(label) or label
                self.sources.append(Source(label, key, name, functools.partial(exchange.read_bytes, label, name)))
        else:
            self.rejected.append((label, f"{_quoted(label)} is {kind_of_file(info.st_mode)}, not a progress file; "
                                         "give the path of an exported .json file."))

    def folder(self, label: str) -> None:
        try:
            with os.scandir(label) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as error:
            self.rejected.append((label, f"{_quoted(label)} is a folder that cannot be read "
                                         f"({error.strerror or error}). Check that you may read it."))
            return
        picked = [e for e in entries if e.name.casefold().endswith(_SUFFIXES)]
        folders = [e for e in entries if e not in picked and _is_dir(e)]
        if not picked:
            self.notes.append(f"{label} is a folder with no .json or .zip files; nothing was read from it.")
        if folders:
            self.notes.append(f"{label}: {_count(len(folders), 'sub-folder')} not searched ({folders[0].name}"
                              f"{', …' if len(folders) > 1 else ''}); only the .json and .zip files directly in a "
                              "folder are read. Give sub-folders separately if they hold progress files.")
        for entry in picked:
            self.path(os.path.join(label, entry.name), in_folder=True)

    def archive(self, label: str, info: os.stat_result) -> None:
        identity = (info.st_dev, info.st_ino)
        try:
            with _open_zip(label, identity) as archive:
                members = archive.infolist()
        except ImportRefused as error:
            self.rejected.append((label, str(error)))
            return
        name = os.path.basename(label) or label
        if len(members) > MAX_MEMBERS:
            self.rejected.append((label, f"'{name}' holds {len(members):,} files, more than the {MAX_MEMBERS:,} the "
                                         "gradebook reads from one archive; unzip it and give its folders separately."))
            return
        wanted, skipped, mac, nested = [], [], 0, []
        for member in members:
            member_name = _member_name(member)
            base = posixpath.basename(member_name.replace("\\", "/")).casefold()
            if member.is_dir():
                continue
            if member_name.startswith("__MACOSX/") or base.startswith("._"):
                mac += 1
            elif base.endswith(".zip"):
                nested.append(member_name)
            elif base.endswith(".json"):
                wanted.append((member, member_name))
            else:
                skipped.append(member_name)
        total = sum(m.file_size for m, _ in wanted)
        if total > MAX_TOTAL_BYTES:
            self.rejected.append((label, f"'{name}' holds {total / 1024**3:.1f} GB of .json files, more than the "
                                         f"{MAX_TOTAL_BYTES // 1024**3} GB the gradebook reads from one archive; "
                                         "unzip it and give its folders separately."))
            return
        self.archive_notes(label, len(wanted), skipped, mac, nested)
        reader = functools.partial(self.reader.read, label, identity)
        before = len(self.sources)
        for member, member_name in wanted:
            self.member(label, name, identity, member, member_name, reader)
        self.reader.left[label] = len(self.sources) - before

    def member(self, label: str, name: str, identity: tuple[int, int], member: zipfile.ZipInfo, member_name: str,
               reader: Callable[[zipfile.ZipInfo, str], bytes]) -> None:
        shown = f"{name}:{member_name}"
        full = f"{label}:{member_name}"
        if member.flag_bits & _ENCRYPTED:
            self.rejected.append((full, f"'{shown}' is encrypted (the archive has a password); unzip it with the "
                                        "password and give the .json files."))
        elif member.file_size > exchange.MAX_BYTES:
            self.rejected.append((full, f"'{shown}' is {exchange._mb(member.file_size)}; progress files are at "
                                        f"most {exchange._mb(exchange.MAX_BYTES)}. Check that the archive holds "
                                        "the right files."))
        else:
            key = f"zip:{identity[0]}:{identity[1]}:{member.header_offset}"
            if self.once(key, full):
                self.sources.append(Source(full, key, shown, functools.partial(reader, member, shown)))

    def archive_notes(self, label: str, found: int, skipped: list[str], mac: int, nested: list[str]) -> None:
        if not found:
            self.notes.append(f"{label} has no .json files inside; nothing was read from it.")
        if skipped or mac:
            parts = []
            if skipped:
                example = f" ({skipped[0]}{', …' if len(skipped) > 1 else ''})"
                parts.append(_count(len(skipped), "file that is not .json", "files that are not .json") + example)
            if mac:
                parts.append(_count(mac, "macOS metadata file") + " (__MACOSX, ._*)")
            verb = "was" if len(skipped) + mac == 1 else "were"
            self.notes.append(f"{label}: {' and '.join(parts)} {verb} skipped.")
        if nested:
            self.notes.append(f"{label}: {_count(len(nested), 'zip archive')} inside it {'was' if len(nested) == 1 else 'were'} "
                              f"not opened ({nested[0]}{', …' if len(nested) > 1 else ''}); unzip {label} and give "
                              "them separately.")


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _look(label: str) -> os.stat_result | str:
    """What ``label`` is (following links), or the sentence saying why it cannot be used."""
    name = _quoted(label)
    try:
        return os.stat(label)
    except (OSError, ValueError) as error:
        code = getattr(error, "errno", None)
    if code == errno.ELOOP:
        return (f"{name} is a symbolic link loop (a link that leads back to itself); remove it, or give the "
                "file it should point to.")
    if code == errno.ENOENT:
        try:
            if stat.S_ISLNK(os.lstat(label).st_mode):
                return f"{name} is a symbolic link to '{os.readlink(label)}', which does not exist; give the file itself."
        except (OSError, ValueError):
            pass
    if code is None:
        return f"{name} is not a usable file name."
    return (f"{name} cannot be read ({os.strerror(code)}). Check the file name and that you may read it.")


def _member_name(member: zipfile.ZipInfo) -> str:
    """The member's name: UTF-8 when flagged so, or when its bytes read as UTF-8 (many tools do not say), else CP437."""
    name = member.filename
    if not member.flag_bits & _UTF8_NAME:
        try:
            return name.encode("cp437").decode("utf-8")
        except UnicodeError:
            pass
    return name


class _OpenZip:
    """A zip archive open for reading, and the file under it (ZipFile does not close a file it was given)."""

    def __init__(self, handle: IO[bytes], archive: zipfile.ZipFile):
        self.handle, self.zip = handle, archive

    def __enter__(self) -> zipfile.ZipFile:
        return self.zip

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.zip.close()
        self.handle.close()


def _open_zip(label: str, identity: tuple[int, int]) -> _OpenZip:
    """Open the archive at ``label`` if it is still the regular file ``identity``; raises :class:`ImportRefused`."""
    name = _quoted(label)
    try:
        handle = os.fdopen(os.open(label, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb")
    except OSError as error:
        raise ImportRefused(f"{name} cannot be read ({error.strerror or error}). Check that you may read it.") from None
    try:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or (info.st_dev, info.st_ino) != identity:
            raise ImportRefused(f"{name} changed while the gradebook was reading it; run the gradebook again.")
        return _OpenZip(handle, zipfile.ZipFile(handle))
    except ImportRefused:
        handle.close()
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as error:
        handle.close()
        raise ImportRefused(f"{name} is not a zip archive that can be read ({str(error)[:100] or type(error).__name__}); "
                            "download it again, or unzip it and give the .json files.") from None


class _ArchiveReader:
    """Reads archive members, keeping one archive open at a time: members are read archive by archive."""

    def __init__(self) -> None:
        self.open: tuple[str, _OpenZip] | None = None
        self.left: dict[str, int] = {}  # archive -> members still to read; it is closed after its last one

    def _zip(self, label: str, identity: tuple[int, int]) -> zipfile.ZipFile:
        if self.open is not None and self.open[0] != label:
            self.close()
        if self.open is None:
            self.open = (label, _open_zip(label, identity))
        return self.open[1].zip

    def close(self) -> None:
        if self.open is not None:
            self.open[1].close()
            self.open = None

    def read(self, label: str, identity: tuple[int, int], member: zipfile.ZipInfo, shown: str) -> bytes:
        """The bytes of one member, at most MAX_BYTES whatever its header says; raises :class:`ImportRefused`."""
        try:
            archive = self._zip(label, identity)
            with archive.open(member) as stream:
                raw = stream.read(exchange.MAX_BYTES + 1)
        except ImportRefused:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
                RuntimeError) as error:
            raise ImportRefused(f"'{shown}' could not be read from the archive ({str(error)[:100] or type(error).__name__}); "
                                "the archive may be damaged: download it again, or unzip it and give the .json "
                                "files.") from None
        finally:
            self.left[label] = self.left.get(label, 0) - 1
            if self.left[label] <= 0 and self.open is not None and self.open[0] == label:
                self.close()
        if len(raw) > exchange.MAX_BYTES:
            raise ImportRefused(f"'{shown}' is larger than {exchange._mb(exchange.MAX_BYTES)}, though the archive "
                                "says it is smaller; progress files are at most that. Check that the archive holds "
                                "the right files.")
        return raw
