from demo.documents import load_document_demo
from demo.loader import DemoResult
from documents.diff import compare_contents
from documents.models import Document, DocumentVersion, Goal
from documents.selectors import build_document_content, checked_goals


def test_without_a_confirmed_top_five_it_makes_nothing(process):
    result = load_document_demo(DemoResult(process=process), process)
    assert result.skipped_reason
    assert not Goal.objects.exists()
    assert not Document.objects.exists()


def test_it_makes_smart_goals_and_three_versions_and_is_idempotent(process, priorities):
    result = load_document_demo(DemoResult(process=process), process)
    assert result.goals_created == 5
    assert result.versions_created == ["0.1", "0.2", "0.3"]
    assert all(item.is_smart for item in checked_goals(process)), [i.issues for i in checked_goals(process)]
    history = (Goal.history.count(), Document.history.count(), DocumentVersion.history.count())
    again = load_document_demo(DemoResult(process=process), process)
    assert again.goals_created == 0
    assert again.versions_created == []
    assert not again.document_created
    assert (Goal.history.count(), Document.history.count(), DocumentVersion.history.count()) == history
    v1, v3 = (build_document_content(v) for v in DocumentVersion.objects.order_by("minor")[::2])
    changed = {diff.key for diff in compare_contents(v1, v3) if diff.changed}
    assert changed == {"mjb_national", "mjb_om", "letter"}
