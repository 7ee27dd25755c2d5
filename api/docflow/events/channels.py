"""The one place Redis channel names are built."""

from __future__ import annotations

from docflow.config import get_settings


def events_channel() -> str:
    """Every job event of every workspace goes on one channel; API processes filter per client."""
    return f"{get_settings().event_channel_prefix}:events"


def access_channel() -> str:
    """Revoked tokens, ended sessions, deactivated users and role changes (by user id): every API
    process holds and re-checks that user's open streams."""
    return f"{get_settings().event_channel_prefix}:access"
