"""The audience (core.fragments) of a cached fragment that shows the long list's priorities with their sources:
the role, and whether the reader sees confidential sources (a permission, so a user granted it apart from the
role gets a fragment of their own)."""

from planning.fragments import role_audience

from .selectors import user_sees_confidential


def reader_audience(user) -> str:
    return f"{role_audience(user)}:confidential:{user_sees_confidential(user)}"
