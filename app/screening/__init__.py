"""Screening: the ILO/EC indicator catalog with Japan extensions, the rules, an explainable result.

catalog.py and texts.py (TOML data, English and Japanese), rules.py (dimension rule and
combinations), classify.py, legal.py (Protocol Art. 3 and Immigration Act Art. 2 (vii)),
next_steps.py, engine.py (``screen``), result.py (JSON-safe, versioned), render.py (text),
commands.py (``tsunagu screen``). A result supports the staff's judgement; it decides nothing.
"""
