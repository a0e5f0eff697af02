# The two commands of the README: `make run` and `make test`.
SWIFT ?= swift
ARGS ?=

.PHONY: setup build run test release clean

setup:
	@./scripts/setup.sh

build: setup
	$(SWIFT) build

# Builds intake and starts the interview; pass options with ARGS="...".
run: build
	@.build/debug/intake $(ARGS)

# Builds and runs every test.
test:
	@./scripts/setup.sh --test
	$(SWIFT) test

# A self-contained binary (the Swift runtime linked in): .build/release/intake
release: setup
	$(SWIFT) build -c release --static-swift-stdlib --product intake

clean:
	rm -rf .build
