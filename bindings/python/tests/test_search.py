"""Db.search: ranked party search over the name index (cordon_screen_party)."""
import datetime
import json
import pathlib
from concurrent.futures import ThreadPoolExecutor

import pytest

import cordon
from conftest import shared_path

DEMO = pathlib.Path(__file__).resolve().parents[3] / "data" / "demo" / "lists"
THREADS = 8


@pytest.fixture(scope="module")
def demo_db():
    """The project's demo lists (6 OFAC SDN entries re-typed, 2 in-house)."""
    db = cordon.Db.compile([(DEMO / "demo_sanctions.csv", "demo_sanctions"),
                            (DEMO / "inhouse_denylist.tsv", "inhouse_deny")])
    yield db
    db.close()


@pytest.fixture(scope="module")
def sdn_db():
    """The OFAC SDN list of 2021-07 (sdn.csv, add.csv, alt.csv, sdn_comments.csv)."""
    db = cordon.Db.compile([shared_path("ofac/sdn_2021-07")])
    yield db
    db.close()


@pytest.mark.parametrize("query,list_id,entity_id,primary", [
    ("BANCO NACIONAL DE CUBA", "demo_sanctions", "306", "BANCO NACIONAL DE CUBA"),
    ("ARTAVIL", "demo_sanctions", "15036", "ARTAVIL"),
    ("Nordlicht Handels GmbH", "inhouse_deny", "IH-001", "Nordlicht Handels GmbH"),
    ("ZALDOSTANOV, Aleksandr", "demo_sanctions", "17318", "ZALDOSTANOV, Aleksandr"),
])
def test_listed_name_is_top_alert(demo_db, query, list_id, entity_id, primary):
    hits = demo_db.search(query)
    top = hits[0]
    assert (top.list, top.entity_id, top.primary_name) == (list_id, entity_id, primary)
    assert top.decision == "alert" and top.alert
    assert 0.0 < top.score <= 1.0
    assert top.score == max(h.score for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert demo_db.entity_at(top.entity_index)["id"] == entity_id
    assert top.list_date == ""  # the demo files state no publication date
    assert isinstance(top.content_hash, int) and top.content_hash != 0


def test_hit_fields_match_library_json(demo_db):
    (top,) = demo_db.search("Nordlicht Trading LLC", type="organization", limit=1)
    assert (top.name, top.primary_name) == ("Nordlicht Trading LLC", "Nordlicht Handels GmbH")
    d = top.to_dict()
    assert d["entity_id"] == "IH-001" and d["decision"] == "alert"
    assert d["content_hash"] == top.content_hash
    ex = top.explain(json=True)
    assert ex == d["explanation"] == json.loads(top.explanation_json)
    assert ex["score"] == pytest.approx(top.score, abs=1e-4)
    assert [t["query"] for t in ex["tokens"]][:2] == ["nordlicht", "trading"]
    text = top.explain()
    assert text.startswith("alert %.4f for Nordlicht Trading LLC (inhouse_deny IH-001)" % top.score)
    assert "nordlicht = nordlicht (exact" in text
    assert repr(top).startswith("<cordon.Hit ") and "IH-001" in repr(top)


def test_unlisted_name_does_not_alert(demo_db):
    for q in ("Johann Sebastian Bach", "Lefevre Hydraulique SARL", "Blue River Logistics GmbH"):
        assert not [h for h in demo_db.search(q) if h.alert], q


def test_cyrillic_alias(demo_db):
    top = demo_db.search("Александр Залдостанов", type="person")[0]
    assert (top.entity_id, top.decision) == ("17318", "alert")


def test_filters_accepted(demo_db):
    base = demo_db.search("Aleksandr Zaldostanov", type="person")[0]
    hits = demo_db.search("Aleksandr Zaldostanov", type=cordon.EntityType.PERSON,
                          country=["RU", "Russia"], dob="1963-01-19",
                          identifiers=[("passport", "X123"), (None, "Y-9", "RU")])
    assert hits[0].entity_id == "17318" and hits[0].alert
    # Matching evidence (date of birth, country) raises the score and is explained.
    assert hits[0].score > base.score
    kinds = {e["kind"] for e in hits[0].explain(json=True)["evidence"]}
    assert {"dob", "country"} <= kinds
    assert demo_db.search("Aleksandr Zaldostanov", country="RU",
                          dob=datetime.date(1963, 1, 19))[0].score == hits[0].score
    # Several names, bytes, options.
    hits = demo_db.search(["Nobody Special", b"ARTAVIL"], type="vessel", limit=1)
    assert [h.entity_id for h in hits] == ["15036"]
    assert demo_db.search("ARTAVIL", exhaustive=True)[0].entity_id == "15036"
    assert not [h for h in demo_db.search("ARTAVILLE", threshold=1.0) if h.alert]
    many = demo_db.search("ATIF Muhammad", limit=1)
    assert len(many) == 1


def test_bad_input_raises_with_error_fields(demo_db):
    with pytest.raises(cordon.Utf8Error) as ei:
        demo_db.search(b"BANCO \xff NACIONAL")
    e = ei.value
    assert (e.code, e.offset) == (cordon.Utf8Error.code, 6)
    assert "UTF-8" in e.message
    with pytest.raises(cordon.Utf8Error):
        demo_db.search("lone \udc80 surrogate")
    with pytest.raises(cordon.InvalidError) as ei:
        demo_db.search("ARTAVIL", type=9)
    assert ei.value.code == -1 and "type" in ei.value.message
    with pytest.raises(cordon.InvalidError, match="unknown entity type"):
        demo_db.search("ARTAVIL", type="spaceship")
    with pytest.raises(cordon.InvalidError) as ei:
        demo_db.search("ARTAVIL", dob="the day before yesterday")
    assert ei.value.message.startswith("not a date")
    with pytest.raises(cordon.InvalidError, match="unknown country"):
        demo_db.search("ARTAVIL", country="Atlantis")
    with pytest.raises(cordon.InvalidError, match="no name"):
        demo_db.search([])
    with pytest.raises(cordon.LimitError):
        demo_db.search(["ARTAVIL"] * 17)
    with pytest.raises(cordon.InvalidError):
        demo_db.search("ARTAVIL", limit=0)
    with pytest.raises(cordon.RangeError):
        demo_db.search("ARTAVIL", threshold=1.5)
    with pytest.raises(cordon.InvalidError, match="NUL"):
        demo_db.search("ARTAVIL", country="R\0U")
    with pytest.raises(TypeError):
        demo_db.search(42)
    with pytest.raises(TypeError):
        demo_db.search("ARTAVIL", identifiers=["P123"])
    # The db still answers after errors.
    assert demo_db.search("ARTAVIL")[0].entity_id == "15036"


def test_closed_db(demo_db, tmp_path):
    p = tmp_path / "demo.cdb"
    demo_db.save(p)
    with cordon.Db.open(p) as db:
        hits = db.search("BANCO NACIONAL DE CUBA")
    with pytest.raises(cordon.StateError):
        db.search("BANCO NACIONAL DE CUBA")
    # Hits read before closing keep their fields and explanation.
    assert hits[0].entity_id == "306" and hits[0].explain(json=True)["tokens"]


def _queries(db):
    names = []
    for i in range(len(db)):
        for n, _ in db.entity_names(i):
            names.append(n)
    return names + [n[:len(n) // 2] + n[len(n) // 2 + 1:] for n in names] + \
        ["Johann Sebastian Bach", "Blue River Logistics GmbH", "Emma Lindqvist"]


def _run(db, queries):
    return [[h.to_dict() for h in db.search(q, limit=5)] for q in queries]


def test_threads_same_results_demo(demo_db):
    qs = _queries(demo_db)
    serial = _run(demo_db, qs)
    jobs = [qs[w:] + qs[:w] for w in range(THREADS)]
    with ThreadPoolExecutor(THREADS) as ex:
        multi = list(ex.map(lambda j: _run(demo_db, j), jobs))
    for w, got in enumerate(multi):
        assert got == serial[w:] + serial[:w]


def test_threads_same_results_sdn(sdn_db):
    qs = [sdn_db.entity_names(i * 37)[0][0] for i in range(len(sdn_db) // 37)][:160]
    serial = _run(sdn_db, qs)
    assert sum(1 for hs in serial if hs and hs[0]["decision"] == "alert") >= len(qs) * 9 // 10
    with ThreadPoolExecutor(THREADS) as ex:
        chunks = [qs[k::THREADS] for k in range(THREADS)]
        multi = list(ex.map(lambda j: _run(sdn_db, j), chunks))
    for k in range(THREADS):
        assert multi[k] == serial[k::THREADS]


def test_real_sdn_names(sdn_db):
    (l,) = sdn_db.lists
    assert (l.id, l.entities) == ("us_ofac_sdn", 8976)
    top = sdn_db.search("Oleg Deripaska", type="person")[0]
    assert (top.list, top.entity_id, top.primary_name) == \
        ("us_ofac_sdn", "24283", "DERIPASKA, Oleg Vladimirovich")
    assert top.alert
    # Transliterated from Cyrillic, with a typo, and via an alias.
    assert sdn_db.search("Олег Дерипаска")[0].entity_id == "24283"
    assert sdn_db.search("Oleg Deripsaka", type="person")[0].entity_id == "24283"
    top = sdn_db.search("BANCO NACIONAL DE CUBA")[0]
    assert (top.entity_id, top.alert) == ("306", True)
    assert not [h for h in sdn_db.search("Wilhelmina Fairweather", type="person") if h.alert]


def test_real_un_entity(un_db):
    top = un_db.search("The Houthis", type="organization")[0]
    assert (top.list, top.entity_id, top.alert) == ("un_sc", "YEe.001", True)
    assert top.list_date == "2026-02-27"
