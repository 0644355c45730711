from faq.page_links import page_link_scope


class PageLinkScopeMiddleware:
    """Share resolved rich-text page links across everything one request renders."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with page_link_scope():
            return self.get_response(request)
