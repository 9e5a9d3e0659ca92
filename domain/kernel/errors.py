"""Domain errors: each carries a message a clerk can act on, and the same refusal as data.

``BadInput`` is for input that is malformed (CLI exit 2); ``RuleViolation`` and its
subclasses are for well-formed requests that a business rule refuses (CLI exit 3).

``str(exc)`` is the English sentence the command line prints. A screen never reads it back:
it says the refusal from ``code`` and ``params`` (``domain.kernel.refusals`` lists the codes and their
English; ``ui.refusals`` holds the translatable template of each).
"""

from __future__ import annotations

from collections.abc import Mapping


class DomainError(Exception):
    """Base of every error the domain raises on purpose.

    Args:
        message: the English sentence (``str(exc)``).
        code: a stable code of ``domain.kernel.refusals.CODES`` naming what was refused; "" when the error has none
            (a screen then shows the English as it is).
        params: the values the sentence names, by name (a SKU, a number, a state).
    """

    def __init__(self, message: str = "", *, code: str = "", params: Mapping[str, object] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.params: dict[str, object] = dict(params or {})


class BadInput(DomainError):
    """A field holds a value that is not accepted.

    Args:
        field: the name of the field, as the user knows it.
        problem: what is wrong and what would be accepted.
        code: what is wrong as a code, for a screen that says it in its reader's language (the field
            checks of ``domain.kernel.validate`` give one); "" when none. Unlike other refusals, these codes are the
            problems of ``domain.imports.problems.ENGLISH`` (a field check says the same in an import report).
        values: the values the problem names, as text, in the order of the code's sentence.
    """

    def __init__(self, field: str, problem: str, *, code: str = "", values: tuple[object, ...] = ()) -> None:
        super().__init__(f"{field}: {problem}", code=code, params={"field": field})
        self.field = field
        self.problem = problem
        self.values = values


class RuleViolation(DomainError):
    """A well-formed request that a business rule refuses."""


class NotFound(RuleViolation):
    """A code, SKU, barcode or id that does not exist."""


class Duplicate(RuleViolation):
    """A business key (SKU, barcode, code) that is already taken."""


class InsufficientStock(RuleViolation):
    """Posting would drive stock negative where the warehouse does not allow it."""


class AlreadyReversed(RuleViolation):
    """A movement can be reversed once."""


class Forbidden(DomainError):
    """The acting user's role does not allow the use case (or nobody is signed in where sign-in is on).

    The message names the user, their role and the role that is needed; the same facts are kept as
    attributes so a screen can say it in the reader's language.

    Args:
        message: the English sentence.
        user: the acting user's name ("" when nobody is signed in).
        role: their stored role ("" when nobody is signed in or the user is not active).
        needed: the least role that holds the permission.
        permission: what the use case needs (a ``domain.access.roles.Permission`` value).
    """

    def __init__(self, message: str, *, user: str = "", role: str = "", needed: str = "",
                 permission: str = "", code: str = "") -> None:
        if not code:
            code = "not_signed_in" if not user else "inactive_user" if not role else "forbidden"
        super().__init__(message, code=code,
                         params={"user": user, "role": role, "needed": needed, "permission": permission})
        self.user, self.role, self.needed, self.permission = user, role, needed, permission


class TooLarge(RuleViolation):
    """A number, or a sum the ledger would keep, beyond what is stored exactly; nothing was written."""


class StorageProblem(DomainError):
    """The database could not be written or read for a reason outside the request: nothing was written.

    Args:
        kind: ``"locked"`` (another program holds the write lock), ``"full"`` (no space left),
            ``"io"`` (the disk failed), ``"read-only"`` (the file or folder cannot be written).
        message: the English sentence, saying what to do.
    """

    def __init__(self, kind: str, message: str) -> None:
        # its code (``storage_locked``, ``storage_full``, ``storage_io``, ``storage_read_only``) lets a screen say it
        # in its reader's language, also from where it was kept (the sync status)
        super().__init__(message, code="storage_" + kind.replace("-", "_"), params={"kind": kind})
        self.kind = kind
