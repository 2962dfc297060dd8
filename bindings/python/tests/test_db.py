"""cordon.Db: compile, open, save, provenance, entities, errors."""
import os

import pytest

import cordon
from conftest import SAMPLE_SHA256, shared_path

BAD_UN = (b'<?xml version="1.0"?>\n<CONSOLIDATED_LIST dateGenerated="2026-01-01">\n'
          b"<INDIVIDUALS>\n<INDIVIDUAL><DATAID>1</DATAID>\n</CONSOLIDATED_LIST>\n")


def test_sample_lists(sample_db):
    (l,) = sample_db.lists
    assert (l.index, l.id, l.publisher, l.format) == (0, "us_ofac_sdn", "US Treasury OFAC",
                                                      "ofac_csv")
    assert (l.entities, l.names, l.skipped) == (17, 46, 9)
    assert l.sha256 == SAMPLE_SHA256
    assert l.source == "add.csv alt.csv sdn.csv sdn_comments.csv"
    assert l.skipped_rows[0] == (12, "add.csv:12: ent_num 12562 has no primary record")
    assert len(sample_db) == 17


def test_sample_entity(sample_db):
    e = sample_db.entity("us_ofac_sdn", "10278")
    assert e["type"] == "person" and e["id"] == "10278"
    assert e["names"][0] == {"name": "LOGAN MOREY, Elvis Angus", "kind": "primary",
                             "given": "Elvis Angus", "family": "LOGAN MOREY"}
    assert e["dates_of_birth"] == [{"date": "1963-07-28"}]
    assert {"type": "passport", "number": "P0017003", "country": "BZ"} in e["identifiers"]
    assert e["provenance"]["sha256"] == SAMPLE_SHA256
    # Entity id as int, any list.
    assert sample_db.entity(None, 10278) == e
    idx = sample_db.find("us_ofac_sdn", "10278")
    assert sample_db.entity_at(idx) == e
    assert sample_db.entity_names(idx) == [("LOGAN MOREY, Elvis Angus", cordon.NameKind.PRIMARY),
                                           ("BURTON BURGESS", cordon.NameKind.AKA)]


def test_entity_errors(sample_db):
    with pytest.raises(cordon.NotFoundError) as ei:
        sample_db.entity("us_ofac_sdn", "999999999")
    assert ei.value.code == -10
    with pytest.raises(LookupError):
        sample_db.find("un_sc", "10278")
    with pytest.raises(cordon.RangeError):
        sample_db.entity_at(17)
    with pytest.raises(cordon.RangeError):
        sample_db.entity_at(-1)
    with pytest.raises(cordon.RangeError):
        sample_db.entity_names(10 ** 6)


def test_save_open_roundtrip(sample_db, tmp_path):
    snap = tmp_path / "sample.cdb"
    sample_db.save(snap)
    with cordon.Db.open(snap) as db:
        assert db.lists == sample_db.lists
        assert [db.entity_at(i) for i in range(len(db))] == \
               [sample_db.entity_at(i) for i in range(len(sample_db))]
    assert db.closed
    with pytest.raises(cordon.StateError):
        db.lists
    db.close()  # twice is fine
    assert repr(db) == "<cordon.Db closed>"


def test_open_errors(tmp_path):
    with pytest.raises(cordon.IoError) as ei:
        cordon.Db.open(tmp_path / "missing.cdb")
    assert ei.value.detail == 2 and "missing.cdb" in ei.value.message
    bad = tmp_path / "bad.cdb"
    bad.write_bytes(b"hello")
    with pytest.raises(cordon.CorruptError) as ei:
        cordon.Db.open(bad)
    assert "too short" in ei.value.message


def test_compile_parse_error(tmp_path):
    p = tmp_path / "bad.xml"
    p.write_bytes(BAD_UN)
    with pytest.raises(cordon.ParseError) as ei:
        cordon.Db.compile([p])
    e = ei.value
    assert (e.line, e.column) == (5, 21) and "bad.xml" in e.message
    assert e.detail == 76  # libxml2 XML_ERR_TAG_NAME_MISMATCH


def test_compile_buffers():
    with pytest.raises(cordon.ParseError) as ei:
        cordon.Db.from_buffers([("bad.xml", BAD_UN)])
    assert ei.value.line == 5
    with open(shared_path("un/2026-02/UN_consolidated.xml"), "rb") as f:
        data = f.read()
    db = cordon.Db.from_buffers([("UN_consolidated.xml", data)], list_id="un_test")
    assert [(l.id, l.entities) for l in db.lists] == [("un_test", 1003)]
    with pytest.raises(TypeError):
        cordon.Db.from_buffers([("x.xml", "not bytes")])


def test_compile_format_errors(tmp_path):
    p = tmp_path / "bad.xml"
    p.write_bytes(BAD_UN)
    with pytest.raises(cordon.FormatError):
        cordon.Db.compile([p], format="ofac_csv")
    with pytest.raises(cordon.FormatError):
        cordon.Db.compile([p], format="nosuch")
    with pytest.raises(cordon.IoError):
        cordon.Db.compile([tmp_path / "nothing-here"])


def test_un_list(un_db):
    (l,) = un_db.lists
    assert (l.id, l.entities, l.names, l.date, l.format) == ("un_sc", 1003, 4123, "2026-02-27",
                                                             "un_xml")
    assert l.publisher == "United Nations Security Council"
    houthis = un_db.entity("un_sc", "YEe.001")
    assert houthis["type"] == "organization"
    assert [n["name"] for n in houthis["names"][:2]] == ["THE HOUTHIS", "ANSARALLAH"]
    assert un_db.entity_at(0)["names"][0]["name"] == "ERIC BADEGE"


def test_compile_several_sources():
    db = cordon.Db.compile([shared_path("ofac/sample_ofactest"),
                            shared_path("un/2026-02/UN_consolidated.xml")], lenient=True)
    with db:
        assert [(l.id, l.entities) for l in db.lists] == [("us_ofac_sdn", 17), ("un_sc", 1003)]
        assert len(db) == 1020
        assert db.entity(None, "YEe.001")["names"][0]["name"] == "THE HOUTHIS"


def test_compile_single_path_and_pathlike(tmp_path):
    import pathlib
    db = cordon.Db.compile(pathlib.Path(shared_path("un/2026-02/UN_consolidated.xml")))
    assert len(db) == 1003
    db.close()
