"""Fixtures of the cordon Python binding tests (run by `make check`)."""
import os

import pytest

import cordon

SAMPLE_SHA256 = "ba4ff91cb449c3e8185d52a66e19bb2fb6ee481c02e605ba09f837207fff992c"


def shared_path(rel):
    """Path of a real list file under $CORDON_SHARED_DATA, or skip the test."""
    d = os.environ.get("CORDON_SHARED_DATA")
    if not d:
        pytest.skip("CORDON_SHARED_DATA not set: skipping test on real list %s" % rel)
    p = os.path.join(d, rel)
    if not os.path.exists(p):
        pytest.skip("shared data %s not found (set CORDON_SHARED_DATA)" % p)
    return p


@pytest.fixture(scope="session")
def sample_db():
    """The 17 real SDN records of ofac/sample_ofactest, lenient."""
    db = cordon.Db.compile([shared_path("ofac/sample_ofactest")], lenient=True)
    yield db
    db.close()


@pytest.fixture(scope="session")
def un_db():
    """The UN Security Council consolidated list of 2026-02-27."""
    db = cordon.Db.compile([shared_path("un/2026-02/UN_consolidated.xml")])
    yield db
    db.close()
