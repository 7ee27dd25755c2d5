"""Sign-in attempt limits in Redis: attempts per account and per client address, fixed windows.

An attempt is counted before its password is checked, in one Lua script that first checks every
limit and then counts on every key — so however many attempts race, at most the limit of them get
to try a password in a window. A successful sign-in gives its attempt back (the account's count
is cleared, the address's lowered by one): only failures use the limit up.

When Redis cannot be reached, sign-in is refused (503) rather than left unlimited."""

from __future__ import annotations

import contextlib
import hashlib
from functools import lru_cache

import redis

from docflow.config import Settings, get_settings
from docflow.errors import ServiceUnavailable, TooManyRequests

# KEYS: the counters; ARGV[1]: the window (s); ARGV[1 + i]: KEYS[i]'s limit.
# Returns 0 when the attempt was counted, else the seconds (rounded up) until the fullest window
# ends.
_RESERVE = """
local wait = 0
for i, key in ipairs(KEYS) do
  local count = tonumber(redis.call('GET', key) or '0')
  if count >= tonumber(ARGV[i + 1]) then
    local ttl = redis.call('PTTL', key)
    if ttl < 0 then  -- a counter without a window would block for ever
      redis.call('EXPIRE', key, ARGV[1])
      ttl = tonumber(ARGV[1]) * 1000
    end
    if ttl > wait then wait = ttl end
  end
end
if wait > 0 then return math.ceil(wait / 1000) end
for _, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 then redis.call('EXPIRE', key, ARGV[1]) end
end
return 0
"""

# KEYS[1]: the account's counter (cleared); KEYS[2], if given: the address's (lowered by one).
_RELEASE = """
redis.call('DEL', KEYS[1])
if KEYS[2] and tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then
  redis.call('DECR', KEYS[2])
end
return 0
"""


@lru_cache
def _client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)


class LoginRateLimiter:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or get_settings()
        self.redis = _client(self.settings.redis_url)
        self.prefix = f"{self.settings.event_channel_prefix}:login"
        self._reserve = self.redis.register_script(_RESERVE)
        self._release = self.redis.register_script(_RELEASE)

    def _keys(self, email: str, address: str | None) -> list[tuple[str, int]]:
        account = hashlib.sha256(email.encode()).hexdigest()[:32]
        keys = [(f"{self.prefix}:account:{account}", self.settings.login_max_failures_per_account)]
        if address:
            keys.append(
                (f"{self.prefix}:address:{address}", self.settings.login_max_failures_per_address)
            )
        return keys

    def reserve(self, email: str, address: str | None) -> None:
        """Count this attempt, or refuse it (429 with Retry-After) while the account or the
        address has used up its window — atomically, so racing attempts cannot all slip in."""
        keys = self._keys(email, address)
        try:
            wait = int(
                self._reserve(
                    keys=[key for key, _ in keys],
                    args=[self.settings.login_rate_window_seconds, *(limit for _, limit in keys)],
                )
            )
        except redis.RedisError as exc:
            raise ServiceUnavailable("Sign-in is temporarily unavailable.") from exc
        if wait:
            raise TooManyRequests(
                f"Too many sign-in attempts. Try again in {wait} seconds.",
                headers={"Retry-After": str(wait)},
            )

    def succeeded(self, email: str, address: str | None) -> None:
        """The attempt signed in: clear the account's count and give the address its attempt
        back (best effort: the windows expire on their own anyway)."""
        with contextlib.suppress(redis.RedisError):
            self._release(keys=[key for key, _ in self._keys(email, address)])
