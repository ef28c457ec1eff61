"""The iCalendar (.ics) feed of a process's milestones, for Outlook and other agenda programs.

Every milestone that is not cancelled becomes an all-day event over its day or period. The UID stays the same
when the milestone changes, so a subscribed agenda updates the event instead of adding a new one. The feed is
built in a fixed number of queries whatever the size of the planning.
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vDuration

from accounts.models import User
from sitesettings.selectors import site_settings

from .models import Milestone, StrategyProcess

UID_DOMAIN = "vs-portaal"
# How often a subscribed agenda should fetch the feed again (Outlook and Apple read one or the other).
REFRESH_INTERVAL = datetime.timedelta(hours=4)


def feed_user(token: str) -> User | None:
    """The active user with a role whose calendar token this is, or None."""
    user = User.objects.filter(calendar_token=token, is_active=True).first() if token else None
    if user is None or not user.has_perm("accounts.use_calendar"):
        return None
    return user


def feed_url(user: User, process: StrategyProcess) -> str:
    """The absolute, secret address of the user's feed of a process."""
    path = reverse("planning:calendar_feed", kwargs={"token": user.calendar_token, "slug": process.slug})
    return settings.SITE_URL + path


def feed_milestones(process: StrategyProcess):
    return (
        Milestone.objects.filter(process=process)
        .exclude(status=Milestone.Status.CANCELLED)
        .select_related("phase", "body", "responsible_person")
        .order_by("starts_on", "ends_on", "pk")
    )


def milestone_uid(milestone: Milestone) -> str:
    return f"milestone-{milestone.pk}@{UID_DOMAIN}"


def _description(milestone: Milestone) -> str:
    lines = [_("Wanneer: %(when)s") % {"when": milestone.when_display}]
    if milestone.status == Milestone.Status.TENTATIVE:
        lines.append(_("Deze mijlpaal staat onder voorbehoud."))
    if milestone.body_id:
        lines.append(_("Gremium: %(body)s") % {"body": f"{milestone.body.short_name} ({milestone.body.name})"})
    if milestone.responsible_person_id:
        lines.append(_("Verantwoordelijk: %(person)s") % {"person": milestone.responsible_person.name})
    if milestone.phase_id:
        lines.append(_("Fase: %(phase)s") % {"phase": milestone.phase.name})
    lines.append(_("Status: %(status)s") % {"status": milestone.get_status_display()})
    for text in (milestone.description, milestone.deliverables):
        if text.strip():
            lines.extend(["", text.strip()])
    return "\n".join(lines)


def milestone_event(milestone: Milestone, *, process: StrategyProcess, stamp: datetime.datetime) -> Event:
    tentative = milestone.status == Milestone.Status.TENTATIVE
    event = Event()
    event.add("uid", milestone_uid(milestone))
    event.add("dtstamp", stamp)
    event.add("summary", f"{milestone.title} ({_('onder voorbehoud')})" if tentative else milestone.title)
    # All-day: DTSTART and DTEND are dates, and DTEND is the first day after the milestone (exclusive).
    event.add("dtstart", milestone.starts_on)
    event.add("dtend", milestone.ends_on + datetime.timedelta(days=1))
    event.add("status", "TENTATIVE" if tentative else "CONFIRMED")
    # The subscriber does not attend everything: the events must not mark them busy.
    event.add("transp", "TRANSPARENT")
    event.add("description", _description(milestone))
    event.add("categories", [milestone.get_kind_display()])
    event.add(
        "url",
        settings.SITE_URL + reverse("planning:milestone_detail", kwargs={"slug": process.slug, "pk": milestone.pk}),
    )
    if milestone.body_id:
        event.add("location", milestone.body.short_name)
    event.add("last-modified", milestone.updated_at)
    return event


def build_calendar(process: StrategyProcess) -> bytes:
    """The whole feed of a process as iCalendar bytes."""
    calendar = Calendar()
    calendar.add("prodid", site_settings().calendar_prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", process.title)
    calendar.add("x-wr-caldesc", _("Planning van %(process)s uit VS-portaal") % {"process": process.short_name})
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    stamp = timezone.now()
    for milestone in feed_milestones(process):
        calendar.add_component(milestone_event(milestone, process=process, stamp=stamp))
    return calendar.to_ical()
