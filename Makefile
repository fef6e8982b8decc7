# Two commands set everything up: `make build` and `make test`. Both create .venv/ first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
BASE_URL ?=  # `make build BASE_URL=https://user.github.io/repo/` builds for that address

.PHONY: build test serve clean

$(BIN)/briefings: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

build: $(BIN)/briefings
	$(BIN)/python -m generator build $(if $(BASE_URL),--base-url '$(BASE_URL)')

test: $(BIN)/briefings
	$(BIN)/python -m pytest

serve: $(BIN)/briefings
	$(BIN)/python -m generator serve

clean:
	rm -rf public .cache .public.staging .public.old-*
