"""Addresses where the site's sign-in views stand in for Wagtail's (same paths, matched first)."""

from django.urls import path

from .views import LogoutView, authenticate_with_password

admin_urlpatterns = [
    path("admin/logout/", LogoutView.as_view()),
]

# Inside the language prefixes, where Wagtail's front-end URLs are.
page_urlpatterns = [
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
    ),
]
