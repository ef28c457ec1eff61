"""The rules of comments/services.py: who comments on what and when, the sanitised text, the rate limit, threads,
resolving, mentions that notify once (and only who may see the object), and the history of edits and deletions."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from comments.models import Comment
from comments.services import comment_delete, comment_edit, comment_post, thread_resolve
from documents.models import Goal
from notifications.models import Notification, Reminder
from priorities.models import LongList

pytestmark = pytest.mark.django_db


def codes(error: ValidationError) -> list[str]:
    return [item.code for item in error.error_list] if hasattr(error, "error_list") else []


def refused_code(call) -> str:
    with pytest.raises(ValidationError) as caught:
        call()
    error = caught.value
    if hasattr(error, "error_dict"):
        return next(iter(error.error_dict.values()))[0].code
    return error.error_list[0].code


@pytest.fixture(autouse=True)
def _on_commit(django_capture_on_commit_callbacks, monkeypatch):
    """The services queue the mentions' notifications on commit; here each write's callbacks run at its end."""
    from comments import services

    for name in ("comment_post", "comment_edit"):
        original = getattr(services, name)

        def run(*args, _original=original, **kwargs):
            with django_capture_on_commit_callbacks(execute=True):
                return _original(*args, **kwargs)

        monkeypatch.setitem(globals(), name, run)


def mails_to(address: str):
    return [message for message in mail.outbox if address in message.to]


def test_secretary_mentions_staff_on_a_draft_goal_and_staff_is_notified_once(secretary, staff, goal):
    comment = comment_post(user=secretary, target=goal, body="<p>Graag de nulmeting nakijken, @staf.</p>")
    assert list(comment.mentions.all()) == [staff]
    notification = Notification.objects.get(user=staff)
    assert "noemde u in een reactie op de doelstelling ‘Minder woninginbraken’" in notification.title
    assert "Graag de nulmeting nakijken" in notification.message
    assert notification.url.endswith(f"#reactie-{comment.pk}")
    [message] = mails_to(staff.email)
    assert message.subject == notification.title
    assert "Graag de nulmeting nakijken" in message.body
    # Naming the same user again in an edit sends nothing again: one reminder per comment and recipient.
    comment_edit(user=secretary, comment=comment, body="<p>Nog steeds: @staf, de nulmeting.</p>")
    assert Notification.objects.filter(user=staff).count() == 1
    assert len(mails_to(staff.email)) == 1
    assert Reminder.objects.filter(kind="mention", recipient=staff).count() == 1


def test_the_picker_mentions_without_typing_a_name(secretary, bbg_member, goal):
    comment_post(user=secretary, target=goal, body="Wat vindt de BBG?", mentioned_ids=[bbg_member.pk])
    assert Notification.objects.filter(user=bbg_member).count() == 1
    assert len(mails_to(bbg_member.email)) == 1


def test_a_mentioned_user_who_may_not_see_the_goal_is_not_notified(secretary, goal, outsider, stranger_contact):
    comment = comment_post(
        user=secretary, target=goal, body="@buitenstaander en @contact-ede", mentioned_ids=[stranger_contact.pk]
    )
    assert not comment.mentions.exists()
    assert not Notification.objects.filter(user__in=[outsider, stranger_contact]).exists()
    assert not mails_to(outsider.email)
    assert not mails_to(stranger_contact.email)


def test_a_contact_of_the_process_is_notified_when_mentioned(staff, goal, contact):
    comment_post(user=staff, target=goal, body="@contact-arnhem, klopt dit voor Arnhem?")
    assert Notification.objects.filter(user=contact).count() == 1
    assert mails_to("ivp@arnhem.example")


def test_the_author_mentioning_themself_gets_nothing(secretary, goal):
    comment_post(user=secretary, target=goal, body="Notitie voor mezelf, @secretaris-glm")
    assert not Notification.objects.exists()


def test_a_frozen_long_list_refuses_a_comment(staff, priority):
    comment_post(user=staff, target=priority, body="Nog open")
    LongList.objects.filter(process=priority.process).update(status=LongList.Status.APPROVED, approved_on="2018-03-22")
    priority.process.refresh_from_db()
    assert refused_code(lambda: comment_post(user=staff, target=priority, body="Te laat")) == "comment_longlist_frozen"
    assert Comment.objects.count() == 1


def test_an_adopted_goal_refuses_a_comment_and_an_edit(secretary, goal):
    comment = comment_post(user=secretary, target=goal, body="Voor de vaststelling")
    Goal.objects.filter(pk=goal.pk).update(
        status=Goal.Status.ADOPTED, put_forward_on="2018-09-12", adopted_on="2018-10-31"
    )
    goal.refresh_from_db()
    assert refused_code(lambda: comment_post(user=secretary, target=goal, body="Erna")) == "comment_goal_adopted"
    assert refused_code(lambda: comment_edit(user=secretary, comment=comment, body="x")) == "comment_goal_adopted"


def test_an_outsider_and_a_contact_of_another_municipality_may_not_comment(outsider, stranger_contact, goal):
    for user in (outsider, stranger_contact):
        with pytest.raises(PermissionDenied):
            comment_post(user=user, target=goal, body="Mag ik?")
    assert not Comment.objects.exists()


def test_the_markup_is_sanitised_like_the_prose(staff, goal):
    comment = comment_post(
        user=staff, target=goal, body='<p onclick="x()">Zie <a href="javascript:alert(1)">dit</a><script>x</script></p>'
    )
    assert "<script" not in comment.body
    assert "onclick" not in comment.body
    assert "javascript:" not in comment.body
    assert "Zie" in comment.body


def test_empty_and_too_long_text_are_refused(staff, goal):
    assert refused_code(lambda: comment_post(user=staff, target=goal, body="<p> </p><script>x</script>")) == (
        "comment_empty"
    )
    assert refused_code(lambda: comment_post(user=staff, target=goal, body="x" * 5001)) == "comment_too_long"
    assert not Comment.objects.exists()


def test_the_rate_limit_refuses_the_next_comment_in_the_window(settings, staff, secretary, goal):
    settings.COMMENT_RATE_LIMIT = 3
    for number in range(3):
        comment_post(user=staff, target=goal, body=f"Reactie {number}")
    with pytest.raises(ValidationError) as caught:
        comment_post(user=staff, target=goal, body="Een te veel")
    assert caught.value.code == "comment_rate_limited"
    assert "te veel reacties" in caught.value.messages[0]
    assert Comment.objects.count() == 3
    # Per user: another user still comments.
    comment_post(user=secretary, target=goal, body="Ik mag nog")


def test_replies_nest_in_one_thread(staff, secretary, bbg_member, goal):
    start = comment_post(user=secretary, target=goal, body="Eerste")
    reply = comment_post(user=staff, target=goal, body="Antwoord", parent=start)
    deeper = comment_post(user=bbg_member, target=goal, body="Dieper", parent=reply)
    assert (reply.thread, deeper.thread, deeper.parent) == (start, start, reply)


def test_a_reply_to_another_objects_comment_is_refused(staff, goal, priority):
    on_priority = comment_post(user=staff, target=priority, body="Over de prioriteit")
    assert refused_code(lambda: comment_post(user=staff, target=goal, body="x", parent=on_priority)) == (
        "comment_parent_other_object"
    )


def test_staff_or_the_thread_author_resolve_and_a_resolved_thread_takes_no_reply(staff, secretary, bbg_member, goal):
    start = comment_post(user=secretary, target=goal, body="Vraag")
    reply = comment_post(user=bbg_member, target=goal, body="Antwoord", parent=start)
    with pytest.raises(PermissionDenied):
        thread_resolve(user=bbg_member, comment=start)
    assert refused_code(lambda: thread_resolve(user=staff, comment=reply)) == "comment_not_thread_start"
    thread_resolve(user=secretary, comment=start)
    start.refresh_from_db()
    assert start.is_resolved
    assert start.resolved_by == secretary
    assert refused_code(lambda: comment_post(user=staff, target=goal, body="x", parent=reply)) == (
        "comment_thread_resolved"
    )
    thread_resolve(user=staff, comment=start, resolved=False)
    start.refresh_from_db()
    assert not start.is_resolved


def test_an_edit_keeps_the_earlier_text_in_the_history(secretary, staff, goal):
    comment = comment_post(user=secretary, target=goal, body="<p>Eerste versie</p>")
    with pytest.raises(PermissionDenied):
        comment_edit(user=staff, comment=comment, body="Niet van mij")
    comment_edit(user=secretary, comment=comment, body="<p>Tweede versie</p>")
    bodies = list(comment.history.order_by("history_id").values_list("body", "history_user__username"))
    assert bodies == [("<p>Eerste versie</p>", "secretaris-glm"), ("<p>Tweede versie</p>", "secretaris-glm")]
    comment.refresh_from_db()
    assert comment.edited_at is not None


def test_a_deletion_is_soft_and_the_history_keeps_what_it_said(secretary, staff, bbg_member, goal):
    comment = comment_post(user=secretary, target=goal, body="<p>Oeps, vertrouwelijk</p>")
    with pytest.raises(PermissionDenied):
        comment_delete(user=bbg_member, comment=comment)
    comment_delete(user=staff, comment=comment)
    comment.refresh_from_db()
    assert comment.is_deleted
    assert comment.body == ""
    assert comment.deleted_by == staff
    assert Comment.objects.filter(pk=comment.pk).exists()
    history = list(comment.history.order_by("history_id").values_list("body", "history_user__username"))
    assert history[0] == ("<p>Oeps, vertrouwelijk</p>", "secretaris-glm")
    assert history[-1] == ("", "staf")
    assert refused_code(lambda: comment_edit(user=secretary, comment=comment, body="terug")) == "comment_deleted"


def test_a_deleted_comment_mentioning_someone_sends_nothing_later(secretary, staff, goal, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    from vs_portal.celery import app

    app.conf.task_always_eager = False
    try:
        comment = comment_post(user=secretary, target=goal, body="@staf kijk even")
    except Exception:  # no broker in this test: the reminder stays pending for the planning run
        comment = Comment.objects.get()
    finally:
        app.conf.task_always_eager = True
    comment_delete(user=secretary, comment=comment)
    from notifications.services import reminder_send

    reminder = Reminder.objects.get(kind="mention", recipient=staff)
    assert reminder_send(reminder_id=reminder.pk) == "skipped"
    assert not Notification.objects.filter(user=staff).exists()
