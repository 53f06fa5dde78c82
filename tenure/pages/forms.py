"""Correcting an event from its page: sign in with an API key, then reject, restore, confirm or edit.

A browser cannot send `Authorization`, so the sign-in form puts the key in a cookie (HttpOnly,
SameSite=Strict, Secure over HTTPS; gone when the browser closes). Every form a signed-in page
shows carries a CSRF token derived from that key (an HMAC of it), which a POST must send back:
another site can make a browser post a form, but cannot read the token, so a forged post is
refused with 403 even where SameSite is not enforced. The sign-in form itself carries a nonce
that must match a cookie set with it, so no other site can sign a browser in with its own key.

Each correction form also sends the event's revision as it was shown (the pages' If-Match): a
form left open while someone else changed the event gets the 409 page, not a lost update. A
success redirects (303) back to the event's page.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping
from typing import Annotated, Any

from litestar import Request, get, post
from litestar.datastructures import Cookie
from litestar.params import QueryParameter
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_303_SEE_OTHER

from tenure.api.auth import FORM_KEYED, accept_key
from tenure.api.curation import EventAction, actor_of
from tenure.api.deps import IdPath
from tenure.api.deps import SessionFactory as Sessions
from tenure.curation.corrections import confirm_event, edit_event, reject_event, restore_event
from tenure.errors import ApiKeyRequired, Forbidden, InvalidInput

__all__ = ["FORM_ROUTES", "KEY_COOKIE", "csrf_token", "signed_in_key"]

KEY_COOKIE = "tenure_key"
SIGNIN_COOKIE = "tenure_signin"
CSRF_FIELD = "csrf"
_CSRF_PURPOSE = b"tenure pages: correction forms"
_MAX_FIELD_CHARS = 2000
_LOCAL_PATH = re.compile(r"/[A-Za-z0-9/_.~%?=&+-]{0,500}")
# The fields the page's edit form offers; blank means "none" (a date without a precision takes the
# precision of its written form).
_EDIT_FIELDS = ("role", "date", "date_precision", "status")


def csrf_token(key: str) -> str:
    """The token a signed-in page puts in its forms: bound to the key in the cookie."""
    return hmac.new(key.encode(), _CSRF_PURPOSE, hashlib.sha256).hexdigest()


def signed_in_key(request: Request[Any, Any, Any]) -> str | None:
    return request.cookies.get(KEY_COOKIE) or None


def _cookie(request: Request[Any, Any, Any], name: str, value: str, *, max_age: int | None = None) -> Cookie:
    return Cookie(
        key=name,
        value=value,
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        max_age=max_age,
    )


def _local(target: str | None) -> str:
    """Where to go after signing in: a path on this server, never another host (no "//host",
    no backslash or control character a browser would read as one)."""
    if target and _LOCAL_PATH.fullmatch(target) and not target.startswith("//"):
        return target
    return "/"


async def _form(request: Request[Any, Any, Any]) -> dict[str, str]:
    form = await request.form()
    values: dict[str, str] = {}
    for name, value in form.multi_items():
        if not isinstance(value, str):
            raise InvalidInput(f"form field {name!r} must be text, not a file")
        if len(value) > _MAX_FIELD_CHARS:
            raise InvalidInput(f"form field {name!r} is over {_MAX_FIELD_CHARS} characters")
        values.setdefault(name, value)
    return values


async def _signed_in_form(request: Request[Any, Any, Any]) -> dict[str, str]:
    """The posted form, from a browser signed in with a valid key and carrying its CSRF token."""
    key = signed_in_key(request)
    if key is None:
        raise ApiKeyRequired(
            "sign in with an API key first (the form at /signin), then submit the form again"
        )
    form = await _form(request)
    if not hmac.compare_digest(form.get(CSRF_FIELD, "").encode(), csrf_token(key).encode()):
        raise Forbidden(
            "the form's CSRF token is missing or does not match your sign-in: reload the page and submit it again"
        )
    await accept_key(request, key)
    return form


def _revision(form: Mapping[str, str]) -> int:
    value = form.get("revision", "").strip()
    if not value.isdigit() or len(value) > 18:
        raise InvalidInput("the form has no event revision: reload the event's page and submit it again")
    return int(value)


def _back_to(event_id: int) -> Redirect:
    return Redirect(path=f"/e/{event_id}", status_code=HTTP_303_SEE_OTHER)


@get("/signin", name="signin-page", opt=FORM_KEYED)  # open even where reads need a key
async def signin_page(
    request: Request[Any, Any, Any], next: Annotated[str | None, QueryParameter()] = None
) -> Template:
    nonce = secrets.token_urlsafe(24)
    return Template(
        template_name="signin.html",
        context={"nonce": nonce, "next": _local(next), "signed_in": signed_in_key(request) is not None},
        cookies=[_cookie(request, SIGNIN_COOKIE, nonce, max_age=3600)],
    )


@post("/signin", name="signin", opt=FORM_KEYED)
async def signin(request: Request[Any, Any, Any]) -> Redirect:
    form = await _form(request)
    nonce = request.cookies.get(SIGNIN_COOKIE, "")
    if not nonce or not hmac.compare_digest(form.get("nonce", "").encode(), nonce.encode()):
        raise Forbidden(
            "the sign-in form has expired or came from another site: open /signin and sign in again"
        )
    key = form.get("key", "").strip()
    if not key:
        raise InvalidInput("enter an API key (an operator creates one with `tenure keys create NAME`)")
    await accept_key(request, key)
    response = Redirect(path=_local(form.get("next")), status_code=HTTP_303_SEE_OTHER)
    response.set_cookie(_cookie(request, KEY_COOKIE, key))
    response.delete_cookie(SIGNIN_COOKIE, path="/")
    return response


@post("/signout", name="signout", opt=FORM_KEYED)
async def signout(request: Request[Any, Any, Any]) -> Redirect:
    form = await _signed_in_form(request)
    response = Redirect(path=_local(form.get("next")), status_code=HTTP_303_SEE_OTHER)
    response.delete_cookie(KEY_COOKIE, path="/")
    return response


def _action_form(name: str, action: EventAction) -> Any:
    """POST /e/{id}/<name>: reject, restore or confirm from the event's page."""

    @post(f"/e/{{event_id:int}}/{name}", name=f"event-{name}-form", opt=FORM_KEYED)
    async def handler(request: Request[Any, Any, Any], event_id: IdPath, sessions: Sessions) -> Redirect:
        form = await _signed_in_form(request)
        who = actor_of(request, form.get("reason", "").strip() or None)
        await action(sessions, event_id, who, _revision(form))
        return _back_to(event_id)

    return handler


@post("/e/{event_id:int}/edit", name="event-edit-form", opt=FORM_KEYED)
async def edit_form(request: Request[Any, Any, Any], event_id: IdPath, sessions: Sessions) -> Redirect:
    """The page's edit form sends every field it shows; only those that differ are changed (and
    locked), so a field the analyst left alone stays the engine's."""
    form = await _signed_in_form(request)
    values: dict[str, Any] = {name: form[name].strip() or None for name in _EDIT_FIELDS if name in form}
    if values.get("date") is None or (
        values.get("date") != form.get("date_was")
        and values.get("date_precision") == form.get("precision_was")
    ):
        # No date: the precision means nothing. A new date with the precision left as it was
        # takes the precision of its written form ("2026-03" a month), as the API does.
        values.pop("date_precision", None)
    if not values:
        raise InvalidInput("the form sent no field to change")
    who = actor_of(request, form.get("reason", "").strip() or None)
    await edit_event(sessions, event_id, values, who, _revision(form))
    return _back_to(event_id)


FORM_ROUTES = [
    signin_page,
    signin,
    signout,
    _action_form("reject", reject_event),
    _action_form("restore", restore_event),
    _action_form("confirm", confirm_event),
    edit_form,
]
