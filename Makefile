# Two commands: `make kit` builds the built-in course into build/, `make test` runs the suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: kit test lint format bench catalog clean

kit: $(VENV)/.kit
	$(BIN)/kit build -o build

test: $(VENV)/.test
	$(BIN)/python -m pytest

lint: $(VENV)/.test
	$(BIN)/lint-imports
	$(BIN)/ruff check kit tests bench
	$(BIN)/ruff format --check kit tests bench

format: $(VENV)/.test
	$(BIN)/ruff format kit tests bench
	$(BIN)/ruff check --fix kit tests bench

# kit's words: extract every English text into kit/locale/kit.pot, bring each language's
# kit.po up to date with it (translate what is new there), and compile the kit.mo kit reads.
EXTRACT := -F babel.cfg -k N_ -k translate:2 -k translate_plural:2,3 --no-location \
	--sort-output --omit-header -w 100
catalog: $(VENV)/.test
	$(BIN)/pybabel extract $(EXTRACT) -o kit/locale/kit.pot .
	$(BIN)/pybabel update -i kit/locale/kit.pot -d kit/locale -D kit -w 100 --no-fuzzy-matching \
		--ignore-obsolete
	$(BIN)/pybabel compile -d kit/locale -D kit --statistics

bench: $(VENV)/.test
	$(BIN)/python bench/run.py

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Editable installs, so the commands always run the code in this checkout.
$(VENV)/.kit: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[serve]"
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@ $(VENV)/.kit

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
