from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from demo.loader import DemoResult, load_demo
from documents.models import DocumentVersion
from documents.tasks import prerender_versions


class Command(BaseCommand):
    help = (
        "Laadt de demo: de planning van de Veiligheidsstrategie 2019-2022 uit de planningsnotitie van 2018, met "
        "de VS 2015-2018 als voorganger, de scan van alle 78 gemeenten, de lange lijst van tien, de keuzeronde van "
        "2018 met de keuzes van de vijf DVO's en de top vijf van de BBG, en één demogebruiker per rol met een bekend "
        "wachtwoord. Veilig om opnieuw te draaien: er komt niets dubbel en de demowachtwoorden worden teruggezet. "
        "Met productie-instellingen (DEBUG uit) worden de gegevens wel geladen maar géén gebruikers met bekende "
        "wachtwoorden aangemaakt (alleen een inactieve systeemgebruiker zonder wachtwoord die de DVO-keuzes "
        "invoert); de opdracht meldt dat en eindigt zonder fout (exitcode 0), zodat een opstartscript door kan."
    )

    def handle(self, *args, **options):
        create_users = settings.DEBUG
        result = load_demo(create_users=create_users)
        self._report(result)
        # The demo's PDFs go into the render cache through the queue, so that the first download is at once.
        versions = DocumentVersion.objects.filter(document__process=result.process).select_related("document")
        queued = prerender_versions(versions)
        if queued:
            self.stdout.write(_("%(count)d PDF's van de demo in de wachtrij gezet.") % {"count": queued})

    def _report(self, result: DemoResult) -> None:
        if result.changed_anything:
            parts = [f"{count} {label} nieuw" for label, count in sorted(result.created.items())]
            parts += [f"{count} {label} bijgewerkt" for label, count in sorted(result.updated.items())]
            self.stdout.write(_("Demo geladen: %(changes)s.") % {"changes": ", ".join(parts)})
        else:
            self.stdout.write(_("Demo was al geladen; er is niets veranderd."))
        process = result.process
        self.stdout.write(
            _("%(process)s: %(milestones)d mijlpalen, %(actions)d acties, %(sources)d bronnen.")
            % {
                "process": process.short_name,
                "milestones": process.milestones.count(),
                "actions": process.actions.count(),
                "sources": process.sources.count(),
            }
        )
        self._report_later_steps(process)
        if result.users_refused:
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "Geen demogebruikers aangemaakt: DEBUG staat uit (productie-instellingen), en gebruikers "
                        "met bekende wachtwoorden horen daar niet thuis. Maak echte gebruikers aan met "
                        "'python manage.py createsuperuser' of via het beheer."
                    )
                )
            )
            return
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(_("Inloggen op %(url)s met:") % {"url": settings.SITE_URL}))
        width = max(len(user.username) for user in result.users)
        pw_width = max(len(user.password) for user in result.users)
        self.stdout.write(f"  {_('gebruikersnaam'):<{width}}  {_('wachtwoord'):<{pw_width}}  {_('rol')}")
        for user in result.users:
            role = f"{user.role_label} {user.district_code}".strip()
            self.stdout.write(f"  {user.username:<{width}}  {user.password:<{pw_width}}  {role}")

    def _report_later_steps(self, process) -> None:
        """What the scan, the long list and the round of the demo hold now."""
        from priorities.models import LongList
        from voting.models import Ballot, Round

        long_list = LongList.objects.filter(process=process).first()
        round = Round.objects.filter(process=process).first()
        decision = getattr(round, "decision", None) if round else None
        self.stdout.write(
            _(
                "Scan: %(plans)d plannen met %(themes)d thema's; lange lijst: %(priorities)d prioriteiten (%(list)s); "
                "keuzeronde: %(ballots)d keuzes van DVO's (%(round)s); top vijf: %(decision)s."
            )
            % {
                "plans": process.municipal_plans.count(),
                "themes": process.municipal_plans.values("plan_themes").exclude(plan_themes=None).count(),
                "priorities": process.priorities.count(),
                "list": long_list.get_status_display() if long_list else _("geen"),
                "ballots": Ballot.objects.filter(round=round).count() if round else 0,
                "round": round.get_status_display() if round else _("geen"),
                "decision": _("bevestigd") if decision and decision.is_confirmed else _("nog niet bevestigd"),
            }
        )
