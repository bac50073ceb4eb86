# The two commands: `make run` and `make test`. Each does all the set-up it needs on a fresh
# Debian 12 machine with Python 3.11: Debian packages, the .venv, pinned dependencies.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench i18n setup clean-venv

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock scripts/system-deps.sh
	@bash scripts/system-deps.sh
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	@echo "tsunagu: installing Python packages into $(VENV)"
	@$(VENV)/bin/python -m pip install -q --disable-pip-version-check --only-binary sqlcipher3 -r requirements.lock
	@$(VENV)/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

run: $(STAMP)
	@bash scripts/run.sh

test: $(STAMP)
	@$(VENV)/bin/python -m pytest

bench: $(STAMP)
	@$(VENV)/bin/python -m bench

i18n: $(STAMP)
	@$(VENV)/bin/python -m tools.catalogs update

clean-venv:
	rm -rf $(VENV)
