"""The audit log: every kind of event is written with who, when, what and from where; administrators read and
filter it in /beheer/, nobody edits it; old records are pruned by the nightly task."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from audit.models import AuditEvent
from audit.services import audit_record, records_prune
from notifications.models import Notification
from planning.models import Absence
from scan.models import Source
from tests.accounts.factories import UserFactory
from tests.documents.test_rendering import layout_calls, make_version, private_storage, tiny_content  # noqa: F401
from tests.planning.factories import AbsenceFactory
from tests.priorities.factories import SourceFactory
from tests.scan.factories import private_media_fixture  # noqa: F401

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.5"


def events(kind):
    return list(AuditEvent.objects.filter(kind=kind).order_by("at", "pk"))


def test_a_login_a_failed_login_and_a_lock_out_are_recorded_with_the_real_address(client, staff, password, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    headers = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    for _ in range(5):
        client.post(reverse("login"), {"username": "staf", "password": "fout"}, **headers)
    client.post(
        reverse("login"),
        {"username": "staf", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )

    failed = events(AuditEvent.Kind.LOGIN_FAILED)
    assert len(failed) >= 5
    assert {event.username for event in failed} == {"staf"}
    assert {event.address for event in failed} == {"203.0.113.66"}
    assert "password" not in str([event.details for event in failed])
    [lockout] = events(AuditEvent.Kind.LOCKOUT)
    assert (lockout.username, lockout.address) == ("staf", "203.0.113.66")
    [login] = events(AuditEvent.Kind.LOGIN)
    assert (login.user, login.address, login.details) == (staff, "198.51.100.7", {"method": "password"})


def test_a_role_change_in_the_admin_records_who_changed_whom(client, administrator, districts):
    member = UserFactory(username="nieuw", role="")
    client.force_login(administrator)
    form = client.get(reverse("admin:accounts_user_change", args=[member.pk])).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None and not isinstance(value, list)}
    data.update(
        username="nieuw",
        role=Role.DVO_SECRETARY,
        district=districts["GLM"].pk,
        date_joined_0=member.date_joined.strftime("%Y-%m-%d"),
        date_joined_1="12:00:00",
        is_active="on",
    )
    data.pop("password", None)
    data.pop("last_login", None)

    response = client.post(reverse("admin:accounts_user_change", args=[member.pk]), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    [event] = [e for e in events(AuditEvent.Kind.ROLE_CHANGE) if e.object_id == str(member.pk)][-1:]
    assert event.user == administrator
    assert event.object_repr == str(member)
    assert event.details["changes"]["role"] == ["", "dvo_secretary"]
    assert event.details["changes"]["district_id"] == [None, districts["GLM"].pk]


def test_a_confidential_source_download_is_recorded_and_a_public_one_not(client, staff, process, private_media):
    secret = SourceFactory(process=process, title="RIEC-beeld", confidentiality=Source.Confidentiality.CONFIDENTIAL)
    public = SourceFactory(process=process, title="Evaluatie", confidentiality=Source.Confidentiality.PUBLIC)
    for source in (secret, public):
        source.document.save("bron.pdf", ContentFile(b"%PDF-1.4\n%test\n"))
        source.save()
    client.force_login(staff)

    for source in (secret, public):
        response = client.get(reverse("scan:source_document", kwargs={"slug": process.slug, "pk": source.pk}))
        assert response.status_code == 200
        b"".join(response.streaming_content)

    [event] = events(AuditEvent.Kind.SOURCE_DOWNLOAD)
    assert (event.user, event.object_type, event.object_id) == (staff, "scan.source", str(secret.pk))
    assert event.object_repr == str(secret)


def test_a_document_pdf_download_is_recorded(client, bbg_member, process, private_storage, settings):  # noqa: F811
    settings.CELERY_TASK_ALWAYS_EAGER = True
    version = make_version(process, tiny_content())
    client.force_login(bbg_member)

    response = client.get(
        reverse("documents:version_pdf", kwargs={"slug": version.document.process.slug, "label": version.label})
    )

    assert response.status_code == 200
    [event] = events(AuditEvent.Kind.DOCUMENT_DOWNLOAD)
    assert (event.user, event.object_id, event.details) == (bbg_member, str(version.pk), {"kind": "document"})


def test_an_export_and_an_import_are_recorded(tmp_path, process, private_media):
    path = tmp_path / "proces.zip"
    call_command("export_process", process.slug, "-o", str(path), stdout=StringIO())
    process.delete()

    call_command("import_process", str(path), stdout=StringIO())

    [export] = events(AuditEvent.Kind.PROCESS_EXPORT)
    [imported] = events(AuditEvent.Kind.PROCESS_IMPORT)
    assert export.object_repr == imported.object_repr == "VS 2019-2022"
    assert export.details["file"] == str(path)
    assert imported.username == "manage.py"


def test_administrators_read_and_filter_the_log_in_dutch(client, administrator):
    audit_record(kind=AuditEvent.Kind.LOGIN_FAILED, username="indringer")
    audit_record(kind=AuditEvent.Kind.LOGIN, user=administrator)
    client.force_login(administrator)

    page = client.get(reverse("admin:audit_auditevent_changelist"), {"kind__exact": "login_failed"})

    html = page.content.decode()
    assert page.status_code == 200
    assert "indringer" in html
    assert "inloggen mislukt" in html
    assert "Auditlog" in html
    assert ">beheerder<" not in html.split("result_list")[-1]
    assert "Auditgebeurtenis toevoegen" not in html


def test_nobody_adds_changes_or_deletes_an_event(client, administrator):
    event = audit_record(kind=AuditEvent.Kind.LOGIN, user=administrator)
    client.force_login(administrator)

    assert client.get(reverse("admin:audit_auditevent_add")).status_code == 403
    assert client.post(reverse("admin:audit_auditevent_delete", args=[event.pk]), {"post": "yes"}).status_code == 403
    client.post(reverse("admin:audit_auditevent_change", args=[event.pk]), {"username": "iemand-anders"})
    event.refresh_from_db()
    assert event.username == "beheerder"


def test_staff_with_admin_access_but_another_role_do_not_see_the_log(client):
    staff_user = UserFactory(username="staf-beheer", role=Role.STAFF, is_staff=True)
    client.force_login(staff_user)

    assert client.get(reverse("admin:audit_auditevent_changelist")).status_code == 403


def test_the_prune_task_removes_what_is_older_than_its_retention(settings, staff):
    settings.AUDIT_RETENTION_DAYS = 730
    settings.NOTIFICATION_RETENTION_DAYS = 365
    settings.ABSENCE_RETENTION_DAYS = 730
    now = timezone.now()
    with time_machine.travel(now - datetime.timedelta(days=800), tick=False):
        old_event = audit_record(kind=AuditEvent.Kind.LOGIN, user=staff)
        old_notification = Notification.objects.create(user=staff, title="Oud")
    with time_machine.travel(now - datetime.timedelta(days=100), tick=False):
        new_event = audit_record(kind=AuditEvent.Kind.LOGIN, user=staff)
        new_notification = Notification.objects.create(user=staff, title="Nieuw")
    today = timezone.localdate(now)
    old_absence = AbsenceFactory(
        starts_on=today - datetime.timedelta(days=900), ends_on=today - datetime.timedelta(days=800)
    )
    new_absence = AbsenceFactory(
        starts_on=today - datetime.timedelta(days=10), ends_on=today - datetime.timedelta(days=5)
    )

    counts = records_prune(now=now)

    assert set(AuditEvent.objects.values_list("pk", flat=True)) >= {new_event.pk}
    assert not AuditEvent.objects.filter(pk=old_event.pk).exists()
    assert list(Notification.objects.values_list("pk", flat=True)) == [new_notification.pk]
    assert not Notification.objects.filter(pk=old_notification.pk).exists()
    assert list(Absence.objects.values_list("pk", flat=True)) == [new_absence.pk]
    assert not Absence.history.filter(id=old_absence.pk).exists()
    assert counts["audit_events"] >= 1
    assert counts["notifications"] >= 1
    assert counts["planning"] >= 2
    assert records_prune(now=now) == {"audit_events": 0, "notifications": 0, "planning": 0}


def test_the_beat_schedule_prunes_and_clears_sessions_nightly(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE

    assert schedule["prune-old-records"]["task"] == "audit.tasks.prune_old_records"
    assert schedule["clear-sessions"]["task"] == "accounts.tasks.clear_sessions"
