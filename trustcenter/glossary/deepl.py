"""wagtail-localize's DeepL translator, given the target language's glossary.

wagtail-localize passes DeepL a fixed ``GLOSSARY_IDS`` option; this site's glossary changes in
the admin, and a DeepL glossary can't be changed. So before translating, the glossary DeepL
holds for the language (``DeepLGlossary``) is compared with the terms: unchanged, it is used;
changed, a new one is made and the old one deleted. Without terms, or if DeepL refuses the
glossary, the strings are translated without one (the editor still warns of missing terms).
"""

import hashlib
import logging

from wagtail_localize.machine_translators.deepl import DeepLTranslator, language_code

import requests

from .models import DeepLGlossary, GlossaryTerm

logger = logging.getLogger(__name__)


class GlossaryDeepLTranslator(DeepLTranslator):
    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        glossary_id = self.glossary_id(source_locale, target_locale)
        if glossary_id:
            parameters["glossary_id"] = glossary_id
        return parameters

    def glossaries_endpoint(self):
        return self.get_api_endpoint().removesuffix("/translate") + "/glossaries"

    def glossary_id(self, source_locale, target_locale):
        """The id of DeepL's glossary for ``target_locale``'s current terms, or None."""
        terms = GlossaryTerm.objects.filter(locale=target_locale).order_by("source_term")
        # Tabs and line breaks would break DeepL's TSV entries; terms never need them.
        entries = "\n".join(
            f"{' '.join(term.source_term.split())}\t{' '.join(term.target_term.split())}"
            for term in terms
        )
        source_lang = language_code(source_locale.language_code)
        target_lang = language_code(target_locale.language_code)
        digest = hashlib.sha256(f"{source_lang}>{target_lang}\n{entries}".encode()).hexdigest()
        stored = DeepLGlossary.objects.filter(locale=target_locale).first()
        if stored and stored.entries_digest == digest:
            return stored.glossary_id
        glossary_id = entries and self._create(source_lang, target_lang, entries)
        if stored:
            self._delete(stored.glossary_id)
            stored.delete()
        if glossary_id:
            DeepLGlossary.objects.create(
                locale=target_locale, glossary_id=glossary_id, entries_digest=digest
            )
        return glossary_id or None

    def _create(self, source_lang, target_lang, entries):
        try:
            response = requests.post(
                self.glossaries_endpoint(),
                {
                    "name": f"Trust Center {source_lang}-{target_lang}",
                    "source_lang": source_lang,
                    "target_lang": target_lang,
                    "entries": entries,
                    "entries_format": "tsv",
                },
                headers=self.get_headers(),
                timeout=int(self.options.get("TIMEOUT", 30)),
            )
            response.raise_for_status()
            return response.json()["glossary_id"]
        except (requests.RequestException, ValueError, KeyError) as error:
            logger.warning("DeepL refused the %s glossary: %s", target_lang, error)
            return None

    def _delete(self, glossary_id):
        try:
            requests.delete(
                f"{self.glossaries_endpoint()}/{glossary_id}",
                headers=self.get_headers(),
                timeout=int(self.options.get("TIMEOUT", 30)),
            ).raise_for_status()
        except requests.RequestException as error:
            # Left at DeepL, unused: it only counts towards the account's glossaries.
            logger.warning("Could not delete DeepL glossary %s: %s", glossary_id, error)
