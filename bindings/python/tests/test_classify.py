"""cordon.Rules: rule packs, code lists, item classification, embargoes."""
import pathlib
from concurrent.futures import ThreadPoolExecutor

import pytest

import cordon
from conftest import shared_path

RULES = pathlib.Path(__file__).resolve().parents[3] / "data" / "rules"


@pytest.fixture(scope="module")
def rules():
    return cordon.Rules([RULES / "demo-rules.xml", RULES / "embargoes.xml"])


def test_counts(rules):
    assert (rules.entry_count, rules.embargo_count) == (13, 25)
    assert repr(rules) == "<cordon.Rules 13 entries, 25 embargo rules>"


def test_adc_by_parameters(rules):
    c = rules.classify("AD9208 analog-to-digital converter 14-bit 3 GSPS", tariff_code="854239")
    assert c.controlled
    top = c.candidates[0]
    assert (top.list, top.code, top.reason) == ("eu-dual-use-demo", "3A001.a.5.a.4", "parameter")
    assert top.confidence == pytest.approx(0.95)
    assert "sample_rate 3000 MSPS > 250 MSPS" in top.evidence and top.missing == ""
    assert top.legal.startswith("Regulation (EU) 2021/821")
    assert c.data["candidates"][0]["code"] == top.code


def test_explicit_params_override(rules):
    c = rules.classify("analog-to-digital converter", params={"resolution": "14 bit",
                                                               "sample_rate": "3 GSPS"})
    assert c.candidates[0].code == "3A001.a.5.a.4"


def test_declared_code(rules):
    c = rules.classify(control_code="3a001a5a1")
    assert (c.candidates[0].code, c.candidates[0].reason) == ("3A001.a.5.a.1", "declared")


def test_embargo_region(rules):
    c = rules.classify("office chairs", destination="Sevastopol, Crimea")
    assert not c.controlled
    assert len(c.embargoes) == 3 and all(e.block for e in c.embargoes)
    assert {e.text.split(":")[0] for e in c.embargoes} == {"US", "EU", "UK"}


def test_not_controlled(rules):
    c = rules.classify("wooden garden bench", tariff_code="940161", destination="France")
    assert c.candidates == () and c.embargoes == ()


def test_errors(rules, tmp_path):
    with pytest.raises(cordon.ParseError) as ei:
        rules.classify(tariff_code="8.54E+05")
    assert (ei.value.offset, ei.value.column) == (4, 5)
    with pytest.raises(cordon.Utf8Error):
        rules.classify(b"bad \xff utf8")
    with pytest.raises(cordon.Error):
        rules.classify(params={"sample_rate": "fast"})
    bad = tmp_path / "bad.xml"
    bad.write_text('<rules xmlns="urn:cordon:rules:1" version="1"><list></rules>')
    with pytest.raises(cordon.ParseError) as ei:
        cordon.Rules([bad])
    assert ei.value.line == 1 and "bad.xml" in ei.value.message
    with pytest.raises(cordon.IoError):
        cordon.Rules([tmp_path / "missing.xml"])


def test_real_chpl_code_list():
    r = cordon.Rules()
    r.add_file(shared_path("control/chpl_hs6_tiers.tsv"), "code_list", "chpl")
    assert r.entry_count == 50
    (c,) = r.classify("integrated circuit", tariff_code="854231").candidates
    assert (c.list, c.code, c.tier, c.reason, c.confidence) == ("chpl", "854231", "1",
                                                                "hs_prefix", 1.0)
    assert r.classify(tariff_code="010121").candidates == ()


def test_threads_share_rules(rules):
    items = [("AD9208 analog-to-digital converter 14-bit 3 GSPS", "854239"),
             ("wooden garden bench", "940161"), ("analog-to-digital converter", None)] * 30
    one = [rules.classify(d, tariff_code=t) for d, t in items]
    with ThreadPoolExecutor(8) as ex:
        many = list(ex.map(lambda it: rules.classify(it[0], tariff_code=it[1]), items))
    assert many == one
