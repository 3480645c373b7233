# The two commands of the README: `make scan` and `make test`. Both install what is missing.
SWIFT ?= swift
DATE ?= 2026-06-15

.PHONY: deps build release scan test check bench clean

deps:
	@scripts/ensure-deps

build: deps
	$(SWIFT) build --product telescan

# The Swift runtime and Foundation are linked statically: dynamic loading of them was a
# third of the start-up time paid on every call in a shell pipeline.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product telescan

# Scan the bundled corpus and show the first records, then the status counts.
scan: release
	.build/release/telescan scan --date $(DATE) Corpus/notes > .build/corpus-scan.jsonl
	head -n 3 .build/corpus-scan.jsonl
	@echo "..."
	@echo "$$(wc -l < .build/corpus-scan.jsonl) records; statuses:"
	@grep -o '"status":"[a-z_]*"' .build/corpus-scan.jsonl | sort | uniq -c

# Build and run the whole test suite (rule examples, corpus accuracy, end-to-end CLI).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build
