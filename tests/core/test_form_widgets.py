"""The shared form widgets: the browser's date picker for a day, the searchable checkboxes."""

import datetime

from django import forms

from core.forms import DutchDateField, SearchableCheckboxSelectMultiple


class DayForm(forms.Form):
    day = DutchDateField(label="Dag", required=False)
    options = forms.MultipleChoiceField(
        choices=[(str(n), f"Mijlpaal {n}") for n in range(10)], widget=SearchableCheckboxSelectMultiple, required=False
    )


def test_a_day_is_picked_in_the_browsers_date_picker_and_read_in_both_forms():
    html = str(DayForm(initial={"day": datetime.date(2018, 4, 4)})["day"])
    assert 'type="date"' in html
    assert 'value="2018-04-04"' in html
    assert "maxlength" not in html
    for typed in ("2018-04-04", "4 april 2018", "4-4-2018"):
        form = DayForm(data={"day": typed})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["day"] == datetime.date(2018, 4, 4)
    form = DayForm(data={"day": "begin 2019"})
    assert not form.is_valid()
    assert form.errors["day"] == ["Vul een dag in, bijvoorbeeld 29 maart 2018."]


def test_the_checkboxes_carry_the_search_hook_and_its_script():
    form = DayForm()
    html = str(form["options"])
    assert html.count('data-filterable="true"') == 10
    assert 'type="checkbox"' in html
    assert '<script src="/static/js/checkbox-filter.js"></script>' in str(form.media)
