"""The OpenAPI schema's part of the one error shape (core.api): every operation documents its refusals.

Writes (POST, PUT, PATCH, DELETE) answer 400 with the errors of the input or of a rule, and every operation answers
403 to a user without the permission; both with the ``ErrorResponse`` component.
"""

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.utils import OpenApiResponse

from .api import ErrorResponseSerializer

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}

REFUSED = OpenApiResponse(
    ErrorResponseSerializer,
    description="Geweigerd: per fout een stabiele code, de Nederlandse melding en het veld (null voor het geheel).",
)
FORBIDDEN = OpenApiResponse(ErrorResponseSerializer, description="Geen toestemming voor deze handeling.")


class AutoSchema(SpectacularAutoSchema):
    """Adds the 400 and 403 of the one error shape. A viewset names the codes of the rules its writes may refuse
    with in ``refusal_codes``: a tuple for every write, or a dict per action (``{"create": (...), ...}``); they
    are listed in the 400's description. An operation that documents its own 400 (``refusals(...)``) keeps it."""

    def _refusal_codes(self) -> tuple[str, ...]:
        codes = getattr(self.view, "refusal_codes", None) or ()
        if isinstance(codes, dict):
            codes = codes.get(getattr(self.view, "action", None), ())
        return tuple(codes)

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if self.method in WRITE_METHODS and "400" not in responses:
            codes = self._refusal_codes()
            refused = refusals(*codes) if codes else REFUSED
            responses["400"] = self._get_response_for_code(refused, "400", direction=direction)
        if "403" not in responses:
            responses["403"] = self._get_response_for_code(FORBIDDEN, "403", direction=direction)
        return responses


def refusals(*codes: str, description: str = "") -> OpenApiResponse:
    """A 400 that names the stable codes of the rules this operation may refuse with (clients branch on them)."""
    listed = ", ".join(f"`{code}`" for code in codes)
    text = description or REFUSED.description
    return OpenApiResponse(ErrorResponseSerializer, description=f"{text} Codes: {listed}.")


def denials(*codes: str, description: str = "") -> OpenApiResponse:
    """A 403 that names its codes (``permission_denied`` and any rule-specific one)."""
    listed = ", ".join(f"`{code}`" for code in ("permission_denied", *codes))
    text = description or FORBIDDEN.description
    return OpenApiResponse(ErrorResponseSerializer, description=f"{text} Codes: {listed}.")
