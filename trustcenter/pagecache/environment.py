"""Settings read from the environment; imported by the settings, so nothing here imports Django."""


def backends_from_environment(environ):
    """The WAGTAILFRONTENDCACHE setting the environment asks for; empty when it asks for none."""

    def hostnames(prefix):
        names = [name.strip() for name in environ.get(f"{prefix}_HOSTNAMES", "").split(",")]
        return {"HOSTNAMES": [name for name in names if name]} if any(names) else {}

    azure = {
        "SUBSCRIPTION_ID": environ.get("AZURE_SUBSCRIPTION_ID") or None,
        "RESOURCE_GROUP_NAME": environ.get("AZURE_RESOURCE_GROUP", ""),
    }
    backends = {}
    if environ.get("CLOUDFLARE_ZONE_ID"):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": environ["CLOUDFLARE_ZONE_ID"],
            "BEARER_TOKEN": environ.get("CLOUDFLARE_API_TOKEN"),
            **hostnames("CLOUDFLARE"),
        }
    if environ.get("AZURE_FRONT_DOOR_NAME"):
        backends["azure_front_door"] = {
            "BACKEND": "trustcenter.pagecache.frontend_cache.AzureFrontDoorBackend",
            "FRONT_DOOR_NAME": environ["AZURE_FRONT_DOOR_NAME"],
            **azure,
            **hostnames("AZURE_FRONT_DOOR"),
        }
    if environ.get("AZURE_CDN_ENDPOINT"):
        backends["azure_cdn"] = {
            "BACKEND": "trustcenter.pagecache.frontend_cache.AzureCdnBackend",
            "CDN_PROFILE_NAME": environ.get("AZURE_CDN_PROFILE", ""),
            "CDN_ENDPOINT_NAME": environ["AZURE_CDN_ENDPOINT"],
            **azure,
            **hostnames("AZURE_CDN"),
        }
    if environ.get("AZURE_AFD_ENDPOINT"):
        backends["azure_front_door_standard"] = {
            "BACKEND": "trustcenter.pagecache.frontend_cache.AzureFrontDoorStandardBackend",
            "PROFILE_NAME": environ.get("AZURE_AFD_PROFILE", ""),
            "ENDPOINT_NAME": environ["AZURE_AFD_ENDPOINT"],
            "DOMAINS": [d.strip() for d in environ.get("AZURE_AFD_DOMAINS", "").split(",") if d],
            **azure,
            **hostnames("AZURE_AFD"),
        }
    return backends
