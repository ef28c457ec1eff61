"""The results PDF of a closed past process says "stand van <its last date>", not today."""

import datetime
import io

import time_machine
from django.urls import reverse
from pypdf import PdfReader

from tests.planning.factories import MilestoneFactory
from tests.voting.result_factories import cast, close


@time_machine.travel(datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC), tick=False)
def test_the_results_pdf_of_a_past_process_is_stand_van_its_last_date(
    client, bbg_member, process, voting_round, long_list, districts
):
    MilestoneFactory(process=process, title="DVO GLM", starts_on=datetime.date(2018, 4, 4), status="done")
    MilestoneFactory(
        process=process,
        title="MJB vastgesteld",
        starts_on=datetime.date(2019, 4, 1),
        ends_on=datetime.date(2019, 4, 30),
        precision="month",
        status="done",
    )
    for district in districts.values():
        cast(voting_round, district, long_list[:7])
    close(voting_round)
    client.force_login(bbg_member)
    response = client.get(reverse("voting:results_pdf", kwargs={"slug": process.slug}))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages).split())
    assert "stand van 30 april 2019" in text
    assert "stand van 1 december 2026" not in text  # (the test's ballots themselves are of today)
