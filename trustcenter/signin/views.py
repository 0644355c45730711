"""Sign-in views that replace Wagtail's where Wagtail's let too much through."""

from django.contrib.auth import views as auth_views

from wagtail.admin.views import account


class LogoutView(account.LogoutView):
    """Wagtail's admin logout, answering only a POST.

    Wagtail's view deletes the session cookie after Django's view has answered, whatever
    that answer was: a ``GET`` (a link or an ``<img>`` on any site) got a 405 and still
    signed the editor out. Anything but a POST now gets Django's own answer, cookie intact.
    """

    def dispatch(self, request, *args, **kwargs):
        if request.method != "POST":
            return auth_views.LogoutView.dispatch(self, request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)
