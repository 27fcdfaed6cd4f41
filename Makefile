# The two set-up commands are `make demo` and `make test`; everything else is optional.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB := out/demo.duckdb

.PHONY: demo test bench install clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	mkdir -p out
	rm -f $(DB) $(DB).wal
	$(BIN)/realpolitik ingest realpolitik/data/sample --db $(DB)
	$(BIN)/realpolitik code --db $(DB)
	$(BIN)/realpolitik status --db $(DB)
	$(BIN)/realpolitik summary --db $(DB)
	$(BIN)/realpolitik brief --db $(DB) --format md -o out/brief.md
	$(BIN)/realpolitik brief --db $(DB) --format html -o out/brief.html
	@echo "Brief written to out/brief.md and out/brief.html"

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) out .pytest_cache
