"""Library-wide functions, error mapping, type hints."""
import os
import typing

import pytest

import cordon
from cordon import _native


def test_loads_build_tree_library():
    # The extension is linked with an rpath to the build tree's lib/.libs.
    builddir = os.environ.get("abs_top_builddir")
    if builddir:
        assert cordon.__file__.startswith(os.path.join(builddir, "bindings", "python"))
        with open("/proc/self/maps") as f:
            libs = {line.split()[-1] for line in f if "libcordon.so" in line}
        assert libs == {os.path.realpath(os.path.join(builddir, "lib", ".libs",
                                                      "libcordon.so.0"))}, libs


def test_version():
    v = cordon.version()
    assert v == cordon.__version__
    major, minor, patch = (int(x) for x in v.split("."))
    assert cordon.version_number() == major * 10000 + minor * 100 + patch


def test_strerror():
    assert cordon.strerror(0)
    assert cordon.strerror(-5) != cordon.strerror(-4)
    assert cordon.strerror(-999) == "unknown error"


def test_formats():
    names = dict(cordon.formats())
    for want in ("ofac_csv", "un_xml", "ofac_xml", "us_csl_csv", "bis_dpl"):
        assert want in names and names[want]


@pytest.mark.parametrize("given,want", [
    ("North Korea", "KP"), ("Iran (Islamic Republic of)", "IR"), ("Türkiye", "TR"),
    ("deu", "DE"), ("643", "RU"), ("UK", "GB"), (b"Ivory Coast", "CI"),
])
def test_country_iso2(given, want):
    assert cordon.country_iso2(given) == want


@pytest.mark.parametrize("given", ["Korea", "", "Atlantis", b"\xff\xfe"])
def test_country_unknown(given):
    assert cordon.country_iso2(given) is None


def test_country_name():
    assert "Korea" in cordon.country_name("kp")
    assert cordon.country_name("QQ") is None
    assert cordon.country_name("K\0P") is None


@pytest.mark.parametrize("code,kind,want,want_kind", [
    ("3a001a5a3", cordon.CodeKind.AUTO, "3A001.a.5.a.3", cordon.CodeKind.ECCN),
    ("0101.21", cordon.CodeKind.AUTO, "010121", cordon.CodeKind.HS),
    ("EAR99", cordon.CodeKind.AUTO, "EAR99", cordon.CodeKind.ECCN),
])
def test_normalize_code(code, kind, want, want_kind):
    assert cordon.normalize_code(code, kind) == (want, want_kind)


def test_normalize_code_error_fields():
    with pytest.raises(cordon.ParseError) as ei:
        cordon.normalize_code("8.54E+05")
    e = ei.value
    assert isinstance(e, cordon.Error) and isinstance(e, ValueError)
    assert e.code == -5 == cordon.ParseError.code
    assert (e.offset, e.line, e.column, e.detail) == (4, 1, 5, 0)
    assert "scientific notation" in e.message and str(e) == e.message
    assert "ParseError(code=-5" in repr(e)


def test_error_classes_cover_every_code():
    codes = {}
    for name in cordon.__all__:
        obj = getattr(cordon, name)
        if isinstance(obj, type) and issubclass(obj, cordon.Error) and obj is not cordon.Error:
            codes[obj.code] = obj
            assert obj.__doc__ and obj.__module__ == "cordon"
    assert sorted(codes) == list(range(-14, 0))
    for code, cls in codes.items():
        assert cls.__doc__.startswith("CORDON_E_")
        e = cls(code)
        assert e.message == cordon.strerror(code)
    assert issubclass(cordon.NotFoundError, LookupError)
    assert issubclass(cordon.RangeError, IndexError)
    assert issubclass(cordon.NoMemError, MemoryError)


def test_type_hints_resolve():
    for fn in (cordon.match if hasattr(cordon, "match") else cordon.analyze,
               cordon.analyze, cordon.country_iso2, cordon.normalize_code,
               cordon.Db.compile, cordon.Db.open, cordon.Db.entity):
        hints = typing.get_type_hints(fn)
        assert "return" in hints, fn
        assert fn.__doc__


def test_native_is_api_mode():
    # Out-of-line API mode: the module was compiled against the header.
    assert type(_native.lib).__name__ == "Lib"
    assert _native.lib.CORDON_E_STATE == -14
