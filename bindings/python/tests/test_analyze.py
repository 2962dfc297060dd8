"""cordon.analyze: the name analysis pipeline."""
import pytest

import cordon
from cordon import TokenKind


def test_organization_tokens():
    a = cordon.analyze("Dr. Юрий Gagarin Holdings GmbH", "organization")
    assert a.normalized == "dr yuriy gagarin holdings gmbh"
    assert [t.text for t in a.tokens] == ["dr", "yuriy", "gagarin", "holdings", "gmbh"]
    gmbh = a.tokens[-1]
    assert (gmbh.kind, gmbh.legal_class, gmbh.script) == (TokenKind.LEGAL, "LLC", "latin")
    yuriy = a.tokens[1]
    assert yuriy.script == "cyrillic"
    # Byte span in the UTF-8 input: "Юрий" is 8 bytes at offset 4.
    assert (yuriy.offset, yuriy.length) == (4, 8)
    assert a.data["normalized"] == a.normalized
    assert len(a.data["tokens"]) == 5


def test_person_kinds():
    a = cordon.analyze("Mr. Juri al-Hassan II", type=cordon.EntityType.PERSON)
    kinds = [(t.text, t.kind) for t in a.tokens]
    assert kinds == [("mr", TokenKind.HONORIFIC), ("juri", TokenKind.WORD),
                     ("al", TokenKind.PARTICLE), ("hassan", TokenKind.WORD),
                     ("ii", TokenKind.NUMBER)]
    assert a.tokens[1].phonetic == ("JR", "AR")


def test_skeletons_meet():
    sk = {cordon.analyze(n, "person").tokens[0].skeleton for n in ("Yuriy", "Iurii", "Юрий")}
    assert len(sk) == 1


def test_type_as_int_and_name():
    assert (cordon.analyze("ACME LLC", 2).tokens[1].kind
            == cordon.analyze("ACME LLC", "Organization").tokens[1].kind == TokenKind.LEGAL)
    with pytest.raises(cordon.InvalidError):
        cordon.analyze("x", "planet")
    with pytest.raises(cordon.InvalidError):
        cordon.analyze("x", 9)


def test_empty_and_symbols():
    assert cordon.analyze("").tokens == ()
    assert cordon.analyze("!!! ---").normalized == ""


def test_bad_utf8_bytes():
    with pytest.raises(cordon.Utf8Error) as ei:
        cordon.analyze(b"ab\xffc")
    assert ei.value.offset == 2 and ei.value.code == -3


def test_lone_surrogate_str():
    with pytest.raises(cordon.Utf8Error) as ei:
        cordon.analyze("ab\ud800")
    assert ei.value.offset == 2


def test_too_long():
    with pytest.raises(cordon.LimitError):
        cordon.analyze("a" * (64 * 1024 + 1))


def test_wrong_type():
    with pytest.raises(TypeError):
        cordon.analyze(42)
