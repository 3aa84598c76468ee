"""The app behind the reverse proxy as a district deploys it: nginx with deploy/nginx.conf and
a throw-away self-signed certificate, driven in Chromium over https://localhost: sign-in, the
coverage map, a filter on the cases page, a small import, the headers, and a forced error."""
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from geo import service
from tests.conftest import DEMO_NOW, ROOT, _clone, query, run_cli
from tests.test_browser import _choose, _serve, count_in_map, wait_until_idle

pytestmark = pytest.mark.browser
PASSWORD = "correct horse 42"
COMMUNITY, STREET = "370202005001", "370202005"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def proxied(cluster, demo_template):
    """(https base URL, http base URL, the database's URL) of the app behind nginx."""
    url = _clone(cluster, demo_template)
    assert run_cli(url, "users", "add", "root", "--role", "admin", "--password-stdin",
                   input=PASSWORD + "\n").returncode == 0
    serving = _serve(url)
    app = next(serving)
    folder = Path(tempfile.mkdtemp(prefix="atlas-nginx-"))
    folder.chmod(0o777)  # nginx's workers write their temporary files here
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    http_port, https_port = _free_port(), _free_port()
    site = service.render_nginx({"ATLAS_TLS_CERT": str(cert), "ATLAS_TLS_KEY": str(key),
                                 "ATLAS_PORT": app.rsplit(":", 1)[1],
                                 "ATLAS_SERVER_NAME": "localhost",
                                 "ATLAS_TILE_HOSTS": "https://tile.openstreetmap.org"},
                                http_port=http_port, https_port=https_port)
    conf = folder / "nginx.conf"
    temp = "".join(f"{kind}_temp_path {folder}/{kind};\n"
                   for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf.write_text(f"""daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 256; }}
http {{
access_log {folder}/access.log;
{temp}
{site}
}}
""")
    nginx = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(folder)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"https://localhost:{https_port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", https_port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        nginx.kill()
        raise RuntimeError("nginx did not start: " + nginx.stderr.read().decode()[-2000:])
    yield base, f"http://localhost:{http_port}", url
    nginx.terminate()
    nginx.wait(timeout=20)
    serving.close()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context(ignore_https_errors=True,
                                  viewport={"width": 1500, "height": 1100})
    yield context
    context.close()


def test_plain_http_is_sent_to_https(proxied):
    https, http, _ = proxied
    opener = urllib.request.build_opener(_NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as moved:
        opener.open(http + "/?view=cases")
    assert moved.value.code == 301
    assert moved.value.headers["Location"] == https + "/?view=cases"


def test_the_app_works_through_the_proxy(proxied, context, tmp_path):
    https, _, url = proxied
    page = context.new_page()
    violations = []
    page.on("console", lambda m: violations.append(m.text)
            if "Content Security Policy" in m.text or "Refused to" in m.text else None)
    blocked = []

    def route(r):  # the app's own requests only: no CDN, no tiles
        if r.request.url.startswith((https, "data:", "blob:", "about:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    try:
        response = page.goto(f"{https}/?basemap=none&as_of={DEMO_NOW.date()}")
        headers = response.headers
        assert headers["strict-transport-security"].startswith("max-age=")
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "SAMEORIGIN"
        policy = headers["content-security-policy"]
        assert "frame-ancestors 'self'" in policy and "https://tile.openstreetmap.org" in policy
        # sign in (the WebSocket and the cookie route through the proxy)
        page.get_by_label("用户名").fill("root")
        page.get_by_label("密码").fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        page.get_by_text("已登录：root").wait_for(timeout=60_000)
        assert count_in_map(page, ".leaflet-overlay-pane path", 10) >= 10  # the coverage map
        # a filter on the cases page changes the figures
        page.goto(f"{https}/?view=cases&street={STREET}&community={COMMUNITY}&basemap=none")
        figure = page.locator("[data-testid='stMetric']").filter(has_text="诉求总数")
        figure.wait_for(timeout=60_000)
        wait_until_idle(page)
        before = figure.locator("[data-testid='stMetricValue']").inner_text()
        _choose(page, "状态", "办理中", within=page.locator("[data-testid='stSidebar']"))
        deadline = time.time() + 60
        while figure.locator("[data-testid='stMetricValue']").inner_text() == before:
            assert time.time() < deadline, "the figures did not follow the filter"
            page.wait_for_timeout(200)
        # a small import through the proxy's upload limit and Streamlit's XSRF check
        lon, lat = query(url, """SELECT ST_X(p), ST_Y(p) FROM communities,
                                 ST_PointOnSurface(geom) p WHERE code = %s""", (COMMUNITY,))[0]
        csv = tmp_path / "cases.csv"
        csv.write_text("external_id,source,category,status,reported_at,lon,lat\n"
                       f"PROXY-1,hotline_12345,sanitation,open,2026-11-02 09:00,{lon},{lat}\n"
                       f"PROXY-2,hotline_12345,sanitation,open,2026-11-02 10:00,{lon},{lat}\n",
                       encoding="utf-8")
        page.goto(f"{https}/?view=import&basemap=none")
        _choose(page, "数据类型", "诉求")
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(csv))
        page.get_by_role("button", name="确认导入").click(timeout=60_000)
        page.get_by_text("已导入 2 行").wait_for(timeout=60_000)
        assert query(url, "SELECT count(*) FROM cases WHERE external_id LIKE 'PROXY-%%'")[0][0] == 2
        assert violations == [] and blocked == []
        # a forced error: a plain message with an incident id, no traceback
        query(url, "ALTER TABLE management RENAME TO management_gone; SELECT 1")
        page.goto(f"{https}/?basemap=none")
        message = page.get_by_text("出现意外错误")
        message.wait_for(timeout=60_000)
        assert "Traceback" not in page.locator("body").inner_text()
    finally:
        page.screenshot(path=str(ROOT / "test-artifacts" / "https_last.png"))
        page.close()
