from wagtail import hooks

from faq.page_links import prefetch_page_links


@hooks.register("before_serve_page")
def prefetch_links_of_served_page(page, request, serve_args, serve_kwargs):
    prefetch_page_links(page)
