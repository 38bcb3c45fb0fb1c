#!/usr/bin/env python3
"""Reading level of every English string a patient sees or hears: the Flesch-Kincaid
grade of each string must be 6 or lower. Strings meant for the clinician (flag texts
are read by both; the printout's headings) are held to the same bar.

Flesch-Kincaid grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59, with
syllables counted by vowel groups (a common approximation). Words a patient knows
from her own care but that count as long are listed in ALLOW with why; they count
as two syllables.

usage: reading_grade.py CONTENT_DIR [--report]"""
import json
import re
import sys

MAX_GRADE = 6.0
# The formula means little for a label of a few words ("Cat-cow" scores 8): strings
# shorter than this are held to "no word of more than 3 syllables" instead.
MIN_WORDS = 8
# Medical words the kiosk must use (the patient hears them from her care team) and
# names of things she will look for. Each counts as two syllables.
ALLOW = {
    "epidural",  # the name of the procedure she had
    "anaesthesia", "anesthesia",
    "diaphragmatic",  # the exercise's name (with "belly breathing" beside it)
    "diastasis",  # named in the seeds; always with "a gap in the belly muscles"
    "recti",
    "preeclampsia",  # the name staff will use; always explained
    "lactation",  # "lactation consultant": the person she will ask for
    "consultant",
    "acetaminophen", "ibuprofen", "naproxen",  # medicine names on the box
    "magnesium", "vitamin", "calcium", "omega",
    "physical", "therapist", "therapy",
    "acupuncture", "chiropractic",
    "scapular", "tendon", "glute",
    "alternating", "abdominal",  # named exercises of the clinical reference
    "quervain's", "tenosynovitis",
    "osteoporosis", "thyroid", "thyroiditis",
    "gallstones", "gallbladder",
    "relaxin", "ligaments",
    "c-section", "cesarean",
    "phq-2",
}
# Strings that are names, not sentences (a button "English", a score's label).
SKIP_KEYS = re.compile(r"^(button\.lang_|summary\.(peg|phq2)|body\.)")


def syllables(word):
    w = word.lower().strip(".,;:!?()\"'“”’")
    if not w:
        return 0
    if w in ALLOW:
        return 2
    w = re.sub(r"[^a-z]", "", w)
    if not w:
        return 1
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", w)
    w = re.sub(r"^y", "", w)
    n = len(re.findall(r"[aeiouy]{1,2}", w))
    return max(1, n)


def grade(text):
    text = re.sub(r"\{[a-z]+\}", "911", text)
    sentences = [s for s in re.split(r"[.!?]+(?:\s|$)|\n", text) if s.strip()]
    words = re.findall(r"[A-Za-z0-9'’\-]+", text)
    if not words:
        return 0.0
    syl = sum(syllables(w) for w in words)
    return 0.39 * len(words) / max(1, len(sentences)) + 11.8 * syl / len(words) - 15.59


def strings(content_dir):
    """(where, text) for every English patient-facing string."""
    out = []

    def walk(v, path):
        if isinstance(v, dict):
            if "en" in v and isinstance(v["en"], str):
                out.append((path, v["en"]))
                return
            for k, x in v.items():
                if k in ("say", "id", "when", "show_if", "also", "caution_when", "unsure"):
                    continue
                walk(x, path + "/" + k)
        elif isinstance(v, list):
            for i, x in enumerate(v):
                walk(x, "%s[%d]" % (path, i))

    for name in ("questions", "causes", "advice", "flags", "ui"):
        with open("%s/%s.json" % (content_dir, name), encoding="utf-8") as f:
            data = json.load(f)
        if name == "questions":
            # Validated instruments keep their published wording (PEG, PHQ-2).
            for q in data["questions"]:
                if q.get("role", "").startswith(("peg_", "phq2")):
                    q["text"] = {}
        if name == "ui":
            for key, t in data["ui"].items():
                if not SKIP_KEYS.match(key) and not key.startswith(("text.", "staff.")):
                    out.append(("ui.json/" + key, t["en"]))
        else:
            walk(data, name + ".json")
    return out


def main():
    content_dir = sys.argv[1]
    report = "--report" in sys.argv
    rows, over = [], []
    for where, t in strings(content_dir):
        words = re.findall(r"[A-Za-z0-9'’\-]+", t)
        if len(words) >= MIN_WORDS:
            g = grade(t)
            rows.append((g, where, t))
            if g > MAX_GRADE:
                over.append((g, where, t))
        else:
            long_words = [w for w in words if syllables(w) > 3]
            if long_words:
                over.append((9.9, where, t + "  [long: %s]" % ", ".join(long_words)))
    if report:
        buckets = {}
        for g, _, _ in rows:
            b = "<=4" if g <= 4 else "4-6" if g <= 6 else "6-8" if g <= 8 else ">8"
            buckets[b] = buckets.get(b, 0) + 1
        print("sentences (>= %d words): %d; grade %s" % (MIN_WORDS, len(rows), ", ".join(
            "%s: %d" % (k, buckets.get(k, 0)) for k in ("<=4", "4-6", "6-8", ">8"))))
    for g, where, t in sorted(over, reverse=True):
        print("grade %.1f > %.0f: %s: %s" % (g, MAX_GRADE, where, t))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
