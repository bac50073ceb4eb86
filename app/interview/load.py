"""Load and check a question bank in one call; nothing is returned while any problem remains."""

from __future__ import annotations

from pathlib import Path

from app.interview.bank import QUESTIONS_DIR, Bank, read_bank
from app.interview.validate import check_bank
from app.screening.catalog import Catalog
from app.screening.issues import Issue, IssueLog


def bank_issues(directory: Path | str = QUESTIONS_DIR,
                catalog: Catalog | None = None) -> tuple[Bank, list[Issue]]:
    """The bank as read and every problem found in it (for ``tsunagu questions check``)."""
    if catalog is None:
        from app.screening.engine import default_catalog

        catalog = default_catalog()
    log = IssueLog()
    bank = read_bank(directory, log)
    check_bank(bank, catalog, log)
    return bank, log.issues


def load_bank(directory: Path | str = QUESTIONS_DIR, catalog: Catalog | None = None) -> Bank:
    """The checked bank, or ValidationFailed listing every problem with file, id and field."""
    bank, issues = bank_issues(directory, catalog)
    log = IssueLog()
    log.issues = issues
    log.raise_if_any()
    return bank
