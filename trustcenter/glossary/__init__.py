"""The glossary: how the site's terms are translated (21Vianet → 世纪互联), kept in the admin by
editors and by each language's translators, checked on every translated string
(``terminology``) and given to DeepL (``deepl``)."""
