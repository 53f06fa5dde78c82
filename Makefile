# The two set-up commands: `make run` and `make test`. Only Python 3.11+ is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The database: TENURE_DATABASE_URL from the environment, else `make run DB=...`, else ./tenure.db.
DB ?= $(or $(TENURE_DATABASE_URL),sqlite+aiosqlite:///./tenure.db)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install run test lint format schema bench eval clean

help:  ## list the targets
	@echo "make run      create .venv, migrate the database (TENURE_DATABASE_URL, default ./tenure.db), ingest seeds/, serve"
	@echo "make test     lint, type checks and the test suite (SQLite, and PostgreSQL when reachable)"
	@echo "make lint     ruff check, ruff format --check, mypy"
	@echo "make format   ruff --fix and ruff format"
	@echo "make schema   regenerate docs/webhook-payload.schema.json from the payload's types"
	@echo "make bench    extraction throughput (bench/extract.py)"
	@echo "make eval     score \`tenure extract --jsonl\` on ../shared/eval"
	@echo "make install  only create .venv; then \`source .venv/bin/activate\` puts \`tenure\` on PATH"
	@echo "make clean    remove .venv, tenure.db and caches"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	TENURE_DATABASE_URL='$(DB)' $(BIN)/tenure db upgrade
	TENURE_DATABASE_URL='$(DB)' $(BIN)/tenure ingest seeds/
	TENURE_DATABASE_URL='$(DB)' $(BIN)/tenure serve --host $(HOST) --port $(PORT) --demo-links

lint: install
	$(BIN)/ruff check tenure tests bench
	$(BIN)/ruff format --check tenure tests bench
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix tenure tests bench
	$(BIN)/ruff format tenure tests bench

schema: install
	$(BIN)/python -m tenure.webhooks.payload

test: lint
	$(BIN)/pytest -q -p no:cacheprovider

eval: install
	$(BIN)/python ../shared/eval/score.py --cmd "$(BIN)/tenure extract --jsonl"

bench: install
	$(BIN)/python bench/extract.py

clean:
	rm -rf $(VENV) tenure.db .pytest_cache .mypy_cache .ruff_cache
