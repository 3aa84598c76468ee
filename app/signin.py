"""Sign-in and sign-out. A sign-in is a session kept in the database and named by an HttpOnly
cookie: it survives a reload and a new tab, ends after users.SESSION_MINUTES without activity,
and a sign-out ends it in every tab."""
from __future__ import annotations

import streamlit as st

from app import session_cookie
from geo import users
from geo.i18n import t

TOKEN = "session_token"  # this tab's session, once signed in here or recognised by its cookie
COOKIE_CHANGE = "session_cookie_change"  # the cookie to send to the browser on the next run


def signed_in_user(conn, lang: str) -> users.User | None:
    """The signed-in user, after the sign-in form when needed; None when no user is configured
    (the open demo)."""
    if not users.any_users(conn):
        st.sidebar.caption(t("open_mode", lang))
        return None
    if COOKIE_CHANGE in st.session_state:
        session_cookie.tell_browser(st.session_state.pop(COOKIE_CHANGE))
    mine = st.session_state.get(TOKEN)
    token = mine or session_cookie.token_of_browser()
    user = users.session_user(conn, token) if token else None
    if user is None and mine:  # ended: expired, or signed out in another tab
        users.end_session(conn, st.session_state.pop(TOKEN))
        st.session_state["signed_out_reason"] = "session_expired"
    if user:
        st.session_state[TOKEN] = token
        st.sidebar.caption(t("signed_in_as", lang).format(
            name=user.name, role=t(f"user_role_{user.role}", lang)))
        if st.sidebar.button(t("sign_out", lang), key="sign_out"):
            users.end_session(conn, st.session_state.pop(TOKEN))
            st.session_state[COOKIE_CHANGE] = None
            st.rerun()
        return user
    sign_in_form(conn, lang)
    st.stop()


def sign_in_form(conn, lang: str) -> None:
    st.title(t("app_title", lang))
    reason = st.session_state.pop("signed_out_reason", None)
    if reason:
        st.info(t(reason, lang))
    with st.form("sign_in"):
        name = st.text_input(t("user_name", lang), key="sign_in_name")
        password = st.text_input(t("password", lang), type="password", key="sign_in_password")
        if st.form_submit_button(t("sign_in", lang)):
            try:
                user = users.authenticate(conn, name.strip(), password)
            except users.SignInError as refusal:
                st.error(t(f"sign_in_{refusal}", lang))
                return
            st.session_state[TOKEN] = users.start_session(conn, user)
            st.session_state[COOKIE_CHANGE] = st.session_state[TOKEN]
            st.rerun()
