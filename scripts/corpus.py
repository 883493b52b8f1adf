#!/usr/bin/env python3
"""Accuracy of `precheck file` on the public corpus (../shared/corpus, see its README):
runs the checker over every labelled file and compares with LABELS.csv, per format and state.
Usage: scripts/corpus.py PRECHECK_BINARY [CORPUS_DIR]. Exits 1 when any unambiguous label is
missed, 0 otherwise (and 0 with a message when the corpus is absent)."""
import collections
import csv
import json
import os
import subprocess
import sys

binary = sys.argv[1]
corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'corpus')
labels_path = os.path.join(corpus, 'LABELS.csv')
if not os.path.exists(labels_path):
    print(f'corpus: {labels_path} not found; skipped')
    sys.exit(0)

labelled = list(csv.DictReader(open(labels_path, encoding='utf-8')))
rows = [r for r in labelled if os.path.isfile(os.path.join(corpus, 'files', r['path']))]
if len(rows) < len(labelled):
    print(f'corpus: {len(labelled) - len(rows)} labelled file(s) absent, left out')
files = [os.path.join(corpus, 'files', r['path']) for r in rows]
results = {}
for start in range(0, len(files), 200):
    batch = files[start:start + 200]
    out = subprocess.run([binary, 'file', '--doc', 'identity', '--no-read', *batch], capture_output=True, text=True)
    if out.returncode == 2:
        sys.exit(f'corpus: precheck failed: {out.stderr}')
    for line in out.stdout.splitlines():
        r = json.loads(line)
        results[r['file']] = r

INTEGRITY = {'empty_file', 'unsupported_format', 'heic_not_accepted', 'image_damaged', 'pdf_damaged', 'pdf_encrypted', 'pdf_no_pages'}
OTHER_FORMATS = {'heic': {'heic'}, 'webp': {'webp'}, 'avif': {'avif'}, 'gif': {'gif'}, 'tiff': {'tiff'}, 'bmp': {'bmp'},
                 'office': {'docx', 'doc', 'odt'}, 'zip': {'zip'}, 'jxl': {'unknown'}, 'jp2': {'unknown'}}

def verdict_ok(label, result):
    codes = {p['code'] for p in result['problems']}
    fmt, state = label['format'], label['state']
    if state == 'either' or fmt == 'other':
        return True
    if fmt in ('pdf', 'jpeg', 'png'):
        if result['format'] != fmt:
            return False
        if state == 'intact':
            return not (codes & INTEGRITY)
        if state == 'damaged':
            return bool(codes & {'image_damaged', 'pdf_damaged'})
        if state == 'encrypted':
            return 'pdf_encrypted' in codes
        if state == 'no_pages':
            return bool(codes & {'pdf_no_pages', 'pdf_damaged'})
    expected_code = 'heic_not_accepted' if fmt == 'heic' else 'unsupported_format'
    return result['format'] in OTHER_FORMATS.get(fmt, {result['format']}) and expected_code in codes

tally = collections.defaultdict(lambda: [0, 0])
misses = []
for label, path in zip(rows, files):
    result = results.get(path)
    ok = result is not None and verdict_ok(label, result)
    key = (label['format'], label['state'])
    tally[key][0] += ok
    tally[key][1] += 1
    if not ok:
        misses.append((label, result))

print(f'{"format":8} {"state":10} {"right":>6} {"of":>5} {"accuracy":>9}')
for (fmt, state), (good, total) in sorted(tally.items()):
    print(f'{fmt:8} {state:10} {good:6} {total:5} {100 * good / total:8.1f}%')
unambiguous = [(l, r) for l, r in zip(rows, files) if l['state'] != 'either' and l['format'] != 'other']
print(f'unambiguous labels: {len(unambiguous) - len(misses)}/{len(unambiguous)} right')
for label, result in misses:
    got = 'no result' if result is None else f"{result['format']} {[p['code'] for p in result['problems']]}"
    print(f"MISS {label['path']} ({label['format']}, {label['state']}): {got}")
sys.exit(1 if misses else 0)
