# Quickstart: `make run` (install + main job on the bundled sample), `make test` (install + suite).
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: install run test lint bench lab clean

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[dev,scale]"
	$(PY) -m ipykernel install --sys-prefix --name consultation-toolkit \
		--display-name "Python (consultation-toolkit)" >/dev/null
	@touch $(STAMP)

install: $(STAMP)

run: install
	$(VENV)/bin/consult run -o reports/microcredentials_2021_sample

test: install
	$(PY) -m pytest -q

lab: install
	$(PY) -m pip install --quiet -e ".[dev,scale,lab]"
	$(VENV)/bin/jupyter lab notebooks/

lint: install
	$(VENV)/bin/ruff check consultation standards_draft tests benchmarks

bench: install
	$(PY) benchmarks/bench_scale.py --topics --sizes $${BENCH_SIZES:-10000 100000}
	@if [ -f benchmarks/bench_run.py ]; then $(PY) benchmarks/bench_run.py; fi
	$(PY) benchmarks/bench_topics.py --reuse-bertopic benchmarks/results/topics.csv

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
