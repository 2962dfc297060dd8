"""One Db shared by many threads: same answers as one thread, GIL released."""
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import cordon

THREADS = 8


def _work(db, indexes):
    out = []
    for i in indexes:
        out.append(db.entity_json(i))
        out.append(tuple(db.entity_names(i)))
        names = db.entity_names(i)
        a = cordon.analyze(names[0][0])
        out.append(a.normalized)
    return out


def test_many_threads_same_results(un_db):
    n = len(un_db)
    jobs = [[(k * 7 + w * 131) % n for k in range(n)] for w in range(THREADS)]
    single = [_work(un_db, j) for j in jobs]
    with ThreadPoolExecutor(THREADS) as ex:
        multi = list(ex.map(lambda j: _work(un_db, j), jobs))
    assert multi == single


def test_analyze_threads_same_results(un_db):
    names = [un_db.entity_names(i)[0][0] for i in range(len(un_db))]
    single = [cordon.analyze(x) for x in names]
    with ThreadPoolExecutor(THREADS) as ex:
        for _ in range(3):
            assert list(ex.map(cordon.analyze, names)) == single


def test_close_while_in_use(un_db):
    db = cordon.Db.open  # keep a reference to the class method for clarity
    import tempfile, os
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, "un.cdb")
        un_db.save(p)
        db = cordon.Db.open(p)
        stop = threading.Event()
        errors = []

        def reader():
            while not stop.is_set():
                try:
                    db.entity_json(5)
                except cordon.StateError:
                    return
                except Exception as e:  # pragma: no cover
                    errors.append(e)
                    return

        ts = [threading.Thread(target=reader) for _ in range(4)]
        for t in ts:
            t.start()
        time.sleep(0.05)
        db.close()
        stop.set()
        for t in ts:
            t.join()
        assert errors == []
        with pytest.raises(cordon.StateError):
            db.entity_json(5)
