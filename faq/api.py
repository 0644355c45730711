"""The FAQ page through Wagtail's APIs: v2 (read) and v3 (read and write).

Both APIs show a page's questions the same way, typed in v3's OpenAPI document::

    {"id": "<block id>", "type": "faq", "anchor": "faq-<block id>",
     "value": {"question": "...", "answer": "<p>HTML</p>"}}

Rich text is expanded with the page's own language active: Wagtail expands a link to a
page into that page's translation in the *active* language, which an API request does
not choose, so a Chinese answer would otherwise link to English pages.
"""

import sys
from typing import Annotated, Any, Literal

from django.core.exceptions import ImproperlyConfigured
from django.utils import translation

from wagtail.api.rich_text import APIRichText, RichTextInputFormat
from wagtail.rich_text import expand_db_html

from ninja import Schema
from pydantic import BeforeValidator, ConfigDict, Field
from rest_framework.fields import Field as SerializerField

from .blocks import ANSWER_FEATURES, faq_anchor
from .links import drop_unsafe_links, link_url_problem, refused_link_urls
from .validation import ITEM_ID_MAX_LENGTH, ITEM_ID_PATTERN, check_rich_text


def expand_rich_texts(page, sources):
    """Expand ``page``'s database HTML texts for the front end, in its language."""
    # Not at the top: faq.models imports this module before Wagtail's Page model is loaded.
    from .page_links import page_link_scope, prefetch_page_links

    with translation.override(page.locale.language_code), page_link_scope():
        prefetch_page_links(*sources)  # their page links, in one query
        return [expand_db_html(source) for source in sources]


def serialize_rich_texts(page, sources, rich_text_format, features=None):
    """Rich texts of ``page`` in an API output format; HTML links stay in the page's language,
    and a link to a refused URL is never sent (in any format)."""
    if not sources:
        return []
    sources = [drop_unsafe_links(source) for source in sources]
    if rich_text_format == APIRichText.FORMAT_HTML:
        return expand_rich_texts(page, sources)
    with translation.override(page.locale.language_code):
        return [
            APIRichText.serialize(source, format=rich_text_format, features=features)
            for source in sources
        ]


def serialize_faqs(page, rich_text_format):
    """The questions visitors see, as API items; answers in ``rich_text_format`` (html,
    db_html...). Items awaiting translation are held back, as on the page."""
    items = page.visible_faqs
    answers = serialize_rich_texts(
        page, [item.value["answer"].source for item in items], rich_text_format, ANSWER_FEATURES
    )
    return [
        {
            "id": item.id,
            "type": item.block_type,
            "anchor": faq_anchor(item.id),
            "value": {"question": item.value["question"], "answer": answer},
        }
        for item, answer in zip(items, answers, strict=True)
    ]


def requested_rich_text_format(request):
    return APIRichText.resolve_format(request.GET.get("rich_text_format") if request else None)


class PageSerializerField(SerializerField):
    """API v2: a field serialized from the whole page, whose language its rich text needs."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    @property
    def rich_text_format(self):
        # The v2 view validates ?rich_text_format= once and puts it in the context.
        rich_text_format = self.context.get("_wagtail_rich_text_format")
        return rich_text_format or requested_rich_text_format(self.context.get("request"))


class FAQItemsSerializerField(PageSerializerField):
    """API v2: a FAQ page's ``faqs``, with anchors and answers in the page's language."""

    def to_representation(self, page):
        return serialize_faqs(page, self.rich_text_format)


class LocalizedRichTextSerializerField(PageSerializerField):
    """API v2: a rich text field, its links expanded in the page's language."""

    def to_representation(self, page):
        field = page._meta.get_field(self.field_name)
        [text] = serialize_rich_texts(
            page, [getattr(page, self.field_name)], self.rich_text_format, field.features
        )
        return text


# API v3 (django-ninja): the typed schemas behind the OpenAPI document.


def html(features):
    """A rich text string as the APIs send it (in the default ``rich_text_format``)."""
    return Annotated[
        str,
        Field(
            description="HTML; links to pages point at the page's own language.",
            json_schema_extra={"format": "html", "x-rich-text-features": features},
        ),
    ]


class FAQItemValue(Schema):
    question: str = Field(description="Plain text, without a number.")
    answer: html(ANSWER_FEATURES)


class FAQItem(Schema):
    id: str = Field(description="The item's block id; the same in every language.")
    type: Literal["faq"]
    anchor: str = Field(description="The item's fragment id on the page, e.g. faq-<id>.")
    value: FAQItemValue


def _check_rich_text_input(value):
    # Before Wagtail converts it: its HTML cleaner recurses, and fails on deep nesting.
    content = value.get("content") if isinstance(value, dict) else value
    if isinstance(content, str):
        check_rich_text(content)
    return value


# Rich text as the API receives it: refused (a 422) if it could not be stored.
checked_rich_text = BeforeValidator(_check_rich_text_input)


class RichTextInput(Schema):
    format: RichTextInputFormat = "db_html"
    content: str = Field(min_length=1)


def _html_input(value):
    """The database HTML in a rich text input as sent (a string or ``{"format", "content"}``)."""
    if isinstance(value, dict) and value.get("format", "db_html") == "db_html":
        value = value.get("content")
    return value if isinstance(value, str) else ""


def refuse_unsafe_links(value):
    """A rich text input's links must have URLs ``faq.links`` accepts. Checked before Wagtail's
    conversion, which drops such a link silently: the writer would never learn it is gone."""
    for url in refused_link_urls(_html_input(value)):
        raise ValueError(link_url_problem(url))
    return value


class FAQItemValueInput(Schema):
    question: str = Field(min_length=1, max_length=500, description="Plain text.")
    # Not empty: a draft is saved unvalidated, and publishing it would not check again.
    # Pydantic runs "before" validators last to first: the nesting check comes first.
    answer: Annotated[
        Annotated[str, Field(min_length=1)] | RichTextInput,
        BeforeValidator(refuse_unsafe_links),
        checked_rich_text,
    ] = Field(
        description=(
            'Database HTML (links to pages as <a linktype="page" id="…">), or '
            '{"format": "db_markdown", "content": "…"}. Allowed: '
            + ", ".join(ANSWER_FEATURES)
            + "."
        )
    )


class FAQItemInput(Schema):
    id: str | None = Field(
        None,
        pattern=ITEM_ID_PATTERN,
        description=(
            "Keep an item's id to keep its anchor; leave it out for a new item. 1 to "
            f"{ITEM_ID_MAX_LENGTH} letters, digits, - or _, unique in the page."
        ),
    )
    type: Literal["faq"]
    value: FAQItemValueInput


def _extend(base, name, annotations, namespace=None):
    """Subclass a generated schema (through its metaclass, so ninja sees ``resolve_*``)."""
    return type(base)(name, (base,), {"__annotations__": annotations, **(namespace or {})})


def _resolve_faqs(page, context: dict) -> list[dict[str, Any]]:
    return serialize_faqs(page, requested_rich_text_format(context.get("request")))


def _localized_rich_text_resolver(field_name, features):
    def resolve(page, context: dict) -> str:
        rich_text_format = requested_rich_text_format(context.get("request"))
        [text] = serialize_rich_texts(page, [getattr(page, field_name)], rich_text_format, features)
        return text

    return staticmethod(resolve)


def register_v3_schemas(page_model):
    """Replace the v3 schemas Wagtail generated for ``page_model`` with typed ones.

    Out of the box v3 types a StreamField as a list of anything, and leaves fields with a
    v2 serializer out of its write schemas. This must run before v3's page router is
    imported: the router builds its request and response schemas from the registry once.
    """
    if "wagtail.api.v3.routers.pages" in sys.modules:
        raise ImproperlyConfigured(
            "The FAQ app must register its API schemas before Wagtail's v3 page router is "
            "imported: list 'faq' above the wagtail apps in INSTALLED_APPS."
        )

    from wagtail.api.v3.registry import ContentTypeRegistration, registry
    from wagtail.api.v3.schemas import create_generator
    from wagtail.api.v3.schemas.generators.write import rich_text_schema

    generated = registry.get(page_model._meta.label)
    name = page_model._meta.object_name
    intro_field = page_model._meta.get_field("intro")
    # Optional (it defaults to ""), so the same for a partial update.
    intro_input, intro_default = rich_text_schema(create_generator, intro_field)
    intro_input = Annotated[intro_input, BeforeValidator(refuse_unsafe_links), checked_rich_text]

    # Without defaults: a FAQ page always has both, and a generated client can rely on it.
    read_schema = _extend(
        generated.read_schema,
        f"{name}Schema",
        {"intro": html(intro_field.features), "faqs": list[FAQItem]},
        {
            "resolve_intro": _localized_rich_text_resolver("intro", intro_field.features),
            "resolve_faqs": staticmethod(_resolve_faqs),
        },
    )
    # v3 would answer 200 to a field it cannot write (a typo, a read-only field) and
    # ignore it: refuse it instead, naming it.
    strict = ConfigDict(extra="forbid")
    create_schema = _extend(
        generated.create_schema,
        f"{name}CreateSchema",
        {"intro": intro_input, "faqs": list[FAQItemInput]},
        {"intro": intro_default, "faqs": [], "model_config": strict},
    )
    patch_schema = _extend(
        generated.patch_schema,
        f"{name}PatchSchema",
        {"intro": intro_input, "faqs": list[FAQItemInput]},
        {"intro": intro_default, "faqs": [], "model_config": strict},
    )
    registry.register(
        ContentTypeRegistration(
            name=generated.name,
            label=generated.label,
            read_schema=read_schema,
            create_schema=create_schema,
            patch_schema=patch_schema,
        )
    )
