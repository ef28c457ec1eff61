"""The API's one error shape, and the glue between the API and the services.

Every refusal of the API, whatever raised it, is answered as::

    {"errors": [{"code": "longlist_frozen", "message": "<Dutch>", "field": null}, ...]}

- a service's ValidationError (core.errors: a stable code per rule) -> 400, one item per message, with its field;
- a service's PermissionDenied (core.errors.Denied carries a code) and DRF's own refusals of authentication and
  permission -> 403 (or 401 where DRF answers that), code ``permission_denied``, ``not_authenticated``, ...;
- DRF's validation of the request (serializer fields) -> 400, each field error with its field (``roles.0.role``
  for nested input) and DRF's own code (``required``, ``max_length``, ``does_not_exist``, ...);
- 404, 405, 415, 429 and the parser's refusals: their DRF code (``not_found``, ``method_not_allowed``,
  ``parse_error``, ...).

The handler is REST_FRAMEWORK["EXCEPTION_HANDLER"]; the shape is ``ErrorResponseSerializer`` in the OpenAPI schema
(core.schema adds it to the operations).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from .errors import PERMISSION_CODE, Denied, ErrorItem, error_items


class ErrorItemSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Stabiele code van de regel, bijv. longlist_frozen of ballot_wrong_count.")
    message = serializers.CharField(help_text="De melding in het Nederlands, voor mensen.")
    field = serializers.CharField(allow_null=True, help_text="Het veld waar het om gaat; null voor het geheel.")


class ErrorResponseSerializer(serializers.Serializer):
    errors = ErrorItemSerializer(many=True)


def _drf_items(detail, field: str | None = None) -> list[ErrorItem]:
    """DRF's error detail (a dict per field, a list, or one ErrorDetail), flattened with dotted field paths."""
    if isinstance(detail, dict):
        items = []
        for key, value in detail.items():
            name = None if key == api_settings.NON_FIELD_ERRORS_KEY else str(key)
            items += _drf_items(value, f"{field}.{name}" if field and name else (name or field))
        return items
    if isinstance(detail, list):
        items = []
        for index, value in enumerate(detail):
            # A list of plain messages belongs to the field; a list of dicts or lists is nested input (index).
            nested = isinstance(value, dict | list)
            items += _drf_items(value, f"{field}.{index}" if nested and field else field)
        return items
    return [ErrorItem(code=getattr(detail, "code", None) or "invalid", message=str(detail), field=field)]


def _response(items: list[ErrorItem], status_code: int, headers=None) -> Response:
    response = Response({"errors": [item.as_dict() for item in items]}, status=status_code)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def exception_handler(exc, context):
    """REST_FRAMEWORK["EXCEPTION_HANDLER"]: every refusal in the one shape; anything else stays a 500."""
    if isinstance(exc, DjangoValidationError):
        set_rollback()
        return _response(error_items(exc), status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoPermissionDenied):
        set_rollback()
        code = exc.code if isinstance(exc, Denied) else PERMISSION_CODE
        message = str(exc) or str(exceptions.PermissionDenied.default_detail)
        return _response([ErrorItem(code=code, message=message)], status.HTTP_403_FORBIDDEN)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    headers = {name: value for name, value in response.items() if name in ("WWW-Authenticate", "Retry-After", "Allow")}
    if isinstance(exc, exceptions.ValidationError):
        items = _drf_items(exc.detail)
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        items = _drf_items(detail)
    return _response(items, response.status_code, headers)


def service_call(function, **kwargs):
    """Call a service from a serializer or view; its refusal becomes DRF's ValidationError with the same codes,
    messages and fields (the exception handler then answers 400 in the one shape)."""
    try:
        return function(**kwargs)
    except DjangoValidationError as error:
        raise serializers.ValidationError(serializers.as_serializer_error(error)) from error


def absolute_url(request, path: str) -> str:
    """A link in an API answer (``html_url``): on the host that served the request, as the client reached it
    (Django checks that host against ALLOWED_HOSTS); SITE_URL only when there is no request (a task, the shell)."""
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.SITE_URL + path
