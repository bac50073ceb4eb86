"""Tsunagu's Qt-free core: store, cases, interviews, screening, referrals, printing.

Nothing in this package imports PySide6 or ``ui``; tests/test_layering.py enforces it.
"""

__version__ = "0.1.0"
