# The two commands of the README: `make run` and `make test`.
SWIFT ?= swift
ARGS ?=

.PHONY: setup build run test release manual install uninstall clean

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

# Installing: `make install` (PREFIX=/usr/local, DESTDIR for packaging) puts
# the release binary, its manual page and its completions for bash, zsh and
# fish where those look for them; `make uninstall` removes those five files
# and nothing else.
PREFIX ?= /usr/local
DESTDIR ?=
INSTALLED_BINARY = $(DESTDIR)$(PREFIX)/bin/intake
INSTALLED_MANUAL = $(DESTDIR)$(PREFIX)/share/man/man1/intake.1
INSTALLED_BASH = $(DESTDIR)$(PREFIX)/share/bash-completion/completions/intake
INSTALLED_ZSH = $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_intake
INSTALLED_FISH = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/intake.fish
STAGE = .build/install

# The manual page, written by swift-argument-parser's generate-manual from
# what the release binary says about itself (--experimental-dump-help), and
# the completion scripts the binary prints; all made from the local package
# copies, without the network.
manual: release
	$(SWIFT) build -c release --product generate-manual
	@mkdir -p $(STAGE)
	.build/release/generate-manual .build/release/intake --output-directory $(STAGE)
	@# A blank line in a command's discussion is a new paragraph, not an empty mdoc line.
	sed -i 's/^$$/.Pp/' $(STAGE)/intake.1
	@# The page's footer names the version it describes.
	sed -i "s/^\.Os$$/.Os intake $$(.build/release/intake --version)/" $(STAGE)/intake.1
	.build/release/intake --generate-completion-script bash > $(STAGE)/intake.bash
	.build/release/intake --generate-completion-script zsh > $(STAGE)/_intake
	.build/release/intake --generate-completion-script fish > $(STAGE)/intake.fish

install: manual
	install -D -m 0755 .build/release/intake '$(INSTALLED_BINARY)'
	install -D -m 0644 $(STAGE)/intake.1 '$(INSTALLED_MANUAL)'
	install -D -m 0644 $(STAGE)/intake.bash '$(INSTALLED_BASH)'
	install -D -m 0644 $(STAGE)/_intake '$(INSTALLED_ZSH)'
	install -D -m 0644 $(STAGE)/intake.fish '$(INSTALLED_FISH)'

uninstall:
	rm -f '$(INSTALLED_BINARY)' '$(INSTALLED_MANUAL)' '$(INSTALLED_BASH)' '$(INSTALLED_ZSH)' '$(INSTALLED_FISH)'

clean:
	rm -rf .build
