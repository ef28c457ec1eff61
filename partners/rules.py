"""Who may do what with the ambtelijke toets in the portal: a municipal contact reads and answers the toets of their
own municipalities (nothing else of the portal); programme staff send it, see every answer and decide on the
proposals."""

from accounts.rules import is_municipal_contact, is_programme_staff

from .models import MunicipalContact


def can_answer_check(user, obj=None) -> bool:
    """A contact of the plan's municipality; without an object: any contact (the start page)."""
    if not is_municipal_contact(user):
        return False
    if obj is None:
        return True
    return MunicipalContact.objects.filter(user=user, municipalities=obj.plan.municipality_id).exists()


RULES = {
    "partners.answer_checkrequest": can_answer_check,
    "partners.view_checkrequest": is_programme_staff,
    "partners.change_checkrequest": is_programme_staff,
    "partners.change_municipalcontact": is_programme_staff,
}
