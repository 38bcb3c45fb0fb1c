#!/usr/bin/env python3
"""Patient-facing text is written in our own words: no run of N words of any content
string may appear in the source articles. The articles are not part of the project;
a fingerprint of them is: tests/data/seed_runs.txt holds the first 12 hex digits of
the SHA-256 of every N-word run (lower case, words of letters, digits and '),
sorted, one per line, with N on the first line.

usage: own_words.py CONTENT_DIR FINGERPRINT        check the content
       own_words.py --fingerprint SEEDS_DIR N OUT  rebuild the fingerprint"""
import glob
import hashlib
import json
import re
import sys


def words(text):
    return re.findall(r"[a-z0-9']+", text.lower())


def digest(run):
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:12]


def fingerprint(seeds_dir, n, out):
    runs = set()
    for path in sorted(glob.glob(seeds_dir + "/*.txt")):
        w = words(open(path, encoding="utf-8").read())
        runs.update(digest(w[i:i + n]) for i in range(len(w) - n + 1))
    with open(out, "w", encoding="utf-8") as f:
        f.write("# %d-word runs of the source articles (sha256, 12 hex digits)\n%d\n" % (n, n))
        f.writelines(r + "\n" for r in sorted(runs))
    print("%d runs written to %s" % (len(runs), out))


def check(content_dir, fp_path):
    lines = [l.strip() for l in open(fp_path, encoding="utf-8") if not l.startswith("#")]
    n, runs = int(lines[0]), set(lines[1:])
    texts = []

    def walk(v):
        if isinstance(v, dict):
            texts.extend(s for k, s in v.items() if k in ("en", "es") and isinstance(s, str))
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    for path in glob.glob(content_dir + "/*.json"):
        walk(json.load(open(path, encoding="utf-8")))
    copied = 0
    for t in texts:
        w = words(t)
        hit = next((w[i:i + n] for i in range(len(w) - n + 1) if digest(w[i:i + n]) in runs),
                   None)
        if hit:
            copied += 1
            print("shares %d words with a source article: %r in %r" % (n, " ".join(hit), t[:80]))
    print("%d texts checked, %d share a %d-word run with the sources" % (len(texts), copied, n))
    return 1 if copied else 0


if __name__ == "__main__":
    if sys.argv[1] == "--fingerprint":
        fingerprint(sys.argv[2], int(sys.argv[3]), sys.argv[4])
        sys.exit(0)
    sys.exit(check(sys.argv[1], sys.argv[2]))
