from enum import StrEnum


class MeSignedInWith(StrEnum):
    API_KEY = "api_key"
    OPENID_CONNECT = "openid_connect"

    def __str__(self) -> str:
        return str(self.value)
