"""Sign-in attempt limits in Redis: failures per account and per client address, fixed windows.

When Redis cannot be reached, sign-in is refused (503) rather than left unlimited."""

from __future__ import annotations

import contextlib
import hashlib
from functools import lru_cache

import redis

from docflow.config import Settings, get_settings
from docflow.errors import ServiceUnavailable, TooManyRequests


@lru_cache
def _client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)


class LoginRateLimiter:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or get_settings()
        self.redis = _client(self.settings.redis_url)
        self.prefix = f"{self.settings.event_channel_prefix}:login"

    def _keys(self, email: str, address: str | None) -> list[tuple[str, int]]:
        account = hashlib.sha256(email.encode()).hexdigest()[:32]
        keys = [(f"{self.prefix}:account:{account}", self.settings.login_max_failures_per_account)]
        if address:
            keys.append(
                (f"{self.prefix}:address:{address}", self.settings.login_max_failures_per_address)
            )
        return keys

    def check(self, email: str, address: str | None) -> None:
        """429 with Retry-After while the account or the address has used up its window."""
        keys = self._keys(email, address)
        try:
            pipe = self.redis.pipeline(transaction=False)
            for key, _ in keys:
                pipe.get(key)
                pipe.ttl(key)
            values = pipe.execute()
        except redis.RedisError as exc:
            raise ServiceUnavailable("Sign-in is temporarily unavailable.") from exc
        retry_after = 0
        for i, (_, limit) in enumerate(keys):
            count, ttl = values[2 * i], values[2 * i + 1]
            if count is not None and int(count) >= limit:
                retry_after = max(retry_after, ttl if ttl and ttl > 0 else 1)
        if retry_after:
            raise TooManyRequests(
                f"Too many sign-in attempts. Try again in {retry_after} seconds.",
                headers={"Retry-After": str(retry_after)},
            )

    def record_failure(self, email: str, address: str | None) -> None:
        window = self.settings.login_rate_window_seconds
        try:
            pipe = self.redis.pipeline(transaction=True)
            for key, _ in self._keys(email, address):
                pipe.set(key, 0, ex=window, nx=True)
                pipe.incr(key)
            pipe.execute()
        except redis.RedisError as exc:
            raise ServiceUnavailable("Sign-in is temporarily unavailable.") from exc

    def clear_account(self, email: str) -> None:
        with contextlib.suppress(redis.RedisError):  # the window expires on its own anyway
            self.redis.delete(self._keys(email, None)[0][0])
