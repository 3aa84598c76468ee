# Two commands on a fresh Debian machine: `make run` and `make test`. Both call `make setup`.
# Debian's own Python when present, so that the pins resolve the same everywhere.
PYTHON ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: setup system venv db run test test-fast stop bench clean

setup: system venv db

system:
	@sh scripts/system-packages.sh

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	@touch $@

# Starts the project-local PostGIS (unless DATABASE_URL is set), migrates, and builds the demo
# district when the database holds no district yet.
db: venv
	@$(PY) -m geo db up >/dev/null
	@$(PY) -m geo demo --if-empty >/dev/null

run: setup
	$(PY) -m streamlit run server.py --server.port $(PORT) --server.headless true \
		--browser.gatherUsageStats false

test: setup
	$(PY) -m pytest

stop:
	@$(PY) -m geo db stop

# gdal-bin: ogr2ogr, the bare load bench/imports.py times beside the import
bench: setup
	@ATLAS_EXTRA_PACKAGES=gdal-bin sh scripts/system-packages.sh
	$(PY) bench/run.py
	$(PY) bench/imports.py
	$(PY) bench/app.py
	$(PY) bench/cases.py
	$(PY) bench/exports.py
	$(PY) bench/load.py
