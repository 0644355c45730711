"""What a FAQ page's content may be, checked once for every way in (admin, translation
editor, PO upload, API, importer, sync, publishing): see ``FAQPage.clean``.

- An item id (the StreamField block id, which is the item's anchor ``faq-<id>``) is 1 to 64
  letters, digits, ``-`` or ``_``, and unique in the page. Wagtail makes UUIDs; an API
  client may choose its own. Longer ids don't fit the search index, other characters make
  anchors and wagtail-localize's context paths (``faqs.<id>.answer``) ambiguous, and a
  repeated id repeats an anchor and breaks wagtail-localize's translations of the page.
- A published item has an answer with some text.
- Rich text is nested at most ``MAX_RICH_TEXT_DEPTH`` elements deep: Wagtail's and
  wagtail-localize's HTML walkers recurse, and fail (a 500) on thousands of levels.
- Two items don't ask the same question (``repeated_questions``; case and spacing aside):
  publishing a new repeat is refused on every path (``FAQPage.clean``, when the save
  publishes a revision), and the admin warns when a draft is saved (``FAQPageForm``,
  ``wagtail_hooks``): visitors would read the question twice. A repeat visitors already see
  is only warned of, so it blocks no other change, and a translation may repeat what its
  source repeats. The legacy importer carries pages over as
  they are (``carrying_repeats_over``; the legacy English FAQ asks one question twice, items
  14 and 15) and reports each repeat.
"""

import contextlib
import contextvars
import re
from html.parser import HTMLParser

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

ITEM_ID_MAX_LENGTH = 64
ITEM_ID_PATTERN = rf"^[A-Za-z0-9_-]{{1,{ITEM_ID_MAX_LENGTH}}}$"
MAX_RICH_TEXT_DEPTH = 32

# Elements that never hold others, so never deepen the nesting.
_VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}


class _NestingMeter(HTMLParser):
    """Measures how deep elements nest, without recursing (HTMLParser is event-driven)."""

    def __init__(self, uncounted):
        super().__init__(convert_charrefs=True)
        self.uncounted = _VOID_ELEMENTS | set(uncounted)
        self.depth = self.deepest = 0

    def handle_starttag(self, tag, attrs):
        if tag not in self.uncounted:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag):
        if tag not in self.uncounted:
            self.depth = max(0, self.depth - 1)


def nesting_depth(html, uncounted=()):
    """How deep ``html``'s elements nest, not counting void elements or ``uncounted`` ones."""
    meter = _NestingMeter(uncounted)
    meter.feed(html)
    meter.close()
    return meter.deepest


def check_rich_text(html):
    """Raise ``ValueError`` naming the problem if ``html`` can't be stored; return it."""
    if "\x00" in html:
        raise ValueError(_("contains a NUL character"))
    if nesting_depth(html) > MAX_RICH_TEXT_DEPTH:
        raise ValueError(
            _("its markup is nested more than %(limit)d elements deep")
            % {"limit": MAX_RICH_TEXT_DEPTH}
        )
    return html


def is_allowed_item_id(item_id):
    return bool(re.match(ITEM_ID_PATTERN, item_id or ""))


def has_text(html):
    return bool(strip_tags(html).replace("&nbsp;", " ").strip())


def block_problems(items, published):
    """The StreamField's own block validation (lengths, required answers) of stored FAQ
    items, one message per problem naming its item: for what didn't come through a form."""
    stream_block = items.stream_block
    try:
        if published:
            stream_block.clean(items)
        else:  # a draft, as the admin saves one: required fields may still be empty
            stream_block.clean_deferred(items)
    except ValidationError as error:
        return [
            _("Item %(number)d %(field)s: %(message)s")
            % {
                "number": index + 1,
                "field": _field_label(items[index].block, field),
                "message": message,
            }
            for index, item_error in sorted(error.block_errors.items())
            for field, field_error in item_error.block_errors.items()
            for message in field_error.messages
        ]
    return []


def _field_label(struct_block, name):
    """A FAQ item field as the editor knows it (its block's translated label, "question",
    "答案"), not its name; lower-cased as it follows "Item 2" mid-sentence."""
    child = struct_block.child_blocks.get(name)
    return str(child.label).lower() if child is not None else name


def faq_item_problems(items, published):
    """One message per problem in a FAQ StreamValue, each naming its item by number."""
    problems = []
    first_with_id = {}
    for number, item in enumerate(items, start=1):
        where = _("Item %(number)d") % {"number": number}
        if not item.id:  # a new item: Wagtail gives it a UUID when it is stored
            pass
        elif item.id in first_with_id:
            problems.append(
                _("%(item)s: id “%(id)s” is already item %(first)d's; each item needs its own")
                % {"item": where, "id": _shortened(item.id), "first": first_with_id[item.id]}
            )
        else:
            first_with_id[item.id] = number
            if not is_allowed_item_id(item.id):
                problems.append(
                    _(
                        "%(item)s: id “%(id)s” is not 1 to %(limit)d letters, digits, "
                        "hyphens or underscores"
                    )
                    % {"item": where, "id": _shortened(item.id), "limit": ITEM_ID_MAX_LENGTH}
                )
        answer = item.value["answer"].source
        if "\x00" in item.value["question"]:
            problems.append(_("%(item)s: the question contains a NUL character") % {"item": where})
        try:
            check_rich_text(answer)
        except ValueError as error:
            problems.append(_("%(item)s: the answer %(error)s") % {"item": where, "error": error})
        if published and not has_text(answer):
            problems.append(_("%(item)s: the answer is empty") % {"item": where})
    return problems


def _question_key(question):
    return " ".join(question.split()).casefold()


def _repeats(questions):
    """``(index, first index)`` of each question an earlier one asks already (0-based)."""
    first = {}
    for index, question in enumerate(questions):
        key = _question_key(question)
        if key in first:
            yield index, first[key]
        elif key:
            first[key] = index


def _repeat_message(questions, index, first):
    return _("Item %(number)d: the question is item %(first)d's again (“%(question)s”)") % {
        "number": index + 1,
        "first": first + 1,
        "question": _shortened(questions[index]),
    }


def question_repeats(questions):
    """One message per question (in item order) an earlier item asks already."""
    return [_repeat_message(questions, index, first) for index, first in _repeats(questions)]


def asks_a_question_twice(items):
    """Whether an item of the FAQ StreamValue ``items`` asks an earlier item's question."""
    return any(_repeats(_questions(items)))  # each repeat is a (truthy) pair


def repeated_questions(items, already=(), translations=()):
    """``question_repeats`` of the FAQ StreamValue ``items``, leaving out:

    - the questions ``already`` (an earlier version's items, read only if there is a repeat)
      repeats: an editor is never blocked by a repeat someone else published;
    - the repeats one of ``translations`` (the page's items in other languages, read only if
      there is a repeat) asks too, between the same two items (block ids): a translator is
      never blocked by a repeat of the source.
    """
    questions = _questions(items)
    repeats = list(_repeats(questions))
    if not repeats:
        return []
    known = {_question_key(question) for question in _repeated_in(already)}
    mirrored = {
        (other[first].id, other[index].id)
        for other in translations
        for index, first in _repeats(_questions(other))
    }
    return [
        _repeat_message(questions, index, first)
        for index, first in repeats
        if _question_key(questions[index]) not in known
        and (items[first].id, items[index].id) not in mirrored
    ]


def _repeated_in(items):
    questions = _questions(items)
    return [questions[index] for index, _first in _repeats(questions)]


def _questions(items):
    return [item.value["question"] for item in items]


def is_being_published(page):
    """Whether this save of ``page`` makes a revision live: Wagtail's publishing sets
    ``live_revision`` to it before saving, while the page's row still names the one before."""
    if not page.live or page.live_revision_id is None or page.pk is None:
        return False
    live_before = type(page).objects.filter(pk=page.pk).values_list("live_revision_id", flat=True)
    return page.live_revision_id not in live_before


_carrying_repeats_over = contextvars.ContextVar("carrying_repeats_over", default=False)


@contextlib.contextmanager
def carrying_repeats_over():
    """Within it, publishing doesn't refuse repeated questions: for an import carrying pages
    over as they were (which reports the repeats itself)."""
    token = _carrying_repeats_over.set(True)
    try:
        yield
    finally:
        _carrying_repeats_over.reset(token)


def new_repeats_refused():
    return not _carrying_repeats_over.get()


def refuse_scheduling_new_repeats(sender, instance, update_fields=None, **kwargs):
    """pre_save of a revision: a FAQ page's revision scheduled to go live may not ask a new
    repeated question, so that ``publish_scheduled`` (which stops at the first revision that
    fails) never meets one to refuse. The v3 API schedules without the admin's form."""
    if instance.approved_go_live_at is None or (
        update_fields is not None and "approved_go_live_at" not in update_fields
    ):
        return
    from .models import FAQPage  # which imports this module

    model = instance.content_type.model_class()  # None for a model since removed
    if not new_repeats_refused() or model is None or not issubclass(model, FAQPage):
        return
    if problems := instance.as_object().new_repeated_questions():
        raise ValidationError({"faqs": problems})


def _shortened(text, limit=70):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_validation_error(error):
    """A Django ``ValidationError`` of a model as one line, each message naming its field
    (the FAQ item messages name their item already)."""
    if not hasattr(error, "error_dict"):
        return "; ".join(error.messages)
    parts = []
    for field_name, messages in error.message_dict.items():
        for message in messages:
            named = field_name in (NON_FIELD_ERRORS, "faqs")
            parts.append(message if named else f"{field_name}: {message}")
    return "; ".join(parts)
