#!/usr/bin/env python3
"""The names of the areas on paper, with hostile content: many areas on one region and
very long names. Every reported area must be on the page (beside the figure or in
words), and no name may run into what follows the figure.
usage: areas_names.py PPKIOSK CONTENT_DIR SCRATCH_DIR"""
import json, re, shutil, subprocess, sys
from pathlib import Path

ppkiosk, content, scratch = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
shutil.rmtree(scratch, ignore_errors=True)
scratch.mkdir(parents=True)
conf = scratch / "kiosk.conf"
conf.write_text("paper = letter\n")
conf.chmod(0o600)
ui = json.loads((content / "ui.json").read_text())["ui"]
fails = []


def make(name, edit):
    d = scratch / name
    shutil.copytree(content, d)
    q = json.loads((d / "questions.json").read_text())
    areas = next(x for x in q["questions"] if x["id"] == "areas")
    edit(areas)
    (d / "questions.json").write_text(json.dumps(q, ensure_ascii=False))
    ids = [o["id"] for o in areas["options"]]
    labels = [o["label"]["en"] for o in areas["options"]]
    return d, ids, labels


def many(areas):  # 21 more areas on the lower back: 32, the cap
    base = areas["options"][0]
    for i in range(21):
        areas["options"].append(dict(base, id=f"lb{i}", say={"en": [f"part {i}"], "es": [f"parte {i}"]},
                                     label={"en": f"Lower back part {i}", "es": f"Espalda baja parte {i}"}))


def long(areas):  # names of some 80 characters, all 11 within an answer
    for o in areas["options"]:
        o["label"] = {k: ("Verylongname " * 5) + v for k, v in o["label"].items()}


for name, edit in (("many", many), ("long", long)):
    d, ids, labels = make(name, edit)
    ans = scratch / f"{name}.ans"
    ans.write_text("areas=" + ",".join(ids) + "\n")
    pdf = scratch / f"{name}.pdf"
    r = subprocess.run([ppkiosk, "--content", str(d), "--config", str(conf), "--answers", str(ans),
                        "--pdf-out", str(pdf)], capture_output=True, text=True)
    if r.returncode != 0:
        fails.append(f"{name}: exit {r.returncode}: {r.stderr.strip()}")
        continue
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                   text=True).stdout.split())
    for label in labels:
        if " ".join(label.split()) not in text:
            fails.append(f"{name}: \"{label[-30:]}\" is not on the page")
    # words of page 1 with their boxes: nothing of a name below the next heading
    bbox = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
                          capture_output=True, text=True).stdout
    words = [(float(m[1]), float(m[2]), m[3]) for m in
             re.finditer(r'<word xMin="[^"]+" yMin="([^"]+)" xMax="[^"]+" yMax="([^"]+)">([^<]*)</word>', bbox)]
    nxt = ui["summary.about"]["en"].split()[0]
    heads = [y0 for y0, _, w in words if w == nxt]
    marker = "part" if name == "many" else "Verylongname"
    if heads:
        low = max((y1 for _, y1, w in words if w == marker), default=0)
        if low > heads[0]:
            fails.append(f"{name}: a name runs {low - heads[0]:.0f} pt into \"{nxt}\"")

# names that, all chosen, would not fit an answer: refused by the content check with the
# reason (they were cut at a byte count, mid-character, in the terminal's summary)
def accented(areas, n):
    for o in areas["options"][:n]:
        o["label"] = {k: v + " " + "é" * 200 for k, v in o["label"].items()}


d, ids, labels = make("too-long", lambda a: accented(a, 3))
r = subprocess.run([ppkiosk, "--check-content", str(d)], capture_output=True, text=True)
if r.returncode != 2 or "option labels, all chosen, take" not in r.stderr:
    fails.append(f"too-long: --check-content exit {r.returncode}: {r.stderr.strip()[:200]}")
# just under the limit: every name whole in the terminal's summary, valid UTF-8
d, ids, labels = make("near", lambda a: accented(a, 1))
ans = scratch / "near.ans"
ans.write_text("areas=" + ",".join(ids) + "\n")
r = subprocess.run([ppkiosk, "--content", str(d), "--config", str(conf), "--answers", str(ans)],
                   capture_output=True)
try:
    text = " ".join(r.stdout.decode("utf-8").split())
    for label in labels:
        if " ".join(label.split()) not in text:
            fails.append(f"near: \"{label[:20]}\" is not whole in the summary")
except UnicodeDecodeError as e:
    fails.append(f"near: the summary is not UTF-8: {e}")
if r.returncode != 0:
    fails.append(f"near: exit {r.returncode}")

# long words from the content in the terminal's first lines: a short label before its
# answer, "Because you said:" and the folded causes' lead (they were cut at 128 or 160
# bytes, mid-character, with what followed them)
d = scratch / "long-leads"
shutil.copytree(content, d)
q = json.loads((d / "questions.json").read_text())
for x in q["questions"]:
    x["short"] = {k: "é" * 100 + " shortend" for k in x["short"]}
(d / "questions.json").write_text(json.dumps(q, ensure_ascii=False))
u = json.loads((d / "ui.json").read_text())
for key, end in (("summary.because", "becauseend"), ("summary.folded", "foldedend")):
    u["ui"][key] = {k: "é" * 100 + " " + end for k in u["ui"][key]}
(d / "ui.json").write_text(json.dumps(u, ensure_ascii=False))
ans = scratch / "long-leads.ans"
ans.write_text("rf_chest=yes\nareas=lower_back,knee_left\nworse_when=night\nsince_birth=gt6m\n")
r = subprocess.run([ppkiosk, "--content", str(d), "--config", str(conf), "--answers", str(ans)],
                   capture_output=True)
try:
    text = r.stdout.decode("utf-8")
    runs = {len(m) for m in re.findall("é+", text)}
    if runs != {100}:
        fails.append(f"long-leads: runs of é of {sorted(runs)} characters, not all 100")
    for end in ("shortend", "becauseend", "foldedend"):
        if end not in text:
            fails.append(f"long-leads: \"{end}\" is not in the summary")
except UnicodeDecodeError as e:
    fails.append(f"long-leads: the summary is not UTF-8: {e}")
if r.returncode != 0:
    fails.append(f"long-leads: exit {r.returncode}")

# ui strings that stand for an answer, and the safety net's lines with their numbers: at
# the limit they load, one byte over the content check refuses them (they were cut,
# mid-character, and a safety line lost its phone number)
def ui_case(name, key, text):
    d = scratch / name
    shutil.copytree(content, d)
    u = json.loads((d / "ui.json").read_text())
    u["ui"][key] = {"en": text, "es": u["ui"][key]["es"]}
    (d / "ui.json").write_text(json.dumps(u, ensure_ascii=False))
    return subprocess.run([ppkiosk, "--check-content", str(d)], capture_output=True, text=True)


for name, key, text, ok in (
        ("sure-at", "summary.not_sure", "é" * 511 + "a", True),
        ("sure-over", "summary.not_sure", "é" * 512, False),
        ("skipped-over", "summary.skipped", "a" * 1024, False),
        ("safety-at", "safety.emergency", "é" * 235 + "a" + " {emergency}", True),
        ("safety-over", "safety.emergency", "é" * 235 + "aa" + " {emergency}", False),
        ("safety-twice", "safety.clinic", "a" * 430 + "{clinic}" * 3, False)):
    r = ui_case(name, key, text)
    if ok and r.returncode != 0:
        fails.append(f"{name}: refused: {r.stderr.strip()[:200]}")
    if not ok and (r.returncode != 2 or f'"{key}" (en) takes' not in r.stderr):
        fails.append(f"{name}: --check-content exit {r.returncode}: {r.stderr.strip()[:200]}")

for f in fails:
    print("FAIL", f)
print("areas_names: all checks passed" if not fails else f"areas_names: {len(fails)} failed")
sys.exit(1 if fails else 0)
