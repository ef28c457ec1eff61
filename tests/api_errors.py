"""Reading the API's one error shape in tests: {"errors": [{"code", "message", "field"}]} (core/api.py)."""


def errors_of(response) -> list[dict]:
    body = response.json()
    assert set(body) == {"errors"}, body
    for item in body["errors"]:
        assert set(item) == {"code", "message", "field"}, item
        assert item["code"], item
        assert item["message"], item
    return body["errors"]


def messages_by_field(response) -> dict[str | None, list[str]]:
    """The messages per field (None: the whole request)."""
    found: dict[str | None, list[str]] = {}
    for item in errors_of(response):
        found.setdefault(item["field"], []).append(item["message"])
    return found


def codes_of(response) -> list[str]:
    return [item["code"] for item in errors_of(response)]
