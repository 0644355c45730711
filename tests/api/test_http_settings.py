"""CORS origins and API rate limits come from the environment, as production reads it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
READ_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps({name: getattr(settings, name) for name in ("
    "'CORS_ALLOWED_ORIGINS', 'API_RATE_LIMIT_ANON', 'API_RATE_LIMIT_TOKEN', "
    "'API_RATE_LIMIT_BAD_TOKEN')}))"
)


def production_settings(**environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CORS_", "API_RATE_LIMIT_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="trustcenter.settings.production",
        SECRET_KEY="settings-test-" + "x" * 50,
        **environment,
    )
    result = subprocess.run(
        [sys.executable, "-c", READ_SETTINGS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        (
            {},
            {
                "CORS_ALLOWED_ORIGINS": [],
                "API_RATE_LIMIT_ANON": "300/m",
                "API_RATE_LIMIT_TOKEN": "1200/m",
                "API_RATE_LIMIT_BAD_TOKEN": "10/m",
            },
        ),
        (
            {
                "CORS_ALLOWED_ORIGINS": "https://www.example.com, https://app.example.com,",
                "API_RATE_LIMIT_ANON": "1000/h",
                "API_RATE_LIMIT_TOKEN": "",
                "API_RATE_LIMIT_BAD_TOKEN": "5/10m",
            },
            {
                "CORS_ALLOWED_ORIGINS": ["https://www.example.com", "https://app.example.com"],
                "API_RATE_LIMIT_ANON": "1000/h",
                "API_RATE_LIMIT_TOKEN": None,
                "API_RATE_LIMIT_BAD_TOKEN": "5/10m",
            },
        ),
    ],
    ids=["defaults", "set"],
)
def test_the_environment_sets_cors_origins_and_rate_limits(environment, expected):
    assert production_settings(**environment) == expected
