"""Every change this site makes to Wagtail's v3 API and to django-ninja, which serves it.

What the changes do is in ``trustcenter.api``; here is only how they reach into upstream code:

- public extension points where ninja has one: ``add_decorator`` (each operation, as ninja binds
  it to the API) and ``add_exception_handler``;
- ``faq.patching.Patch`` objects where it has none, checked at start-up against the upstream
  source they were written for (``OperationPatch``: a wrapper of some operations, which also
  fails the check when an operation it names is gone).
"""

import functools

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from wagtail.api.v3.errors import problem_response, register_exception_handlers
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.routers import pages as v3_pages
from wagtail.api.v3.schemas.params import APIFieldFilterSchema
from wagtail.api.v3.urls import api as v3_api
from wagtail.api.validators import APIFieldValidator

from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.operation import Operation
from ninja.params.models import ParamModel, QueryModel
from ninja.parser import Parser
from ninja.router import BoundRouter
from pydantic import ValidationError as PydanticValidationError

from faq import patching
from faq.patching import Patch
from trustcenter.api.input import (
    operation_query_problem,
    take_decoded_body,
    undeclared_query_problem,
)
from trustcenter.api.openapi import complete_openapi_document
from trustcenter.api.preview_tokens import PARAMETER as PREVIEW_TOKEN_PARAMETER
from trustcenter.api.preview_tokens import read_drafts_with_preview_tokens
from trustcenter.api.root_page import ROOT_PAGE_CHECKS, check_root_page_first
from trustcenter.api.writes import (
    PAGE_DETAIL_OPERATION,
    PAGE_WRITE_OPERATIONS,
    in_one_transaction,
    lock_page_first,
    with_etag,
)
from trustcenter.pagecache.query import count_only

V3_API = "wagtail.api.v3.api.api"


class APIAttributePatch(Patch):
    """A Patch of an attribute of Wagtail's v3 ``NinjaAPI`` instance (Wagtail builds it, so
    ninja's constructor arguments are out of reach)."""

    @property
    def label(self):
        return f"{V3_API}.{self.name}"


# The OpenAPI document: ninja has no hook for it (a subclass of NinjaAPI would do, but Wagtail
# makes the instance).
def completed_openapi_schema(**kwargs):
    return complete_openapi_document(OPENAPI_DOCUMENT.original(**kwargs))


OPENAPI_DOCUMENT = APIAttributePatch(
    v3_api,
    "get_openapi_schema",
    completed_openapi_schema,
    upstream=(NinjaAPI.get_openapi_schema,),
    sha256="9a7f0b5fcf000644cce60b760f84c259ac33bf647173be81dcfd8a8f4a15880e",
)


class DecodedBodyParser(Parser):
    """ninja's parser, taking the JSON body ``APIErrorMiddleware`` decoded instead of decoding
    it a second time."""

    def parse_body(self, request):
        decoded = take_decoded_body(request)
        return super().parse_body(request) if decoded is None else decoded


JSON_BODY_DECODED_ONCE = APIAttributePatch(
    v3_api,
    "parser",
    DecodedBodyParser(),
    upstream=(Parser.parse_body,),
    sha256="8110689b42db18a62967e0fbba964a5fc9ad7c3fd42ef53f465db9c1b3b07e95",
)


# v3's listings skip a query parameter that names none of their fields (``skip_invalid``): the
# listing refuses it instead, naming it (its pagination, ``limit`` and ``offset``, is declared
# apart from its filters).
def refusing_unknown_filter_fields(self, queryset):
    fields = FIELD_FILTER_FIELDS.original(self, queryset)
    declared = {*self.ignore_fields, "limit", "offset"}
    filter_fields = APIFieldValidator(
        model=queryset.model, fields=[], base_fields=self.base_fields, db_fields_only=True
    ).allowed_fields
    problem = undeclared_query_problem(self.raw_params, declared, filter_fields)
    if problem:
        raise HttpError(400, problem)
    return fields


FIELD_FILTER_FIELDS = Patch(
    APIFieldFilterSchema,
    "get_validated_fields",
    refusing_unknown_filter_fields,
    upstream=(APIFieldFilterSchema, APIFieldValidator, WagtailLimitOffsetPagination.Input),
    sha256="a67999d538412413d2678aba9700326ea250a19c6b7ec4744bdef0ed4a750429",
)


# v3's operations as ninja bound them, by operation id; the OperationPatches, in install order.
_bound_operations = {}
_operation_patches = []


class OperationPatch(Patch):
    """Change the operations named by ``operation_ids`` (or, if ``methods``, every operation
    with one of them): ``wrap(operation)`` replaces its ``view_func`` (runs after ninja
    validated the request) and/or its ``run`` (authentication to response).

    They are reached through ninja's public ``add_decorator`` (mode "view"), which hands a
    decorator each operation's own bound ``run`` when ninja binds it to the API (when
    ``api.urls`` is first read): ``run.__self__`` is the operation. ``upstream`` is the ninja
    (and Wagtail) code that is relied on.
    """

    # No attribute is swapped (Patch's target and original): the operations are changed.
    def __init__(self, name, wrap, *, upstream, sha256, operation_ids=(), methods=()):
        self.name = name
        self.replacement = wrap
        self.where = wrap.__module__
        self.upstream = tuple(upstream)
        self.sha256 = sha256
        self.operation_ids = frozenset(operation_ids)
        self.methods = frozenset(methods)
        self.wrapped = set()

    @property
    def label(self):
        return f"{V3_API} operations: {self.name}"

    def applies_to(self, operation):
        return operation.operation_id in self.operation_ids or bool(
            self.methods.intersection(operation.methods)
        )

    def install(self):
        if not _operation_patches:  # the first: one decorator applies them all
            v3_api.add_decorator(apply_operation_patches, mode="view")
        if self not in _operation_patches:
            _operation_patches.append(self)
            patching.PATCHES.append(self)

    def apply(self, operation):
        if self.applies_to(operation):
            self.replacement(operation)
            self.wrapped.add(operation.operation_id)

    def missing_operations(self):
        bind_v3_operations()
        return sorted(self.operation_ids - _bound_operations.keys())

    def has_taken(self):
        bind_v3_operations()
        expected = {
            operation_id
            for operation_id, operation in _bound_operations.items()
            if self.applies_to(operation)
        }
        return bool(expected) and expected <= self.wrapped

    def problems(self):
        missing = self.missing_operations()
        if not missing:
            return super().problems()
        found = [problem for problem in super().problems() if problem.id == "upstream.E001"]
        found.append(
            checks.Error(
                f"{self.label}: v3 has no operation {', '.join(missing)} any more.",
                hint="Find what replaced it in Wagtail's v3 routers and name that instead.",
                id="upstream.E002",
            )
        )
        return found


def bind_v3_operations():
    """Have ninja bind v3's operations to the API (once), as loading the URLconf does."""
    v3_api.urls  # noqa: B018 (read for its effect)


def apply_operation_patches(run):
    """The API decorator (ninja's mode "view") that hands each operation to the OperationPatches."""
    operation = getattr(run, "__self__", None)
    if not isinstance(operation, Operation):
        raise ImproperlyConfigured(
            "django-ninja no longer hands an API decorator the operation's own run: adapt "
            "trustcenter.upstream.v3_api.apply_operation_patches."
        )
    _bound_operations[operation.operation_id] = operation
    for patch in _operation_patches:
        patch.apply(operation)
    return operation.run


def declared_query_parameters(operation):
    """The query parameters ``operation`` takes, by the names a request uses."""
    return {
        name
        for model in operation.models
        if issubclass(model, QueryModel)
        for name in model.__ninja_flatten_map__  # the request's names of its fields
    }


def count_declared_query_reads_only(operation):
    """ninja reads every query parameter it is sent to find the ones it declares: for the page
    cache, a parameter that is not declared (nor read by the view itself) was not read."""
    declared = declared_query_parameters(operation)
    view = operation.view_func

    @functools.wraps(view)
    def counted(request, **params):
        count_only(request, declared)
        return view(request, **params)

    operation.view_func = counted


def refuse_undeclared_query_parameters(operation):
    """ninja ignores a query parameter an operation does not declare: answer 400, naming it
    (and the parameters that clash, which ninja would answer as if one of them were invalid)."""
    declared = declared_query_parameters(operation)
    if operation.operation_id == PAGE_DETAIL_OPERATION:
        declared.add(PREVIEW_TOKEN_PARAMETER)  # read by ``accept_preview_tokens``, inside
    run = operation.run

    @functools.wraps(run)
    def checked(request, **params):
        problem = operation_query_problem(operation.operation_id, request.GET, declared)
        if problem:
            return problem_response(status=400, detail=problem)
        return run(request, **params)

    operation.run = checked


def refuse_root_page_first(operation):
    check, field, permission = ROOT_PAGE_CHECKS[operation.operation_id]
    operation.view_func = check_root_page_first(operation.view_func, check, field, permission)


def serialise_page_writes(operation):
    """Give a v3 page operation its ETag, and a write its lock and If-Match check."""
    if operation.operation_id == PAGE_DETAIL_OPERATION:
        operation.run = with_etag(operation.run)
    else:
        operation.view_func = lock_page_first(operation.view_func)
        operation.run = with_etag(in_one_transaction(operation.run))


def accept_preview_tokens(operation):
    operation.view_func = read_drafts_with_preview_tokens(operation.view_func)


# Applied in this order, each around the ones before: a write locks its page, then checks the root;
# an unknown query parameter is refused before anything.
OPERATION_PATCHES = [
    OperationPatch(
        "count declared query reads only",
        count_declared_query_reads_only,
        methods={"GET"},
        upstream=(BoundRouter._bind_operations, ParamModel._map_data_paths),
        sha256="16dfe7614a07fe210af99bee0e4ccc711288db9ef8105f916255e1e198bb38c4",
    ),
    OperationPatch(
        "refuse what needs the root page's parent",
        refuse_root_page_first,
        operation_ids=ROOT_PAGE_CHECKS,
        upstream=(
            BoundRouter._bind_operations,
            (v3_pages, "move"),
            (v3_pages, "copy"),
            (v3_pages, "create_alias"),
        ),
        sha256="c636787e4177aa3c2efac8a6e4b046e3f9fdcb22ddf76d7f7bfc2e1722e6ba6e",
    ),
    OperationPatch(
        "one writer at a time per page, ETag and If-Match",
        serialise_page_writes,
        operation_ids=PAGE_WRITE_OPERATIONS | {PAGE_DETAIL_OPERATION},
        upstream=(BoundRouter._bind_operations, (v3_pages, "update_page")),
        sha256="d86d964ca9b9f2590e0d5b43a2c5828f71835aea8bf49096eceecd4e848de9e3",
    ),
    OperationPatch(
        "a preview token reads its page's draft",
        accept_preview_tokens,
        operation_ids={PAGE_DETAIL_OPERATION},
        upstream=(BoundRouter._bind_operations, (v3_pages, "get_page")),
        sha256="b9f9dccbcfd61586ccb4f4c988968b1efe5fcf18c7ca2f20a034a6714425dd16",
    ),
    OperationPatch(
        "refuse undeclared query parameters",
        refuse_undeclared_query_parameters,
        methods={"GET", "POST", "PUT", "PATCH", "DELETE"},
        upstream=(BoundRouter._bind_operations, ParamModel._map_data_paths),
        sha256="16dfe7614a07fe210af99bee0e4ccc711288db9ef8105f916255e1e198bb38c4",
    ),
]


def server_failures_are_not_validation_errors(handle_validation_error):
    """v3 answers any pydantic validation error with a 422, including one raised when a
    field's resolver fails while the *response* is built: a server bug, reported to the
    client as its own fault, with the exception's text. Make that an honest 500."""

    def handle(request, exc):
        if any(error["type"] == "get_attribute_error" for error in exc.errors()):
            raise exc  # APIErrorMiddleware logs it and answers a JSON 500
        return handle_validation_error(request, exc)

    return handle


def install():
    OPENAPI_DOCUMENT.install()
    JSON_BODY_DECODED_ONCE.install()
    FIELD_FILTER_FIELDS.install()
    # Wagtail's own answers, registered by its public function on an API that serves nothing:
    # its validation error handler is a closure, reachable only through an API that has it.
    wagtail_answers = NinjaAPI(urls_namespace="trustcenter_wagtail_v3_errors")
    register_exception_handlers(wagtail_answers)
    v3_api.add_exception_handler(
        PydanticValidationError,
        server_failures_are_not_validation_errors(wagtail_answers.on_exception),
    )
    for patch in OPERATION_PATCHES:
        patch.install()
