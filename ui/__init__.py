"""The PySide6 desktop program. Calls app/ for everything; holds no SQL and no case data at rest.

PySide6 is pinned to 6.11.3: shiboken6 6.12.0 under CPython 3.11 returns ``None`` from every
void C++ method without taking a reference, and aborts the interpreter after a few thousand
calls ("none_dealloc"). tests/ui/test_binding.py fails if an upgrade brings that back.
"""
