"""How FAQ pages are translated with wagtail-localize: what a translated page publishes
(``publishing``) and the report of what is left to translate (``status``)."""
