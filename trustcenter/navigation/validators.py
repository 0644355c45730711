from django.core.exceptions import ValidationError

from faq.links import link_url_problem


def validate_link_url(url):
    """The site's rule for every link an editor types (``faq.links``): no ``javascript:``."""
    if problem := link_url_problem(url):
        raise ValidationError(problem, code="link_url")
