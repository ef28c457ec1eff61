"""How a service refuses, the same way everywhere.

A service that refuses raises Django's ``ValidationError`` (the input or the state breaks a rule) or
``PermissionDenied`` (the user may not do this) with:

- a stable, globally unique, descriptive ``code`` per rule (``longlist_frozen``, ``ballot_wrong_count``,
  ``round_closed``, ``milestone_cycle``, ...): clients of the API branch on it, and it never changes once
  released;
- the Dutch message for people (translated, with its values filled in);
- optionally the field it is about.

``refuse`` and ``deny`` raise them concisely. Pages put the message on the form (``add_service_error``); the API's
exception handler (core.api.exception_handler) answers with one JSON shape,
``{"errors": [{"code": ..., "message": ..., "field": ...}]}``, status 400 or 403.
"""

from dataclasses import dataclass
from typing import NoReturn

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError

# The code of a refusal that did not give one (Django's own validators give theirs: "required", "max_length", ...).
DEFAULT_CODE = "invalid"
PERMISSION_CODE = "permission_denied"


class Denied(PermissionDenied):
    """PermissionDenied with a code and a Dutch message; a plain PermissionDenied answers ``permission_denied``."""

    def __init__(self, message: str = "", *, code: str = PERMISSION_CODE):
        super().__init__(message)
        self.message = message
        self.code = code


def refuse(message: str, *, code: str, field: str | None = None) -> NoReturn:
    """Refuse a write: raise ValidationError with ``code`` and the Dutch ``message``, on ``field`` if given."""
    error = ValidationError(message, code=code)
    if field:
        raise ValidationError({field: error})
    raise error


def deny(message: str = "", *, code: str = PERMISSION_CODE) -> NoReturn:
    """Refuse for lack of permission (403)."""
    raise Denied(message, code=code)


@dataclass(frozen=True)
class ErrorItem:
    code: str
    message: str
    field: str | None = None

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "field": self.field}


def _items(error: ValidationError, field: str | None) -> list[ErrorItem]:
    items = []
    for item in error.error_list:
        message = item.message
        if item.params:
            message = message % item.params
        items.append(ErrorItem(code=item.code or DEFAULT_CODE, message=str(message), field=field))
    return items


def error_items(error: ValidationError) -> list[ErrorItem]:
    """Every refusal in a ValidationError, each with its code, its message and its field (None: the whole)."""
    if hasattr(error, "error_dict"):
        items = []
        for field, errors in error.error_dict.items():
            name = None if field == NON_FIELD_ERRORS else field
            for sub in errors:
                items += _items(sub if isinstance(sub, ValidationError) else ValidationError(sub), name)
        return items
    return _items(error, None)


def add_service_error(form, error: ValidationError) -> None:
    """Show a service's refusal on the form: on its field when the form has that field, else above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)
