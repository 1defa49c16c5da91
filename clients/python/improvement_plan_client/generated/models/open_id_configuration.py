from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OpenIdConfiguration")


@_attrs_define
class OpenIdConfiguration:
    """The sign-in provider's OpenID Connect discovery document (OpenID Connect Discovery
    1.0), as the provider publishes it: the fields below, and any others it publishes.

        Attributes:
            issuer (str): The provider's issuer, as in its tokens' `iss`.
            jwks_uri (str): Where the provider publishes its signing keys.
            authorization_endpoint (None | str | Unset): Where a person signs in (the authorization code flow).
            token_endpoint (None | str | Unset): Where a code or client credentials become a token.
            code_challenge_methods_supported (list[str] | None | Unset): The PKCE methods the provider accepts, such as
                `S256`.
    """

    issuer: str
    jwks_uri: str
    authorization_endpoint: None | str | Unset = UNSET
    token_endpoint: None | str | Unset = UNSET
    code_challenge_methods_supported: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        issuer = self.issuer

        jwks_uri = self.jwks_uri

        authorization_endpoint: None | str | Unset
        if isinstance(self.authorization_endpoint, Unset):
            authorization_endpoint = UNSET
        else:
            authorization_endpoint = self.authorization_endpoint

        token_endpoint: None | str | Unset
        if isinstance(self.token_endpoint, Unset):
            token_endpoint = UNSET
        else:
            token_endpoint = self.token_endpoint

        code_challenge_methods_supported: list[str] | None | Unset
        if isinstance(self.code_challenge_methods_supported, Unset):
            code_challenge_methods_supported = UNSET
        elif isinstance(self.code_challenge_methods_supported, list):
            code_challenge_methods_supported = self.code_challenge_methods_supported

        else:
            code_challenge_methods_supported = self.code_challenge_methods_supported

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "issuer": issuer,
                "jwks_uri": jwks_uri,
            }
        )
        if authorization_endpoint is not UNSET:
            field_dict["authorization_endpoint"] = authorization_endpoint
        if token_endpoint is not UNSET:
            field_dict["token_endpoint"] = token_endpoint
        if code_challenge_methods_supported is not UNSET:
            field_dict["code_challenge_methods_supported"] = (
                code_challenge_methods_supported
            )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        issuer = d.pop("issuer")

        jwks_uri = d.pop("jwks_uri")

        def _parse_authorization_endpoint(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        authorization_endpoint = _parse_authorization_endpoint(
            d.pop("authorization_endpoint", UNSET)
        )

        def _parse_token_endpoint(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        token_endpoint = _parse_token_endpoint(d.pop("token_endpoint", UNSET))

        def _parse_code_challenge_methods_supported(
            data: object,
        ) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                code_challenge_methods_supported_type_0 = cast(list[str], data)

                return code_challenge_methods_supported_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        code_challenge_methods_supported = _parse_code_challenge_methods_supported(
            d.pop("code_challenge_methods_supported", UNSET)
        )

        open_id_configuration = cls(
            issuer=issuer,
            jwks_uri=jwks_uri,
            authorization_endpoint=authorization_endpoint,
            token_endpoint=token_endpoint,
            code_challenge_methods_supported=code_challenge_methods_supported,
        )

        open_id_configuration.additional_properties = d
        return open_id_configuration

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
