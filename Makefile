# One command per job. `make run` and `make test` set everything up on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
# Two workers: the CI machine has two cores.
PYTEST_ARGS ?= -n 2
HOST ?= 127.0.0.1

.PHONY: run test test-postgres lint format migrate seed openapi clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

## run: migrate a SQLite database under ./var, load the Stockton plan into it if it has no plan,
## and serve on http://127.0.0.1:8000
run: $(STAMP)
	$(BIN)/improvement-plan serve --host $(HOST) --port $(PORT)

## test: the whole suite; on PostgreSQL too when IPA_TEST_POSTGRES_URL is set
test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## test-postgres: the suite against the local PostgreSQL server as well
test-postgres: $(STAMP)
	psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'ipa_test'" | grep -q 1 \
		|| psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE ipa_test"
	IPA_TEST_POSTGRES_URL=postgresql+asyncpg://postgres@127.0.0.1:5432/ipa_test $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/hadolint Dockerfile

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrate: $(STAMP)
	$(BIN)/improvement-plan migrate

seed: $(STAMP)
	$(BIN)/improvement-plan seed $(FILES)

openapi: $(STAMP)
	$(BIN)/improvement-plan openapi

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
