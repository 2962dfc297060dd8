"""cordon.match / Matcher, transactions (screen_txn), db.classify."""
import pathlib
from concurrent.futures import ThreadPoolExecutor

import pytest

import cordon
from conftest import shared_path

RULES = pathlib.Path(__file__).resolve().parents[3] / "data" / "rules"


def test_match_scores():
    s = cordon.match("Vladimir Putin", "ПУТИН Владимир Владимирович", "person")
    assert s >= cordon.match_threshold("person")
    assert cordon.match("Acme Trading LLC", "Globex Shipping Ltd", "organization") < \
        cordon.match_threshold("organization")
    assert cordon.match("x", "x") == pytest.approx(cordon.match(b"x", b"x"))
    assert 0 < cordon.match_threshold() < 1


def test_matcher_explain():
    m = cordon.Matcher()
    with pytest.raises(cordon.StateError):
        m.explain()
    s = m.score("Acme Trading LLC", "ACME TRADING LIMITED LIABILITY COMPANY", "organization")
    e = m.explain()
    assert [t["how"] for t in e["tokens"]] == ["exact", "exact"]
    assert e["name_score"] == pytest.approx(s, abs=1e-3) or e["score"] == pytest.approx(s, abs=1e-3)


def test_match_errors():
    with pytest.raises(cordon.Utf8Error) as ei:
        cordon.match(b"ab\xff", "ab")
    assert ei.value.offset == 2
    with pytest.raises(cordon.LimitError):
        cordon.match("a" * (64 * 1024 + 1), "a")
    with pytest.raises(cordon.InvalidError):
        cordon.match("a", "b", "planet")


def test_match_threads_identical(un_db):
    names = [un_db.entity_names(i)[0][0] for i in range(0, len(un_db), 3)]
    pairs = [(names[i], names[(i * 7 + 1) % len(names)]) for i in range(len(names))]
    pairs += [(n, n.lower()) for n in names]
    one = [cordon.match(a, b) for a, b in pairs]
    with ThreadPoolExecutor(8) as ex:
        for _ in range(2):
            assert list(ex.map(lambda p: cordon.match(*p), pairs)) == one


def test_screen_txn_party_block(un_db):
    v = un_db.screen_txn({"id": "T1", "parties": [{"role": "buyer", "name": "The Houthis",
                                                    "type": "organization"}]})
    assert (v.id, v.decision) == ("T1", "BLOCK")
    (r,) = v.reasons
    assert (r.code, r.decision) == ("PARTY_MATCH", "BLOCK")
    assert r.evidence["entity_id"] == "YEe.001" and r.evidence["list_date"] == "2026-02-27"
    assert v.data["verdict"] == "BLOCK"


def test_screen_txn_clear_and_rules(un_db):
    rules = cordon.Rules([RULES / "demo-rules.xml", RULES / "embargoes.xml"])
    clear = un_db.screen_txn('{"id":"T2","destination":"FR","parties":[{"role":"buyer",'
                             '"name":"Lefevre Hydraulique SARL","type":"organization"}],'
                             '"items":[{"description":"water pump","hs":"841370"}]}', rules)
    assert (clear.decision, clear.reasons) == ("CLEAR", ())
    emb = cordon.screen_txn({"id": "T3", "destination": "Sevastopol, Crimea",
                             "items": [{"description": "office chairs", "hs": "940130"}]},
                            rules=rules)
    assert emb.decision == "BLOCK" and {r.code for r in emb.reasons} == {"EMBARGO"}


def test_screen_txn_errors(un_db):
    with pytest.raises(cordon.ParseError) as ei:
        un_db.screen_txn('{"id": "T4", "partys": []}')
    assert "partys" in ei.value.message
    with pytest.raises(cordon.ParseError) as ei:
        un_db.screen_txn('{"id": \n"T4",,}')
    assert ei.value.line == 2


def test_db_classify_rules(tmp_path):
    with pytest.raises(cordon.NotFoundError):
        cordon.Db.compile([shared_path("ofac/sample_ofactest")], lenient=True).classify("x")
