"""What users may type, in one place for every app: the maximum length of each kind of free text and the range
of a year. Models use the validators below (so ``full_clean``, forms and the API's serializers all refuse too
long a text or an impossible year with a Dutch message); the API's parser refuses too large or too deeply
nested bodies (``core.parsers``).

| kind of text | at most | e.g. |
|---|---|---|
| a title or name (``CharField``) | its ``max_length`` (100-300) | a milestone's title |
| a note, remark, reason or description | ``TEXT_MAX_LENGTH`` (10,000) | a priority's description, an absence's reason |
| prose in the editor | ``core.prose.PROSE_MAX_LENGTH`` (50,000) | a section of the nota |
| a logged error | ``LOG_TEXT_MAX_LENGTH`` (20,000) | a reminder's last error (cut, never refused) |
"""

from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

# A description, note, remark, reason or justification: a few pages of plain text.
TEXT_MAX_LENGTH = 10_000
# What the system itself writes (an error of the mail server): cut to this, never refused.
LOG_TEXT_MAX_LENGTH = 20_000

# The years a process, a plan or a period may name.
YEAR_MIN, YEAR_MAX = 2000, 2100

TOO_LONG = _("Deze tekst is te lang: ten hoogste %(limit_value)s tekens (nu %(show_value)s).")


def max_length_validators(max_length: int = TEXT_MAX_LENGTH) -> list:
    """The validators of a free-text field: at most ``max_length`` characters, with a Dutch message.
    Use with ``max_length=`` on the field too, so that forms and serializers limit it as well."""
    return [MaxLengthValidator(max_length, message=TOO_LONG)]


def year_validators() -> list:
    """A year from YEAR_MIN to YEAR_MAX (a period's first or last year), with Dutch messages."""
    return [
        MinValueValidator(YEAR_MIN, message=_("Kies een jaar vanaf %(limit_value)s.")),
        MaxValueValidator(YEAR_MAX, message=_("Kies een jaar tot en met %(limit_value)s.")),
    ]


# The largest id a row can have (a 64-bit signed integer on PostgreSQL and SQLite alike).
MAX_ID = 2**63 - 1


def parse_id(raw) -> int | None:
    """An id from a query parameter or a form value: ASCII digits within the database's range, else None (so that
    "²", "1e3" or 99999999999999999999 are an unknown id, never a 500)."""
    text = str(raw) if raw is not None else ""
    if not (text.isascii() and text.isdecimal()):
        return None
    value = int(text)
    return value if 0 < value <= MAX_ID else None
