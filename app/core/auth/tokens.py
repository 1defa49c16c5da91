"""OpenID Connect bearer tokens: their signatures checked against the issuer's published keys
(PyJWT), and what they say about the caller.

The issuer's discovery document names its key set (JWKS); both are read over HTTP with a
timeout and the key set is kept, and read again when a token names a key it does not hold
(at most once every `oidc_jwks_refresh_seconds`), so the provider can rotate its keys
without a restart. Only asymmetric algorithms are accepted. Every refusal is a 401 with
`WWW-Authenticate: Bearer error="invalid_token"` (RFC 6750); a provider that cannot be
reached is a 503.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx
import jwt
from fastapi import FastAPI
from jwt import PyJWK, PyJWKSet

from app.core.config import Settings
from app.core.errors import ServiceUnavailable, Unauthorized
from app.models import Role

logger = logging.getLogger("app.auth")

# RSA, RSA-PSS, elliptic curves and EdDSA: never `none` or a shared-secret HMAC.
ALGORITHMS = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}
)
# Entra ID's access tokens with many groups stay well under this; anything longer is refused
# before it is parsed.
MAX_TOKEN_LENGTH = 16_384
MAX_KID_LENGTH = 200
# As long as the audit log and status updates keep a subject.
MAX_SUBJECT_LENGTH = 200
# Keys the issuer has withdrawn stop working within this time, though no token names a new
# one; a provider that cannot be reached then leaves the keys held in use.
KEYS_MAX_AGE_SECONDS = 3600
DISCOVERY_PATH = "/.well-known/openid-configuration"
# A caller signed in with a token is counted and remembered under this id: a fixed length,
# whatever the subject's, that names no key.
CALLER_ID_PREFIX = "oidc_"


class InvalidToken(Unauthorized):
    """A bearer token that does not admit its bearer (RFC 6750 `invalid_token`)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.headers["WWW-Authenticate"] = 'Bearer realm="improvement-plan", error="invalid_token"'


class ProviderUnavailable(ServiceUnavailable):
    def __init__(
        self, detail: str = "The sign-in provider cannot be reached to check the token."
    ) -> None:
        super().__init__(f"{detail} Try again shortly.", headers={"Retry-After": "5"})


def looks_like_token(credential: str) -> bool:
    """Whether a bearer credential has a JWT's shape (three dot-separated parts)."""
    return credential.count(".") == 2


def caller_id(issuer: str, subject: str) -> str:
    """The id a token's caller is counted and remembered under (rate limits, idempotency)."""
    digest = hashlib.sha256(f"{issuer}\x00{subject}".encode()).hexdigest()
    return f"{CALLER_ID_PREFIX}{digest[:32]}"


@dataclass(frozen=True)
class Identity:
    """What a verified token says about its bearer."""

    subject: str
    name: str
    role: Role | None
    system: str | None
    email: str | None

    @property
    def is_person(self) -> bool:
        return self.system is None


class TokenVerifier:
    """The tokens of one issuer, checked against its key set."""

    def __init__(self, settings: Settings) -> None:
        if settings.oidc_issuer is None or settings.oidc_audience is None:
            raise ValueError("OpenID Connect needs an issuer and an audience")
        self.settings = settings
        self.issuer = settings.oidc_issuer
        self.audience = settings.oidc_audience
        self.timeout = settings.oidc_timeout_ms / 1000
        # Each key by its id, with the algorithm the issuer published for it, if any.
        self.keys: dict[str, tuple[PyJWK, str | None]] | None = None
        self.read_at = -float("inf")
        # The issuer's discovery document as last read, which the service also passes on
        # to browsers (/docs) that sign in.
        self.discovery: dict[str, Any] | None = None
        self.discovery_read_at = -float("inf")
        self.discovery_tried_at = -float("inf")
        self._lock = asyncio.Lock()

    # Reading the keys.

    async def _get_json(self, client: httpx.AsyncClient, url: str) -> Any:
        response = await client.get(url, headers={"Accept": "application/json"})
        response.raise_for_status()
        return response.json()

    def _client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=self.timeout, follow_redirects=False)

    async def _read_discovery(self, client: httpx.AsyncClient) -> dict[str, Any]:
        """The issuer's discovery document, read now and kept."""
        discovery = await self._get_json(client, self.issuer.rstrip("/") + DISCOVERY_PATH)
        if not isinstance(discovery, dict) or discovery.get("issuer") != self.issuer:
            raise ValueError("the discovery document names another issuer")
        if not isinstance(discovery.get("jwks_uri"), str):
            raise ValueError("the discovery document names no jwks_uri")
        self.discovery, self.discovery_read_at = discovery, time.monotonic()
        return discovery

    async def _read_keys(self) -> dict[str, tuple[PyJWK, str | None]]:
        """The issuer's signing keys by id, read through its discovery document."""
        try:
            async with self._client() as client:
                discovery = await self._read_discovery(client)
                document = await self._get_json(client, discovery["jwks_uri"])
            published = document.get("keys") if isinstance(document, dict) else None
            if not isinstance(published, list):
                raise ValueError("the key set has no keys")
            signing = [
                key
                for key in published
                if isinstance(key, dict)
                and isinstance(key.get("kid"), str)
                and key.get("use", "sig") == "sig"
            ]
            keys = PyJWKSet(signing).keys if signing else []
        except (httpx.HTTPError, ValueError, jwt.PyJWTError) as exc:
            raise ProviderUnavailable() from exc
        algorithms = {key["kid"]: key.get("alg") for key in signing}
        return {key.key_id: (key, algorithms.get(key.key_id)) for key in keys if key.key_id}

    def _fresh(self) -> bool:
        return time.monotonic() - self.read_at < KEYS_MAX_AGE_SECONDS

    async def _key(self, kid: str) -> tuple[PyJWK, str | None]:
        """The key with this id: from the kept key set, or the set read again when it is not
        there and was not read too recently, or when it is old."""
        if self.keys is not None and kid in self.keys and self._fresh():
            return self.keys[kid]
        async with self._lock:
            # Another request may have read the keys while this one waited.
            if self.keys is not None and kid in self.keys and self._fresh():
                return self.keys[kid]
            due = time.monotonic() - self.read_at >= self.settings.oidc_jwks_refresh_seconds
            if self.keys is None or due or not self._fresh():
                try:
                    self.keys = await self._read_keys()
                except ProviderUnavailable:
                    if self.keys is None or kid not in self.keys:
                        raise
                    logger.warning("the sign-in provider's keys could not be read again")
                self.read_at = time.monotonic()
        if kid not in self.keys:
            raise InvalidToken("The token is signed with a key the issuer does not publish.")
        return self.keys[kid]

    async def provider_metadata(self) -> dict[str, Any]:
        """The issuer's discovery document: the one last read while it is fresh, else read
        again, at most once every `oidc_jwks_refresh_seconds` however often it is asked for
        (anyone may ask). An old one is kept when the provider cannot be reached."""
        if self.discovery is not None and self._discovery_fresh():
            return self.discovery
        async with self._lock:
            if self.discovery is not None and self._discovery_fresh():
                return self.discovery
            now = time.monotonic()
            if now - self.discovery_tried_at >= self.settings.oidc_jwks_refresh_seconds:
                self.discovery_tried_at = now
                try:
                    async with self._client() as client:
                        return await self._read_discovery(client)
                except (httpx.HTTPError, ValueError):
                    logger.warning("the sign-in provider's discovery document could not be read")
            if self.discovery is None:
                raise ProviderUnavailable("The sign-in provider cannot be reached.")
            return self.discovery

    def _discovery_fresh(self) -> bool:
        return time.monotonic() - self.discovery_read_at < KEYS_MAX_AGE_SECONDS

    # Checking a token.

    def _header(self, token: str) -> tuple[str, str]:
        """The token's algorithm and key id, refused unless both are acceptable."""
        if len(token) > MAX_TOKEN_LENGTH:
            raise InvalidToken("The token is too long.")
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise InvalidToken("The token is not a well-formed JWT.") from exc
        algorithm, kid = header.get("alg"), header.get("kid")
        if not isinstance(algorithm, str) or algorithm not in ALGORITHMS:
            raise InvalidToken("The token's signing algorithm is not accepted.")
        if not isinstance(kid, str) or not kid or len(kid) > MAX_KID_LENGTH:
            raise InvalidToken("The token names no signing key.")
        return str(algorithm), kid

    def _decode(self, token: str, algorithm: str, held: tuple[PyJWK, str | None]) -> dict[str, Any]:
        key, published = held
        if published is not None and published != algorithm:
            raise InvalidToken("The token's algorithm is not its key's.")
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key=key.key,
                algorithms=[algorithm],
                audience=self.audience,
                issuer=self.issuer,
                leeway=self.settings.oidc_leeway_seconds,
                options={"require": ["exp", "iat", "iss", "aud"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise InvalidToken("The token has expired.") from exc
        except jwt.ImmatureSignatureError as exc:
            raise InvalidToken("The token is not valid yet.") from exc
        except jwt.InvalidAudienceError as exc:
            raise InvalidToken("The token is for another audience.") from exc
        except jwt.InvalidIssuerError as exc:
            raise InvalidToken("The token is from another issuer.") from exc
        except (jwt.PyJWTError, ValueError, TypeError) as exc:
            raise InvalidToken("The token's signature or claims are not valid.") from exc
        tenant = self.settings.oidc_tenant
        if tenant is not None and claims.get("tid") != tenant:
            raise InvalidToken("The token is from another tenant.")
        return claims

    async def claims(self, token: str) -> dict[str, Any]:
        """The token's claims once its signature, issuer, audience, tenant and times are
        checked; `InvalidToken` otherwise, `ProviderUnavailable` when the keys cannot be read."""
        algorithm, kid = self._header(token)
        return self._decode(token, algorithm, await self._key(kid))

    def claims_if_known(self, token: str) -> dict[str, Any] | None:
        """`claims`, without reading anything: None when the token is refused or its key is
        not already held (the ordinary path then reads the keys and says what is wrong)."""
        try:
            algorithm, kid = self._header(token)
            held = self.keys.get(kid) if self.keys is not None and self._fresh() else None
            return None if held is None else self._decode(token, algorithm, held)
        except InvalidToken:
            return None

    # What a token says.

    def _role(self, claims: Mapping[str, Any]) -> Role | None:
        values = claims.get(self.settings.oidc_roles_claim)
        if isinstance(values, str):
            values = values.split()
        if not isinstance(values, list):
            return None
        role_map = self.settings.oidc_role_map
        by_name = {role.value: role for role in Role}
        roles = [
            role_map.get(value) if role_map else by_name.get(value.lower())
            for value in values
            if isinstance(value, str)
        ]
        held = [role for role in roles if role is not None]
        return max(held, key=lambda role: role.rank) if held else None

    def identity(self, claims: Mapping[str, Any]) -> Identity:
        """Who the verified token's bearer is: a person, or a system signed in as itself."""
        client = next(
            (claims[c] for c in ("azp", "client_id", "appid") if isinstance(claims.get(c), str)),
            None,
        )
        system = self.settings.oidc_systems.get(client) if client is not None else None
        if system is not None and len(str(client)) <= MAX_SUBJECT_LENGTH:
            return Identity(
                subject=str(client),
                name=system[:200],
                role=self._role(claims),
                system=system[:200],
                email=None,
            )
        subject = claims.get(self.settings.oidc_subject_claim)
        if not isinstance(subject, str) or not subject:
            raise InvalidToken(
                f"The token has no '{self.settings.oidc_subject_claim}' claim naming its bearer."
            )
        if len(subject) > MAX_SUBJECT_LENGTH:
            raise InvalidToken("The token's subject is too long.")
        name = next(
            (
                claims[c]
                for c in ("name", "preferred_username", "upn", "email")
                if isinstance(claims.get(c), str) and claims[c]
            ),
            subject,
        )
        email = claims.get("email")
        verified = claims.get("email_verified") is True
        return Identity(
            subject=subject,
            name=str(name)[:200],
            role=self._role(claims),
            system=None,
            email=email if isinstance(email, str) and verified else None,
        )


def token_verifier(app: FastAPI) -> TokenVerifier | None:
    """The application's token verifier, made on first use; None when sign-in is off."""
    verifier: TokenVerifier | None = getattr(app.state, "token_verifier", None)
    if verifier is None:
        settings: Settings = app.state.settings
        if settings.oidc_issuer is None:
            return None
        verifier = TokenVerifier(settings)
        app.state.token_verifier = verifier
    return verifier
