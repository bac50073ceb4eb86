"""Validation problems in data files, reported with file, item id and field.

Loading the indicator catalog or the question bank collects every problem it finds instead of
stopping at the first, so one run of ``tsunagu questions check`` shows them all. Each problem names
the file, the item (question, section, indicator...) and the field, as design.md asks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.errors import UserError
from app.i18n import N_

ISSUE_TEMPLATE = N_("{file}: {kind} '{item}', field '{field}': {problem}")


@dataclass(frozen=True)
class Issue:
    """One problem in one field of one item of one file (a message id plus its parameters)."""

    file: str
    kind: str
    item: str
    field: str
    msgid: str
    params: dict = field(default_factory=dict)

    def problem(self, translate=None) -> str:
        text = translate(self.msgid) if translate else self.msgid
        return text.format(**self.params)

    def message(self) -> str:
        from app.i18n import _

        return _(ISSUE_TEMPLATE).format(
            file=self.file, kind=self.kind, item=self.item, field=self.field,
            problem=self.problem(_),
        )

    def __str__(self) -> str:
        return ISSUE_TEMPLATE.format(
            file=self.file, kind=self.kind, item=self.item, field=self.field,
            problem=self.problem(),
        )


class ValidationFailed(UserError):
    """A data file (question bank or indicator catalog) has problems; nothing was loaded."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = list(issues)
        details = "\n".join(str(i) for i in self.issues)
        super().__init__(N_("{count} problem(s) found:\n{details}"), count=len(self.issues),
                         details=details)

    def message(self) -> str:
        from app.i18n import _

        details = "\n".join(i.message() for i in self.issues)
        return _(self.msgid).format(count=len(self.issues), details=details)


class IssueLog:
    """Collects issues while a loader walks its files; raises them all together at the end."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def add(self, file: str, kind: str, item: str, field_name: str, msgid: str,
            **params: object) -> None:
        self.issues.append(Issue(file, kind, str(item), field_name, msgid, dict(params)))

    def raise_if_any(self) -> None:
        if self.issues:
            raise ValidationFailed(self.issues)
