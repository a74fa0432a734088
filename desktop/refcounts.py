"""A guard against a reference-counting defect of PySide6 6.12 on CPython 3.11.

In that combination every call of a Qt method that returns nothing (setText, show,
processEvents …) or of `Signal.emit()` gives up one reference to None, True or False that it
never took. The counts fall with use until CPython aborts with "none_dealloc: deallocating None"
or "bool_dealloc" — minutes or hours into a session. These three objects are never freed, so
giving them a very large count, as CPython 3.12 does for all of them ("immortal objects"), makes
the defect harmless. Nothing is changed on 3.12 and later, where they are immortal already.
"""
from __future__ import annotations

import ctypes
import sys

# 2**40 lost references: more than a lifetime of calls, far below the 63-bit limit.
MARGIN = 1 << 40


def make_singletons_immortal() -> None:
    if sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is the first field of every object
        if count.value < MARGIN:
            count.value += MARGIN
