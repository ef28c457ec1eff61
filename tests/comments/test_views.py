"""The comments' pages and API: who sees what (per role, a contact of the process and one outside it), posting and
replying through the page, the counts on the long list and the goals without N+1, the export, the search."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from rest_framework.test import APIClient

from comments.models import Comment
from comments.services import comment_delete, comment_post, thread_resolve
from priorities.models import LongList
from search.engine import search_for
from tests.documents.factories import GoalFactory
from tests.priorities.factories import PriorityFactory

pytestmark = pytest.mark.django_db


def goal_url(goal, name="goal_comments"):
    return reverse(f"comments:{name}", kwargs={"slug": goal.process.slug, "pk": goal.pk})


def priority_url(priority):
    return reverse("comments:priority_comments", kwargs={"slug": priority.process.slug, "pk": priority.pk})


@pytest.fixture
def thread(goal, secretary, staff):
    start = comment_post(user=secretary, target=goal, body="<p>Hoe meten we de woninginbraken?</p>")
    comment_post(user=staff, target=goal, body="<p>Met de aangiften.</p>", parent=start)
    return start


def test_every_role_and_the_contact_of_the_process_read_the_thread(client, users, contact, thread, goal):
    for user in [users["staff"], users["secretary"], users["bbg_member"], users["administrator"], contact]:
        client.force_login(user)
        page = client.get(goal_url(goal)).content.decode()
        assert "Hoe meten we de woninginbraken?" in page, user
        assert "Met de aangiften." in page, user


def test_a_contact_outside_the_process_gets_404_and_an_outsider_403(client, outsider, stranger_contact, thread, goal):
    client.force_login(stranger_contact)
    assert client.get(goal_url(goal)).status_code == 404
    assert client.get(reverse("comments:comment_history", kwargs={"pk": thread.pk})).status_code == 404
    client.force_login(outsider)
    assert client.get(goal_url(goal)).status_code == 403
    client.logout()
    assert "/account/inloggen/" in client.get(goal_url(goal))["Location"]


def test_the_contacts_overview_lists_only_their_processes(client, contact, stranger_contact, goal, priority):
    client.force_login(contact)
    home = client.get(reverse("comments:home")).content.decode()
    assert goal.process.short_name in home
    overview = client.get(reverse("comments:participation", kwargs={"slug": goal.process.slug})).content.decode()
    assert "Minder woninginbraken" in overview
    assert "Ondermijning" in overview
    client.force_login(stranger_contact)
    assert goal.process.short_name not in client.get(reverse("comments:home")).content.decode()
    assert client.get(reverse("comments:participation", kwargs={"slug": goal.process.slug})).status_code == 404


def test_a_contact_comments_and_replies_through_the_page(client, contact, thread, goal):
    client.force_login(contact)
    response = client.post(goal_url(goal), {"body": "<p>Arnhem telt ook de pogingen.</p>"})
    new = Comment.objects.get(author=contact)
    assert response["Location"].endswith(f"#reactie-{new.pk}")
    client.post(goal_url(goal), {"body": "Eens", "parent": thread.pk})
    reply = Comment.objects.get(author=contact, parent=thread)
    assert reply.thread == thread


def test_the_page_refuses_a_comment_on_a_frozen_long_list_with_its_message(client, staff, priority):
    LongList.objects.filter(process=priority.process).update(status=LongList.Status.APPROVED, approved_on="2018-03-22")
    client.force_login(staff)
    page = client.get(priority_url(priority)).content.decode()
    assert "De lange lijst is vastgesteld" in page
    assert "Reactie plaatsen" not in page
    response = client.post(priority_url(priority), {"body": "Te laat"})
    assert response.status_code == 400
    assert "De lange lijst is vastgesteld" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_deleted_comment_shows_verwijderd_and_its_history(client, staff, secretary, thread, goal):
    comment_delete(user=secretary, comment=thread)
    client.force_login(staff)
    page = client.get(goal_url(goal)).content.decode()
    assert "Hoe meten we de woninginbraken?" not in page
    assert "verwijderd op" in page
    assert "Met de aangiften." in page  # the reply stays
    history = client.get(reverse("comments:comment_history", kwargs={"pk": thread.pk})).content.decode()
    assert "Hoe meten we de woninginbraken?" in history
    assert "Verwijderd door" in history


def test_the_long_list_and_the_goals_count_open_threads_without_n_plus_1(
    settings, client, staff, secretary, process, priority, goal, django_assert_max_num_queries
):
    settings.COMMENT_RATE_LIMIT = 0  # many comments at once for the set-up
    priorities = [priority] + [PriorityFactory(process=process, position=n) for n in range(2, 11)]
    goals = [goal] + [GoalFactory(process=process, priority=priority) for _n in range(4)]
    for target in priorities + goals:
        for _n in range(3):
            comment_post(user=secretary, target=target, body="Vraag")
    thread_resolve(user=staff, comment=Comment.objects.filter(goal=goal).first())
    client.force_login(staff)
    with django_assert_max_num_queries(30):
        longlist = client.get(reverse("priorities:longlist", kwargs={"slug": process.slug})).content.decode()
    assert longlist.count('3 open<span class="visually-hidden"> discussies</span>') == 10
    with django_assert_max_num_queries(30):
        goals_page = client.get(reverse("documents:goal_list", kwargs={"slug": process.slug})).content.decode()
    assert '2 open<span class="visually-hidden"> discussies</span>' in goals_page
    assert goals_page.count('3 open<span class="visually-hidden"> discussies</span>') == 4


def test_a_thread_page_costs_the_same_queries_for_many_comments(
    settings, client, staff, secretary, bbg_member, goal, django_assert_max_num_queries
):
    settings.COMMENT_RATE_LIMIT = 0  # many comments at once for the set-up
    parent = comment_post(user=secretary, target=goal, body="Begin @staf")
    for number in range(30):
        parent = comment_post(
            user=[staff, bbg_member][number % 2], target=goal, body=f"Antwoord {number}", parent=parent
        )
    client.force_login(staff)
    with django_assert_max_num_queries(25):
        page = client.get(goal_url(goal)).content.decode()
    assert "Antwoord 29" in page


def test_the_export_holds_every_comment_of_the_goal_thread_by_thread(client, bbg_member, secretary, thread, goal):
    comment_post(user=secretary, target=goal, body="<p>=SOM(A1) tweede discussie</p>")
    client.force_login(bbg_member)
    response = client.get(goal_url(goal, "goal_comments_export"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=5)]
    assert rows[0][:6] == ["Discussie", "Niveau", "Auteur", "Geplaatst op", "Bewerkt op", "Reactie"]
    assert [(row[0], row[1], row[5], row[7]) for row in rows[1:]] == [
        (1, 0, "Hoe meten we de woninginbraken?", "open"),
        (1, 1, "Met de aangiften.", None),
        (2, 0, "=SOM(A1) tweede discussie", "open"),
    ]
    assert sheet.cell(row=8, column=6).data_type == "s"  # text, never a formula


def test_the_search_finds_a_comment_only_for_who_may_see_its_object(staff, secretary, outsider, thread):
    assert [hit.obj for hit in search_for(staff, "woninginbraken", kinds=["comment"]).hits] == [thread]
    assert [hit.obj for hit in search_for(secretary, "woninginbraken", kinds=["comment"]).hits] == [thread]
    assert search_for(outsider, "woninginbraken").counts == {}
    comment_delete(user=secretary, comment=thread)
    assert search_for(staff, "woninginbraken", kinds=["comment"]).counts == {}


def test_the_api_lists_posts_and_edits_with_the_pages_rules(secretary, stranger_contact, contact, thread, goal):
    api = APIClient()
    api.force_authenticate(contact)
    url = reverse("goal-comments", kwargs={"slug": goal.process.slug, "pk": goal.pk})
    listed = api.get(url).json()
    assert [item["body"] for item in listed] == ["<p>Hoe meten we de woninginbraken?</p>", "<p>Met de aangiften.</p>"]
    created = api.post(url, {"body": "<p>Via de API <script>x</script></p>", "parent": thread.pk}, format="json")
    assert created.status_code == 201
    assert created.json()["body"] == "<p>Via de API </p>"
    detail = reverse("comment-detail", kwargs={"pk": created.json()["id"]})
    assert api.patch(detail, {"body": "Gewijzigd"}, format="json").json()["body"] == "Gewijzigd"
    api.force_authenticate(secretary)
    assert api.patch(detail, {"body": "Niet van mij"}, format="json").status_code == 403
    api.force_authenticate(stranger_contact)
    assert api.get(url).status_code == 404
    LongList.objects.filter(process=goal.process).update(status=LongList.Status.APPROVED, approved_on="2018-03-22")
    api.force_authenticate(secretary)
    priority_url_api = reverse("priority-comments", kwargs={"slug": goal.process.slug, "pk": goal.priority_id})
    refused = api.post(priority_url_api, {"body": "Te laat"}, format="json")
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["code"] == "comment_longlist_frozen"


@pytest.mark.postgres
def test_the_search_answers_comments_from_their_index():
    from django.contrib.postgres.search import SearchQuery
    from django.db import connection

    from search.engine import TS_CONFIG, _search_vector
    from search.kinds import KINDS_BY_KEY

    query = SearchQuery("woning:*", config=TS_CONFIG, search_type="raw")
    matching = Comment.objects.annotate(search_vector=_search_vector(KINDS_BY_KEY["comment"], Comment)).filter(
        search_vector=query
    )
    sql, params = matching.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_fts_comments_comment" in plan, plan
