from django.urls import path

from . import views

app_name = "faq"

urlpatterns = [
    path("search/", views.search, name="search"),
]
