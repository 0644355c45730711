"""Azure purge backends that work with current Azure SDKs, and the one Wagtail lacks.

Wagtail 8.0.1's Azure backends cannot purge with current SDKs: they test the method
``_is_legacy_azure_library`` (always true) where they mean its result, so they call
``purge_content``, which no longer exists, and their other branch calls ``_get_purge_kwargs``
without its ``paths`` argument. These subclasses make the current SDK call themselves. And
Wagtail's Front Door backend speaks only to classic Front Door; Front Door Standard and Premium
purge through the CDN management API's AFD endpoints.
"""

from wagtail.contrib.frontend_cache import backends as wagtail_backends


class AzureCdnBackend(wagtail_backends.AzureCdnBackend):
    """Azure CDN (classic): ``.../profiles/{profile}/endpoints/{name}/purge``."""

    def _make_purge_call(self, client, paths):
        from azure.mgmt.cdn.models import PurgeParameters

        return client.endpoints.begin_purge_content(
            resource_group_name=self._resource_group_name,
            profile_name=self._cdn_profile_name,
            endpoint_name=self._cdn_endpoint_name,
            content_file_paths=PurgeParameters(content_paths=paths),
        )


class AzureFrontDoorBackend(wagtail_backends.AzureFrontDoorBackend):
    """Azure Front Door (classic): ``.../frontDoors/{name}/purge``."""

    def _make_purge_call(self, client, paths):
        from azure.mgmt.frontdoor.models import PurgeParameters

        return client.endpoints.begin_purge_content(
            resource_group_name=self._resource_group_name,
            front_door_name=self._front_door_name,
            content_file_paths=PurgeParameters(content_paths=paths),
        )


class AzureFrontDoorStandardBackend(wagtail_backends.AzureCdnBackend):
    """Azure Front Door Standard/Premium: ``.../profiles/{profile}/afdEndpoints/{name}/purge``."""

    def __init__(self, params):
        params = dict(params)
        self._domains = params.pop("DOMAINS", None) or None
        params["CDN_PROFILE_NAME"] = params.pop("PROFILE_NAME", None)
        params["CDN_ENDPOINT_NAME"] = params.pop("ENDPOINT_NAME", None)
        super().__init__(params)

    def _make_purge_call(self, client, paths):
        from azure.mgmt.cdn.models import AfdPurgeParameters

        return client.afd_endpoints.begin_purge_content(
            resource_group_name=self._resource_group_name,
            profile_name=self._cdn_profile_name,
            endpoint_name=self._cdn_endpoint_name,
            contents=AfdPurgeParameters(content_paths=paths, domains=self._domains),
        )
