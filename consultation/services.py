"""The writes of the councils' consultation, each holding its rule. Pages, the API and the demo call these.

- A round belongs to one sent version of the document, at most one round per version, with a deadline on or
  after the day it was sent; it opens with one entry per municipality of the unit.
- A council's entry is registered by staff, or by the secretary of the municipality's own district only.
- Dates in order (meeting and receipt not before the draft was sent); "received" needs a response (text or an
  attachment), the date of receipt and what it concerns; an attachment is a PDF or DOCX by content.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from core.errors import deny, refuse
from core.prose import clean_prose
from core.uploads import check_document
from documents.models import DocumentVersion
from planning.models import Municipality

from .models import ConsultationRound, CouncilEntry
from .rules import can_register_response

NOTE_MAX_LENGTH = 5_000


def _check_note(note: str, field: str = "note") -> None:
    if len(note or "") > NOTE_MAX_LENGTH:
        refuse(
            _("De toelichting is te lang: ten hoogste %(limit)s tekens.") % {"limit": NOTE_MAX_LENGTH},
            code="max_length",
            field=field,
        )


@transaction.atomic
def round_create(
    *, version: DocumentVersion, sent_on: datetime.date, deadline: datetime.date, user, note: str = ""
) -> ConsultationRound:
    """Send ``version`` to the councils: a round with a deadline and one entry per municipality (sent)."""
    if not getattr(user, "is_programme_staff", False):
        deny(_("Alleen de programmastaf start een consultatie van de gemeenteraden."), code="consultation_staff_only")
    if ConsultationRound.objects.filter(version=version).exists():
        refuse(
            _("Over versie %(label)s loopt al een consultatie van de gemeenteraden.") % {"label": version.label},
            code="consultation_round_exists",
            field="version",
        )
    if deadline < sent_on:
        refuse(
            _("De termijn voor reacties kan niet voor de verzenddatum liggen."),
            code="consultation_deadline_before_sent",
            field="deadline",
        )
    _check_note(note)
    consultation = ConsultationRound(
        process=version.document.process, version=version, sent_on=sent_on, deadline=deadline, note=note or ""
    )
    consultation._history_user = user
    consultation.save()
    bulk_create_with_history(
        [
            CouncilEntry(round=consultation, municipality=municipality, sent_on=sent_on)
            for municipality in Municipality.objects.order_by("name")
        ],
        CouncilEntry,
        default_user=user,
    )
    return consultation


def _checked_attachment(attachment: UploadedFile):
    """The motion or letter checked by its content (core.uploads: PDF or DOCX, the extension matching, the size);
    a refusal keeps its code (upload_wrong_type, upload_wrong_extension, upload_too_large) on the field."""
    try:
        return check_document(attachment)
    except ValidationError as error:
        raise ValidationError({"attachment": error.error_list}) from error


@transaction.atomic
def entry_register(
    *,
    entry: CouncilEntry,
    user,
    status: str,
    meeting_on: datetime.date | None = None,
    received_on: datetime.date | None = None,
    scope: str = "",
    response_html: str = "",
    summary: str = "",
    follow_up: str = "",
    attachment: UploadedFile | None = None,
    remove_attachment: bool = False,
) -> CouncilEntry:
    """Register (or correct) a council's status and response. Staff for every council; a DVO secretary for the
    municipalities of their own district only."""
    if not can_register_response(user, entry):
        deny(
            _("U kunt alleen reacties registreren van gemeenten in uw eigen district."),
            code="consultation_other_district",
        )
    entry = CouncilEntry.objects.select_for_update().select_related("municipality").get(pk=entry.pk)
    if status not in CouncilEntry.Status.values:
        refuse(_("Kies een geldige status."), code="consultation_status_invalid", field="status")
    if scope and scope not in CouncilEntry.Scope.values:
        refuse(_("Kies waar de reactie over gaat."), code="consultation_scope_invalid", field="scope")
    if meeting_on and meeting_on < entry.sent_on:
        refuse(
            _("De raadsvergadering kan niet voor de verzending van het concept liggen."),
            code="consultation_meeting_before_sent",
            field="meeting_on",
        )
    if received_on and received_on < entry.sent_on:
        refuse(
            _("Een reactie kan niet zijn ontvangen voordat het concept is verstuurd."),
            code="consultation_received_before_sent",
            field="received_on",
        )
    if len(summary or "") > 300:
        refuse(_("De samenvatting is te lang: ten hoogste 300 tekens."), code="max_length", field="summary")
    response_html = clean_prose(response_html)
    follow_up = (follow_up or "").strip()
    if len(response_html) > 50_000:
        refuse(_("De reactie is te lang: ten hoogste 50.000 tekens."), code="max_length", field="response_html")
    _check_note(follow_up, "follow_up")
    accepted = _checked_attachment(attachment) if attachment is not None else None
    has_attachment = accepted is not None or (bool(entry.attachment) and not remove_attachment)
    if status == CouncilEntry.Status.RECEIVED:
        if not response_html and not has_attachment:
            refuse(
                _("Een ontvangen reactie heeft een tekst of een bijgevoegde motie of brief."),
                code="consultation_response_missing",
                field="response_html",
            )
        if received_on is None:
            refuse(
                _("Vul de datum in waarop de reactie is ontvangen."),
                code="consultation_received_on_missing",
                field="received_on",
            )
        if not scope:
            refuse(
                _("Geef aan of de reactie alleen over het politiedeel (MJB) gaat of ook over de VS."),
                code="consultation_scope_missing",
                field="scope",
            )
    else:
        received_on = None if status in CouncilEntry.OPEN_STATUSES else received_on

    entry.status = status
    entry.meeting_on = meeting_on
    entry.received_on = received_on
    entry.scope = scope or ""
    entry.response_html = response_html
    entry.summary = (summary or "").strip()
    entry.follow_up = follow_up
    if accepted is not None:
        if entry.attachment:
            entry.attachment.delete(save=False)
        entry.attachment = accepted.file
        entry.attachment_name = accepted.original_name
    elif remove_attachment and entry.attachment:
        entry.attachment.delete(save=False)
        entry.attachment = ""
        entry.attachment_name = ""
    entry._history_user = user
    entry.save()
    return entry


@transaction.atomic
def round_update(
    *, consultation: ConsultationRound, user, deadline: datetime.date, note: str = ""
) -> ConsultationRound:
    """Move the deadline (staff); not before the day the draft was sent."""
    if not getattr(user, "is_programme_staff", False):
        deny(_("Alleen de programmastaf wijzigt de termijn."), code="consultation_staff_only")
    if deadline < consultation.sent_on:
        refuse(
            _("De termijn voor reacties kan niet voor de verzenddatum liggen."),
            code="consultation_deadline_before_sent",
            field="deadline",
        )
    _check_note(note)
    consultation.deadline = deadline
    consultation.note = note or ""
    consultation._history_user = user
    consultation.save(update_fields=["deadline", "note"])
    return consultation
