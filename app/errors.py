"""The one exception type for expected failures (qutebrowser's pattern).

A wrong password, a corrupt file, a newer schema or a full disk is not a bug: it becomes a
``UserError`` carrying an English message marked for translation, shown to the user in their
language. Anything else is a bug and reaches the crash handler. Messages never contain case data.
"""

from __future__ import annotations


class UserError(Exception):
    """An expected failure with a plain message for staff.

    ``msgid`` is an English source string (a gettext message id with ``{named}`` placeholders);
    ``params`` fill the placeholders. ``exit_code`` is what the command line exits with.
    """

    exit_code = 1

    def __init__(self, msgid: str, **params: object) -> None:
        super().__init__(msgid)
        self.msgid = msgid
        self.params = params

    def message(self) -> str:
        """The message in the current staff language.

        Text parameters are looked up too: a field label passed as ``N_("Alias")`` must read
        「別名」 in a Japanese message, not "Alias". Anything else (a file name, a code) has no
        catalog entry and comes back unchanged.
        """
        from app.i18n import _

        params = {k: _(v) if isinstance(v, str) and v else v for k, v in self.params.items()}
        return _(self.msgid).format(**params)

    def __str__(self) -> str:
        return self.msgid.format(**self.params)


class AuthError(UserError):
    """Wrong user name, password or recovery key. Deliberately does not say which."""

    exit_code = 2


class StoreFileError(UserError):
    """The file is not a Tsunagu store, or it is damaged; it was not changed."""

    exit_code = 3


class PermissionDenied(UserError):
    """The signed-in account's role does not allow this action."""

    exit_code = 4
