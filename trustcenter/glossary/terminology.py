"""Which glossary terms a translation leaves out.

A term counts as used in the source when it appears ignoring case, as whole words for a term in
Latin letters (so "data center" is not found in "metadata centers"; an English plural "s" still
counts), anywhere for other scripts. The translation must then contain the term's translation,
ignoring case and markup. Checks, never refusals: a translator may have good reason to phrase
it otherwise. Used by the translation editor (``trustcenter.translation.views``), the PO upload
(``trustcenter.translation.po_files``) and, through ``FAQ_TERMINOLOGY_CHECK``, by the plugin's
status report.
"""

import re

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from .models import GlossaryTerm


def _pattern(term):
    escaped = re.escape(term.strip())
    if re.search(r"[A-Za-z0-9]", term):
        escaped = rf"(?<![\w-]){escaped}(?:s|es)?(?![\w-])"
    return re.compile(escaped, re.IGNORECASE)


def checker(locale):
    """A function ``(source, translation) -> [GlossaryTerm]`` missing from the translation,
    for ``locale``'s glossary (read once), or None when that glossary is empty."""
    terms = [
        (term, _pattern(term.source_term)) for term in GlossaryTerm.objects.filter(locale=locale)
    ]
    if not terms:
        return None

    def missing(source, translation):
        source, translation = strip_tags(source or ""), strip_tags(translation or "").casefold()
        return [
            term
            for term, pattern in terms
            if pattern.search(source) and term.target_term.casefold() not in translation
        ]

    return missing


def missing_terms(locale, source, translation):
    """The glossary terms of ``locale`` that ``translation`` (of ``source``) leaves out."""
    check = checker(locale)
    return check(source, translation) if check else []


def missing_term_warning(term):
    """What the translator is told of a glossary term their translation leaves out."""
    return _("“%(term)s” is translated “%(translation)s” in the glossary.") % {
        "term": term.source_term,
        "translation": term.target_term,
    }
