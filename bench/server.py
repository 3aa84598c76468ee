"""The app, run for a benchmark: `streamlit run` on a free port against a database."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def app_server(url: str) -> Iterator[str]:
    """The app's base URL once it answers its health check; stopped on leaving."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "server.py",
                             "--server.port", str(port)], cwd=ROOT,
                            env={**os.environ, "DATABASE_URL": url, "ATLAS_BASEMAP": "none"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
