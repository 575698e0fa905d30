# mail-preflight — `make start` to try it, `make test` to check everything.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)

WASM := target/wasm32-unknown-unknown/release/mail_preflight.wasm
PORT ?= 8080
SAMPLE ?= www/samples/contact-form.eml

.PHONY: start test build setup bench bench-peers bench-profiles calibrate fuzz lexicons serve test-rust test-wasm test-wasm-node test-wasm-browser test-node test-e2e clean

## setup: install what is missing (wasm target, wasm-bindgen-cli, Chromium, php-cli, npm dev deps)
setup:
	@.ci/setup.sh

## build: the wasm engine, the npm package in pkg/ and the page's engine in www/engine/
build: setup
	cargo build --release --target wasm32-unknown-unknown
	node pkg-config/build.mjs

## start: build, lint the bundled sample in the terminal, serve the page on http://127.0.0.1:$(PORT)
start: build
	node pkg/bin/mail-preflight.cjs lint --locale en $(SAMPLE) || true
	@echo "Preflight page: http://127.0.0.1:$(PORT)/"
	node www/serve.mjs --port $(PORT)

serve:
	node www/serve.mjs --port $(PORT)

## test: every test — native Rust, wasm in Node and Chromium, the npm package and CLI, the page end to end
test: build test-rust test-wasm test-node test-e2e
	@echo "make test: all suites passed"

test-rust:
	cargo test --all-targets
	# `make bench`'s per-rule timing (the rule-timing feature, rules::timing): it builds and records.
	cargo test --features rule-timing --lib --example bench timing

test-wasm: test-wasm-node test-wasm-browser

test-wasm-node:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target wasm32-unknown-unknown --test wasm --test queue_wasm

test-wasm-browser:
	WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target wasm32-unknown-unknown --test wasm --test queue_wasm

test-node:
	node --test --test-reporter=spec tests/node/

test-e2e:
	node --test --test-reporter=spec tests/e2e/

## bench: throughput native and in Node (wasm), wasm size raw and gzipped, wasm memory high-water of the worst 10 MB messages
bench: build
	cargo run --profile native --example bench --features rule-timing
	node tests/bench/wasm-bench.mjs
	node tests/bench/memory.mjs

## bench-profiles: the release-profile table (#14): the wasm built at opt-level z, s and 3 (each in
##   its own target directory), with and without wasm-opt; size and Node speed of each. Slow; prints only.
bench-profiles: build
	tests/bench/profiles.sh $(PROFILES)

## fuzz: coverage-guided fuzzing (cargo-fuzz, nightly; never part of make test): each of the 9 targets
##   in turn for FUZZ_SECONDS (default 60 s, so about 10 minutes with the build), seeded from ../shared/corpus
##   into a corpus outside the repository (FUZZ_DIR, default /tmp/mail-preflight-fuzz). FUZZ_RSS_MB=512: the
##   wasm bound. Prints executions, edges, features and crashes per target (fuzz/run.sh).
fuzz:
	fuzz/run.sh

## bench-peers: our CLI beside rspamd 3.4 and SpamAssassin 4.0 (Debian, local-only, ../shared/peers/) on the
##   same labelled files in one run (#14): msg/s, ratios, each one's ROC AUC and ham marked as spam. DIR=corpus.
##   Installs the peers when missing (never part of make test).
bench-peers: build
	tests/bench/peers/run.sh $(if $(DIR),'$(DIR)')

## calibrate: verdicts × labels, ROC AUC and per-rule hits on a labelled corpus (#11), targets ✓/✗.
##   DIR=folder (default ../shared/corpus/spamassassin-public-dev), JSON=1, LIST=ham-fail [RULE=id],
##   CONFIG=options.json, FIT=1 [FEATURES=rule|severity|message]: cross-validated weight fit. Prints only.
calibrate:
	@cargo run --profile native --example calibrate -- $(if $(DIR),--dir '$(DIR)') \
	  $(if $(filter 1 yes true,$(JSON)),--json) $(if $(filter 1 yes true,$(FIT)),--fit) \
	  $(if $(LIST),--list '$(LIST)') $(if $(RULE),--rule '$(RULE)') $(if $(CONFIG),--config '$(CONFIG)') \
	  $(if $(FEATURES),--features '$(FEATURES)') $(ARGS)

## lexicons: writes the built-in lexicons' bytes (src/rules/spam/data/*.lexicon) from their .tsv data,
##   after a change to the data or to the word folding; the test suite fails while they differ.
lexicons:
	MAIL_PREFLIGHT_WRITE_LEXICONS=1 cargo test --lib the_prebuilt_lexicon_is_the_one_the_data_builds || true
	cargo test --lib the_prebuilt_lexicon_is_the_one_the_data_builds

clean:
	cargo clean
	rm -rf pkg www/engine
