# One command per job. `make run` and `make test` set everything up on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# What running needs and no more: `make run`, `migrate`, `seed` and `openapi` install this.
RUN_STAMP := $(VENV)/.installed-run
PORT ?= 8000
# Two workers: the CI machine has two cores.
PYTEST_ARGS ?= -n 2
HOST ?= 127.0.0.1

CLIENT := clients/typescript
NODE_MODULES := $(CLIENT)/node_modules/.package-lock.json
OIDC_PROVIDER := tests/oidc/provider
OIDC_MODULES := $(OIDC_PROVIDER)/node_modules/.package-lock.json

# axe-core, which the board pack's accessibility test runs in headless Chromium.
AXE := tests/accessibility/node_modules/.package-lock.json

.PHONY: run test test-postgres lint format migrate seed openapi clean client client-python fuzz-contract lint-contract mock

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@ $(RUN_STAMP)

# The service alone; a venv with the dev extra already has it.
$(RUN_STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

# The pinned Node tools: openapi-typescript, openapi-fetch, TypeScript, Redocly, Prism.
# Without npm (a Python-only machine) the contract tests are skipped and say why.
$(NODE_MODULES): $(CLIENT)/package-lock.json
	@if command -v npm >/dev/null; then \
		cd $(CLIENT) && npm ci --no-audit --no-fund && touch node_modules/.package-lock.json; \
	else \
		echo "npm not found: the TypeScript client, Redocly and Prism tests will be skipped"; \
	fi

# The OpenID Connect provider the sign-in tests run (oidc-provider); skipped without npm,
# except under CI, where they fail.
$(OIDC_MODULES): $(OIDC_PROVIDER)/package-lock.json
	@if command -v npm >/dev/null; then \
		cd $(OIDC_PROVIDER) && npm ci --no-audit --no-fund && touch node_modules/.package-lock.json; \
	else \
		echo "npm not found: the sign-in tests will be skipped"; \
	fi

$(AXE): tests/accessibility/package-lock.json
	@if command -v npm >/dev/null; then \
		cd tests/accessibility && npm ci --no-audit --no-fund && touch node_modules/.package-lock.json; \
	else \
		echo "npm not found: the board pack's accessibility test will be skipped"; \
	fi

## run: migrate a SQLite database under ./var, load the Stockton plan into it if it has no plan,
## and serve on http://127.0.0.1:8000
run: $(RUN_STAMP)
	$(BIN)/improvement-plan serve --host $(HOST) --port $(PORT)

## test: the whole suite; on PostgreSQL too when IPA_TEST_POSTGRES_URL is set
test: $(STAMP) $(NODE_MODULES) $(OIDC_MODULES) $(AXE)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## test-postgres: the suite against the local PostgreSQL server as well
test-postgres: $(STAMP) $(NODE_MODULES) $(OIDC_MODULES) $(AXE)
	psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'ipa_test'" | grep -q 1 \
		|| psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE ipa_test"
	IPA_TEST_POSTGRES_URL=postgresql+asyncpg://postgres@127.0.0.1:5432/ipa_test $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP) $(NODE_MODULES)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/hadolint Dockerfile
	$(BIN)/openapi-spec-validator openapi/openapi.json openapi/openapi.yaml
	$(CLIENT)/node_modules/.bin/redocly lint openapi/openapi.yaml --config redocly.yaml

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrate: $(RUN_STAMP)
	$(BIN)/improvement-plan migrate

seed: $(RUN_STAMP)
	$(BIN)/improvement-plan seed $(FILES)

openapi: $(RUN_STAMP)
	$(BIN)/improvement-plan openapi

## client: generate the TypeScript types from the contract, type-check and build the client
client: $(NODE_MODULES)
	cd $(CLIENT) && npm run generate && npm run typecheck && npm run build

## client-python: regenerate clients/python/improvement_plan_client/generated from the contract
## (in a scratch folder, so ruff formats it with its defaults, as the test that compares does)
client-python: $(STAMP)
	@scratch=$$(mktemp -d) && \
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/openapi-python-client generate --path openapi/openapi.json \
		--config clients/python/openapi-python-client.yaml --meta none --fail-on-warning \
		--output-path $$scratch/generated && \
	rm -rf $$scratch/generated/.ruff_cache clients/python/improvement_plan_client/generated && \
	mv $$scratch/generated clients/python/improvement_plan_client/generated && rm -rf $$scratch

## fuzz-contract: schemathesis's `st run --checks all`, every phase, against a live service on
## the local PostgreSQL server, for FUZZ_SECONDS (`make test` runs it for a shorter time)
FUZZ_SECONDS ?= 600
fuzz-contract: $(STAMP)
	IPA_CONTRACT_FUZZ_SECONDS=$(FUZZ_SECONDS) IPA_TEST_POSTGRES_URL=$${IPA_TEST_POSTGRES_URL:-postgresql+asyncpg://postgres@127.0.0.1:5432/ipa_test} \
		$(BIN)/python -m pytest -p no:cacheprovider -n 0 tests/contract/test_schemathesis_cli.py

## mock: a Prism mock server of the contract on http://127.0.0.1:4010
mock: $(NODE_MODULES)
	$(CLIENT)/node_modules/.bin/prism mock openapi/openapi.yaml -p 4010

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
	rm -rf $(CLIENT)/node_modules $(CLIENT)/dist $(CLIENT)/src/schema.ts
	rm -rf $(OIDC_PROVIDER)/node_modules
	rm -rf tests/accessibility/node_modules

## bench: the performance benchmark on the local PostgreSQL server (SIZE=S|M|L, default M);
## installs wrk from Debian when it is missing. BENCH_ARGS passes options to bench/run.py.
SIZE ?= M
BENCH_ARGS ?=
.PHONY: bench
bench: $(STAMP)
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	BENCH_COMMAND="make bench SIZE=$(SIZE) $(BENCH_ARGS)" $(BIN)/python -m bench.run --size $(SIZE) $(BENCH_ARGS)
