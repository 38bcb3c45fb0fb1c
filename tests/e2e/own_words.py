#!/usr/bin/env python3
"""Patient-facing text is written in our own words: no run of N or more words of any
content string may appear in the source articles. Skips (exit 77) when the articles
are not beside the project.  usage: own_words.py CONTENT_DIR SEEDS_DIR [N]"""
import glob
import json
import re
import sys

content_dir, seeds_dir = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 6


def words(text):
    return re.findall(r"[a-z0-9']+", text.lower())


seeds = glob.glob(seeds_dir + "/*.txt")
if not seeds:
    print("no source articles at", seeds_dir, "- skipped")
    sys.exit(77)
runs = set()
for path in seeds:
    w = words(open(path, encoding="utf-8").read())
    runs.update(tuple(w[i:i + n]) for i in range(len(w) - n + 1))

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
    hit = next((w[i:i + n] for i in range(len(w) - n + 1) if tuple(w[i:i + n]) in runs), None)
    if hit:
        copied += 1
        print("shares %d words with a source article: %r in %r" % (n, " ".join(hit), t[:80]))
print("%d texts checked, %d share a %d-word run with the sources" % (len(texts), copied, n))
sys.exit(1 if copied else 0)
