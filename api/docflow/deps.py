"""Annotated dependency aliases used by every router."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from docflow.auth.principal import Principal
from docflow.auth.service import AuthService
from docflow.config import Settings, get_settings
from docflow.db import unit_of_work


def get_session() -> Iterator[Session]:
    """One session per request; commits after the handler returns, before the response is sent."""
    with unit_of_work() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session, scope="function")]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_principal(request: Request, session: SessionDep) -> Principal:
    return AuthService(session).authenticate_request(request)


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


def get_detached_principal(request: Request) -> Principal:
    """Who is calling, looked up in a short transaction of its own: for an endpoint that then
    waits on the network (an upload's body) and must not hold a database connection meanwhile.
    Its request session, if it has one, connects only when first used."""
    with unit_of_work() as session:
        return AuthService(session).authenticate_request(request)


DetachedPrincipal = Annotated[Principal, Depends(get_detached_principal)]
