# Two entry points: `make serve` and `make test`. Everything else is set up on the way.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build zensical test lint bench fuzz clean chromium valgrind

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# The same demo under Zensical: first the files it cannot generate (exports, catalogue,
# comparison and chooser pages, styles, script), written into docs/ and ignored by git.
zensical: $(STAMP)
	$(BIN)/mkdocs-participation build-data
	$(BIN)/zensical build --clean --strict
	$(BIN)/zensical serve --dev-addr 127.0.0.1:8000

# Debian packages installed when missing: chromium for the browser tests, valgrind to count
# the benchmark's instructions.
chromium valgrind:
	@command -v $@ >/dev/null || { \
	  echo "Installing Debian's $@"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $@; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq $@; fi; }

lint: $(STAMP)
	$(BIN)/ruff check mkdocs_participation tests benchmarks
	$(BIN)/ruff format --check mkdocs_participation tests benchmarks

test: $(STAMP) chromium lint
	$(BIN)/pytest -n 2 --dist loadfile

# The property-based tests with many more examples than `make test` runs (FUZZ=20000 by default;
# the generated sites built and checked whole are FUZZ/100).
FUZZ ?= 20000
fuzz: $(STAMP)
	PARTICIPATION_FUZZ_EXAMPLES=$(FUZZ) $(BIN)/pytest -q tests/core/test_fuzz.py \
	  tests/test_faults.py::test_generated_cards_build_and_check_alike_with_every_card_listed_and_exported

bench: $(STAMP) chromium valgrind
	$(BIN)/python benchmarks/build_time.py --instructions 300

clean:
	rm -rf $(VENV) site .cache .pytest_cache
