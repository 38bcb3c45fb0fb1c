#!/usr/bin/env python3
"""Memory privacy: after a session ends, none of its words may be left in the process.

Runs the real program under gdb, stops it at a point after the session (terminal mode:
at exit, after the summary; kiosk: when the script is over and the screen is closing,
after the goodbye and a quiet pause), takes a core image with gcore and searches every
byte of it for the session's typed answers, heard phrase and summary sentences, in
UTF-8, UTF-16 and UTF-32.

usage: memory_scan.py text PPKIOSK ANSWERS SCRATCH [OPTION FILE]...
                                  (--pdf-out / --fhir-out / --summary-json FILE: written in
                                   SCRATCH, removed before each run)
       memory_scan.py answers PPKIOSK ID_VALUE_FILE SCRATCH [OPTION FILE]...   (--answers)
       memory_scan.py ui PPKIOSK SCRIPT SCRATCH PHRASE...   (heard:WORDS for a heard one,
                                  re:PATTERN for a regular expression)
       memory_scan.py ui-voice PPKIOSK SCRIPT SCRATCH PHRASE...   (the same, speech on)
       memory_scan.py ui-next PPKIOSK SCRIPT SCRATCH PHRASE...   (stopped while the next
                                  patient begins: SCRIPT's session, then a new one)
       memory_scan.py ui-shot PPKIOSK SCRIPT SCRATCH PHRASE...   (stopped at SCRIPT's one
                                  shot; the control at its first typed answer)
Exit 0 clean, 1 found, 77 when this system does not let gdb read the process.
"""
import os
import re
import subprocess
import sys


def mangle(line):
    """aLtErNaTe case: the interpreter folds case, so the words still answer, but this
    spelling exists nowhere except in what was typed."""
    out, up = [], False
    for ch in line:
        if ch.isalpha():
            out.append(ch.upper() if up else ch.lower())
            up = not up
        else:
            out.append(ch)
    return "".join(out)


def core_of(argv, stdin_path, stdout_path, stop_at, scratch):
    core = os.path.join(scratch, "ppkiosk.core")
    if os.path.exists(core):
        os.unlink(core)
    # arguments given to `run` replace --args ones, so they all go there
    args = " ".join(f"'{a}'" for a in argv[1:])
    cmd = ["gdb", "-q", "-nx", "-batch",
           "-ex", "set debuginfod enabled off",
           "-ex", "set pagination off", "-ex", "set confirm off",
           "-ex", "set breakpoint pending on",
           "-ex", f"break {stop_at}",
           "-ex", f"run {args} < '{stdin_path}' > '{stdout_path}'",
           "-ex", "info proc mappings",
           "-ex", f"gcore {core}",
           "-ex", "kill",
           argv[0]]
    env = dict(os.environ, DEBUGINFOD_URLS="")
    log = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    if not os.path.exists(core):
        print("SKIP: gdb could not take a core image of the process:")
        print(log.stdout[-2000:], log.stderr[-2000:])
        sys.exit(77)
    with open(core, "rb") as f:
        data = f.read()
    heap = re.search(r"^\s*(0x[0-9a-f]+)\s+0x[0-9a-f]+\s.*\[heap\]", log.stdout, re.M)
    global HEAP_START
    HEAP_START = int(heap.group(1), 16) if heap else None
    if os.environ.get("PPKIOSK_KEEP_CORE"):
        print("core image kept as", core)
    else:
        os.unlink(core)
    return data


def segments(data):
    """(file offset, size, virtual address) of each PT_LOAD of an ELF64 core."""
    import struct
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    out = []
    for i in range(phnum):
        ptype, _, off, vaddr, _, filesz = struct.unpack_from("<IIQQQQ", data, phoff + i * phentsize)
        if ptype == 1:
            out.append((off, filesz, vaddr))
    return out


HEAP_START = None  # where the process's [heap] began, from gdb, for the last core_of()


def holds_heap(data):
    """True when the core image has the bytes of the process's [heap] mapping."""
    if HEAP_START is None:
        return False
    return any(vaddr <= HEAP_START < vaddr + size and size > 0
               for _, size, vaddr in segments(data))


def where(data, at):
    for off, size, vaddr in segments(data):
        if off <= at < off + size:
            return f"address {vaddr + at - off:#x}"
    return "outside the memory image"


def scan(data, needles):
    """Where each needle (UTF-8, UTF-16LE or UTF-32LE; "re:" a pattern) is in data. The
    fixed ones go through one alternation: one pass over the image, where a find per
    needle and encoding took a pass each (40 s for a 170 MiB image, 3 s this way). A
    needle met only inside another's match is not reported, but the other one is."""
    found = []
    fixed = {}
    for n in needles:
        if n.startswith("re:"):  # a pattern, for what has no fixed spelling
            m = re.search(n[3:].encode(), data)
            if m:
                at = m.start()
                found.append(f"{n!r} at {where(data, at)}: {data[max(0, at - 40): m.end() + 40]!r}")
            continue
        for enc in ("utf-8", "utf-16-le", "utf-32-le"):
            fixed.setdefault(n.encode(enc), (n, enc))
    if not fixed:
        return found
    # longest first, so that a needle that begins another one does not hide it
    alt = re.compile(b"|".join(re.escape(b) for b in sorted(fixed, key=len, reverse=True)))
    seen = set()
    for m in alt.finditer(data):
        key = m.group()
        if key in seen:
            continue
        seen.add(key)
        n, enc = fixed[key]
        at = m.start()
        found.append(f"{n!r} ({enc}) at {where(data, at)}: {data[max(0, at - 40): m.end() + 40]!r}")
    return found


OUTPUT_OPTIONS = ("--pdf-out", "--fhir-out", "--summary-json")


def output_args(scratch, extra):
    """The export options with their files put in scratch, each removed beforehand."""
    args = []
    for i, a in enumerate(extra):
        if i > 0 and extra[i - 1] in OUTPUT_OPTIONS:
            a = os.path.join(scratch, os.path.basename(a))
            if os.path.exists(a):
                os.unlink(a)
        args.append(a)
    return args


def written_needles(scratch, extra):
    """What only the files written in scratch hold, as they hold it: the summary JSON's
    scores (laid out over lines as nowhere else) and the FHIR file's time and urn:uuids,
    made new for each session. The summary's sentences are not in these forms, so the
    other needles alone missed a stdio buffer or a library copy of the files' text."""
    needles = []
    for i, a in enumerate(extra):
        if i == 0 or extra[i - 1] not in ("--fhir-out", "--summary-json"):
            continue
        path = os.path.join(scratch, os.path.basename(a))
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if extra[i - 1] == "--summary-json":
            m = re.search(r'"scores": \{[^}]*\}', text)
            needles += [m.group(0)] if m else []
        else:
            needles += sorted(set(re.findall(r"urn:uuid:[0-9a-f-]{36}", text)))
            needles += re.findall(r'"timestamp": "([^"]+)"', text)
    return needles


def text_mode(bin_, answers, scratch, stop_at="exit", extra=()):
    with open(answers, encoding="utf-8") as f:
        lines = [mangle(l.rstrip("\n")) for l in f]
    typed = os.path.join(scratch, "typed.txt")
    with open(typed, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    out = os.path.join(scratch, "text.out")
    data = core_of([bin_, "--text"] + output_args(scratch, list(extra)), typed, out, stop_at,
                   scratch)
    with open(out, encoding="utf-8") as f:
        shown = f.read()
    if "====" not in shown:
        print("FAIL: the interview did not reach its summary:\n" + shown[-1500:])
        sys.exit(1)
    needles = [l for l in lines if len(l) >= 8 and re.search("[a-z][A-Z]", l)]
    return data, needles + summary_needles(shown) + written_needles(scratch, list(extra))


def summary_needles(shown):
    """The summary's score lines and "Because you said" sentences, as printed."""
    needles = []
    for l in shown[shown.index("===="):].splitlines():
        l = l.strip()
        if " / 10" in l and ":" in l:
            needles.append(l)  # "Pain right now (0 to 10): 7 / 10"
        elif l.startswith("Because you said:") and len(l) > 25:
            needles.append(l[:60])
    return needles


def answers_mode(bin_, answers, scratch, stop_at="exit", extra=()):
    """--answers FILE: the summary went to stdout; none of its lines may stay. Its lines
    come from a run of its own (stopped at the control, the summary is not out yet)."""
    shown = subprocess.run([bin_, "--answers", answers], capture_output=True, text=True,
                           timeout=60).stdout
    empty = os.path.join(scratch, "empty.txt")
    open(empty, "w").close()
    out = os.path.join(scratch, "answers.out")
    data = core_of([bin_, "--answers", answers] + output_args(scratch, list(extra)), empty, out,
                   stop_at, scratch)
    if "====" not in shown:
        print("FAIL: no summary from --answers:\n" + shown[-1500:])
        sys.exit(1)
    return data, summary_needles(shown) + written_needles(scratch, list(extra))


NEXT_SESSION = "tap start\ntap lang_en\nkey Return\nshot next\n"


def next_script(script, scratch):
    """SCRIPT's session without its shots, then the next patient's first question and a
    shot there: the one place ui_save_png() is called, where the process is stopped."""
    with open(script, encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("shot ")]
    path = os.path.join(scratch, "next.script")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(lines) + NEXT_SESSION)
    return path


def ui_mode(bin_, script, scratch, extra, stop_at="ui_close", speech=False, nxt=False,
            shot=False):
    empty = os.path.join(scratch, "empty.txt")
    open(empty, "w").close()
    out = os.path.join(scratch, "ui.out")
    argv = [bin_, "--windowed"] + ([] if speech else ["--no-voice"])
    if nxt or shot:
        os.makedirs(os.path.join(scratch, "shots"), exist_ok=True)
        argv += ["--shots", os.path.join(scratch, "shots")]
    if nxt:
        script = next_script(script, scratch)
    argv += ["--script", script]
    data = core_of(argv, empty, out, stop_at, scratch)
    with open(script, encoding="utf-8") as f:
        said = [l.split(" ", 1)[1].strip() for l in f if l.startswith("say ")]
    # "heard:WORDS" stands for the heard phrase as the screen shows it, in curly quotes
    extra = ["\u201c" + e[6:] + "\u201d" if e.startswith("heard:") else e for e in extra]
    needles = [s for s in said if len(s) >= 8] + extra
    return data, needles


def run(mode, stop_at=None):
    bin_, scratch = sys.argv[2], sys.argv[4]
    if mode == "text":
        return text_mode(bin_, sys.argv[3], scratch, stop_at or "exit", sys.argv[5:])
    if mode == "answers":
        return answers_mode(bin_, sys.argv[3], scratch, stop_at or "exit", sys.argv[5:])
    if mode == "ui-shot":
        return ui_mode(bin_, sys.argv[3], scratch, sys.argv[5:], stop_at or "ui_save_png",
                       shot=True)
    if mode == "ui-next":
        return ui_mode(bin_, sys.argv[3], scratch, sys.argv[5:], stop_at or "ui_save_png",
                       nxt=True)
    return ui_mode(bin_, sys.argv[3], scratch, sys.argv[5:], stop_at or "ui_close",
                   mode == "ui-voice")


def main():
    mode = sys.argv[1]
    os.makedirs(sys.argv[4], exist_ok=True)
    with open(sys.argv[2], "rb") as f:
        if b"__asan_init" in f.read():
            # its quarantine keeps freed memory on purpose, and a core image of its
            # shadow memory is tens of gigabytes
            print("SKIP: not under AddressSanitizer (scan the release build)")
            sys.exit(77)
    # First a control: while the session is still on screen (the summary printed, the
    # results document laid out) the scan must find its words, or it proves nothing.
    control = ("kiosk_heard" if mode == "ui-shot" else
               "ui_doc_layout" if mode.startswith("ui") else "app_write_outputs")
    data, needles = run(mode, control)
    seen = scan(data, needles)
    print(f"{mode}: control at {control}(): {len(seen)} of the phrases found live")
    if not seen:
        print("FAIL: the scan does not see the session's words even while it is on")
        sys.exit(1)
    data, needles = run(mode)
    # the check must be able to see: the program's heap is in the image (freed blocks
    # are wiped, so its own words may well be gone too)
    if not holds_heap(data):
        print("SKIP: the core image does not hold the program's heap")
        sys.exit(77)
    found = scan(data, needles)
    print(f"{mode}: {len(data) // (1 << 20)} MiB scanned for {len(needles)} phrases")
    for n in needles:
        print("  looked for", repr(n))
    if found:
        print("FAIL: still in memory after the session:")
        for f in found:
            print("  ", f)
        sys.exit(1)
    print(f"{mode}: nothing of the session is left")


if __name__ == "__main__":
    main()
