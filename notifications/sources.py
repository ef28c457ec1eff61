"""Where reminders come from: a small registry of reminder sources that the notifications app owns.

A reminder source says, for one kind of subject (a milestone, a DVO's deadline, an action, a measurement moment,
a council's consultation, ...):

- ``due(context)``: every reminder that should exist now (``DueReminder`` rows; the database keeps each one unique
  per subject, recipient and offset, so answering the same one again on the next run is harmless). Answer with a
  fixed number of queries, whatever the number of subjects: one query over a date window, one for the recipients.
- ``content(reminder, now)``: the title, message and link of a reminder from its subject as it is NOW, or None when
  it no longer applies (the milestone is done, the DVO has chosen, the value was entered): then it is skipped.

The planning, the claim (pending -> sending -> sent), the in-app notification, the email or digest and the retries
are the notifications app's (services.py); a source only says what is due and what it says. Apps register their
sources in their ``AppConfig.ready()``: the notifications app its four built-in kinds (builtin_sources.py), a
higher app its own (``from notifications.sources import REMINDER_SOURCES, ReminderSource``).
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .conf import setting
from .models import OVERDUE

__all__ = ["OVERDUE", "REMINDER_SOURCES", "DueContext", "DueReminder", "ReminderContent", "ReminderSource", "in_days"]


@dataclass(frozen=True)
class DueReminder:
    """A reminder that should exist now (it may exist already: the database keeps it unique)."""

    kind: str
    subject_type_id: int
    subject_id: int
    recipient_id: int
    offset: int
    due_on: datetime.date


@dataclass(frozen=True)
class ReminderContent:
    title: str
    message: str
    url: str


@dataclass(frozen=True)
class DueContext:
    """What every source needs to say what is due: the moment, the reminder offsets, the look-back after a date."""

    now: datetime.datetime
    today: datetime.date
    # The largest offset of any process: nothing further ahead is ever due.
    horizon: int
    # How many days after its date an overdue reminder is still sent.
    lookback: int
    offsets_by_process: dict[int, list[int]]
    default_offsets: list[int]
    # The content type id of the source's model, to put on its DueReminders.
    subject_type_id: int

    def offsets_of(self, process_id: int | None) -> list[int]:
        return self.offsets_by_process.get(process_id, self.default_offsets)

    def offset_for(self, due_on: datetime.date, process_id: int | None, *, overdue: bool = True) -> int | None:
        """The offset due today for a subject due on ``due_on`` in this process, or None (see ``offset_for``)."""
        return offset_for((due_on - self.today).days, self.offsets_of(process_id), overdue=overdue)


def offset_for(days_left: int, offsets: list[int], *, overdue: bool = True) -> int | None:
    """The offset whose reminder is due with ``days_left`` days to go, or None.

    The smallest offset that has been reached: 10 days before with offsets [14, 7, 1] is the 14-day reminder, 3
    days before the 7-day one. So a run that comes late (the beat was down, the item was only just planned) sends
    the one reminder that fits now, not every one it missed. After the date: OVERDUE, for a few days only.
    """
    if days_left < 0:
        return OVERDUE if overdue and -days_left <= setting("OVERDUE_LOOKBACK_DAYS") else None
    reached = [days for days in offsets if days >= days_left]
    return min(reached) if reached else None


def in_days(days: int) -> str:
    """'vandaag', 'morgen', 'over 3 dagen': for the reminders' messages."""
    if days <= 0:
        return _("vandaag")
    if days == 1:
        return _("morgen")
    return _("over %(days)s dagen") % {"days": days}


@dataclass(frozen=True)
class ReminderSource:
    """One kind of reminder. ``kind`` is stored on every Reminder (at most 20 characters, unique, never renamed once
    released); ``model`` is the subject's model; ``label`` says the kind in Dutch (admin, lists)."""

    kind: str
    label: str
    model: type
    due: Callable[[DueContext], Iterable[DueReminder]]
    content: Callable[..., ReminderContent | None]


class ReminderSources:
    """The registered sources, by kind, in registration order."""

    def __init__(self):
        self._sources: dict[str, ReminderSource] = {}

    def register(self, source: ReminderSource) -> ReminderSource:
        """Add a source; the same source again changes nothing, another source with a taken kind is an error."""
        if len(source.kind) > 20:
            raise ValueError(f"Reminder kind {source.kind!r} is longer than 20 characters.")
        current = self._sources.get(source.kind)
        if current is not None and current != source:
            raise ValueError(f"Reminder kind {source.kind!r} is registered twice.")
        self._sources[source.kind] = source
        return source

    def get(self, kind: str) -> ReminderSource | None:
        return self._sources.get(kind)

    def __iter__(self):
        return iter(tuple(self._sources.values()))

    def labels(self) -> dict[str, str]:
        return {source.kind: str(source.label) for source in self}


REMINDER_SOURCES = ReminderSources()
