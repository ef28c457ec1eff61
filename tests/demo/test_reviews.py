"""The reviews demo: VS 2015-2018's five goals recorded as adopted with the endterm review light adopted by the end
of 2018 and a source of the 2019-2022 scan; VS 2019-2022's midterm (2020) and endterm (2022) reviews adopted; the
current cycle, a copy of VS 2019-2022, starts its scan with them and its long list shows how each goal did; a
second run changes nothing."""

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from demo.loader import load_demo
from demo.today import current_slug
from documents.models import Goal
from planning.models import StrategyProcess
from reviews.models import Review, ReviewGoal
from scan.models import Source

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True)
def test_the_demo_reviews_feed_the_next_scans_and_the_long_list(client):
    result = load_demo(create_users=True)
    previous = StrategyProcess.objects.get(slug="vs-2015-2018")
    assert Goal.objects.filter(process=previous, status=Goal.Status.ADOPTED).count() == 5
    endterm = Review.objects.get(process=previous)
    assert (endterm.kind, endterm.light, endterm.status) == ("endterm", True, "adopted")
    assert endterm.adopted_on <= datetime.date(2018, 12, 31)
    assert ReviewGoal.objects.filter(review=endterm).exclude(recommendation="").count() == 5

    source = Source.objects.get(
        process=result.process, kind=Source.Kind.REVIEW, title="Endterm review light VS 2015-2018"
    )
    assert source.confidentiality == Source.Confidentiality.PUBLIC
    assert {"Ondermijning", "Cybercrime"} <= set(source.themes.values_list("name", flat=True))

    reviews = Review.objects.filter(process=result.process).order_by("adopted_on")
    assert [(r.kind, r.adopted_on.year, r.status) for r in reviews] == [
        ("midterm", 2020, "adopted"),
        ("endterm", 2022, "adopted"),
    ]

    current = StrategyProcess.objects.get(slug=current_slug(timezone.localdate()))
    fed = Source.objects.filter(process=current).order_by("kind", "title")
    assert {(s.kind, s.title) for s in fed} >= {
        ("review", "Midterm review VS 2019-2022"),
        ("review", "Endterm review VS 2019-2022"),
        ("progress", "Voortgangsrapportage 2019 VS 2019-2022"),
        ("progress", "Voortgangsrapportage 2021 VS 2019-2022"),
    }
    assert not fed.filter(title__contains="2022 VS 2019-2022", kind="progress").exists()  # 2022 is a concept

    client.force_login(User.objects.get(username="staf"))
    page = client.get(reverse("priorities:longlist", kwargs={"slug": current.slug})).content.decode()
    assert "In VS 2019-2022: Doelstelling 1" in page
    assert "Hoe deed de vorige periode het?" in page

    sources = Source.history.count()
    again = load_demo(create_users=True)
    assert "reviews" not in again.created
    assert Source.history.count() == sources
