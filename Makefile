# civicpost — the two commands that matter: `make demo` and `make test`.
SWIFT ?= swift
DEMO_DIR ?= _demo

.PHONY: setup build demo test bench release clean

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build --product civicpost

# The whole flow on the built-in sample city: init, a refused and a fixed commit, a
# reviewer's merge, publish. Prints where the site, the queue and the report are.
demo: build
	$$($(SWIFT) build --show-bin-path)/civicpost demo --out $(DEMO_DIR)

test: setup
	$(SWIFT) test

release: setup
	$(SWIFT) build -c release --product civicpost

# A benchmark, never part of `make test`: civicpost side by side with its peers.
bench: release
	scripts/bench-setup.sh
	python3 bench/run.py --civicpost "$$($(SWIFT) build -c release --show-bin-path)/civicpost"

clean:
	rm -rf .build _site _queue $(DEMO_DIR)
