"""The default theme catalogue: the themes that Dutch municipal and regional safety plans name most often.

Staff extend the catalogue in the application; the reverse removes only the default themes that no plan uses.
"""

from django.db import migrations

THEMES = [
    ("Ondermijning", "Verweving van onder- en bovenwereld: drugs, witwassen, misbruik van vastgoed en bedrijven."),
    ("Georganiseerde criminaliteit", "Criminele samenwerkingsverbanden, waaronder outlaw motorcycle gangs."),
    ("Drugs", "Productie, handel en overlast van drugs, waaronder drugsafval en hennepteelt."),
    ("Cybercrime", "Criminaliteit met of tegen ICT: hacken, ransomware, gegevensdiefstal."),
    ("Gedigitaliseerde criminaliteit", "Traditionele criminaliteit via internet, zoals online fraude en oplichting."),
    ("Jeugdcriminaliteit", "Criminaliteit door jongeren, jeugdgroepen en problematische jeugd."),
    ("Huiselijk geweld", "Geweld in afhankelijkheidsrelaties, waaronder kindermishandeling en ouderenmishandeling."),
    ("Radicalisering", "Radicalisering en extremisme; de voorkoming van terrorisme."),
    ("Polarisatie", "Spanningen tussen groepen in de samenleving."),
    ("High impact crimes", "Woninginbraak, overvallen, straatroof en geweld: delicten met grote impact op slachtoffers."),
    ("Woninginbraak", "Inbraak in woningen."),
    ("Personen met verward gedrag", "De aanpak van personen met verward gedrag, tussen zorg en veiligheid."),
    ("Zorg en veiligheid", "Samenwerking tussen zorg- en veiligheidspartners, zoals in het Zorg- en Veiligheidshuis."),
    ("Mensenhandel", "Seksuele en arbeidsuitbuiting, criminele uitbuiting en mensensmokkel."),
    ("Fraude", "Fraude en oplichting, waaronder fraude met zorggeld en identiteitsfraude."),
    ("Geweld tegen hulpverleners", "Agressie en geweld tegen politie, hulpverleners en boa's."),
    ("Verkeersveiligheid", "Veiligheid in het verkeer, waaronder rijden onder invloed."),
    ("Veilig uitgaan", "Veiligheid en overlast rond horeca en evenementen."),
    ("Overlast", "Overlast van personen en groepen in de openbare ruimte."),
    ("Veilige woon- en leefomgeving", "Leefbaarheid en veiligheid in wijken en buurten."),
    ("Milieucriminaliteit", "Criminaliteit met afval, mest en milieuvergunningen."),
    ("Fysieke veiligheid", "Brandveiligheid, crisisbeheersing en rampenbestrijding."),
]


def add_themes(apps, schema_editor):
    Theme = apps.get_model("planning", "Theme")
    for name, description in THEMES:
        Theme.objects.get_or_create(name=name, defaults={"description": description})


def remove_themes(apps, schema_editor):
    Theme = apps.get_model("planning", "Theme")
    Theme.objects.filter(
        name__in=[name for name, _ in THEMES], plan_themes__isnull=True, sources__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("planning", "0003_scan_themes_plans_sources")]

    operations = [migrations.RunPython(add_themes, remove_themes)]
