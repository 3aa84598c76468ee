"""The session cookie. A page's script cannot send HTTP headers, and an HttpOnly cookie must
come from the server: a route of the app's server (server.py, st.App) sets and clears it,
asked by the page right after a sign-in or sign-out."""
from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import streamlit as st
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

COOKIE = "atlas_session"
PATH = "/atlas/session"
TOKEN = re.compile(r"[A-Za-z0-9_-]{32,64}")


def _same_origin(request: Request) -> bool:
    """Only the app's own pages may set it (no other site signs a browser in)."""
    origin = request.headers.get("origin")
    return bool(origin) and urlsplit(origin).netloc == request.headers.get("host")


async def session(request: Request) -> Response:
    if not _same_origin(request):
        return Response("forbidden", status_code=403)
    response = Response(status_code=204)
    if request.method == "DELETE":
        response.delete_cookie(COOKIE, path="/")
        return response
    try:
        token = (await request.json()).get("token", "")
    except (ValueError, AttributeError):
        token = ""
    if not isinstance(token, str) or not TOKEN.fullmatch(token):
        return Response("bad token", status_code=400)
    https = (request.url.scheme == "https"
             or request.headers.get("x-forwarded-proto") == "https")
    # no expiry of its own: the server ends the session after the inactivity limit
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", secure=https, path="/")
    return response


ROUTES = [Route(PATH, session, methods=["POST", "DELETE"])]


def token_of_browser() -> str | None:
    """The session token this browser sent when the page connected."""
    try:
        token = st.context.cookies.get(COOKIE)
    except (AttributeError, RuntimeError):  # not in a browser (bare mode)
        return None
    return token if isinstance(token, str) else None  # AppTest has no real cookies


def tell_browser(token: str | None) -> None:
    """Ask this browser to keep ``token`` in the cookie, or (None) to drop it."""
    method = json.dumps("POST" if token else "DELETE")
    body = json.dumps(json.dumps({"token": token})) if token else "null"
    st.html(f"""<script>
fetch(new URL("{PATH.lstrip('/')}", document.baseURI.split("?")[0]),
      {{method: {method}, credentials: "same-origin",
       headers: {{"Content-Type": "application/json"}}, body: {body}}});
</script>""", unsafe_allow_javascript=True)
