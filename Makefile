# secu-precheck: the two commands a newcomer needs are `make serve` and `make test`.
# Both install whatever is missing first (scripts/install-tools.sh) and skip what is there.

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve test build dist bench corpus readers hostile-files specimens fuzz tools test-tools clean

## serve: build the app and serve it at http://127.0.0.1:8080
serve: tools
	trunk serve

## test: every gate (format, lints, native + browser + end-to-end tests), as CI runs it
test: test-tools
	scripts/test.sh

## build: the release build into dist/
build: tools
	trunk build --release --locked

## dist: the self-contained folder to upload to any static host, at any path (EMBED.md)
dist: build
	@echo "dist/ is ready to upload (any path works: URLs are relative):"
	@ls -l dist

## bench: payload, start, inspection vs pdf.js, fit vs browser-image-compression, main thread, reader,
## native, reading (ours against Tesseract)
bench: build
	scripts/install-tools.sh --bench
	node scripts/bench.mjs

## corpus: accuracy of `precheck file` on ../shared/corpus, per format and state
corpus:
	cargo build --release --locked -p secu-precheck-domain --bin precheck
	scripts/corpus.py target/release/precheck

## readers: precheck's PDF verdicts against qpdf --check, mutool and pikepdf, on the corpus and
## domain/tests/hostile (needs Debian's qpdf, mupdf-tools and python3-pikepdf)
readers:
	cargo build --release --locked -p secu-precheck-domain --bin precheck
	scripts/readers.py target/release/precheck ../shared/corpus/files domain/tests/hostile

## hostile-files: remake domain/tests/hostile with the tools that write them (see the script)
hostile-files:
	scripts/make-hostile-files.py

## specimens: remake the reading tests' specimen documents and their photographs
## (domain/tests/specimens; needs ImageMagick 6, fonts-ocr-b and fonts-wqy-microhei)
specimens:
	scripts/make-specimens.sh
	scripts/make-photos.py

## fuzz: libFuzzer on the inspection engine and the form checks, FUZZ_SECONDS each (nightly)
FUZZ_SECONDS ?= 60
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd domain && cargo +nightly fuzz run inspect -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=512 -timeout=5
	cd domain && cargo +nightly fuzz run fields -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=512 -timeout=5

tools:
	scripts/install-tools.sh

test-tools:
	scripts/install-tools.sh --test

clean:
	cargo clean
	rm -rf dist node_modules
