"""Search over the questions and answers of live FAQ pages, in any language.

Wagtail's database search backend cannot find a Chinese word inside a Chinese sentence:
Chinese has no spaces, so PostgreSQL and SQLite index a whole sentence as one token. This
search keeps its own index, one row per question (``FAQSearchEntry``), and matches on it
with plain ``LIKE`` lookups, which behave the same on SQLite and PostgreSQL:

- A run of CJK characters in the query must occur as written in the question or the
  answer (substring match), so 数据 finds 客户数据存储在哪里.
- Other words are stemmed with the Snowball English stemmer and matched as whole terms,
  the last one also as a prefix, as Wagtail's backends do; English stop words are
  ignored unless the query has nothing else.

Questions that have every query term (in the question or the answer) are found; if none
has them all, those with some, most terms first. Questions that match come before answers
that match. The index is rewritten whenever a FAQ page is saved, from what visitors see,
and searches only look at pages that are live and public now.

``LIKE '%term%'`` reads every row, which is too slow for a million questions. On
PostgreSQL each entry's ``index_tokens`` (its stems, CJK characters and pairs of adjacent
CJK characters, and the question's own again, marked) has a GIN full-text index, and the
``LIKE`` conditions are only checked on the entries that index finds: those holding every
character pair of 数据中心 (then ``LIKE`` keeps those where they are adjacent), or every
stem. The results are the same on SQLite, which only runs the ``LIKE`` conditions.

A query that matches nearly everything must not rank everything either. When entries have
every term, they are read tier by tier (every term in the question, then one fewer, down to
none), each tier in page order and only as far as the results shown; the marked question
tokens let the index skip the tiers that are empty. Only a query none has all the terms of
ranks all its partial matches.
"""

import functools
import operator
import re
import unicodedata
from dataclasses import dataclass
from html import unescape

from django.db import connection, transaction
from django.db.models import BooleanField, Case, Func, IntegerField, Q, TextField, Value, When
from django.utils.html import strip_tags

import snowballstemmer

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 10
# PostgreSQL refuses lexemes over 2,047 bytes; longer tokens are indexed by their start.
MAX_TOKEN_LENGTH = 100
# Marks a question's tokens in ``index_tokens``; no token has a colon.
QUESTION_MARK = "q:"

# Han, kana, Hangul and their compatibility and extension blocks.
_CJK = (
    "\u2e80-\u2fdf\u3005-\u3007\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
_TOKEN = re.compile(rf"(?P<cjk>[{_CJK}]+)|(?P<word>(?:(?![{_CJK}])[^\W_])+)")

# Common English words, which PostgreSQL's "english" search configuration ignores too.
STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can did do does doing don down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most my myself no nor not now of off on once only or other our
    ours ourselves out over own same she should so some such t than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with you your yours yourself yourselves""".split()
)

_stemmer = snowballstemmer.stemmer("english")


# Stemming is most of the cost of indexing, and a site uses a few thousand distinct words.
@functools.lru_cache(maxsize=65536)
def _stem(word):
    return _stemmer.stemWord(word)


def normalize(text):
    """Fold width and case, so ＦＡＱ, FAQ and faq are one word."""
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(frozen=True)
class Term:
    text: str
    is_cjk: bool
    is_stop_word: bool = False


def tokenize(text):
    terms = []
    for match in _TOKEN.finditer(normalize(text)):
        if match["cjk"]:
            terms.append(Term(match["cjk"], is_cjk=True))
        else:
            word = match["word"]
            terms.append(Term(_stem(word), False, word in STOP_WORDS))
    return terms


def index_terms(text):
    """What the index stores: space-separated terms with a space at each end, so that
    `` term `` matches a whole term, `` term`` a prefix and ``数据`` any CJK substring."""
    return f" {' '.join(term.text for term in tokenize(text))} "


def index_tokens(question, answer):
    """What PostgreSQL's full-text index holds for an entry: its distinct stems, and for
    each CJK run its characters and pairs of adjacent characters; then the question's
    tokens again with ``QUESTION_MARK``, so the index tells question matches apart."""
    question_tokens = _text_tokens(question)
    tokens = dict.fromkeys([*question_tokens, *_text_tokens(answer)])
    tokens.update(dict.fromkeys(QUESTION_MARK + token for token in question_tokens))
    return " ".join(tokens)


def refill_index_tokens(entries, batch_size=2000):
    """Recompute ``index_tokens`` for ``entries`` (migrations pass their historical model's)."""
    batch = []
    for entry in entries.only("question", "answer").iterator(chunk_size=batch_size):
        entry.index_tokens = index_tokens(entry.question, entry.answer)
        batch.append(entry)
        if len(batch) == batch_size:
            entries.bulk_update(batch, ["index_tokens"])
            batch = []
    entries.bulk_update(batch, ["index_tokens"])


def _text_tokens(text):
    return list(dict.fromkeys(token for term in tokenize(text) for token in _term_tokens(term)))


def _term_tokens(term):
    if not term.is_cjk:
        return [term.text[:MAX_TOKEN_LENGTH]]
    pairs = [term.text[i : i + 2] for i in range(len(term.text) - 1)]
    return [*term.text, *pairs]


def plain_text(html):
    return " ".join(unescape(strip_tags(html)).split())


def query_terms(query):
    """The terms searched for: stop words only if there is nothing else, at most ten."""
    terms = tokenize(query[:MAX_QUERY_LENGTH])
    terms = [term for term in terms if not term.is_stop_word] or terms
    return list(dict.fromkeys(terms))[:MAX_QUERY_TERMS]


def like_pattern(term, is_last):
    """A query term as a ``LIKE`` fragment of the index (see ``index_terms``)."""
    if term.is_cjk:
        return term.text
    return f" {term.text}" if is_last else f" {term.text} "


def tsquery_operand(term, is_last, mark=""):
    """A query term as a PostgreSQL tsquery over ``index_tokens``, which every entry that
    has the term matches (in its question, with ``mark=QUESTION_MARK``): a CJK run needs all
    its character pairs (or its one character), the last word is a prefix, a word cut to
    ``MAX_TOKEN_LENGTH`` a prefix too."""
    if term.is_cjk:
        tokens = _term_tokens(term)[-max(len(term.text) - 1, 1) :]
        return "(" + " & ".join(f"'{mark}{token}'" for token in dict.fromkeys(tokens)) + ")"
    prefix = is_last or len(term.text) > MAX_TOKEN_LENGTH
    return f"'{mark}{term.text[:MAX_TOKEN_LENGTH]}'" + (":*" if prefix else "")


class _IndexedTokensMatch(Func):
    """PostgreSQL: an entry's ``index_vector`` matches a tsquery (see ``tsquery_operand``).

    ``index_vector`` is a column only PostgreSQL has (migration 0003): ``index_tokens`` as
    a tsvector, stored and GIN-indexed. Each token is a lexeme as it is: no parser or
    dictionary of PostgreSQL's splits or changes it.
    """

    output_field = BooleanField()

    def __init__(self, tsquery):
        super().__init__(Value(tsquery, output_field=TextField()))

    def as_sql(self, compiler, connection, **extra_context):
        tsquery, params = compiler.compile(self.get_source_expressions()[0])
        table = connection.ops.quote_name(compiler.query.get_initial_alias())
        return f"{table}.index_vector @@ ({tsquery})::tsquery", params


@dataclass
class Tier:
    """Matches of equal rank, in page order."""

    entries: object  # a FAQSearchEntry queryset
    # On PostgreSQL, what the full-text index finds of a superset of ``entries``: when it
    # finds nothing, the tier is skipped, where reading it in page order would read all.
    possible: object = None

    def first(self, count):
        if self.possible is not None and not _any_in_page_order(self.possible):
            return []
        return list(self.entries[:count])


def _any_in_page_order(entries):
    """Whether ``entries`` has a row, looked for in page order.

    ``exists()`` lets PostgreSQL read entries in id order, hoping for an early hit: for a
    Chinese word that is every English entry first. In page order, each language's pages
    come together, so a word that many entries have is found at once.
    """
    return entries.order_by("page__path", "position").values_list("pk").first() is not None


@dataclass
class SearchResults:
    matches: object  # the matching FAQSearchEntry rows, in no particular order
    matched_all_terms: bool
    tiers: tuple = ()  # the matches, best first: a few are found without ranking all

    def first(self, count):
        """The best ``count`` entries."""
        found = []
        for tier in self.tiers:
            found += tier.first(count - len(found))
            if len(found) == count:
                break
        return found

    def count(self, up_to):
        """How many entries match, counting no further than ``up_to`` (in page order, for
        the reason ``_any_in_page_order`` gives)."""
        return self.matches.order_by("page__path", "position")[:up_to].count()


def search(query, locale, pages):
    """Matching entries of ``pages`` (a queryset of FAQ pages) in ``locale``, best first,
    with their page (without its questions, which a results list doesn't show).

    The entries that have every query term; if there are none, those that have some (as
    Wagtail's default "or" search would find them), most terms first. Among equals, more
    terms in the question beat fewer, then page order.
    """
    from .models import FAQSearchEntry

    terms = query_terms(query)
    if not terms:
        return SearchResults(FAQSearchEntry.objects.none(), matched_all_terms=True)
    last = len(terms) - 1
    patterns = [like_pattern(term, n == last) for n, term in enumerate(terms)]
    operands = [tsquery_operand(term, n == last) for n, term in enumerate(terms)]
    marked = [tsquery_operand(term, n == last, QUESTION_MARK) for n, term in enumerate(terms)]
    candidates = FAQSearchEntry.objects.filter(page__locale=locale, page__in=pages)
    candidates = candidates.select_related("page").defer("page__faqs")
    anywhere = [
        Q(question_terms__contains=pattern) | Q(answer_terms__contains=pattern)
        for pattern in patterns
    ]
    in_question = [Q(question_terms__contains=pattern) for pattern in patterns]
    question_hits = _count(in_question)
    all_operands = " & ".join(operands)

    with_all = _narrowed(candidates, all_operands).filter(*anywhere)
    if _any_in_page_order(with_all):
        in_page_order = with_all.order_by("page__path", "position")
        # Every term in the question; then (several terms) some of them; then none.
        tiers = [Tier(in_page_order.filter(*in_question), _indexed(candidates, " & ".join(marked)))]
        some_marked = f"({all_operands}) & ({' | '.join(marked)})"
        for hits in range(len(terms) - 1, 0, -1):
            tier = in_page_order.alias(question_hits=question_hits).filter(question_hits=hits)
            tiers.append(Tier(tier, _indexed(candidates, some_marked)))
        tiers.append(Tier(in_page_order.exclude(functools.reduce(operator.or_, in_question))))
        return SearchResults(with_all, True, tuple(tiers))

    with_some = _narrowed(candidates, " | ".join(operands)).filter(
        functools.reduce(operator.or_, anywhere)
    )
    ranked = with_some.annotate(terms_found=_count(anywhere), question_hits=question_hits)
    ranked = ranked.order_by("-terms_found", "-question_hits", "page__path", "position")
    return SearchResults(with_some, False, (Tier(ranked),))


def _narrowed(candidates, tsquery):
    """On PostgreSQL, only the entries its full-text index finds for ``tsquery``."""
    if connection.vendor != "postgresql":
        return candidates
    return candidates.filter(_IndexedTokensMatch(tsquery))


def _indexed(candidates, tsquery):
    """On PostgreSQL, the entries its full-text index finds for ``tsquery``; else None."""
    return _narrowed(candidates, tsquery) if connection.vendor == "postgresql" else None


def _count(conditions):
    """How many of ``conditions`` a row meets, as an SQL expression."""
    return functools.reduce(
        operator.add,
        (
            Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())
            for condition in conditions
        ),
    )


@transaction.atomic
def index_page(page_id):
    """Rewrite the index entries of one FAQ page from what visitors see (none if not live)."""
    from .models import FAQPage, FAQSearchEntry

    FAQSearchEntry.objects.filter(page_id=page_id).delete()
    page = FAQPage.objects.filter(pk=page_id, live=True).first()
    if page is None:
        return 0
    entries = []
    for position, item in enumerate(page.visible_faqs):
        question = item.value["question"]
        answer = plain_text(item.value["answer"].source)
        entries.append(
            FAQSearchEntry(
                page=page,
                block_id=item.id,
                position=position,
                question=question,
                answer=answer,
                question_terms=index_terms(question),
                answer_terms=index_terms(answer),
                index_tokens=index_tokens(question, answer),
            )
        )
    FAQSearchEntry.objects.bulk_create(entries)
    return len(entries)


def index_saved_page(sender, instance, update_fields=None, **kwargs):
    """post_save: re-index when the live content, the live state or the held-back items may
    have changed.

    Saving a draft revision saves only bookkeeping fields (``update_fields``) and keeps
    the live content, so it changes nothing here.
    """
    if update_fields is not None and not {"faqs", "live", "untranslated_faq_ids"} & set(
        update_fields
    ):
        return
    index_page(instance.pk)
