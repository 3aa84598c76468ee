"""Sign-in, scope, lock-out and session timeout in the app (AppTest against a real database)."""

import pytest

from tests.conftest import app_session, open_panels, query, run_cli

PASSWORD = "correct horse 42"


@pytest.fixture
def app(demo_copy_url, monkeypatch):
    for name, role, scope in (("street5", "street", "370202005"), ("root", "admin", None)):
        args = ["users", "add", name, "--role", role, "--password-stdin"] + (["--scope", scope] if scope else [])
        assert run_cli(demo_copy_url, *args, input=PASSWORD + "\n").returncode == 0
    monkeypatch.setenv("DATABASE_URL", demo_copy_url)
    monkeypatch.setenv("ATLAS_BASEMAP", "none")
    return app_session()


def sign_in(at, name, password):
    at.text_input(key="sign_in_name").input(name)
    at.text_input(key="sign_in_password").input(password)
    at.button[0].click().run()


def test_sign_in_is_required_and_limits_the_scope(app):
    app.run()
    assert not app.exception
    assert not app.metric  # nothing shown before signing in
    sign_in(app, "street5", "not the password 1")
    assert "用户名或密码错误" in app.error[0].value
    sign_in(app, "street5", PASSWORD)
    assert not app.exception
    streets = app.sidebar.selectbox(key="street").options
    assert streets == ["全部", "中山路街道"]  # the street's own user sees only its street
    assert len(app.sidebar.selectbox(key="community").options) == 1 + 4
    assert any("street5" in c.value for c in app.sidebar.caption)


def test_admin_sees_the_audit_log(app):
    app.run()
    sign_in(app, "street5", "wrong password 9")
    sign_in(app, "root", PASSWORD)
    open_panels(app)
    log = next(d.value for d in app.sidebar.dataframe if "操作" in d.value.columns)
    assert {"登录", "登录失败", "添加用户"} <= set(log["操作"])


def test_lock_out_in_the_app(app):
    app.run()
    for _ in range(5):
        sign_in(app, "root", "wrong password 9")
    assert "锁定" in app.error[0].value
    sign_in(app, "root", PASSWORD)
    assert "锁定" in app.error[0].value and not app.metric


def test_session_times_out(app, demo_copy_url):
    """The session lives in the database (the cookie names it): 31 minutes without activity
    and it is gone, the page asks to sign in again; activity keeps it."""
    app.run()
    sign_in(app, "root", PASSWORD)
    assert not app.exception, app.exception
    assert app.metric, [e.value for e in app.error]
    assert query(demo_copy_url, "SELECT user_name FROM app_sessions") == [("root",)]
    query(demo_copy_url, "UPDATE app_sessions SET last_seen = now() - interval '29 minutes' RETURNING 1")
    app.run()
    assert app.metric  # still signed in, and active again
    marked = query(demo_copy_url, "UPDATE app_sessions SET last_seen = now() - interval '30 seconds' "
                                  "RETURNING last_seen")
    app.run()  # marked active under a minute ago: the page's run only reads
    assert app.metric and query(demo_copy_url, "SELECT last_seen FROM app_sessions") == marked
    query(demo_copy_url, "UPDATE app_sessions SET last_seen = now() - interval '31 minutes' RETURNING 1")
    app.run()
    assert not app.metric
    assert "重新登录" in app.info[0].value
    assert query(demo_copy_url, "SELECT count(*) FROM app_sessions") == [(0,)]


def test_sign_out_ends_the_session_in_every_tab(app, demo_copy_url):
    first = app
    first.run()
    sign_in(first, "root", PASSWORD)
    second = app_session()
    second.session_state["session_token"] = first.session_state["session_token"]  # a shared cookie
    second.run()
    assert second.metric
    first.sidebar.button(key="sign_out").click().run()
    assert not first.metric
    second.run()
    assert not second.metric and "重新登录" in second.info[0].value


def test_the_app_survives_the_database_going_away(demo_copy_url, monkeypatch):
    import psycopg2

    monkeypatch.setenv("DATABASE_URL", demo_copy_url)
    monkeypatch.setenv("ATLAS_BASEMAP", "none")
    at = app_session()
    at.run()
    assert at.metric and not at.exception
    name = demo_copy_url.rsplit("/", 1)[1]
    admin = psycopg2.connect(demo_copy_url.rsplit("/", 1)[0] + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cur:  # a restart as the app sees it: its connections are cut
        cur.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
    at.run()
    assert not at.exception and at.metric  # reconnected
    with admin.cursor() as cur:  # down: no connection possible
        cur.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        cur.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
    at.run()
    assert not at.exception
    assert "数据库" in at.error[0].value and not at.metric
    with admin.cursor() as cur:  # back
        cur.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    at.run()
    assert not at.exception and at.metric
    admin.close()


def test_two_sessions_never_share_a_transaction(demo_copy_url, monkeypatch):
    """Two browser sessions at once, one in the middle of an edit: the other's run (which rolls
    back after every read) must not undo it."""
    from app.connections import SESSION_CONNECTIONS

    monkeypatch.setenv("DATABASE_URL", demo_copy_url)
    monkeypatch.setenv("ATLAS_BASEMAP", "none")
    first, second = (app_session()
                     for _ in range(2))
    first.run()
    second.run()
    conn, = first.session_state[SESSION_CONNECTIONS].values()
    other, = second.session_state[SESSION_CONNECTIONS].values()
    assert conn is not other
    with conn.cursor() as cur:  # the first session's edit, not yet committed
        cur.execute("UPDATE communities SET name = 'Renamed' WHERE code = '370202005001'")
    second.run()
    assert not second.exception and second.metric
    conn.commit()
    assert query(demo_copy_url, "SELECT name FROM communities WHERE code = '370202005001'")[0][0] == "Renamed"


def test_a_database_that_does_not_answer_is_said_within_seconds(monkeypatch):
    """A server that accepts the connection and never answers (a hung host, a firewall): the
    page says the database is unavailable after the connect timeout (5 s), not the
    operating system's minutes."""
    import socket

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # the kernel completes the handshake; nobody ever reads or writes
    port = silent.getsockname()[1]
    monkeypatch.setenv("DATABASE_URL", f"postgresql://atlas@127.0.0.1:{port}/atlas")
    monkeypatch.setenv("ATLAS_BASEMAP", "none")
    # one connect timeout (5 s) and the app's start: well under 14 s; without the timeout the
    # run would hang until the operating system gave up, minutes later
    at = app_session(14)
    try:
        at.run()
    finally:
        silent.close()
    assert not at.exception
    assert "数据库" in at.error[0].value and not at.metric
