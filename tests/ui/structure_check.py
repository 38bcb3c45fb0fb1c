#!/usr/bin/env python3
"""Structure checks on the NAME.json files a scripted kiosk run writes beside its
screenshots (--shots DIR). Usage: structure_check.py SHOTS_DIR CONTENT_DIR [--skip R,R]
                           or: structure_check.py --same-nav SHOTS_EN SHOTS_ES

Prints one "structure: SHOT: what is wrong" line per problem and exits 1 when there
is any. The rules, one per function below, are what a person would check by eye:
  - every target is at least the minimum size, and targets keep a gap between them;
  - at most one primary button per screen;
  - Repeat only when the kiosk can speak, and on every question when it can;
  - the heard-phrase chip never outlives the screen it was heard on;
  - the attract and language screens show both languages;
  - the areas screen: a "Picture | List" switch above the choices, the picture first
    at every size, a chip for every chosen region and the name of the one tapped; the
    list numbered 1..n in rows of 64 px at 1080p (scaled), a joint's sides in one row;
    in portrait the name and the chips in a tray that reaches down to the navigation
    row, so no blank band is left under the picture;
  - the 0-10 scale: at most two rows of keys, each at least 1.5 minimum targets wide
    and 2 tall;
  - the sectioned progress bar is the same on every screen of a run (the total never
    jumps as branches drop out);
  - (--same-nav) the navigation row of each screen is laid out alike in both
    languages: the same buttons at the same places.
  - an ending tells the truth: a shot named goodbye_held (Finish after a failed print)
    says nothing was printed and sends her to the front desk, never "give your
    printout to your doctor";
  - the results show the clinician's part first, in the printout's order, and the
    flag cards (headings, every flag and unanswered safety question) are whole in
    the first view, however many there are;
  - a notice ("Sorry, I did not understand") is drawn over whatever shares its place,
    never under it, and never over the body picture's regions; it moves nothing: a
    shot NAME_notice has the targets of the shot NAME taken just before it;
  - exercises held back come with the reason they are held back.
"""
import json
import os
import sys

problems = []


def bad(shot, what):
    problems.append("structure: %s: %s" % (shot, what))


def targets(d):
    modal = any(b["modal"] for b in d["boxes"])
    return [b for b in d["boxes"] if b["target"] and b["modal"] == modal]


def check_targets(shot, d, ui):
    mn = d["min_target"]
    ts = targets(d)
    for b in ts:
        if b["w"] < mn or b["h"] < mn:
            bad(shot, "target '%s' is %dx%d, minimum %d" % (b["id"], b["w"], b["h"], mn))


def check_gaps(shot, d, ui):
    """Body-picture regions: at least 64 px at 1080p and 8 px apart (scaled)."""
    ts = targets(d)
    big = 64 * min(d["width"], d["height"]) // 1080
    for b in ts:
        if b["role"] == "region" and (b["w"] < big or b["h"] < big):
            bad(shot, "region '%s' is %dx%d, minimum %d" % (b["id"], b["w"], b["h"], big))
    gap = max(1, 8 * min(d["width"], d["height"]) // 1080)
    regions = [b for b in ts if b["role"] == "region"]
    for i, a in enumerate(regions):
        for b in regions[i + 1:]:
            dx = max(b["x"] - (a["x"] + a["w"]), a["x"] - (b["x"] + b["w"]))
            dy = max(b["y"] - (a["y"] + a["h"]), a["y"] - (b["y"] + b["h"]))
            if max(dx, dy) < gap:
                bad(shot, "regions '%s' and '%s' are %d px apart, minimum %d"
                    % (a["id"], b["id"], max(dx, dy), gap))


def check_primary(shot, d, ui):
    prim = [b["id"] for b in d["boxes"] if b["primary"] and not b["modal"]]
    if len(prim) > 1:
        bad(shot, "%d primary buttons: %s" % (len(prim), ", ".join(prim)))


def check_repeat(shot, d, ui):
    ids = {b["id"] for b in d["boxes"] if b["role"] == "button" and not b["modal"]}
    speech = d.get("speech")
    if speech is None:  # written by a build that does not say
        return
    if "repeat" in ids and not speech:
        bad(shot, "Repeat is shown although the kiosk cannot speak")
    if speech and d["screen"] == "question" and "repeat" not in ids:
        bad(shot, "the kiosk can speak but the question has no Repeat")


def check_chip(shot, d, ui):
    if "heard" in shot:
        return
    for b in d["boxes"]:
        if b["role"] == "chip" and b["id"] == "heard":
            bad(shot, "the heard phrase %s is still shown" % b["text"])


def check_bilingual(shot, d, ui):
    if d["screen"] not in ("attract", "language"):
        return
    texts = " ".join(b["text"] for b in d["boxes"])
    key = "attract.title" if d["screen"] == "attract" else "language.title"
    for lang in ("en", "es"):
        if ui[key][lang] not in texts:
            bad(shot, "%s screen does not show the %s text of %s" % (d["screen"], lang, key))


def check_areas(shot, d, ui):
    ids = {b["id"]: b for b in d["boxes"]}
    ts = targets(d)
    regions = [b for b in ts if b["role"] == "region"]
    options = [b for b in ts if b["role"] == "option"]
    switch = "ui_show_body" in ids or "ui_show_list" in ids
    # the list without the switch: a screen too small for the picture picked by hand
    sided = any(b["id"].endswith(("_left", "_right")) for b in options)
    if not switch and not regions and not sided:
        return
    for sw in ("ui_show_body", "ui_show_list"):
        if not switch and not regions:
            break
        if sw not in ids or not ids[sw]["target"]:
            bad(shot, "the areas screen has no '%s' switch" % sw)
        elif any(b["y"] < ids[sw]["y"] for b in regions + options):
            bad(shot, "the '%s' switch is not above the choices" % sw)
    if shot in ("question_areas", "question_areas_banner") and not regions and switch:
        bad(shot, "the body picture is not shown first")
    if regions:
        missing = [b["id"] for b in regions if b["selected"] and "ui_chip_" + b["id"] not in ids]
        more = [b["text"] for b in d["boxes"] if b["role"] == "text" and b["text"] ==
                "+%d" % len(missing)]
        if missing and not more:
            bad(shot, "no chip and no '+%d' for the chosen regions %s" % (len(missing), missing))
        if not any(b["role"] in ("region-name", "notice") for b in d["boxes"]):
            bad(shot, "the picture does not name the region tapped")
    big = max(d["min_target"], 64 * min(d["width"], d["height"]) // 1080)
    if options and sorted(b.get("badge", -1) for b in options) != list(range(1, len(options) + 1)):
        bad(shot, "the list is not numbered 1..%d" % len(options))
    elif options and [b.get("badge", -1) for b in options] != list(range(1, len(options) + 1)):
        # the boxes' order is the keyboard's (Tab): it follows the numbers
        bad(shot, "the list's keyboard order is not its numbers' order")
    if regions and d["height"] > d["width"]:
        tray = [b for b in d["boxes"] if b["role"] == "tray"]
        nav = [b["y"] for b in d["boxes"] if b["role"] == "button"]
        inside = [b for b in d["boxes"] if b["role"] in ("chip", "region-name")]
        if not tray:
            bad(shot, "portrait: the name and the chips have no tray under the picture")
        else:
            t = tray[0]
            for b in inside:
                if not (t["x"] <= b["x"] and b["x"] + b["w"] <= t["x"] + t["w"]
                        and t["y"] <= b["y"] and b["y"] + b["h"] <= t["y"] + t["h"]):
                    bad(shot, "'%s' is outside the tray" % (b["id"] or b["role"]))
            blank = min(nav) - (t["y"] + t["h"]) if nav else 0
            if blank > d["height"] // 20:
                bad(shot, "portrait: %d px left blank above the navigation row" % blank)
    for b in options:
        if b["h"] < big:
            bad(shot, "list row '%s' is %d px, minimum %d" % (b["id"], b["h"], big))
        if b["id"].endswith("_left"):
            other = ids.get(b["id"][:-5] + "_right")
            if other and other["y"] != b["y"]:
                bad(shot, "'%s' and its right side are not in one row" % b["id"])


def check_ending(shot, d, ui):
    if d["screen"] != "goodbye" or shot != "goodbye_held":
        return
    texts = " ".join(b["text"] for b in d["boxes"])
    if ui["goodbye.held"][d["lang"]] not in texts:
        bad(shot, "the goodbye after a failed print does not say where to get the printout")
    if ui["goodbye.body"][d["lang"]] in texts:
        bad(shot, "the goodbye after a failed print asks her to hand in a printout")


def check_scale(shot, d, ui):
    keys = [b for b in targets(d) if b["role"] == "option"]
    if sorted(b["text"] for b in keys) != sorted(str(i) for i in range(11)):
        return
    rows = sorted(set(b["y"] for b in keys))
    if len(rows) > 2:
        bad(shot, "the 0-10 keys are in %d rows" % len(rows))
    mn = d["min_target"]
    for b in keys:
        if b["w"] < mn * 3 // 2 or b["h"] < 2 * mn:
            bad(shot, "0-10 key '%s' is %dx%d, minimum %dx%d"
                % (b["text"], b["w"], b["h"], mn * 3 // 2, 2 * mn))


def progress_bar(d):
    return [(b["x"], b["w"]) for b in d["boxes"] if b["role"] == "progress-track"]


def check_progress(shots):
    """The sectioned bar: one layout for the whole run, whatever is asked or skipped."""
    first = None
    for shot, d in shots:
        bar = progress_bar(d)
        if not bar:
            continue
        if first is None:
            first = (shot, bar)
        elif bar != first[1]:
            bad(shot, "the progress bar differs from the one on %s (its total jumped)"
                % first[0])


# The printout's order: what the clinician needs first, the patient's plan after.
RESULT_ORDER = ["flag-urgent", "flag-today", "unanswered", "score", "area", "step"]


def check_results(shot, d, ui):
    if d["screen"] != "results" or shot.startswith("results_plan"):
        return
    doc = d["document"]
    seen = [p["role"] for p in doc if p["role"] in RESULT_ORDER]
    ranks = [RESULT_ORDER.index(r) for r in seen]
    if ranks != sorted(ranks):
        bad(shot, "results out of order: %s" % " ".join(dict.fromkeys(seen)))
    if shot == "results" or shot.startswith("results_first"):
        # the flag cards whole, headings included: everything up to the last flag or
        # unanswered question is in the first view, however many there are
        flags = [i for i, p in enumerate(doc)
                 if p["role"] in ("flag-urgent", "flag-today", "unanswered")]
        for p in doc[:flags[-1] + 1] if flags else []:
            if not p["visible"]:
                bad(shot, "%s '%s' is not in the first view" % (p["role"], p["text"][:40]))
    prim = [b["id"] for b in d["boxes"] if b["primary"] and not b["modal"]]
    if prim and prim != ["print"]:
        bad(shot, "the results' main button is %s, not print" % prim)


def overlap(a, b):
    return (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
            and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"])


def check_notice(shot, d, ui):
    boxes = d["boxes"]
    for i, n in enumerate(boxes):
        if n["role"] != "notice":
            continue
        for b in boxes[i + 1:]:
            if not b["modal"] and overlap(n, b):
                bad(shot, "the notice lies under '%s'" % (b["id"] or b["text"][:30]))
        for b in boxes[:i]:
            if b["role"] == "region" and overlap(n, b):
                bad(shot, "the notice hides the body region '%s'" % b["id"])


def check_held(shot, d, ui):
    roles = [p["role"] for p in d.get("document", [])]
    if "held" in roles and "held-why" not in roles:
        bad(shot, "exercises are held back with no reason given")


RULES = {
    "targets": check_targets,
    "gaps": check_gaps,
    "primary": check_primary,
    "repeat": check_repeat,
    "chip": check_chip,
    "bilingual": check_bilingual,
    "areas": check_areas,
    "results": check_results,
    "scale": check_scale,
    "ending": check_ending,
    "notice": check_notice,
    "held": check_held,
}


def nav_row(d):
    """The buttons of a screen with a navigation row at the bottom (the big buttons of
    the centred screens stand under their text, which differs in length)."""
    bottom = d["height"] - int(min(d["width"], d["height"]) * 0.035)
    row = [(b["id"], b["x"], b["y"], b["w"], b["h"]) for b in d["boxes"]
           if b["role"] == "button" and not b["modal"]]
    return row if any(y + h == bottom for _, _, y, _, h in row) else []


def check_notice_moves_nothing(run):
    shots = dict(run)
    for shot, d in run:
        if not shot.endswith("_notice") or shot[:-7] not in shots:
            continue
        before = [(b["id"], b["x"], b["y"], b["w"], b["h"]) for b in targets(shots[shot[:-7]])]
        after = [(b["id"], b["x"], b["y"], b["w"], b["h"]) for b in targets(d)]
        if before != after:
            moved = sorted(set(before) ^ set(after))[:3]
            bad(shot, "the notice moved or changed the targets: %s" % moved)


def same_nav(dir_a, dir_b):
    """Every screen shot in both runs has the same navigation row in both."""
    names = sorted(n for n in os.listdir(dir_a) if n.endswith(".json")
                   and os.path.exists(os.path.join(dir_b, n)))
    if not names:
        bad(dir_a, "no structure files shared with %s" % dir_b)
    for name in names:
        rows = []
        for dr in (dir_a, dir_b):
            with open(os.path.join(dr, name), encoding="utf-8") as f:
                rows.append(nav_row(json.load(f)))
        if rows[0] != rows[1]:
            bad(name[:-5], "the navigation row differs between the languages: %s / %s"
                % (rows[0], rows[1]))


def main():
    args = sys.argv[1:]
    if len(args) == 3 and args[0] == "--same-nav":
        same_nav(args[1], args[2])
        for p in problems:
            print(p)
        return 1 if problems else 0
    skip = set()
    if len(args) == 4 and args[2] == "--skip":
        skip = set(args[3].split(","))
        args = args[:2]
    if len(args) != 2:
        print(__doc__.strip().splitlines()[1])
        return 2
    shots, content = args
    with open(os.path.join(content, "ui.json"), encoding="utf-8") as f:
        ui = json.load(f)["ui"]
    names = sorted(n for n in os.listdir(shots) if n.endswith(".json"))
    if not names:
        bad(shots, "no structure files")
    run = []
    for name in names:
        shot = name[:-5]
        with open(os.path.join(shots, name), encoding="utf-8") as f:
            d = json.load(f)
        run.append((shot, d))
        for rule, check in RULES.items():
            if rule not in skip:
                check(shot, d, ui)
    if "progress" not in skip:
        check_progress(run)
    if "notice" not in skip:
        check_notice_moves_nothing(run)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
