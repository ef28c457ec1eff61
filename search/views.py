"""The search page (/zoeken/?q=...): one ranked list over every process the user may read, narrowed by process
or kind, with the number of hits per kind. The top bar's small form (templates/search/includes/search_form.html)
lands here."""

from django.views.generic import TemplateView

from core.views import RuleRequiredMixin

from .engine import search_for
from .forms import SearchForm
from .kinds import KINDS


class SearchView(RuleRequiredMixin, TemplateView):
    permission_required = "search.use_search"
    template_name = "search/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET or None)
        result = None
        if form.is_valid() and form.cleaned_data["q"].strip():
            data = form.cleaned_data
            result = search_for(
                self.request.user,
                data["q"],
                process=data["proces"],
                kinds=[data["soort"]] if data["soort"] else None,
            )
        context.update(
            form=form,
            result=result,
            kind_counts=[(kind, result.counts.get(kind.key, 0)) for kind in KINDS] if result else [],
        )
        return context
