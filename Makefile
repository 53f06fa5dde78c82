# The two set-up commands: `make run` and `make test`. Only Python 3.11+ is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= sqlite+aiosqlite:///./tenure.db
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint format bench eval clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	TENURE_DATABASE_URL=$(DB) $(BIN)/tenure db upgrade
	TENURE_DATABASE_URL=$(DB) $(BIN)/tenure ingest seeds/
	TENURE_DATABASE_URL=$(DB) $(BIN)/tenure serve --host $(HOST) --port $(PORT) --demo-links

lint: install
	$(BIN)/ruff check tenure tests bench
	$(BIN)/ruff format --check tenure tests bench
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix tenure tests bench
	$(BIN)/ruff format tenure tests bench

test: lint
	$(BIN)/pytest -q -p no:cacheprovider

eval: install
	$(BIN)/python ../shared/eval/score.py --cmd "$(BIN)/tenure extract --jsonl"

bench: install
	$(BIN)/python bench/extract.py

clean:
	rm -rf $(VENV) tenure.db .pytest_cache .mypy_cache .ruff_cache
