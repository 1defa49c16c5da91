"""A real OpenID Connect provider for the sign-in tests: `oidc-provider` (OpenID Certified),
run by node from `tests/oidc/provider/` (installed by `make test`), one per test worker.

Its users sign in through the provider's own login and consent pages; `Provider.sign_in`
walks them with an HTTP client (authorization code with PKCE), the browser test with
Chromium. It also publishes one key the tests hold (`test_key`), to sign the hostile tokens
the provider would never issue.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from app.core.config import Settings

PROVIDER_DIR = Path(__file__).parent / "provider"
INSTALLED = PROVIDER_DIR / "node_modules" / "oidc-provider"
SYSTEM_SECRET = "reporting-secret-for-tests-only"
SYSTEM_NAME = "Reporting dashboard"
TEST_KID = "test-signing-key"
FORM = re.compile(r"<form[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>", re.S)
INPUT = re.compile(r"<input([^>]*)>")
ATTRIBUTE = re.compile(r"([\w-]+)=\"([^\"]*)\"")


def _base64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass
class Provider:
    issuer: str
    spa: str
    audience: str
    kid: str
    process: subprocess.Popen[str]
    test_key: rsa.RSAPrivateKey
    discovery: dict[str, Any] = field(default_factory=dict)

    def _read_line(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("the OpenID Connect provider stopped")
            if line.startswith("{"):
                return dict(json.loads(line))

    def rotate(self) -> str:
        """Make the provider sign with a new key (the old one stays published); its id."""
        assert self.process.stdin is not None
        self.process.stdin.write("rotate\n")
        self.process.stdin.flush()
        self.kid = str(self._read_line()["kid"])
        return self.kid

    def system_token(self, resource: str | None = None) -> str:
        """An app-only access token (client credentials), for the API's audience unless
        another resource is named."""
        response = httpx.post(
            self.discovery["token_endpoint"],
            auth=("reporting", SYSTEM_SECRET),
            data={
                "grant_type": "client_credentials",
                "resource": resource or self.audience,
                "scope": "api",
            },
        )
        response.raise_for_status()
        return str(response.json()["access_token"])

    def sign_in(self, login: str) -> str:
        """A person's access token: the authorization code flow with PKCE, the provider's
        login and consent forms filled in as a browser would."""
        verifier = _base64url(secrets.token_bytes(32))
        challenge = _base64url(hashlib.sha256(verifier.encode()).digest())
        redirect_uri = f"{self.spa}/"
        state = secrets.token_urlsafe(16)
        with httpx.Client(follow_redirects=False) as browser:
            response = browser.get(
                self.discovery["authorization_endpoint"],
                params={
                    "client_id": "spa",
                    "response_type": "code",
                    "scope": "openid api",
                    "redirect_uri": redirect_uri,
                    "resource": self.audience,
                    "code_challenge": challenge,
                    "code_challenge_method": "S256",
                    "state": state,
                },
            )
            answers = {"login": {"login": login, "password": "any"}}
            for _ in range(10):
                if response.is_redirect:
                    target = urljoin(str(response.url), response.headers["location"])
                    if target.startswith(redirect_uri):
                        query = parse_qs(urlsplit(target).query)
                        assert query["state"] == [state], query
                        code = query["code"][0]
                        break
                    response = browser.get(target)
                    continue
                assert response.status_code == 200, response.text
                action, inputs = FORM.findall(response.text)[0]
                fields = {}
                for tag in INPUT.findall(inputs):
                    attributes = dict(ATTRIBUTE.findall(tag))
                    fields[attributes["name"]] = html.unescape(attributes.get("value", ""))
                fields.update(answers.get(fields.get("prompt", ""), {}))
                response = browser.post(
                    urljoin(str(response.url), html.unescape(action)), data=fields
                )
            else:
                raise AssertionError("the sign-in never came back to the app")
        tokens = httpx.post(
            self.discovery["token_endpoint"],
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": redirect_uri,
                "client_id": "spa",
                "code_verifier": verifier,
                "resource": self.audience,
            },
        )
        tokens.raise_for_status()
        return str(tokens.json()["access_token"])


def node_or_skip() -> str:
    """The node binary; a skip where it or the provider's package is missing, a failure under
    CI, where no test may skip."""
    node = shutil.which("node")
    missing = (
        "node is not installed"
        if node is None
        else f"{INSTALLED} is missing (make test installs it)"
        if not INSTALLED.exists()
        else None
    )
    if missing is not None:
        if os.environ.get("CI"):
            pytest.fail(f"{missing}, and under CI the sign-in tests may not be skipped")
        pytest.skip(missing)
    assert node is not None
    return node


@pytest.fixture(scope="session")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Provider]:
    node = node_or_skip()
    log = (tmp_path_factory.mktemp("oidc") / "provider.log").open("w")
    test_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    published = json.loads(RSAAlgorithm.to_jwk(test_key))
    published.update(kid=TEST_KID, use="sig", alg="RS256")
    process = subprocess.Popen(
        [node, "provider.js"],
        cwd=PROVIDER_DIR,
        env={**os.environ, "OIDC_EXTRA_KEYS": json.dumps([published])},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    try:
        started = Provider("", "", "", "", process, test_key)
        first = started._read_line()
        started.issuer, started.spa = first["issuer"], first["spa"]
        started.audience, started.kid = first["audience"], first["kid"]
        started.discovery = httpx.get(f"{started.issuer}/.well-known/openid-configuration").json()
        yield started
    finally:
        if process.stdin is not None:
            process.stdin.close()
        process.terminate()
        process.wait(timeout=20)
        log.close()


def signed_in_settings(settings: Settings, provider: Provider, **changes: Any) -> Settings:
    return settings.model_copy(
        update={
            "oidc_issuer": provider.issuer,
            "oidc_audience": provider.audience,
            "oidc_systems": {"reporting": SYSTEM_NAME},
            "oidc_jwks_refresh_seconds": 0,
            **changes,
        }
    )


@pytest.fixture
def settings(settings: Settings, provider: Provider) -> Settings:
    """The test's settings, with sign-in by the provider's tokens on."""
    return signed_in_settings(settings, provider)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
