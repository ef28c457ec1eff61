"""The API's JSON parser: a body of at most ``settings.API_MAX_BODY_SIZE`` bytes (413 otherwise) and nested at
most ``MAX_JSON_DEPTH`` levels deep (400 otherwise).

Python's json module recurses per level: a body nested thousands of levels deep raised RecursionError, a 500,
before any permission check. The depth is counted on the raw text before it is parsed.
"""

import json
import re

from django.conf import settings
from django.utils.translation import gettext
from rest_framework import exceptions, status
from rest_framework.parsers import JSONParser
from rest_framework.utils.json import strict_constant

# No request of the API nests deeper than a few levels (a ballot's choices, a user's roles).
MAX_JSON_DEPTH = 20

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(rb"[\[\]{}]")


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "request_too_large"


def json_depth(raw: bytes) -> int:
    """How deeply the JSON text nests arrays and objects (brackets inside strings do not count)."""
    depth = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub(b'""', raw)):
        if match.group() in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


class LimitedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.API_MAX_BODY_SIZE
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise RequestTooLarge(
                gettext("Het verzoek is te groot: ten hoogste %(size)s kB.") % {"size": limit // 1024}
            )
        if json_depth(raw) > MAX_JSON_DEPTH:
            raise exceptions.ParseError(
                gettext("De JSON is te diep genest: ten hoogste %(depth)s niveaus.") % {"depth": MAX_JSON_DEPTH},
                code="json_too_deep",
            )
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            return json.loads(raw.decode(encoding), parse_constant=strict_constant if self.strict else None)
        except (ValueError, UnicodeDecodeError) as error:
            raise exceptions.ParseError(gettext("De JSON is onleesbaar: %(error)s") % {"error": error}) from None
