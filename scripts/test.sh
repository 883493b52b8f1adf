#!/usr/bin/env bash
# Every gate of secu-precheck, in order, stopping at the first failure (`make test` runs this
# after installing the tools). The last line sums the tests of every layer: "N passed, N failed";
# a failing gate (format, lint, build) counts as one failure.
set -uo pipefail
cd "$(dirname "$0")/.."

export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"

passed=0
failed=0
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

# gate NAME CMD...: a check with no test count of its own.
gate() {
  local name=$1
  shift
  printf '\n==> %s\n' "$name"
  if ! "$@"; then
    printf '\nFAILED: %s\n' "$name"
    failed=$((failed + 1))
    finish
  fi
}

# tests NAME CMD...: a test layer; its counts are read from libtest's "test result:" lines or
# node's "ℹ pass N" / "ℹ fail N".
tests() {
  local name=$1
  shift
  local log
  log=$(mktemp -p "$logs")
  printf '\n==> %s\n' "$name"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  local p f
  p=$(awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($(i + 1) ~ /^passed/) s += $i } /^ℹ pass / { s += $3 } END { print s + 0 }' "$log")
  f=$(awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($(i + 1) ~ /^failed/) s += $i } /^ℹ fail / { s += $3 } END { print s + 0 }' "$log")
  passed=$((passed + p))
  failed=$((failed + f))
  if [ "$status" -ne 0 ]; then
    printf '\nFAILED: %s\n' "$name"
    [ "$f" -gt 0 ] || failed=$((failed + 1))
    finish
  fi
  if [ "$p" -eq 0 ]; then
    printf '\nFAILED: %s ran no test\n' "$name"
    failed=$((failed + 1))
    finish
  fi
}

gate "cargo fmt --check" cargo fmt --all -- --check
gate "clippy (host, whole workspace, all targets)" \
  cargo clippy --workspace --all-targets --locked -- -D warnings
gate "clippy (wasm32: the app, the domain crate and the reader)" \
  cargo clippy --target wasm32-unknown-unknown -p secu-precheck -p secu-precheck-domain -p secu-precheck-ocr \
  --no-default-features --all-targets --locked -- -D warnings
gate "clippy (wasm32: the reader worker)" \
  cargo clippy --target wasm32-unknown-unknown -p secu-precheck --features reader --bin reader \
  --locked -- -D warnings
gate "clippy (wasm32: the \"I have registered\" part)" \
  cargo clippy --target wasm32-unknown-unknown -p secu-precheck --features registered --bin registered \
  --locked -- -D warnings
tests "cargo test (native)" cargo test --workspace --locked
tests "browser tests (wasm-bindgen-test in headless Chromium)" \
  cargo test --target wasm32-unknown-unknown -p secu-precheck --test web --locked
gate "trunk build --release (with wasm-opt)" trunk build --release --locked
tests "end-to-end (Playwright in Chromium, against dist/)" \
  node --test --test-reporter=spec tests/e2e/
finish
