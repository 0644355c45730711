from wagtail import hooks

from .links import BatchedPageLinkHandler, prefetch_page_links


# Runs after Wagtail's own registration (order 0), replacing its "page" link handler.
@hooks.register("register_rich_text_features", order=1)
def register_batched_page_links(features):
    features.register_link_type(BatchedPageLinkHandler)


@hooks.register("before_serve_page")
def prefetch_links_of_served_page(page, request, serve_args, serve_kwargs):
    prefetch_page_links(page)
