"""cordon — sanctions and export-control screening (Python binding).

A thin, typed layer over libcordon's public C API (``<cordon/cordon.h>``)::

    import cordon
    with cordon.Db.compile(["sdn_2021-07/"]) as db:
        print(db.lists[0].id, len(db))
        print(db.entity("us_ofac_sdn", "306")["names"][0])

Errors are raised as subclasses of :class:`cordon.Error` (one per
``CORDON_E_*`` code) carrying ``code``, ``detail``, ``offset``, ``line``,
``column`` and ``message``. A :class:`Db` is immutable and may be shared by
any number of threads; the GIL is released inside the C calls.
"""
from ._core import *  # noqa: F401,F403
from ._core import __all__  # noqa: F401

__version__ = version()  # noqa: F405
