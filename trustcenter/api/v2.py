"""Wagtail's v2 API as the public, read-only API: it shows what an anonymous visitor may see."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


class PublicEndpoint:
    """Without this, DRF would also accept a session cookie or an HTTP Basic password and
    show that user's login-restricted pages. Tokens and drafts are v3's."""

    authentication_classes = ()


class PublicPagesAPIViewSet(PublicEndpoint, PagesAPIViewSet):
    pass


class PublicImagesAPIViewSet(PublicEndpoint, ImagesAPIViewSet):
    pass


class PublicDocumentsAPIViewSet(PublicEndpoint, DocumentsAPIViewSet):
    pass


v2_router = WagtailAPIRouter("wagtailapi")
v2_router.register_endpoint("pages", PublicPagesAPIViewSet)
v2_router.register_endpoint("images", PublicImagesAPIViewSet)
v2_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
