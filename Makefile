# inburgering — the two commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help

SWIFT ?= swift
PREFIX ?= /usr/local
DESTDIR ?=
# Debian packages the build, the demo and the tests need; `make deps` installs missing ones.
APT_PACKAGES := libsqlite3-dev libcurl4-openssl-dev curl jq systemd openssl python3 python3-venv
# The OpenAPI check's tools, from PyPI, in a virtual environment under .build (pinned: the check's flags are schemathesis 4's).
OPENAPI_VENV := .build/openapi-venv
OPENAPI_TOOLS := schemathesis==4.32.5 openapi-spec-validator==0.9.0

.PHONY: help deps openapi-tools build run test check-openapi bench bench-queue install clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

deps: ## Install missing Debian packages (apt-get; sudo when not root)
	@Tools/scripts/ensure-deps.sh $(APT_PACKAGES)

build: deps ## Build every executable (debug)
	$(SWIFT) build

run: build ## Start the whole chain for the demo region under ./var; Ctrl-C stops it
	@Tools/scripts/run-demo.sh "$$($(SWIFT) build --show-bin-path)"

test: deps openapi-tools ## Build and run every test, then check each service's OpenAPI document against it running
	$(SWIFT) build --build-tests
	INBURGERING_BIN_DIR="$$($(SWIFT) build --show-bin-path)" $(SWIFT) test --skip-build
	PATH="$(CURDIR)/$(OPENAPI_VENV)/bin:$$PATH" Tools/scripts/check-openapi.sh "$$($(SWIFT) build --show-bin-path)"

check-openapi: openapi-tools ## Validate and fuzz (schemathesis) each service's OpenAPI document against the built services
	$(SWIFT) build
	PATH="$(CURDIR)/$(OPENAPI_VENV)/bin:$$PATH" Tools/scripts/check-openapi.sh "$$($(SWIFT) build --show-bin-path)"

openapi-tools: deps ## Install schemathesis and openapi-spec-validator (PyPI) into .build/openapi-venv
	@[ -x $(OPENAPI_VENV)/bin/st ] || { python3 -m venv $(OPENAPI_VENV) && $(OPENAPI_VENV)/bin/pip install --quiet $(OPENAPI_TOOLS); }

bench: bench-queue ## Run every benchmark (prints figures and ratios against peers)

bench-queue: deps ## Benchmark the durable queue against Redis Streams (installs redis-server)
	Benchmarks/queue/run.sh $(BENCH_ARGS)

install: deps ## Build release binaries and install them, the systemd units and examples (PREFIX, DESTDIR)
	$(SWIFT) build -c release
	deploy/install.sh --bindir-from "$$($(SWIFT) build -c release --show-bin-path)" --prefix "$(PREFIX)" --destdir "$(DESTDIR)"

clean: ## Remove build output (keeps ./var, the demo's state)
	rm -rf .build
