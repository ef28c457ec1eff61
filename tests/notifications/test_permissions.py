"""The notification pages in the project's permission matrix: every logged-in user reaches their own, anonymous
visitors go to the login page, and the POST-only URLs answer 405 to GET. (The same rows belong in
tests/test_permission_matrix.py EXPECTED.)"""

import pytest
from django.urls import get_resolver

from tests.test_permission_matrix import PUBLIC, ROLES, _walk, outcome, url_for

EXPECTED = {
    "notifications:list": {**PUBLIC, "anonymous": "login"},
    "notifications:preferences": {**PUBLIC, "anonymous": "login"},
    "notifications:mark_read": {**dict.fromkeys(ROLES, 405), "anonymous": "login"},
    "notifications:mark_all_read": {**dict.fromkeys(ROLES, 405), "anonymous": "login"},
}


def test_every_notifications_url_has_a_row():
    names = {name for name, _ in _walk(get_resolver().url_patterns) if name.startswith("notifications:")}
    assert names == set(EXPECTED)


@pytest.mark.django_db
def test_notification_pages_per_role(client, users):
    role_users = {"anonymous": None, **users}
    patterns = dict(_walk(get_resolver().url_patterns))
    mismatches = []
    for name, want_by_role in EXPECTED.items():
        for role in ROLES:
            client.logout()
            if role_users[role] is not None:
                client.force_login(role_users[role])
            url = url_for(name, patterns[name], {}, role_users[role])
            got = outcome(client.get(url))
            if got != want_by_role[role]:
                mismatches.append(f"{role} {name}: got {got}, expected {want_by_role[role]}")
    assert not mismatches
