# civicpost — the two commands that matter: `make demo` and `make test`.
SWIFT ?= swift
DEMO_DIR ?= _demo

.PHONY: setup build demo test lint bench release clean

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

# The checked-in .swift-format; CI fails on any difference.
lint:
	$(SWIFT) format lint --strict -r Sources Tests Plugins

# The Swift runtime and Foundation linked in: the binary runs where Swift is not installed
# (a spokesperson's pre-commit hook) and starts without loading them (about 7 ms less).
release: setup
	$(SWIFT) build -c release --product civicpost --static-swift-stdlib

# A benchmark, never part of `make test`: civicpost side by side with its peers (bench/README.md).
# `make bench POSTS=1000` for a quick run. Prints a Markdown table; writes bench/out/results.{json,md}.
POSTS ?= 10000
BENCH_RUNS ?= 5
BENCH_FLAGS ?=
bench: release
	scripts/bench-setup.sh
	python3 bench/run.py --posts $(POSTS) --runs $(BENCH_RUNS) --no-install \
	  --civicpost "$$($(SWIFT) build -c release --show-bin-path)/civicpost" \
	  --json bench/out/results.json --markdown bench/out/results.md $(BENCH_FLAGS)

clean:
	rm -rf .build _site _queue $(DEMO_DIR)

# The demo's published site, as issue 6 wants it: the W3C Nu HTML checker, internal links
# and #fragments, landmarks and alt text, feeds and sitemap, colour contrast, headless-Chromium
# screenshots (printed paths). A second demo acts two months on (STALE_NOW), so that stale
# posts are outdated: their pages keep a notice and leave the indexes and the feeds.
# SITE_BUILD_FLAGS passes build options, e.g. SITE_BUILD_FLAGS="--scratch-path .build-site".
.PHONY: check-site
SITE_BUILD_FLAGS ?=
STALE_NOW ?= 2027-02-10T12:00:00-06:00
check-site: setup
	$(SWIFT) build $(SITE_BUILD_FLAGS) --product civicpost
	$$($(SWIFT) build $(SITE_BUILD_FLAGS) --show-bin-path)/civicpost demo --out $(DEMO_DIR)
	$$($(SWIFT) build $(SITE_BUILD_FLAGS) --show-bin-path)/civicpost demo --out $(DEMO_DIR)/stale --now $(STALE_NOW)
	scripts/check-site-setup.sh
	python3 scripts/check-site.py $(DEMO_DIR)/site
	python3 scripts/check-site.py $(DEMO_DIR)/stale/site
