"""Addresses where the site's sign-in views stand in for Wagtail's (same paths, matched first)."""

from django.urls import path

from .views import LogoutView

admin_urlpatterns = [
    path("admin/logout/", LogoutView.as_view()),
]
