"""The global search: the same question answered by PostgreSQL's full-text search with the Dutch configuration
(stemming and stop words: "wijkagenten" finds "wijkagent") or, on SQLite, by a plain substring match.

Every word of the question must occur (as the start of a word, on PostgreSQL); the hits of all kinds are ranked
together, title matches (weight A) before the main text (B) and notes (C). Only what ``kind.queryset(user)``
allows is searched, counted or shown. A search runs one query per kind (and one per to-many relation a snippet
reads), plus a count for a kind with more hits than are shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.db import connection
from django.db.models import F, Q, QuerySet

from .kinds import KINDS, SearchKind
from .snippets import snippet_html

MAX_TERMS = 8
MAX_QUERY_LENGTH = 200
DEFAULT_LIMIT = 50
# The weights of PostgreSQL's ts_rank (D, C, B, A = 0.1, 0.2, 0.4, 1.0), used by the fallback too.
WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2}
TS_CONFIG = "dutch"


@dataclass(frozen=True)
class SearchHit:
    kind: SearchKind
    obj: object
    rank: float
    title: str
    url: str
    snippet: str  # safe HTML: the text escaped, the matched words in <mark>

    @property
    def process(self):
        return self.obj.process


@dataclass
class SearchResult:
    text: str
    terms: list[str]
    hits: list[SearchHit] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def terms_of(text: str) -> list[str]:
    """The words of a question, lower case, without punctuation (so nothing of it reaches tsquery's syntax)."""
    return re.findall(r"[^\W_]+", text.lower())[:MAX_TERMS]


def full_text_available() -> bool:
    """PostgreSQL's full-text search where the database is PostgreSQL (production, CI); the fallback elsewhere."""
    return connection.vendor == "postgresql"


def search_for(
    user, text: str, *, process=None, kinds: list[str] | None = None, limit: int = DEFAULT_LIMIT
) -> SearchResult:
    """What ``user`` may see that matches ``text``, best first, at most ``limit`` hits, with the number of hits
    per kind (counted only over what the user may see)."""
    terms = terms_of(text[:MAX_QUERY_LENGTH])
    result = SearchResult(text=text, terms=terms)
    if not terms or not user.has_perm("search.use_search"):
        return result
    engine = _postgres_hits if full_text_available() else _fallback_hits
    for kind in KINDS:
        if kinds and kind.key not in kinds:
            continue
        queryset = kind.queryset(user)
        if process is not None:
            queryset = queryset.filter(process=process)
        if kind.prefetch:
            queryset = queryset.prefetch_related(*kind.prefetch)
        hits, count = engine(kind, queryset, terms, limit)
        if count:
            result.counts[kind.key] = count
        result.hits.extend(hits)
    result.hits.sort(key=lambda hit: (-hit.rank, KINDS.index(hit.kind), hit.title.lower()))
    del result.hits[limit:]
    return result


def _hit(kind: SearchKind, obj, rank: float, terms: list[str]) -> SearchHit:
    return SearchHit(
        kind=kind,
        obj=obj,
        rank=rank,
        title=kind.title(obj),
        url=kind.url(obj),
        snippet=snippet_html(kind.texts(obj), terms),
    )


# --- PostgreSQL: full-text search, Dutch ---------------------------------------------------------------------


def _search_vector(kind: SearchKind, model):
    from django.contrib.postgres.aggregates import StringAgg
    from django.contrib.postgres.search import SearchVector
    from django.db.models import OuterRef, Subquery

    vectors = []
    for weight, paths in kind.fields.items():
        for path in paths:
            head, _sep, rest = path.partition("__")
            relation = model._meta.get_field(head)
            if relation.one_to_many or relation.many_to_many:
                # A to-many relation: its values as one text, so that the search does not multiply the rows.
                back = relation.field.name
                related = relation.related_model.objects.filter(**{back: OuterRef("pk")})
                expression = Subquery(
                    related.values(back).annotate(text=StringAgg(rest, delimiter=" ")).values("text")[:1]
                )
            else:
                expression = F(path)
            vectors.append(SearchVector(expression, config=TS_CONFIG, weight=weight))
    return reduce(lambda left, right: left + right, vectors)


def _postgres_hits(kind: SearchKind, queryset: QuerySet, terms: list[str], limit: int):
    from django.contrib.postgres.search import SearchQuery, SearchRank

    # Every word as a prefix (ondermijn:* & aanpak:*); the words are letters and digits only (terms_of).
    query = SearchQuery(" & ".join(f"{term}:*" for term in terms), config=TS_CONFIG, search_type="raw")
    matching = queryset.annotate(search_vector=_search_vector(kind, queryset.model)).filter(search_vector=query)
    rows = list(matching.annotate(rank=SearchRank(F("search_vector"), query)).order_by("-rank", "pk")[:limit])
    count = len(rows) if len(rows) < limit else matching.count()
    return [_hit(kind, row, float(row.rank), terms) for row in rows], count


# --- Elsewhere (SQLite): every word as a substring of one of the fields ------------------------------------------


def _fallback_hits(kind: SearchKind, queryset: QuerySet, terms: list[str], limit: int):
    paths = [path for group in kind.fields.values() for path in group]
    condition = reduce(and_, (reduce(or_, (Q(**{f"{path}__icontains": term}) for path in paths)) for term in terms))
    to_many = any("__" in path and _is_to_many(queryset.model, path) for path in paths)
    matching = queryset.filter(condition)
    if to_many:
        matching = matching.distinct()
    rows = list(matching)
    ranked = sorted(((_fallback_rank(kind, row, terms), row) for row in rows), key=lambda pair: -pair[0])
    return [_hit(kind, row, rank, terms) for rank, row in ranked[:limit]], len(rows)


def _is_to_many(model, path: str) -> bool:
    relation = model._meta.get_field(path.partition("__")[0])
    return bool(relation.one_to_many or relation.many_to_many)


def _fallback_rank(kind: SearchKind, obj, terms: list[str]) -> float:
    """Like ts_rank, roughly: each occurrence of a word counts with its field's weight, damped for long texts."""
    rank = 0.0
    for weight, text in kind.texts(obj).items():
        lowered = text.lower()
        occurrences = sum(lowered.count(term) for term in terms)
        if occurrences:
            rank += WEIGHTS[weight] * occurrences / (1 + len(lowered) / 1000)
    return rank
