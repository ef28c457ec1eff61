"""The demo's consultation and proposal: 78 councils with a spread of statuses, the chapter in the next version,
the proposal for the five goals with the merged municipalities handled explicitly, the key adding up to the cent,
the five DVOs' decisions; a second run changes nothing."""

from decimal import Decimal

from consultation.models import ConsultationRound, CouncilEntry
from demo.consultation import load_consultation_demo
from demo.documents import load_document_demo
from demo.loader import DemoResult
from demo.proposal import MERGED_POPULATIONS, load_proposal_demo
from planning.models import Municipality
from proposal.content import version_content
from proposal.models import Proposal
from proposal.selectors import key_result


def test_the_consultation_and_the_proposal_demo(process, priorities):
    result = DemoResult(process=process)
    load_document_demo(result, process)
    consultation = load_consultation_demo(result, process)
    assert consultation.entries.count() == Municipality.objects.count()
    statuses = set(consultation.entries.values_list("status", flat=True))
    assert {"received", "on_agenda", "declined", "sent"} <= statuses
    assert consultation.entries.filter(scope=CouncilEntry.Scope.ALSO_VS).exists()

    proposal = load_proposal_demo(result, process)
    assert proposal.plans.count() == 5
    assert proposal.status == Proposal.Status.OFFERED
    assert proposal.decisions.filter(body="dvo").count() == 5
    key = key_result(proposal)
    assert not key.refusal
    assert {row.municipality.name for row in key.entered} == set(MERGED_POPULATIONS)
    for year, share in key.share_by_year.items():
        assert sum(row.shares[year] for row in key.rows) == share > Decimal(0)
    # The offer froze 0.1; 0.2 holds the five DVOs' decisions.
    assert [(v.label, v.status) for v in proposal.versions.order_by("minor")] == [
        ("0.1", "offered"),
        ("0.2", "offered"),
    ]
    decisions = next(s for s in version_content(proposal.versions.get(minor=2)).sections if s.key == "decisions")
    assert "akkoord onder voorwaarden" in decisions.html

    history = (CouncilEntry.history.count(), Proposal.history.count())
    assert load_consultation_demo(result, process) == consultation
    assert load_proposal_demo(result, process) == proposal
    assert proposal.versions.count() == 2
    assert ConsultationRound.objects.count() == 1
    assert (CouncilEntry.history.count(), Proposal.history.count()) == history
