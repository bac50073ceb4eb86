"""Benchmarks (``make bench``): each prints its figures and adds them to bench/results.json.

Figures are measured, not asserted: timing assertions flake on shared machines. Targets from
the issues are printed beside each figure so a reader sees at once whether it is met.
"""
