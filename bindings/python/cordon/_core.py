"""Implementation of the ``cordon`` package on top of the cffi module ``_native``.

Every C call that does real work (loading lists, opening snapshots, matching,
searching) goes through cffi's API-mode wrappers, which release the GIL for
the duration of the call, so threads sharing one :class:`Db` run in parallel.
"""
from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Dict, Iterable, List, Optional, Tuple, Type, Union

from ._native import ffi, lib

__all__ = [
    "Error", "InvalidError", "NoMemError", "Utf8Error", "IoError", "ParseError",
    "FormatError", "LimitError", "CorruptError", "VersionError", "NotFoundError",
    "RegexError", "EncodingError", "RangeError", "StateError",
    "EntityType", "NameKind", "CodeKind", "TokenKind", "Token", "Analysis", "analyze",
    "ListInfo", "Db",
    "version", "version_number", "strerror", "formats", "country_iso2", "country_name",
    "normalize_code",
]

PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]

# --------------------------------------------------------------------------
# Errors


class Error(Exception):
    """A failed cordon call: the fields of the C ``cordon_error``.

    Attributes:
        code: the ``CORDON_E_*`` result code (negative int).
        detail: dependency detail (errno, PCRE2 or libxml2 code), 0 if none.
        offset: byte offset into the input, or -1.
        line: 1-based line number, or 0.
        column: 1-based column (bytes), or 0.
        message: the library's message (what and where), or the code's text.
    """

    code: int = 0

    def __init__(self, code: int, message: str = "", detail: int = 0, offset: int = -1,
                 line: int = 0, column: int = 0) -> None:
        self.code = code
        self.detail = detail
        self.offset = offset
        self.line = line
        self.column = column
        self.message = message or strerror(code)
        super().__init__(self.message)

    def __repr__(self) -> str:
        return ("%s(code=%d, message=%r, detail=%d, offset=%d, line=%d, column=%d)"
                % (type(self).__name__, self.code, self.message, self.detail, self.offset,
                   self.line, self.column))


class InvalidError(Error, ValueError):
    """CORDON_E_INVALID: invalid argument."""


class NoMemError(Error, MemoryError):
    """CORDON_E_NOMEM: an allocation failed."""


class Utf8Error(Error, ValueError):
    """CORDON_E_UTF8: input is not valid UTF-8 (``offset`` = first bad byte)."""


class IoError(Error):
    """CORDON_E_IO: a file could not be read or written (``detail`` = errno)."""


class ParseError(Error, ValueError):
    """CORDON_E_PARSE: malformed input (``line``/``column``/``offset`` say where)."""


class FormatError(Error, ValueError):
    """CORDON_E_FORMAT: unknown or unsupported input format."""


class LimitError(Error, ValueError):
    """CORDON_E_LIMIT: a configured size or count limit was exceeded."""


class CorruptError(Error):
    """CORDON_E_CORRUPT: snapshot truncated, corrupted or foreign."""


class VersionError(Error):
    """CORDON_E_VERSION: snapshot written by an incompatible version."""


class NotFoundError(Error, LookupError):
    """CORDON_E_NOTFOUND: the requested item does not exist."""


class RegexError(Error, ValueError):
    """CORDON_E_REGEX: a pattern failed to compile (``detail`` = PCRE2 code)."""


class EncodingError(Error, ValueError):
    """CORDON_E_ENCODING: bytes not decodable in the declared encoding."""


class RangeError(Error, IndexError):
    """CORDON_E_RANGE: index or value out of range."""


class StateError(Error):
    """CORDON_E_STATE: call not allowed in the handle's current state (e.g. closed)."""


_ERRORS: Dict[int, Type[Error]] = {
    lib.CORDON_E_INVALID: InvalidError,
    lib.CORDON_E_NOMEM: NoMemError,
    lib.CORDON_E_UTF8: Utf8Error,
    lib.CORDON_E_IO: IoError,
    lib.CORDON_E_PARSE: ParseError,
    lib.CORDON_E_FORMAT: FormatError,
    lib.CORDON_E_LIMIT: LimitError,
    lib.CORDON_E_CORRUPT: CorruptError,
    lib.CORDON_E_VERSION: VersionError,
    lib.CORDON_E_NOTFOUND: NotFoundError,
    lib.CORDON_E_REGEX: RegexError,
    lib.CORDON_E_ENCODING: EncodingError,
    lib.CORDON_E_RANGE: RangeError,
    lib.CORDON_E_STATE: StateError,
}
for _code, _cls in _ERRORS.items():
    _cls.code = _code


def _str(p: Any) -> str:
    """A borrowed C string as str ('' for NULL)."""
    if p == ffi.NULL:
        return ""
    return ffi.string(p).decode("utf-8", "replace")


def _error(rc: int, err: Any = None) -> Error:
    cls = _ERRORS.get(rc, Error)
    if err is None or err.code != rc:
        return cls(rc)
    return cls(rc, _str(err.message), err.detail, err.offset, err.line, err.column)


def _raise(rc: int, err: Any = None) -> None:
    raise _error(rc, err)


def _new_err() -> Any:
    return ffi.new("cordon_error *")


def _utf8(s: Union[str, bytes], what: str = "name") -> bytes:
    if isinstance(s, bytes):
        return s
    if isinstance(s, str):
        try:
            return s.encode("utf-8")
        except UnicodeEncodeError as e:  # lone surrogates
            raise Utf8Error(lib.CORDON_E_UTF8, "%s is not valid UTF-8: %s" % (what, e),
                            offset=len(s[:e.start].encode("utf-8", "surrogatepass")))
    raise TypeError("%s must be str or bytes, not %s" % (what, type(s).__name__))


def _cpath(p: PathLike) -> bytes:
    return os.fsencode(p)


def _opt_cstr(s: Optional[str]) -> Any:
    return ffi.NULL if s is None else _utf8(s, "argument")


# --------------------------------------------------------------------------
# Constants


class EntityType(IntEnum):
    """Entity type hints (``CORDON_TYPE_*``)."""
    UNKNOWN = 0
    PERSON = 1
    ORGANIZATION = 2
    VESSEL = 3
    AIRCRAFT = 4


class NameKind(IntEnum):
    """Kinds of an entity's names (``CORDON_NAME_*``)."""
    PRIMARY = 0
    AKA = 1
    FKA = 2
    WEAK = 3
    ORIGINAL = 4


class CodeKind(IntEnum):
    """Kinds of tariff and control codes (``CORDON_CODE_*``)."""
    AUTO = 0
    HS = 1
    CN = 2
    HTS = 3
    ECCN = 4
    EU_ANNEX1 = 5
    USML = 6


TypeArg = Union[None, int, str, EntityType]


def _type_code(t: TypeArg) -> int:
    """Accept None, an int, an EntityType or a name such as "person"."""
    if t is None:
        return 0
    if isinstance(t, str):
        try:
            return int(EntityType[t.strip().upper()])
        except KeyError:
            raise InvalidError(lib.CORDON_E_INVALID, "unknown entity type %r" % t) from None
    t = int(t)
    if t < 0 or t > 4:
        raise InvalidError(lib.CORDON_E_INVALID, "unknown entity type %d" % t)
    return t


# --------------------------------------------------------------------------
# Library-wide functions


def version() -> str:
    """Runtime library version string, e.g. ``"0.1.0"``."""
    return _str(lib.cordon_version_string())


def version_number() -> int:
    """Runtime library version as major * 10000 + minor * 100 + patch."""
    return int(lib.cordon_version_number())


def strerror(code: int) -> str:
    """Static English text for a result code."""
    return _str(lib.cordon_strerror(int(code)))


def formats() -> List[Tuple[str, str]]:
    """The list formats this library reads, as ``(name, description)`` pairs."""
    out = []
    desc = ffi.new("const char **")
    i = 0
    while True:
        name = lib.cordon_format_name(i, desc)
        if name == ffi.NULL:
            return out
        out.append((_str(name), _str(desc[0])))
        i += 1


def country_iso2(country: Union[str, bytes]) -> Optional[str]:
    """Normalise a country (ISO alpha-2/alpha-3/numeric code, short name or
    common variant such as "North Korea") to its ISO 3166-1 alpha-2 code.

    Returns None when the input is unknown or ambiguous.
    """
    b = _utf8(country, "country")
    p = lib.cordon_country_iso2(b, len(b))
    return None if p == ffi.NULL else _str(p)


def country_name(iso2: str) -> Optional[str]:
    """English ISO short name of an alpha-2 code, or None if unknown."""
    b = _utf8(iso2, "iso2")
    if b"\0" in b:
        return None
    p = lib.cordon_country_name(b)
    return None if p == ffi.NULL else _str(p)


def normalize_code(code: Union[str, bytes], kind: Union[int, CodeKind] = CodeKind.AUTO
                   ) -> Tuple[str, CodeKind]:
    """Check and normalise a tariff or control code.

    ``normalize_code("3a001a5a3")`` gives ``("3A001.a.5.a.3", CodeKind.ECCN)``.

    Raises:
        ParseError: the code is malformed (``offset``/``column`` of the bad character).
    """
    b = _utf8(code, "code")
    out = ffi.new("char[]", 128)
    detected = ffi.new("int *")
    err = _new_err()
    rc = lib.cordon_code_normalize(b, len(b), int(kind), ffi.NULL, out, 128, detected, err)
    if rc != 0:
        _raise(rc, err)
    return _str(out), CodeKind(detected[0])


# --------------------------------------------------------------------------
# Name analysis


class TokenKind(IntEnum):
    """Kinds of name tokens (``CORDON_TOKEN_*``)."""
    WORD = 0
    LEGAL = 1
    HONORIFIC = 2
    PARTICLE = 3
    STOPWORD = 4
    NUMBER = 5
    INITIAL = 6


@dataclass(frozen=True)
class Token:
    """One token of an analysed name."""
    #: normalized text (lower-case Latin ASCII, or the kept script)
    text: str
    kind: TokenKind
    #: canonical legal-form class ("LLC", "JSC", ...) or None
    legal_class: Optional[str]
    #: script the token was written in ("latin", "cyrillic", ...)
    script: str
    #: folded key on which romanization variants meet
    skeleton: str
    #: Double Metaphone keys (primary, alternate); "" when none
    phonetic: Tuple[str, str]
    #: byte offset and length in the UTF-8 input
    offset: int
    length: int


@dataclass(frozen=True)
class Analysis:
    """A name analysed the way the matcher sees it (see :func:`analyze`)."""
    normalized: str
    tokens: Tuple[Token, ...]
    #: the library's JSON rendering
    json: str = field(repr=False, default="{}")

    @property
    def data(self) -> Dict[str, Any]:
        """The JSON rendering, decoded."""
        return json.loads(self.json)


def _cstr_len(p: Any, n: Any) -> str:
    if p == ffi.NULL:
        return ""
    return ffi.unpack(p, n[0]).decode("utf-8", "replace")


class _AnalysisSlot:
    """A thread's reusable ``cordon_analysis`` (internal)."""

    __slots__ = ("out", "err", "sizes")

    def __init__(self) -> None:
        self.out = ffi.new("cordon_analysis **")
        self.err = ffi.new("cordon_error *")
        self.sizes = ffi.new("size_t[2]")

    def __del__(self) -> None:
        lib.cordon_analysis_free(self.out[0])


_tls = threading.local()


def analyze(name: Union[str, bytes], type: TypeArg = None) -> Analysis:
    """Analyse a name: UTF-8 check, normalisation, transliteration to Latin,
    tokenization and typing (legal forms, honorifics, particles, stopwords,
    numbers, initials), skeletons and phonetic keys.

    Args:
        name: the name (str, or UTF-8 bytes).
        type: entity type hint: None/"unknown", "person", "organization",
            "vessel", "aircraft" or an :class:`EntityType`.

    Raises:
        Utf8Error: ``name`` is bytes and not valid UTF-8 (``offset`` = first bad byte).
        LimitError: the name is longer than the maximum name size.
    """
    b = _utf8(name)
    t = _type_code(type)
    # One reusable analysis handle per thread (a handle belongs to one thread
    # at a time; reuse avoids reallocating its buffers on every call).
    slot = getattr(_tls, "slot", None)
    if slot is None:
        slot = _tls.slot = _AnalysisSlot()
    out, n, off = slot.out, slot.sizes, slot.sizes + 1
    rc = lib.cordon_analyze_name(b, len(b), t, ffi.NULL, out, slot.err)
    if rc != 0:
        _raise(rc, slot.err)
    a = out[0]
    normalized = _cstr_len(lib.cordon_analysis_normalized(a, n), n)
    toks = []
    for i in range(lib.cordon_analysis_token_count(a)):
        text = _cstr_len(lib.cordon_analysis_token_text(a, i, n), n)
        lc = lib.cordon_analysis_token_legal_class(a, i)
        skel = _cstr_len(lib.cordon_analysis_token_skeleton(a, i, n), n)
        ph0 = _cstr_len(lib.cordon_analysis_token_phonetic(a, i, 0, n), n)
        ph1 = _cstr_len(lib.cordon_analysis_token_phonetic(a, i, 1, n), n)
        lib.cordon_analysis_token_span(a, i, off, n)
        toks.append(Token(text, TokenKind(lib.cordon_analysis_token_kind(a, i)),
                          None if lc == ffi.NULL else _str(lc),
                          _str(lib.cordon_analysis_token_script(a, i)), skel,
                          (ph0, ph1), int(off[0]), int(n[0])))
    js = lib.cordon_analysis_json(a, n)
    if js == ffi.NULL:
        raise NoMemError(lib.CORDON_E_NOMEM)
    text = _cstr_len(js, n)
    return Analysis(normalized, tuple(toks), text)


# --------------------------------------------------------------------------
# Options


class _Options:
    """Owned ``cordon_options`` (internal)."""

    def __init__(self, **ints: int) -> None:
        p = ffi.new("cordon_options **")
        err = _new_err()
        rc = lib.cordon_options_new(p, err)
        if rc != 0:
            _raise(rc, err)
        self.ptr = ffi.gc(p[0], lib.cordon_options_free)
        keys = {"strict": lib.CORDON_OPT_STRICT,
                "max_input_bytes": lib.CORDON_OPT_MAX_INPUT_BYTES,
                "max_name_bytes": lib.CORDON_OPT_MAX_NAME_BYTES,
                "max_depth": lib.CORDON_OPT_MAX_DEPTH}
        for k, v in ints.items():
            if v is None:
                continue
            rc = lib.cordon_options_set_int(self.ptr, keys[k], int(v), err)
            if rc != 0:
                _raise(rc, err)


# --------------------------------------------------------------------------
# Db


@dataclass(frozen=True)
class ListInfo:
    """Provenance and counts of one list in a :class:`Db`."""
    index: int
    id: str
    publisher: str
    date: str
    source: str
    sha256: str
    format: str
    entities: int
    names: int
    skipped: int
    #: ``(line, reason)`` of each row skipped in lenient mode
    skipped_rows: Tuple[Tuple[int, str], ...] = field(default=())


class Db:
    """An immutable db of sanctions lists, built from list files or opened
    from a snapshot. One Db may be used by any number of threads at once.

    Use it as a context manager (``with cordon.Db.open(p) as db:``) or call
    :meth:`close`; a Db that is still in use by another thread is closed when
    the last call in flight returns.
    """

    __slots__ = ("_ptr", "_lock", "_busy", "_closing", "__weakref__")

    def __init__(self, ptr: Any) -> None:
        """Internal: use :meth:`open` or :meth:`compile`."""
        self._ptr = ptr
        self._lock = threading.Lock()
        self._busy = 0
        self._closing = False

    # -- construction --------------------------------------------------

    @classmethod
    def open(cls, path: PathLike, *, max_name_bytes: Optional[int] = None) -> "Db":
        """Open a snapshot file written by :meth:`save` or ``cordon compile``.

        Raises:
            IoError, CorruptError, VersionError
        """
        opts = _Options(max_name_bytes=max_name_bytes)
        out = ffi.new("cordon_db **")
        err = _new_err()
        rc = lib.cordon_db_open(_cpath(path), opts.ptr, out, err)
        if rc != 0:
            _raise(rc, err)
        return cls(out[0])

    @classmethod
    def compile(cls, paths: Iterable[Union[PathLike, Tuple[PathLike, str]]], *,
                lenient: bool = False, format: Optional[str] = None, list_id: Optional[str] = None,
                max_input_bytes: Optional[int] = None) -> "Db":
        """Build a db from list files, or folders holding a multi-file set
        (such as OFAC's sdn.csv/add.csv/alt.csv/sdn_comments.csv).

        Args:
            paths: files or folders; an item may also be a ``(path, list_id)``
                pair to name that file's list (``[("deny.tsv", "inhouse_deny")]``).
            lenient: skip malformed rows (counted in :attr:`lists`) instead of failing.
            format: format name for all paths (see :func:`formats`); default: detect.
            list_id: list id to record for all paths; default: the format's.

        Raises:
            IoError, FormatError, ParseError (with ``line``/``column``/``offset``
            and the file name in ``message``), EncodingError, Utf8Error, LimitError.
        """
        if isinstance(paths, (str, bytes, os.PathLike)):
            paths = [paths]
        b = _Builder(lenient, max_input_bytes)
        for p in paths:
            if isinstance(p, tuple):
                b.add_file(p[0], format, p[1])
            else:
                b.add_file(p, format, list_id)
        return b.finish(cls)

    @classmethod
    def from_buffers(cls, buffers: Iterable[Tuple[str, bytes]], *, lenient: bool = False,
                     format: Optional[str] = None, list_id: Optional[str] = None) -> "Db":
        """Build a db from in-memory list files given as ``(file name, content)``
        pairs; the name is used for messages and format detection."""
        b = _Builder(lenient, None)
        for name, data in buffers:
            b.add_buffer(name, data, format, list_id)
        return b.finish(cls)

    # -- lifetime --------------------------------------------------------

    def _acquire(self) -> Any:
        with self._lock:
            if self._ptr is None or self._closing:
                raise StateError(lib.CORDON_E_STATE, "the db is closed")
            self._busy += 1
            return self._ptr

    def _release(self) -> None:
        with self._lock:
            self._busy -= 1
            if self._busy or not self._closing or self._ptr is None:
                return
            p, self._ptr = self._ptr, None
        lib.cordon_db_free(p)

    def close(self) -> None:
        """Release the db. Calls still running in other threads finish first;
        later calls raise :class:`StateError`. Closing twice is allowed."""
        with self._lock:
            if self._ptr is None or self._closing:
                return
            self._closing = True
            if self._busy:
                return
            p, self._ptr = self._ptr, None
        lib.cordon_db_free(p)

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._ptr is None or self._closing

    def __enter__(self) -> "Db":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        p = getattr(self, "_ptr", None)
        if p is not None:
            self._ptr = None
            lib.cordon_db_free(p)

    # -- persistence -----------------------------------------------------

    def save(self, path: PathLike) -> None:
        """Write the db as one snapshot file (atomically replaced)."""
        p = self._acquire()
        try:
            err = _new_err()
            rc = lib.cordon_db_save(p, _cpath(path), err)
        finally:
            self._release()
        if rc != 0:
            _raise(rc, err)

    # -- lists and entities ------------------------------------------------

    @property
    def lists(self) -> List[ListInfo]:
        """Provenance of every list: id, publisher, date, source files,
        SHA-256, format and counts (including rows skipped in lenient mode)."""
        p = self._acquire()
        try:
            out = []
            ent = ffi.new("uint32_t *")
            nam = ffi.new("uint32_t *")
            skp = ffi.new("uint32_t *")
            line = ffi.new("int64_t *")
            reason = ffi.new("const char **")
            for i in range(lib.cordon_db_list_count(p)):
                f = [_str(lib.cordon_db_list_field(p, i, k)) for k in range(6)]
                lib.cordon_db_list_counts(p, i, ent, nam, skp)
                rows = []
                for j in range(skp[0]):
                    if lib.cordon_db_list_skipped(p, i, j, line, reason) == 0:
                        rows.append((int(line[0]), _str(reason[0])))
                out.append(ListInfo(i, f[lib.CORDON_LIST_ID], f[lib.CORDON_LIST_PUBLISHER],
                                    f[lib.CORDON_LIST_DATE], f[lib.CORDON_LIST_SOURCE],
                                    f[lib.CORDON_LIST_SHA256], f[lib.CORDON_LIST_FORMAT],
                                    int(ent[0]), int(nam[0]), int(skp[0]), tuple(rows)))
            return out
        finally:
            self._release()

    def __len__(self) -> int:
        """Total number of entities."""
        p = self._acquire()
        try:
            return int(lib.cordon_db_entity_count(p))
        finally:
            self._release()

    def find(self, list_id: Optional[str], entity_id: str) -> int:
        """Index of an entity given its list id (None: any list) and its id
        within the list. Raises :class:`NotFoundError`."""
        p = self._acquire()
        try:
            idx = ffi.new("uint32_t *")
            err = _new_err()
            rc = lib.cordon_db_entity_find(p, _opt_cstr(list_id), _utf8(str(entity_id), "id"),
                                           idx, err)
        finally:
            self._release()
        if rc != 0:
            _raise(rc, err)
        return int(idx[0])

    def entity_json(self, index: int) -> str:
        """Everything listed about the entity at ``index`` as JSON text."""
        p = self._acquire()
        try:
            return self._entity_json(p, index)
        finally:
            self._release()

    @staticmethod
    def _entity_json(p: Any, index: int) -> str:
        if index < 0 or index > 0xFFFFFFFF:
            raise RangeError(lib.CORDON_E_RANGE, "entity index %d out of range" % index)
        size = 4096
        needed = ffi.new("size_t *")
        err = _new_err()
        while True:
            buf = ffi.new("char[]", size)
            rc = lib.cordon_db_entity_json(p, index, buf, size, needed, err)
            if rc != 0:
                _raise(rc, err)
            if needed[0] < size:
                return ffi.unpack(buf, needed[0]).decode("utf-8", "replace")
            size = needed[0] + 1

    def entity(self, list_id: Optional[str], entity_id: Union[str, int]) -> Dict[str, Any]:
        """Everything listed about one entity as a dict (names with kinds and
        parts, dates of birth, countries, identifiers, programs, addresses,
        remarks, list provenance). Raises :class:`NotFoundError`."""
        return json.loads(self.entity_json(self.find(list_id, str(entity_id))))

    def entity_at(self, index: int) -> Dict[str, Any]:
        """Like :meth:`entity`, by entity index (0 .. len(db)-1)."""
        return json.loads(self.entity_json(index))

    def entity_names(self, index: int) -> List[Tuple[str, NameKind]]:
        """Names of the entity at ``index`` with their kinds (primary first)."""
        p = self._acquire()
        try:
            kind = ffi.new("int *")
            n = lib.cordon_db_entity_name_count(p, index)
            if n == 0 and lib.cordon_db_entity_id(p, index) == ffi.NULL:
                raise RangeError(lib.CORDON_E_RANGE, "entity index %d out of range" % index)
            return [(_str(lib.cordon_db_entity_name(p, index, i, kind)), NameKind(kind[0]))
                    for i in range(n)]
        finally:
            self._release()

    def __repr__(self) -> str:
        if self.closed:
            return "<cordon.Db closed>"
        return "<cordon.Db %d lists, %d entities>" % (len(self.lists), len(self))


class _Builder:
    """Owned ``cordon_builder`` (internal)."""

    def __init__(self, lenient: bool, max_input_bytes: Optional[int]) -> None:
        self.opts = _Options(strict=0 if lenient else 1, max_input_bytes=max_input_bytes)
        out = ffi.new("cordon_builder **")
        err = _new_err()
        rc = lib.cordon_builder_new(out, self.opts.ptr, err)
        if rc != 0:
            _raise(rc, err)
        self.ptr = ffi.gc(out[0], lib.cordon_builder_free)

    def add_file(self, path: PathLike, fmt: Optional[str], list_id: Optional[str]) -> None:
        err = _new_err()
        rc = lib.cordon_builder_add_file(self.ptr, _cpath(path), _opt_cstr(fmt),
                                         _opt_cstr(list_id), err)
        if rc != 0:
            _raise(rc, err)

    def add_buffer(self, name: str, data: bytes, fmt: Optional[str],
                   list_id: Optional[str]) -> None:
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError("buffer content must be bytes")
        data = bytes(data)
        err = _new_err()
        rc = lib.cordon_builder_add_buffer(self.ptr, data, len(data), _opt_cstr(name),
                                           _opt_cstr(fmt), _opt_cstr(list_id), err)
        if rc != 0:
            _raise(rc, err)

    def finish(self, cls: Type[Db]) -> Db:
        out = ffi.new("cordon_db **")
        err = _new_err()
        rc = lib.cordon_builder_finish(self.ptr, out, err)
        if rc != 0:
            _raise(rc, err)
        return cls(out[0])


for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) or callable(_obj):
        try:
            _obj.__module__ = "cordon"
        except (AttributeError, TypeError):
            pass


# --------------------------------------------------------------------------
# Item classification


@dataclass(frozen=True)
class Candidate:
    """One control-list entry an item may fall under (strongest first)."""
    list: str
    code: str
    title: str
    tier: str
    legal: str
    confidence: float
    #: "declared", "hs_prefix", "text", "parameter" or "declared_unknown"
    reason: str
    evidence: str
    #: facts missing to decide, "" when nothing is missing
    missing: str


@dataclass(frozen=True)
class Embargo:
    """An embargo finding for the item's destination."""
    text: str
    #: True if the rule blocks, False if it asks for review
    block: bool


@dataclass(frozen=True)
class Classification:
    """Result of :meth:`Rules.classify`."""
    candidates: Tuple[Candidate, ...]
    embargoes: Tuple[Embargo, ...]
    #: the library's JSON rendering
    json: str = field(repr=False, default="{}")

    @property
    def data(self) -> Dict[str, Any]:
        """The JSON rendering, decoded."""
        return json.loads(self.json)

    @property
    def controlled(self) -> bool:
        """True when at least one candidate entry was found."""
        return bool(self.candidates)


class Rules:
    """Loaded rule packs (control lists, code lists, embargo rules) used to
    classify traded items. Immutable once loaded: any number of threads may
    call :meth:`classify` at the same time (add files from one thread first).
    """

    __slots__ = ("_ptr", "_opts")

    def __init__(self, paths: Iterable[PathLike] = (), *, lenient: bool = False) -> None:
        """Create a rules set, loading ``paths`` (rule-pack XML or code lists)."""
        self._opts = _Options(strict=0 if lenient else 1)
        out = ffi.new("cordon_rules **")
        err = _new_err()
        rc = lib.cordon_rules_new(out, self._opts.ptr, err)
        if rc != 0:
            _raise(rc, err)
        self._ptr = ffi.gc(out[0], lib.cordon_rules_free)
        if isinstance(paths, (str, bytes, os.PathLike)):
            paths = [paths]
        for p in paths:
            self.add_file(p)

    def add_file(self, path: PathLike, format: Optional[str] = None,
                 list_id: Optional[str] = None) -> None:
        """Load a rule pack (``format="rules_xml"``) or a code list table
        (``"code_list"``: CSV/TSV code, tier or label, description); None detects.

        Raises:
            IoError, ParseError (file, line, column), FormatError, RegexError, LimitError.
        """
        err = _new_err()
        rc = lib.cordon_rules_add_file(self._ptr, _cpath(path), _opt_cstr(format),
                                       _opt_cstr(list_id), err)
        if rc != 0:
            _raise(rc, err)

    def add_buffer(self, data: bytes, name: Optional[str] = None, format: Optional[str] = None,
                   list_id: Optional[str] = None) -> None:
        """Load a rule file held in memory (like :meth:`add_file`)."""
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError("rule data must be bytes")
        data = bytes(data)
        err = _new_err()
        rc = lib.cordon_rules_add_buffer(self._ptr, data, len(data), _opt_cstr(format),
                                         _opt_cstr(list_id), _opt_cstr(name), err)
        if rc != 0:
            _raise(rc, err)

    @property
    def entry_count(self) -> int:
        """Number of control entries loaded (all lists)."""
        return int(lib.cordon_rules_entry_count(self._ptr))

    @property
    def embargo_count(self) -> int:
        """Number of embargo rules loaded."""
        return int(lib.cordon_rules_embargo_count(self._ptr))

    def classify(self, description: Optional[str] = None, *,
                 tariff_code: Optional[str] = None, control_code: Optional[str] = None,
                 params: Optional[Dict[str, str]] = None,
                 destination: Optional[str] = None) -> Classification:
        """Classify a traded item.

        Args:
            description: free text; numbers with units in it ("3.2 GHz",
                "14-bit") are compared with parameter thresholds.
            tariff_code: HS (6), CN (8) or HTS (10 digit) code.
            control_code: declared ECCN, EU Annex I or USML code.
            params: technical parameters, e.g. ``{"sample_rate": "1.5 GSPS"}``.
            destination: a country or a place, checked against embargo rules.

        Raises:
            ParseError: a damaged code or unreadable parameter value.
            Utf8Error, LimitError, InvalidError.
        """
        return _classify(self._ptr, self._opts.ptr, description, tariff_code, control_code,
                         params, destination)

    def __repr__(self) -> str:
        return "<cordon.Rules %d entries, %d embargo rules>" % (self.entry_count,
                                                               self.embargo_count)


def _classify(rules: Any, opts: Any, description: Optional[str], tariff_code: Optional[str],
              control_code: Optional[str], params: Optional[Dict[str, str]],
              destination: Optional[str]) -> Classification:
    out = ffi.new("cordon_item **")
    err = _new_err()
    rc = lib.cordon_item_new(out, opts, err)
    if rc != 0:
        _raise(rc, err)
    item = out[0]
    res = ffi.new("cordon_classification **")
    try:
        for value, setter, what in ((description, lib.cordon_item_set_description,
                                     "description"),
                                    (tariff_code, lib.cordon_item_set_tariff_code,
                                     "tariff_code"),
                                    (control_code, lib.cordon_item_set_control_code,
                                     "control_code"),
                                    (destination, lib.cordon_item_set_destination,
                                     "destination")):
            if value is None:
                continue
            b = _utf8(value, what)
            rc = setter(item, b, len(b), err)
            if rc != 0:
                _raise(rc, err)
        for k, v in (params or {}).items():
            kb, vb = _utf8(k, "parameter name"), _utf8(str(v), "parameter value")
            if b"\0" in kb or b"\0" in vb:
                raise InvalidError(lib.CORDON_E_INVALID, "NUL byte in parameter %r" % k)
            rc = lib.cordon_item_set_param(item, kb, vb, err)
            if rc != 0:
                _raise(rc, err)
        rc = lib.cordon_classify(rules, item, res, err)
        if rc != 0:
            _raise(rc, err)
    finally:
        lib.cordon_item_free(item)
    c = res[0]
    try:
        cands = []
        for i in range(lib.cordon_classification_count(c)):
            cands.append(Candidate(
                _str(lib.cordon_classification_list(c, i)),
                _str(lib.cordon_classification_code(c, i)),
                _str(lib.cordon_classification_title(c, i)),
                _str(lib.cordon_classification_tier(c, i)),
                _str(lib.cordon_classification_legal(c, i)),
                float(lib.cordon_classification_confidence(c, i)),
                _str(lib.cordon_classification_reason(c, i)),
                _str(lib.cordon_classification_evidence(c, i)),
                _str(lib.cordon_classification_missing(c, i))))
        block = ffi.new("int *")
        embs = []
        for i in range(lib.cordon_classification_embargo_count(c)):
            text = _str(lib.cordon_classification_embargo(c, i, block))
            embs.append(Embargo(text, bool(block[0])))
        n = ffi.new("size_t *")
        js = lib.cordon_classification_json(c, n)
        if js == ffi.NULL:
            raise NoMemError(lib.CORDON_E_NOMEM)
        text = _cstr_len(js, n)
    finally:
        lib.cordon_classification_free(c)
    return Classification(tuple(cands), tuple(embs), text)


__all__ += ["Rules", "Classification", "Candidate", "Embargo"]
for _name in ("Rules", "Classification", "Candidate", "Embargo"):
    globals()[_name].__module__ = "cordon"


# --------------------------------------------------------------------------
# Pairwise matching


class Matcher:
    """A reusable pairwise name matcher that can explain its last score.
    One thread at a time (each thread should own its Matcher;
    :func:`match` keeps one per thread for you)."""

    __slots__ = ("_ptr", "_score", "_err", "__weakref__")

    def __init__(self) -> None:
        out = ffi.new("cordon_matcher **")
        err = _new_err()
        rc = lib.cordon_matcher_new(ffi.NULL, out, err)
        if rc != 0:
            _raise(rc, err)
        self._ptr = ffi.gc(out[0], lib.cordon_matcher_free)
        self._score = ffi.new("double *")
        self._err = err

    def score(self, a: Union[str, bytes], b: Union[str, bytes], type: TypeArg = None) -> float:
        """Calibrated score in [0, 1] that ``a`` (query) and ``b`` (list name)
        denote the same party; compare with :func:`match_threshold`.

        Raises:
            Utf8Error, LimitError, InvalidError.
        """
        ab, bb = _utf8(a), _utf8(b)
        rc = lib.cordon_matcher_score(self._ptr, ab, len(ab), bb, len(bb), _type_code(type),
                                      self._score, self._err)
        if rc != 0:
            _raise(rc, self._err)
        return self._score[0]

    def explain(self) -> Dict[str, Any]:
        """Explanation of the last score: token alignments (how: exact, typo,
        skeleton, phonetic, initial, glued, number, fuzzy, nickname,
        abbreviation), unmatched tokens,
        features, legal classes, evidence and score.

        Raises:
            StateError: nothing was scored yet.
        """
        n = ffi.new("size_t *")
        js = lib.cordon_matcher_explain_json(self._ptr, n)
        if js == ffi.NULL:
            raise StateError(lib.CORDON_E_STATE, "no score to explain yet")
        return json.loads(_cstr_len(js, n))


_match_tls = threading.local()


def match(a: Union[str, bytes], b: Union[str, bytes], type: TypeArg = None) -> float:
    """Score how likely two names denote the same party (calibrated, [0, 1]).

    ``cordon.match("Vladimir Putin", "ПУТИН Владимир Владимирович", "person")``.
    Uses one :class:`Matcher` per thread; the GIL is released while scoring.
    """
    m = getattr(_match_tls, "m", None)
    if m is None:
        m = _match_tls.m = Matcher()
    return m.score(a, b, type)


def match_threshold(type: TypeArg = None) -> float:
    """Default alert threshold of the calibrated score for an entity type."""
    return float(lib.cordon_match_threshold(_type_code(type)))


# --------------------------------------------------------------------------
# Transactions


@dataclass(frozen=True)
class Reason:
    """One reason behind a verdict."""
    #: "PARTY_MATCH", "PARTY_POSSIBLE_MATCH", "EMBARGO", "CONTROLLED_ITEM", ...
    code: str
    #: the decision this reason asks for: "CLEAR", "REVIEW" or "BLOCK"
    decision: str
    text: str
    #: evidence, including the list version it was decided against
    evidence: Dict[str, Any]


@dataclass(frozen=True)
class Verdict:
    """The verdict on one transaction (see :meth:`Db.screen_txn`)."""
    id: str
    #: "CLEAR", "REVIEW" or "BLOCK"
    decision: str
    reasons: Tuple[Reason, ...]
    #: the library's JSON rendering
    json: str = field(repr=False, default="{}")

    @property
    def data(self) -> Dict[str, Any]:
        """The JSON rendering, decoded."""
        return json.loads(self.json)


def _screen_txn(db: Any, rules: Any, txn: Union[Dict[str, Any], str, bytes]) -> Verdict:
    if isinstance(txn, dict):
        text = json.dumps(txn, ensure_ascii=False).encode("utf-8")
    else:
        text = _utf8(txn, "transaction")
    out = ffi.new("cordon_txn **")
    err = _new_err()
    rc = lib.cordon_txn_parse_json(text, len(text), ffi.NULL, out, err)
    if rc != 0:
        _raise(rc, err)
    t = out[0]
    vout = ffi.new("cordon_verdict **")
    try:
        rc = lib.cordon_screen_txn(db, rules, t, ffi.NULL, vout, err)
    finally:
        lib.cordon_txn_free(t)
    if rc != 0:
        _raise(rc, err)
    v = vout[0]
    try:
        reasons = []
        for i in range(lib.cordon_verdict_reason_count(v)):
            ev = lib.cordon_verdict_reason_evidence(v, i)
            reasons.append(Reason(_str(lib.cordon_verdict_reason_code(v, i)),
                                  _str(lib.cordon_verdict_decision_name(
                                      lib.cordon_verdict_reason_decision(v, i))),
                                  _str(lib.cordon_verdict_reason_text(v, i)),
                                  json.loads(_str(ev)) if ev != ffi.NULL and _str(ev) else {}))
        n = ffi.new("size_t *")
        js = lib.cordon_verdict_json(v, n)
        if js == ffi.NULL:
            raise NoMemError(lib.CORDON_E_NOMEM)
        return Verdict(_str(lib.cordon_verdict_id(v)),
                       _str(lib.cordon_verdict_decision_name(lib.cordon_verdict_decision(v))),
                       tuple(reasons), _cstr_len(js, n))
    finally:
        lib.cordon_verdict_free(v)


def screen_txn(txn: Union[Dict[str, Any], str, bytes], db: Optional["Db"] = None,
               rules: Optional[Rules] = None) -> Verdict:
    """Screen a transaction (a dict or JSON text: id, origin, destination,
    transit, parties[{role, name, type, country, dob, id_type, id_number}],
    items[{description, hs, eccn, params}]) against ``db``'s lists and
    ``rules`` (default: the rules stored in ``db``).

    Raises:
        ParseError: malformed JSON or unknown fields (line/column/offset).
    """
    rp = rules._ptr if rules is not None else ffi.NULL
    if db is None:
        return _screen_txn(ffi.NULL, rp, txn)
    p = db._acquire()
    try:
        return _screen_txn(p, rp, txn)
    finally:
        db._release()


def _db_screen_txn(self: "Db", txn: Union[Dict[str, Any], str, bytes],
                   rules: Optional[Rules] = None) -> Verdict:
    """Screen a transaction against this db's lists and rules (see
    :func:`screen_txn`). Returns a :class:`Verdict` (CLEAR / REVIEW / BLOCK
    with reasons and evidence)."""
    return screen_txn(txn, self, rules)


def _db_classify(self: "Db", description: Optional[str] = None, *,
                 tariff_code: Optional[str] = None, control_code: Optional[str] = None,
                 params: Optional[Dict[str, str]] = None,
                 destination: Optional[str] = None) -> Classification:
    """Classify an item against the rules stored in this db (see
    :meth:`Rules.classify`). Raises :class:`NotFoundError` when the db
    carries no rules."""
    p = self._acquire()
    try:
        r = lib.cordon_db_rules(p)
        if r == ffi.NULL:
            raise NotFoundError(lib.CORDON_E_NOTFOUND, "this db carries no rules")
        return _classify(r, ffi.NULL, description, tariff_code, control_code, params,
                         destination)
    finally:
        self._release()


Db.screen_txn = _db_screen_txn  # type: ignore[attr-defined]
Db.classify = _db_classify  # type: ignore[attr-defined]

__all__ += ["Matcher", "match", "match_threshold", "Reason", "Verdict", "screen_txn"]
for _name in ("Matcher", "match", "match_threshold", "Reason", "Verdict", "screen_txn"):
    globals()[_name].__module__ = "cordon"


# --------------------------------------------------------------------------
# Party search


class Hit:
    """One ranked hit of :meth:`Db.search`: a listed entity whose best name
    matched the query.

    Attributes:
        score: calibrated score in [0, 1] (the same meaning for every list).
        decision: ``"alert"`` (at or above the threshold) or ``"below"``
            (a near miss, up to 0.10 below the threshold).
        list: id of the list the entity is on (e.g. ``"us_ofac_sdn"``).
        entity_id: the entity's id as the list writes it.
        entity_index: index of the entity in the db (see :meth:`Db.entity_at`).
        name: the list name that matched best.
        primary_name: the entity's primary name.
        list_date: publication date of the list ("" when the file states none).
        content_hash: hash of the entity's listing (changes whenever it does).

    The explanation (token alignments, features, evidence) is read from the
    library only when asked for: :meth:`explain`, :attr:`explanation_json`.
    """

    __slots__ = ("score", "decision", "list", "entity_id", "entity_index", "name",
                 "primary_name", "list_date", "content_hash", "_res", "_i")

    score: float
    decision: str
    list: str
    entity_id: str
    entity_index: int
    name: str
    primary_name: str
    list_date: str
    content_hash: int

    _FIELDS = ("score", "decision", "list", "entity_id", "entity_index", "name",
               "primary_name", "list_date", "content_hash")

    @property
    def alert(self) -> bool:
        """True when the decision is ``"alert"``."""
        return self.decision == "alert"

    @property
    def explanation_json(self) -> str:
        """The explanation as the library's JSON text (see :meth:`explain`)."""
        n = ffi.new("size_t *")
        p = lib.cordon_results_explanation(self._res, self._i, n)
        return "{}" if p == ffi.NULL else ffi.unpack(p, n[0]).decode("utf-8", "replace")

    def explain(self, json: bool = False) -> Union[str, Dict[str, Any]]:
        """Why this entity matched.

        Args:
            json: False (default): readable text, one line per aligned token
                (query token, list token, how: exact/typo/skeleton/phonetic/
                initial/glued/number/fuzzy/nickname/abbreviation,
                contribution), then unmatched
                tokens and evidence (date of birth, country, identifier).
                True: the explanation decoded from the library's JSON (a dict
                with ``name_score``, ``tokens``, ``unmatched_query``,
                ``unmatched_list``, ``features``, ``evidence``, ``score``).
        """
        data = _json.loads(self.explanation_json)
        if json:
            return data
        lines = ["%s %.4f for %s (%s %s): %s" % (self.decision, self.score, self.name,
                                                 self.list, self.entity_id,
                                                 "name score %.4f" % data.get("name_score",
                                                                              self.score))]
        for t in data.get("tokens", ()):
            lines.append("  %s = %s (%s, %+.3f)" % (t.get("query"), t.get("list"), t.get("how"),
                                                    t.get("contribution", 0.0)))
        for side in ("query", "list"):
            un = data.get("unmatched_" + side) or []
            if un:
                lines.append("  unmatched %s tokens: %s" % (
                    side, " ".join(str(u.get("token", u)) if isinstance(u, dict) else str(u)
                                   for u in un)))
        for e in data.get("evidence", ()):
            lines.append("  evidence %s: %s (%+.2f)" % (e.get("kind"), e.get("how"),
                                                       e.get("logit", 0.0)))
        return "\n".join(lines)

    def to_dict(self) -> Dict[str, Any]:
        """All fields and the decoded explanation as a dict (the layout of
        one element of the library's JSON rendering, with ``content_hash``
        as an int)."""
        d = {k: getattr(self, k) for k in self._FIELDS}
        d["explanation"] = self.explain(json=True)
        return d

    def _key(self) -> Tuple[Any, ...]:
        return tuple(getattr(self, k) for k in self._FIELDS)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Hit):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return "<cordon.Hit %.4f %s %s:%s %r>" % (self.score, self.decision, self.list,
                                                 self.entity_id, self.name)


_json = json  # Hit.explain has a parameter named json

_DECISIONS = {lib.CORDON_DECISION_ALERT: "alert", lib.CORDON_DECISION_BELOW: "below"}


class _SearchSlot:
    """A thread's reusable out-parameters and option objects (internal)."""

    __slots__ = ("party", "res", "err", "opts")

    def __init__(self) -> None:
        self.party = ffi.new("cordon_party **")
        self.res = ffi.new("cordon_results **")
        self.err = ffi.new("cordon_error *")
        self.opts: Dict[Tuple[int, int, int], Any] = {}

    def options(self, limit: int, permille: int, exhaustive: int) -> Any:
        key = (limit, permille, exhaustive)
        o = self.opts.get(key)
        if o is None:
            if len(self.opts) >= 16:
                self.opts.clear()
            p = ffi.new("cordon_options **")
            rc = lib.cordon_options_new(p, self.err)
            if rc != 0:
                _raise(rc, self.err)
            o = ffi.gc(p[0], lib.cordon_options_free)
            for k, v in ((lib.CORDON_OPT_LIMIT, limit),
                         (lib.CORDON_OPT_THRESHOLD_PERMILLE, permille),
                         (lib.CORDON_OPT_EXHAUSTIVE, exhaustive)):
                rc = lib.cordon_options_set_int(o, k, v, self.err)
                if rc != 0:
                    _raise(rc, self.err)
            self.opts[key] = o
        return o


_search_tls = threading.local()

NamesArg = Union[str, bytes, Iterable[Union[str, bytes]]]


def _cstr_arg(s: Any, what: str) -> bytes:
    """A NUL-terminated C argument: str/bytes without embedded NUL."""
    b = _utf8(s, what)
    if b"\0" in b:
        raise InvalidError(lib.CORDON_E_INVALID, "NUL byte in %s" % what,
                           offset=b.index(b"\0"))
    return b


def _fill_party(party: Any, err: Any, names: NamesArg, type: TypeArg,
                country: Union[None, str, Iterable[str]], dob: Any,
                identifiers: Optional[Iterable[Tuple[Any, ...]]]) -> None:
    if isinstance(names, (str, bytes)):
        names = (names,)
    for n in names:
        b = _utf8(n)
        rc = lib.cordon_party_add_name(party, b, len(b), err)
        if rc != 0:
            _raise(rc, err)
    if type is not None:
        # Names map here; numbers go to the library, which checks them.
        t = _type_code(type) if isinstance(type, str) else int(type)
        rc = lib.cordon_party_set_type(party, t, err)
        if rc != 0:
            _raise(rc, err)
    if country is not None:
        if isinstance(country, (str, bytes)):
            country = (country,)
        for c in country:
            rc = lib.cordon_party_add_country(party, _cstr_arg(c, "country"), err)
            if rc != 0:
                _raise(rc, err)
    if dob is not None:
        if hasattr(dob, "isoformat"):  # datetime.date
            dob = dob.isoformat()[:10]
        rc = lib.cordon_party_set_dob(party, _cstr_arg(dob, "dob"), err)
        if rc != 0:
            _raise(rc, err)
    for ident in identifiers or ():
        if isinstance(ident, (str, bytes)) or len(ident) not in (2, 3):
            raise TypeError("identifiers are (type, number) or (type, number, country) tuples")
        itype = ffi.NULL if ident[0] is None else _cstr_arg(ident[0], "identifier type")
        icountry = (ffi.NULL if len(ident) < 3 or ident[2] is None
                    else _cstr_arg(ident[2], "identifier country"))
        rc = lib.cordon_party_add_identifier(party, itype,
                                             _cstr_arg(str(ident[1]), "identifier number"),
                                             icountry, err)
        if rc != 0:
            _raise(rc, err)


def _db_search(self: "Db", names: NamesArg, *, type: TypeArg = None,
               country: Union[None, str, Iterable[str]] = None, dob: Any = None,
               identifiers: Optional[Iterable[Tuple[Any, ...]]] = None, limit: int = 10,
               threshold: Optional[float] = None, exhaustive: bool = False) -> List[Hit]:
    """Screen a party against every list of this db: candidates from the
    name index, calibrated scores with the party's evidence, the best name
    per entity, ranked by score (best first).

    ``db.search("Aleksandr Zaldostanov", type="person", country="RU")``

    Args:
        names: the party's name, or several names (the first is the main one;
            at most 16), as str or UTF-8 bytes.
        type: "person", "organization", "vessel", "aircraft", an
            :class:`EntityType`, or None (any type).
        country: a country (ISO code or name) or a list of them (at most 16).
        dob: date of birth ("1952-10-07", "1952-10", "1952", "07 Oct 1952")
            or a ``datetime.date``.
        identifiers: ``(type, number)`` or ``(type, number, country)`` tuples
            (passport, tax id, IMO number...; type None = any).
        limit: most hits returned (1..100000).
        threshold: alert threshold in [0, 1]; None = the calibrated per-type one.
        exhaustive: score every list name instead of index candidates (audits).

    Returns:
        Hits at or above the threshold (``decision == "alert"``) and near
        misses up to 0.10 below it (``"below"``), best first.

    Raises:
        Utf8Error: a name is bytes and not valid UTF-8 (``offset``).
        InvalidError: no name, unknown type or country, not a date.
        LimitError: too many names, countries or identifiers; a name too long.
        StateError: the db is closed, or has no name index.

    The GIL is released while the library screens, so threads sharing one
    db run in parallel.
    """
    slot = getattr(_search_tls, "slot", None)
    if slot is None:
        slot = _search_tls.slot = _SearchSlot()
    err = slot.err
    if limit == 10 and threshold is None and not exhaustive:
        opts = ffi.NULL
    else:
        if threshold is None:
            permille = -1
        else:
            threshold = float(threshold)
            if not 0.0 <= threshold <= 1.0:
                raise RangeError(lib.CORDON_E_RANGE,
                                 "threshold %r is not in [0, 1]" % threshold)
            permille = int(round(threshold * 1000))
        opts = slot.options(int(limit), permille, 1 if exhaustive else 0)
    rc = lib.cordon_party_new(slot.party, ffi.NULL, err)
    if rc != 0:
        _raise(rc, err)
    party = slot.party[0]
    p = None
    try:
        _fill_party(party, err, names, type, country, dob, identifiers)
        p = self._acquire()
        rc = lib.cordon_screen_party(p, party, opts, slot.res, err)
    finally:
        lib.cordon_party_free(party)
        if p is not None:
            if rc == 0:
                # Strings of the hits are owned by the db: read them before
                # releasing it (a concurrent close() may free it then).
                try:
                    return _hits(slot.res[0])
                finally:
                    self._release()
            self._release()
    _raise(rc, err)
    return []  # not reached


def _hits(r: Any) -> List[Hit]:
    r = ffi.gc(r, lib.cordon_results_free)
    n = lib.cordon_results_count(r)
    out = []
    new = Hit.__new__
    for i in range(n):
        h = new(Hit)
        h.score = lib.cordon_results_score(r, i)
        h.decision = _DECISIONS.get(lib.cordon_results_decision(r, i), "below")
        h.list = ffi.string(lib.cordon_results_list(r, i)).decode()
        h.entity_id = ffi.string(lib.cordon_results_entity_id(r, i)).decode("utf-8", "replace")
        h.entity_index = lib.cordon_results_entity_index(r, i)
        h.name = ffi.string(lib.cordon_results_name(r, i)).decode("utf-8", "replace")
        h.primary_name = ffi.string(lib.cordon_results_primary_name(r, i)).decode(
            "utf-8", "replace")
        h.list_date = ffi.string(lib.cordon_results_list_date(r, i)).decode()
        h.content_hash = lib.cordon_results_content_hash(r, i)
        h._res = r
        h._i = i
        out.append(h)
    return out


Db.search = _db_search  # type: ignore[attr-defined]

__all__ += ["Hit"]
Hit.__module__ = "cordon"
