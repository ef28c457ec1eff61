"""The demo's consultation of the councils (March-April 2019): the latest version of the VS/MJB sent to all 78
councils on 1 March 2019, reactions due 12 April, and a plausible spread of statuses and responses (fictional
content, real municipalities), through consultation.services. Idempotent: a round on that version is not made
twice."""

import datetime

from consultation.models import ConsultationRound, CouncilEntry
from consultation.services import entry_register, round_create
from documents.models import DocumentVersion

from .voting import entry_user

SENT = datetime.date(2019, 3, 1)
DEADLINE = datetime.date(2019, 4, 12)

SUMMARIES = [
    (
        "Steunt de prioriteiten; vraagt aandacht voor de bereikbaarheid van de wijkagent.",
        "Meegenomen in de paragraaf over de wijkagenten.",
    ),
    (
        "Vraagt om meer inzet op ondermijning in het buitengebied.",
        "Doorgegeven aan het RIEC; de aanpak ondermijning noemt het buitengebied nu expliciet.",
    ),
    (
        "Akkoord met het MJB; wil jaarlijks een voortgangsrapportage.",
        "Toegezegd: de jaarlijkse voortgangsrapportage gaat naar alle raden.",
    ),
    (
        "Zorgen over de aanrijtijden in de kleine kernen.",
        "Besproken in het DVO; de politie licht de aanrijtijden per gemeente toe.",
    ),
    ("Vraagt de aanpak van woninginbraken voort te zetten.", "Opgenomen onder de lokale prioriteiten."),
]


def load_consultation_demo(result, process) -> ConsultationRound | None:
    version = DocumentVersion.objects.filter(document__process=process).order_by("-major", "-minor").first()
    if version is None:
        return None
    existing = ConsultationRound.objects.filter(version=version).first()
    if existing is not None:
        return existing
    user = entry_user(result)
    consultation = round_create(
        version=version,
        sent_on=SENT,
        deadline=DEADLINE,
        user=user,
        note="Het MJB en de VS als één document; de raden worden gehoord over het MJB.",
    )
    result.count("consultatierondes", True)
    entries = list(consultation.entries.select_related("municipality").order_by("municipality__name"))
    for index, entry in enumerate(entries):
        meeting = SENT + datetime.timedelta(days=14 + index % 28)
        kind = index % 10
        if kind in (0, 1, 2, 3, 4, 5):
            summary, follow_up = SUMMARIES[index % len(SUMMARIES)]
            scope = CouncilEntry.Scope.ALSO_VS if index % 11 == 0 else CouncilEntry.Scope.POLICE_ONLY
            entry_register(
                entry=entry,
                user=user,
                status=CouncilEntry.Status.RECEIVED,
                meeting_on=meeting,
                received_on=meeting + datetime.timedelta(days=2),
                scope=scope,
                response_html=f"<p>De raad van {entry.municipality.name} heeft het concept-MJB besproken. "
                f"{summary}</p>",
                summary=summary,
                follow_up=follow_up,
            )
        elif kind in (6, 7):
            entry_register(entry=entry, user=user, status=CouncilEntry.Status.ON_AGENDA, meeting_on=meeting)
        elif kind == 8:
            entry_register(
                entry=entry,
                user=user,
                status=CouncilEntry.Status.DECLINED,
                follow_up="De raad ziet af van een reactie.",
            )
        # kind 9: still "sent": the overview lists it as missing.
        result.count("reacties van gemeenteraden", True)
    return consultation
