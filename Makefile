# Thin wrapper: the logic lives in tasks.py, which needs only python3.
PYTHON ?= python3

.PHONY: lab test site setup benchmark data clean
lab:        ## start JupyterLab on lesson 00 (creates .venv the first time)
	$(PYTHON) tasks.py lab
test:       ## run every test (unit, data, notebooks, browser)
	$(PYTHON) tasks.py test
site:       ## build the offline static course site into _build/site
	$(PYTHON) tasks.py site
setup:      ## only create .venv with the test tools
	$(PYTHON) tasks.py setup
benchmark: setup  ## measure import, load, render and lesson times
	.venv/bin/python benchmarks/run.py
data: setup ## rebuild data/ from ../shared/sources with the curation script
	.venv/bin/python scripts/curate_data.py
clean:
	rm -rf .venv build dist *.egg-info test-artifacts _build
