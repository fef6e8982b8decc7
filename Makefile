# Two commands set everything up: `make build` and `make test`. Both create .venv/ first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
BASE_URL ?=  # `make build BASE_URL=https://user.github.io/repo/` builds for that address

.PHONY: build offline test test-unit serve clean

# The first run installs the generator and its packages (a minute or two); later runs skip this.
$(BIN)/briefings: pyproject.toml
	@echo "Setting up $(VENV)/ with $(PYTHON) (first run only)..."
	$(PYTHON) -m venv $(VENV)
	@echo "Installing pip, then the generator and its packages (Markdown, Jinja2, Pagefind, Playwright...): a minute or two..."
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@echo "Installed. Next time make skips this step."
	touch $@

build: $(BIN)/briefings
	@echo "Building: seeds/ -> content/ -> public/"
	$(BIN)/python -m generator build $(if $(BASE_URL),--base-url '$(BASE_URL)')

# A copy to open from a folder or a zip, without a server: public-offline/index.html
offline: $(BIN)/briefings
	$(BIN)/python -m generator build --offline $(if $(BASE_URL),--base-url '$(BASE_URL)')

test: $(BIN)/briefings
	@echo "Running the test suite, browser tests included (several minutes)..."
	$(BIN)/python -m pytest

# The fast layer, for the edit-test loop: language, config, content and page tests, no build of a whole
# site, no browser, no benchmark.
test-unit: $(BIN)/briefings
	$(BIN)/python -m pytest -m "not browser and not cli and not slow"

serve: $(BIN)/briefings
	@echo "Building, then serving the site: open the URL it prints (Ctrl-C stops it)..."
	$(BIN)/python -m generator serve

clean:
	rm -rf public public-offline .cache .public.staging .public.old-*
