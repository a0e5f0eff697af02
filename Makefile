# The two commands of the README: `make run` and `make test`.
SWIFT ?= swift
ARGS ?=

.PHONY: setup build run test release clean

setup:
	@./scripts/setup.sh

build: setup
	$(SWIFT) build

# Sessions of `make run` stay in the repository's Transcripts/sessions
# (ignored by git), unless INTAKE_TRANSCRIPTS says otherwise; an installed
# intake saves to the per-user data folder instead.
INTAKE_TRANSCRIPTS ?= $(CURDIR)/Transcripts/sessions

# Builds intake and starts the interview; pass options with ARGS="...".
# INTAKE_MAKE_RUN tells intake to print commands to carry on as `make run
# ARGS="..."`, which is what works where the person typed this.
run: build
	@INTAKE_TRANSCRIPTS='$(INTAKE_TRANSCRIPTS)' INTAKE_MAKE_RUN=1 .build/debug/intake $(ARGS)

# Builds and runs every test.
test:
	@./scripts/setup.sh --test
	$(SWIFT) test

# A self-contained binary (the Swift runtime linked in): .build/release/intake
release: setup
	$(SWIFT) build -c release --static-swift-stdlib --product intake

clean:
	rm -rf .build
