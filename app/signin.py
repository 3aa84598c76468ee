"""Sign-in and sign-out; the session expires after users.SESSION_MINUTES without activity."""
from __future__ import annotations

import time

import streamlit as st

from geo import users
from geo.i18n import t


def signed_in_user(conn, lang: str) -> users.User | None:
    """The signed-in user, after the sign-in form when needed; None when no user is configured
    (the open demo). Signs out after SESSION_MINUTES without activity."""
    if not users.any_users(conn):
        st.sidebar.caption(t("open_mode", lang))
        return None
    now = time.time()
    user = st.session_state.get("user")
    if user and now - st.session_state.get("last_seen", 0) > users.SESSION_MINUTES * 60:
        st.session_state.pop("user", None)
        st.session_state["signed_out_reason"] = "session_expired"
        user = None
    if user:
        st.session_state["last_seen"] = now
        st.sidebar.caption(t("signed_in_as", lang).format(
            name=user.name, role=t(f"user_role_{user.role}", lang)))
        if st.sidebar.button(t("sign_out", lang), key="sign_out"):
            st.session_state.pop("user", None)
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
                st.session_state["user"] = users.authenticate(conn, name.strip(), password)
                st.session_state["last_seen"] = time.time()
                st.rerun()
            except users.SignInError as refusal:
                st.error(t(f"sign_in_{refusal}", lang))
