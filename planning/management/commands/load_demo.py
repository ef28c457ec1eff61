from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from planning.demo import DemoResult, load_demo


class Command(BaseCommand):
    help = (
        "Laadt de demo: de planning van de Veiligheidsstrategie 2019-2022 uit de planningsnotitie van 2018, met "
        "de VS 2015-2018 als voorganger, en één demogebruiker per rol met een bekend wachtwoord. Veilig om "
        "opnieuw te draaien: er komt niets dubbel en de demowachtwoorden worden teruggezet. Met productie-"
        "instellingen (DEBUG uit) worden de gegevens wel geladen maar géén gebruikers met bekende wachtwoorden "
        "aangemaakt; de opdracht meldt dat en eindigt zonder fout (exitcode 0), zodat een opstartscript door kan."
    )

    def handle(self, *args, **options):
        create_users = settings.DEBUG
        result = load_demo(create_users=create_users)
        self._report(result)

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
        if result.users_refused:
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "Geen demogebruikers aangemaakt: DEBUG staat uit (productie-instellingen), en gebruikers "
                        "met bekende wachtwoorden horen daar niet. Maak echte gebruikers aan met "
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
