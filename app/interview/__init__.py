"""Interviews: the question bank (TOML, checked on load) and the flow engine. No Qt here.

bank.py (reading), conditions.py (the skip/branch grammar), answers.py (answer types),
validate.py and graph.py (load-time checks), load.py (read + check), flow.py (next, back, skip,
pause, resume; Session as a plain dict), observe.py (answers to signs to a screening result),
commands.py (``tsunagu questions check``).
"""
