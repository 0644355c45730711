"""What the APIs refuse before any view reads it: input Wagtail would pass on to the database
or answer wrongly (see ``APIErrorMiddleware``).

A v3 JSON body is decoded here once: ``take_decoded_body`` hands the decoded object on to v3's
request parser (``trustcenter.upstream.v3_api``), which would otherwise decode it again.
"""

import json
import re

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_datetime

from trustcenter import languages

from .paths import V2_PATH_PREFIX, V3_PATH_PREFIX

# The largest id or offset the database can hold (a signed 64-bit integer).
LARGEST_DATABASE_INTEGER = 2**63 - 1
INTEGER = re.compile(r"[+-]?\d+")
FORMS = ("multipart/form-data", "application/x-www-form-urlencoded")
SEARCH_OPERATORS = ("and", "or")
JSON_VALUE_KINDS = {
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}
# Revision listings' filters, typed date-time in the OpenAPI document.
DATE_TIME_FILTERS = (
    "created_at_from",
    "created_at_to",
    "approved_go_live_at_from",
    "approved_go_live_at_to",
)
DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}")
# Where the decoded body waits on the request for v3's parser.
_DECODED_BODY = "_trustcenter_api_decoded_body"


def too_large(text):
    return bool(INTEGER.fullmatch(text)) and abs(int(text)) > LARGEST_DATABASE_INTEGER


def path_is_too_large(path):
    return any(too_large(segment) for segment in path.split("/"))


def body_problem(request):
    """What is wrong with a v3 JSON body that v3 would answer with a 500, or None.

    May raise ``RequestDataTooBig``. A body that is a JSON object is kept for v3's parser.
    """
    # v3 reads any body as JSON, except a form's (an upload's).
    if not request.path_info.startswith(V3_PATH_PREFIX) or request.content_type in FORMS:
        return None
    if not request.body:
        return None  # v3 reads no body then
    try:
        body = json.loads(request.body)
    except ValueError:
        return None  # v3 says what is wrong with it
    except RecursionError:  # and so would v3's own parsing: a 500
        return "The request body is nested too deeply."
    if isinstance(body, dict):
        setattr(request, _DECODED_BODY, body)
        return None
    return f"The request body must be a JSON object, not {JSON_VALUE_KINDS[type(body)]}."


def take_decoded_body(request):
    """The body ``body_problem`` decoded, once (a second reader gets None and decodes anew:
    v3 changes the object it parses)."""
    return request.__dict__.pop(_DECODED_BODY, None)


def query_problem(path, query):
    """What is wrong with a request's query parameters, or None."""
    for name, values in query.lists():
        if any("\x00" in value for value in [name, *values]):
            return f"query parameter {name!r} contains a NUL character."
        if any(too_large(value) for value in values):
            return f"query parameter {name!r} is larger than {LARGEST_DATABASE_INTEGER}."
    user_id_field = get_user_model()._meta.pk
    for user_id in query.getlist("user_id"):
        try:
            user_id_field.to_python(user_id)
        except ValidationError:
            return f"user_id must be a user's id; got {user_id!r}."
    # The search backend raises ValueError for any other operator.
    for operator in query.getlist("search_operator"):
        if operator not in SEARCH_OPERATORS:
            return f"search_operator must be 'and' or 'or'; got {operator!r}."
    # v2's find views pass the id to the database unchecked (v3 validates its own).
    if path.startswith(V2_PATH_PREFIX) and path.endswith("/find/"):
        for object_id in query.getlist("id"):
            if not INTEGER.fullmatch(object_id):
                return f"id must be a whole number; got {object_id!r}."
    codes = languages.codes()
    for locale in query.getlist("locale"):
        if locale not in codes:
            return f"locale must be one of {', '.join(codes)}; got {locale!r}."
    return None


# v3's listings filter by any of their model's fields given as a query parameter: they refuse
# the other parameters once they know the model (``trustcenter.upstream.v3_api``'s
# ``refusing_unknown_filter_fields``).
FIELD_FILTERED_OPERATIONS = frozenset({"pages_list", "images_list", "redirects_list"})


def operation_query_problem(operation_id, query, declared):
    """What is wrong with the query of a request to a v3 operation that takes the query
    parameters ``declared``, or None (checked once the request reached the operation, so that
    a method it does not take is still a 405)."""
    if operation_id not in FIELD_FILTERED_OPERATIONS:
        problem = undeclared_query_problem(query, declared)
        if problem:
            return problem
    return date_time_problem(query) or clash_problem(query)


def date_time_problem(query):
    """A revision filter's date and time that is not one, or None. The document says
    ``date-time`` (ISO 8601); pydantic would also take a number (``0.5``, seconds since 1970)
    or a bare date, and answer as if the client had meant it."""
    for name in DATE_TIME_FILTERS:
        for value in query.getlist(name):
            if parse_datetime(value) is None or not DATE_TIME.match(value):
                return (
                    f"{name} must be a date and time (ISO 8601, e.g. 2026-01-31T12:00:00Z); "
                    f"got {value!r}."
                )
    return None


def clash_problem(query):
    """What v3 refuses as a combination of parameters that are each valid (Wagtail answers a
    422, as if a value were invalid): a 400, as the OpenAPI document says (it cannot express
    the clash itself)."""
    if query.get("child_of") and query.get("descendant_of"):
        return "child_of and descendant_of cannot be used together: choose one."
    offset = query.get("offset", "")
    if "random" in query.getlist("order") and INTEGER.fullmatch(offset) and int(offset):
        return "order=random cannot be used with an offset: random pages have no pages after them."
    return None


def undeclared_query_problem(query, declared, filter_fields=()):
    """A v3 request's query parameters that its operation does not take (``declared``, and
    ``filter_fields`` if it filters by fields), or None. v3 would ignore them: ``fields=`` or a
    typo would answer 200 as if it were heard."""
    unknown = sorted(set(query.keys()) - set(declared) - set(filter_fields))
    if not unknown:
        return None
    takes = ", ".join(sorted(declared)) or "none"
    problem = (
        f"Unknown query parameter{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}. "
        f"This operation takes: {takes}"
    )
    if filter_fields:
        problem += f"; and filters by these fields: {', '.join(sorted(filter_fields))}"
    return problem + "."
