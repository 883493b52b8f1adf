#!/usr/bin/python3
"""How `precheck file` judges PDFs against the readers: qpdf --check, mutool (mupdf) and pikepdf
(Debian's qpdf, mupdf-tools and python3-pikepdf). Usage:
    scripts/readers.py PRECHECK_BINARY DIR_OR_FILES... [--csv OUT]
Each reader says ok (opens, no warning), repaired (opens after repairing or with warnings)
or broken (cannot open it, or cannot reach its pages). Where the readers agree, precheck must
agree: broken <-> pdf_damaged; ok -> neither pdf_damaged nor pdf_repaired; repaired -> not
pdf_damaged. Prints the agreement and every disagreement; exits 1 when there is one."""
import csv, json, os, subprocess, sys, warnings

def pdfs(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                for n in sorted(names):
                    path = os.path.join(root, n)
                    with open(path, 'rb') as f:
                        if b'%PDF-' in f.read(1024):
                            yield path
        else:
            yield p

def run(cmd):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, errors='replace', timeout=60)
        return r.returncode, r.stdout + r.stderr
    except subprocess.TimeoutExpired:
        return -1, 'timeout'

def qpdf(path):
    rc, out = run(['qpdf', '--check', path])
    if rc in (0, 3) and run(['qpdf', '--show-npages', path])[1].strip() == '0':
        return 'broken'  # opens, but no page can be reached
    if rc == 2 or 'unable to find' in out or 'Loop detected' in out or rc < 0:
        return 'broken'
    # An encrypted file qpdf cannot open without a password is not damaged.
    if 'invalid password' in out:
        return 'password'
    return 'repaired' if rc == 3 else 'ok'

def mutool(path):
    # `pages` walks every page: a tree whose /Count lies loops for minutes; 20 s is plenty.
    rc, out = run(['timeout', '20', 'mutool', 'pages', path])
    if 'needs a password' in out or 'password' in out.lower() and 'cannot authenticate' in out:
        return 'password'
    if rc != 0 or '<page' not in out:
        return 'broken'
    if 'error:' in out or 'warning:' in out:
        return 'repaired'
    return 'ok'

def pike(path):
    try:
        import pikepdf
    except ImportError:
        return 'absent'
    try:
        with warnings.catch_warnings(record=True):
            with pikepdf.open(path) as pdf:
                n = len(pdf.pages)
                repaired = bool(pdf.get_warnings())
        return 'broken' if n == 0 else 'repaired' if repaired else 'ok'
    except pikepdf.PasswordError:
        return 'password'
    except Exception:
        return 'broken'

def main():
    args = sys.argv[1:]
    out_csv = None
    if '--csv' in args:
        i = args.index('--csv'); out_csv = args[i + 1]; del args[i:i + 2]
    binary, paths = args[0], list(pdfs(args[1:]))
    ours = {}
    for start in range(0, len(paths), 100):
        r = subprocess.run([binary, 'file', '--doc', 'identity', '--no-read', *paths[start:start + 100]], capture_output=True, text=True)
        for line in r.stdout.splitlines():
            j = json.loads(line); ours[j['file']] = {p['code'] for p in j['problems']}
    rows, agreed, compared, misses = [], 0, 0, []
    for path in paths:
        q, m, k = qpdf(path), mutool(path), pike(path)
        codes = ours.get(path, set())
        we = 'broken' if 'pdf_damaged' in codes else 'repaired' if 'pdf_repaired' in codes else \
             'password' if 'pdf_encrypted' in codes else 'ok'
        readers = [v for v in (q, m, k) if v != 'absent']
        verdict = readers[0] if len(set(readers)) == 1 else 'disagree'
        rows.append((path, q, m, k, we))
        if verdict == 'disagree':
            # Readers differ: only "never a silent ok" is asked when some reader fails.
            ok = not ('broken' in readers and we == 'ok')
        elif verdict == 'broken':
            ok = we == 'broken'
        elif verdict == 'ok':
            ok = we in ('ok', 'password') or we == 'password'
        elif verdict == 'repaired':
            ok = we in ('ok', 'repaired')
        else:
            ok = we in ('password', 'ok')
        compared += 1
        agreed += ok
        if not ok:
            misses.append(f'MISS {path}: qpdf {q}, mutool {m}, pikepdf {k}; precheck {we} {sorted(codes)}')
    if out_csv:
        with open(out_csv, 'w', newline='') as f:
            w = csv.writer(f); w.writerow(['file', 'qpdf', 'mutool', 'pikepdf', 'precheck']); w.writerows(rows)
    print('\n'.join(misses))
    print(f'readers: precheck agrees on {agreed}/{compared} PDFs ({100 * agreed / max(compared, 1):.1f} %)')
    sys.exit(1 if misses else 0)

if __name__ == "__main__":
    main()
