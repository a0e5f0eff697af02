#!/usr/bin/env python3
"""intake's benchmarks: builds a release binary, makes the data with the real
tool, and prints each figure beside its reference measured in the same run
on the same data, as the median and spread of several runs with peak memory.

usage: Benchmarks/run.py [--quick] [--runs N] [--output FILE]

  --quick   tiny sizes and one run each: keeps the command working in CI;
            its numbers mean nothing
"""
import argparse
import hashlib
import json
import os
import pty
import select
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "Benchmarks")
DATA = os.path.join(BENCH, "data")
INTAKE = os.path.join(ROOT, ".build", "release", "intake")
STRAIGHT = os.path.join(ROOT, "Tests", "Fixtures", "straight-session.txt")
QUESTIONNAIRE = os.path.join(ROOT, "Questionnaires", "massage-intake.json")


def log(message):
    print(message, file=sys.stderr, flush=True)


RSS_FILE = os.path.join("/tmp", f"intake-bench-rss-{os.getpid()}")


def with_rss(command):
    """The command run under GNU time, which writes the program's own peak
    RSS: a child's rusage from Python would count the forked harness too."""
    return ["/usr/bin/time", "-f", "%M", "-o", RSS_FILE] + command


def read_rss():
    try:
        return int(open(RSS_FILE).read().strip().splitlines()[-1])
    except (OSError, ValueError, IndexError):
        return 0


def timed(command, stdin_bytes=None, cwd=None, env=None):
    """Runs a command; returns (seconds, the program's peak RSS in KB, exit code)."""
    started = time.perf_counter()
    process = subprocess.Popen(with_rss(command), stdin=subprocess.PIPE if stdin_bytes is not None else subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=env)
    if stdin_bytes is not None:
        try:
            process.stdin.write(stdin_bytes)
            process.stdin.close()
        except BrokenPipeError:
            pass
    code = process.wait()
    elapsed = time.perf_counter() - started
    return elapsed, read_rss(), code


def shell_timed(script, cwd=None):
    return timed(["/bin/sh", "-c", script], cwd=cwd)


class Figure:
    def __init__(self, name, unit="s"):
        self.name = name
        self.unit = unit
        self.times = []
        self.rss = []

    def add(self, seconds, rss_kb):
        self.times.append(seconds)
        self.rss.append(rss_kb)

    @property
    def median(self):
        return statistics.median(self.times)

    @property
    def peak_rss(self):
        return max(self.rss) if self.rss else 0

    def text(self):
        if not self.times:
            return "n/a"
        low, high = min(self.times), max(self.times)
        return f"{format_time(self.median)} ({format_time(low)}–{format_time(high)})"


def format_time(seconds):
    if seconds < 0.001:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def format_rss(kb):
    return f"{kb / 1024:.1f} MB" if kb else "n/a"


# MARK: - Data, made by the real tool

def build():
    log("building the release binary ...")
    # The release binary as shipped: the Swift runtime linked in statically,
    # so it runs on a machine without Swift and starts without loading it.
    result = subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "intake"],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("swift build -c release failed:\n" + (result.stdout + result.stderr)[-3000:])


def make_questionnaires(sizes):
    paths = {}
    for size in sizes:
        path = os.path.join(DATA, f"synthetic-{size}.json")
        if not os.path.exists(path):
            log(f"generating a questionnaire of {size} nodes ...")
            with open(path, "w") as out:
                subprocess.run([sys.executable, os.path.join(BENCH, "generate-questionnaire.py"), str(size)], stdout=out, check=True)
        paths[size] = path
    return paths


def made_with():
    """What the transcripts depend on: the shipped files and the version of
    the binary's reading of answers. Data made with other files would not
    replay clean (a parser change shows up as a mismatch, as it should)."""
    digest = hashlib.sha256()
    for name in ["massage-intake.json", "massage-intake.rules.json", "medications.json"]:
        with open(os.path.join(ROOT, "Questionnaires", name), "rb") as source:
            digest.update(source.read())
    for folder in ["QuestionnaireModel", "InterviewEngine", "Scoring"]:
        for base, _, files in sorted(os.walk(os.path.join(ROOT, "Sources", folder))):
            for name in sorted(files):
                with open(os.path.join(base, name), "rb") as source:
                    digest.update(source.read())
    return digest.hexdigest()


def make_transcripts(count):
    """A folder of `count` transcripts made by `intake run --mode reception`
    from varied scripted clients, in two processes at once; made again when
    the questionnaire or the code reading answers has changed since."""
    folder = os.path.join(DATA, f"transcripts-{count}")
    stamp = os.path.join(folder, ".made-with")
    current = made_with()
    if os.path.isdir(folder) and len([n for n in os.listdir(folder) if n.endswith(".jsonl")]) == count \
            and os.path.exists(stamp) and open(stamp).read().strip() == current:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    # fsync is nearly free on tmpfs, so the data is made there and then copied.
    scratch_base = "/dev/shm" if os.path.isdir("/dev/shm") else DATA
    scratch = os.path.join(scratch_base, f"intake-bench-{os.getpid()}-{count}")
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch, mode=0o700)
    log(f"making {count} transcripts with intake run --mode reception ...")
    workers = 2
    processes = []
    expected = []
    for worker in range(workers):
        share = count // workers + (1 if worker < count % workers else 0)
        # Each client is given a reference (w1-000001, ...), so each
        # transcript can be told apart and checked against its script.
        prefix = f"w{worker + 1}-"
        expect = os.path.join(scratch, f"w{worker}.expected.jsonl")
        script = subprocess.run([sys.executable, os.path.join(BENCH, "generate-sessions.py"), QUESTIONNAIRE, str(share),
                                 "--seed", str(worker + 1), "--clients", prefix, "--expect", expect],
                                capture_output=True, check=True).stdout
        target = os.path.join(scratch, f"w{worker}")
        process = subprocess.Popen([INTAKE, "run", "--mode", "reception", "--transcripts", target, "--client", f"{prefix}000001"],
                                   stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        processes.append((process, script))
        expected.append((target, expect))
    for process, script in processes:
        process.stdin.write(script)
        process.stdin.close()
    for process, _ in processes:
        if process.wait() != 0:
            sys.exit("making transcripts failed")
    for target, expect in expected:
        try:
            check_in_step(target, expect)
        except SystemExit as stop:
            sys.exit(f"{stop.code}\n(the transcripts made are left in {scratch} to look at; delete it when done)")
    os.makedirs(folder, mode=0o700)
    for worker in range(workers):
        source = os.path.join(scratch, f"w{worker}")
        for name in os.listdir(source):
            shutil.move(os.path.join(source, name), os.path.join(folder, name))
    shutil.rmtree(scratch, ignore_errors=True)
    made = len(os.listdir(folder))
    if made != count:
        sys.exit(f"expected {count} transcripts, made {made}")
    with open(stamp, "w") as out:
        out.write(current + "\n")
    return folder


def check_in_step(folder, expect):
    """Stops, naming the first generated session whose transcript is not
    what its script meant: a line typed for one question taken by another
    (a check intake asked that the script did not answer, or the reverse)
    puts every later line out of step, and the folder would be short or
    hold other answers than the ones generated."""
    # Each transcript by its client, from its header; each is read in full
    # only when checked, so a folder of 100,000 is not held in memory.
    by_client = {}
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), "rb") as source:
            header = json.loads(source.readline() or b"{}")
        by_client.setdefault(header.get("client"), []).append(name)
    with open(expect) as source:
        for line in source:
            session = json.loads(line)
            check_session(session, by_client.get(session["client"], []), folder, os.path.basename(expect))


def check_session(session, found, folder, expect):
    """Stops, naming `session`, when its transcript is not what it meant."""
    where = f"generated session {session['session']} (client {session['client']}, {expect})"
    if len(found) != 1:
        sys.exit(f"{where}: {len(found)} transcripts instead of one: the scripted sessions went out of step with the interview before it")
    name = found[0]
    with open(os.path.join(folder, name), "rb") as source:
        events = [json.loads(line) for line in source if line.strip()]
    recorded = [(e["type"], e["node"], e.get("raw", "")) for e in events if e["type"] in ("answered", "rejected", "skipped")]
    meant = [tuple(event) for event in session["events"]]
    if recorded != meant:
        at = next((i for i, (a, b) in enumerate(zip(recorded, meant)) if a != b), min(len(recorded), len(meant)))
        sys.exit(f"{where}, {name}: out of step with the interview at its input {at + 1}: "
                 f"the script meant {meant[at] if at < len(meant) else 'nothing more'}, "
                 f"intake recorded {recorded[at] if at < len(recorded) else 'nothing more'}")
    values = {e["node"]: e.get("value") for e in events if e["type"] == "answered" and e["node"] != "(review)"}
    for node, value in session["values"].items():
        if values.get(node) != value:
            sys.exit(f"{where}, {name}: {node} recorded {values.get(node)!r}, the script meant {value!r}")
    ending = next((e for e in events if e["type"] == "completed"), None)
    if ending is None or ending.get("urgent") != session["urgent"]:
        sys.exit(f"{where}, {name}: " + ("not completed" if ending is None else f"completed with urgent {ending.get('urgent')}, "
                                        f"the script meant {session['urgent']}"))


def folder_bytes(folder):
    return sum(os.path.getsize(os.path.join(folder, name)) for name in os.listdir(folder))


# MARK: - Figures

def first_prompt(runs, env, arguments=(), marker=b"How old are you?", name="first prompt (piped)"):
    """Process start to the first question on stdout, with stdin a pipe."""
    figure = Figure(name)
    # `intake` alone, as a reception desk starts it; sessions go to the
    # folder INTAKE_TRANSCRIPTS names.
    for _ in range(runs):
        started = time.perf_counter()
        process = subprocess.Popen([INTAKE, *arguments], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        seen = b""
        while marker not in seen:
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                break
            seen += chunk
        elapsed = time.perf_counter() - started
        process.stdin.close()
        process.stdout.read()
        process.wait()
        _, rss, _ = timed([INTAKE, *arguments], stdin_bytes=b"", env=env)
        figure.add(elapsed, rss)
    return figure


def largest_fhir_questionnaire():
    """The largest FHIR Questionnaire of ../shared/fhir/ (the real files
    SOURCES.md lists), or of the test fixtures copied from it, that intake runs."""
    shared = os.path.join(os.path.dirname(ROOT), "shared", "fhir")
    folder = shared if os.path.isdir(shared) else os.path.join(ROOT, "Tests", "FHIRTests", "Fixtures")
    found = []
    for parent, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(parent, name)
            if not name.endswith(".json"):
                continue
            try:
                with open(path) as handle:
                    form = json.load(handle)
            except (OSError, ValueError):
                continue
            if form.get("resourceType") == "Questionnaire":
                found.append((os.path.getsize(path), path))
    for _, path in sorted(found, reverse=True):
        # The first prompt intake shows for it, found by running it once:
        # a form intake refuses (exit 2) is passed over.
        result = subprocess.run([INTAKE, "run", "--questionnaire", path, "--transcripts", os.path.join(DATA, "fhir-sessions")],
                                stdin=subprocess.DEVNULL, capture_output=True)
        if result.returncode == 0 and b"> " in result.stdout:
            return path
    return None


def export_fhir(folder, runs, count):
    """`intake export FOLDER` (NDJSON of QuestionnaireResponses) beside `jq -c .` over the same files."""
    return beside_jq([INTAKE, "export", folder, "--format", "fhir"], f"export --format fhir {count:,} transcripts", folder, runs)


def beside_jq(command, name, folder, runs):
    """`command` over the transcripts of `folder`, run by run in turn with
    `jq -c .` over the same files (None for jq when it is not installed)."""
    figure = Figure(name)
    jq = Figure("jq -c . over the same files")
    for _ in range(runs):
        seconds, rss, code = timed(command)
        if code != 0:
            sys.exit(f"{name} failed ({code})")
        figure.add(seconds, rss)
        seconds, rss, code = shell_timed("find . -name '*.jsonl' -print0 | xargs -0 jq -c . > /dev/null", cwd=folder)
        if code != 0:
            jq = None
        elif jq is not None:
            jq.add(seconds, rss)
    return figure, jq


def validate_busy(path, runs):
    """validate with every core of the machine kept busy by another
    program (`sha256sum /dev/zero`, one per core), as on a machine where
    others build."""
    figure = Figure(f"validate, {os.cpu_count()} cores busy")
    hogs = [subprocess.Popen(["sha256sum", "/dev/zero"], stdout=subprocess.DEVNULL) for _ in range(os.cpu_count() or 1)]
    try:
        time.sleep(0.5)
        for _ in range(runs):
            seconds, rss, code = timed([INTAKE, "validate", path])
            if code not in (0, 1):
                sys.exit(f"validate of {path} failed ({code})")
            figure.add(seconds, rss)
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()
    return figure


def reference(command, runs, name):
    figure = Figure(name)
    for _ in range(runs):
        seconds, rss, code = timed(command)
        if code != 0:
            return None
        figure.add(seconds, rss)
    return figure


def answer_step(runs):
    """The cost of one answer: a piped session given 30 answers minus one
    given none (both start the same way and end the same way, paused, so
    start-up and ending cancel out), divided by 30. A process start varies
    by more than an answer costs, so this figure takes three times the runs,
    and subtracts the median session with no answers from each run. Beside
    it, a bare write+fsync of the same transcript bytes in the same groups.
    The three are taken in turn, run by run, so a disk that slows down for
    a while slows all of them. Output goes to /dev/null: the figure is the
    engine and the durable write, not a reader of the screen."""
    folder = os.path.join(DATA, "answer-step")
    shutil.rmtree(folder, ignore_errors=True)
    answers = 30
    typed = b"".join(line + b"\n" for line in open(STRAIGHT, "rb").read().split(b"\n")[:answers])
    # One session first, to have the bytes the floor writes.
    timed([INTAKE, "run", "--transcripts", folder], stdin_bytes=typed)
    # The floor: the same bytes, written and fsync'ed in the same groups intake
    # makes durable before each prompt: an answer with the question after it,
    # and with any information page between them (the header goes with the
    # first question).
    info = {node["id"].encode() for node in json.load(open(QUESTIONNAIRE))["nodes"] if node.get("kind") == "info"}
    sample = max((os.path.join(folder, n) for n in os.listdir(folder)), key=os.path.getsize)
    lines = [line for line in open(sample, "rb").read().split(b"\n") if line]
    chunks, current = [], b""
    for line in lines:
        current += line + b"\n"
        event = json.loads(line)
        if (event["type"] == "asked" and event["node"].encode() not in info) or line is lines[-1]:
            chunks.append(current)
            current = b""
    full, empty, rss = [], [], []
    floor = Figure("bare write+fsync of the same bytes")
    target = os.path.join(folder, "floor.bin")
    for _ in range(3 * runs):
        seconds, peak, _ = timed([INTAKE, "run", "--transcripts", folder], stdin_bytes=typed)
        full.append(seconds)
        rss.append(peak)
        empty.append(timed([INTAKE, "run", "--transcripts", folder], stdin_bytes=b"")[0])
        started = time.perf_counter()
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o600)
        for chunk in chunks:
            os.write(descriptor, chunk)
            os.fsync(descriptor)
        os.close(descriptor)
        floor.add((time.perf_counter() - started) / answers, 0)
    start = statistics.median(empty)
    per_answer = Figure("answer: engine step + durable write")
    for seconds, peak in zip(full, rss):
        per_answer.add(max(0.0, seconds - start) / answers, peak)
    return per_answer, floor, len(lines), answers


def validate(paths, runs):
    figures = {}
    for size, path in paths.items():
        figure = Figure(f"validate {size:,} nodes")
        for _ in range(runs):
            seconds, rss, code = timed([INTAKE, "validate", path])
            if code not in (0, 1):
                sys.exit(f"validate of {path} failed ({code})")
            figure.add(seconds, rss)
        figures[size] = figure
    return figures


def replay(folder, runs, count):
    return beside_jq([INTAKE, "replay", folder, "--check"], f"replay {count:,} transcripts --check", folder, runs)


def interactive_rss(runs):
    """Peak RSS of a whole session typed at a terminal (libedit), via a pty."""
    figure = Figure("interactive session (terminal)")
    typed = open(STRAIGHT, "rb").read().split(b"\n")
    folder = os.path.join(DATA, "interactive")
    for _ in range(runs):
        started = time.perf_counter()
        pid, master = pty.fork()
        if pid == 0:
            os.environ["TERM"] = "xterm"
            os.execv("/usr/bin/time", with_rss([INTAKE, "run", "--transcripts", folder]))
        buffer = b""
        for line in typed:
            # Type each answer once the prompt is shown.
            deadline = time.time() + 10
            while not buffer.endswith(b"> ") and time.time() < deadline:
                ready, _, _ = select.select([master], [], [], 0.5)
                if ready:
                    try:
                        buffer += os.read(master, 65536)
                    except OSError:
                        break
            buffer = b""
            time.sleep(0.01)
            os.write(master, line + b"\r")
        while True:
            ready, _, _ = select.select([master], [], [], 1)
            if not ready:
                break
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break
        os.waitpid(pid, 0)
        os.close(master)
        figure.add(time.perf_counter() - started, read_rss())
    return figure


# MARK: - Report

def main():
    parser = argparse.ArgumentParser(description="intake's benchmarks, each figure beside its reference.")
    parser.add_argument("--quick", action="store_true",
                        help="tiny sizes and one run each: keeps the command working in CI; its numbers mean nothing")
    parser.add_argument("--runs", type=int, help="runs per figure (default 7, or 1 with --quick)")
    parser.add_argument("--output", help="also write the table (Markdown) to this file")
    arguments = parser.parse_args()
    quick = arguments.quick
    runs = arguments.runs or (1 if quick else 7)
    if runs < 1:
        parser.error("--runs must be at least 1")
    output = arguments.output
    os.makedirs(DATA, mode=0o700, exist_ok=True)
    build()
    env = dict(os.environ, INTAKE_TRANSCRIPTS=os.path.join(DATA, "sessions"))
    sizes = [100, 300, 1000] if quick else [1000, 10000, 100000]
    counts = [50, 200] if quick else [10000, 100000]
    questionnaires = make_questionnaires(sizes)
    folders = {count: make_transcripts(count) for count in counts}

    log("measuring ...")
    rows = []
    prompt = first_prompt(runs, env)
    toolkit = reference([sys.executable, "-c", "import prompt_toolkit"], runs, "python3 -c 'import prompt_toolkit'")
    rows.append(("time to first prompt", prompt, toolkit,
                 toolkit and prompt.median / toolkit.median, "< 20 ms and < 1/20 of the reference",
                 toolkit is not None and prompt.median < 0.020 and prompt.median < toolkit.median / 20))
    fhir_path = largest_fhir_questionnaire()
    if fhir_path:
        default = first_prompt(runs, env, marker=b"> ", name="first prompt, default questionnaire")
        fhir = first_prompt(runs, env, ["run", "--questionnaire", fhir_path], marker=b"> ",
                            name=f"first prompt, {os.path.relpath(fhir_path, os.path.dirname(ROOT))}")
        rows.append((f"first prompt of the largest FHIR form ({os.path.basename(fhir_path)}, "
                     f"{os.path.getsize(fhir_path) / 1e3:.0f} KB)", fhir, default,
                     fhir.median / default.median, "beside the default questionnaire's", None))
    step, floor, lines, answers = answer_step(runs)
    rows.append((f"one answer (per answer, {answers} answers, {lines} lines)", step, floor,
                 step.median / floor.median, "within 1.5x of the bare write+fsync", step.median <= 1.5 * floor.median))
    checks = validate(questionnaires, runs)
    small, middle, large = sizes
    rows.append((f"validate {small:,} nodes", checks[small], None, None, "", None))
    rows.append((f"validate {middle:,} nodes", checks[middle], None, None, "< 0.25 s" if not quick else "",
                 checks[middle].median < 0.25 if not quick else None))
    busy = validate_busy(questionnaires[middle], runs)
    rows.append((f"validate {middle:,} nodes, every core busy", busy, checks[middle], busy.median / checks[middle].median,
                 "< 0.25 s" if not quick else "", busy.median < 0.25 if not quick else None))
    rows.append((f"validate {large:,} nodes", checks[large], checks[middle],
                 checks[large].median / checks[middle].median, f"< 12x the {middle:,}-node time",
                 checks[large].median / checks[middle].median < 12))
    replays = {}
    for count in counts:
        figure, jq = replay(folders[count], runs, count)
        replays[count] = figure
        size = folder_bytes(folders[count])
        ratio = jq and figure.median / jq.median
        rows.append((f"replay --check {count:,} transcripts ({size / 1e6:.0f} MB)", figure, jq, ratio,
                     "at most 2.0x jq's time (half its throughput)", jq is not None and ratio <= 2.0))
    few, many = counts
    exported, jq = export_fhir(folders[few], runs, few)
    rows.append((f"export --format fhir, {few:,} transcripts (NDJSON)", exported, jq, jq and exported.median / jq.median,
                 "beside jq -c .", None))
    rss_ratio = replays[many].peak_rss / replays[few].peak_rss
    rows.append((f"replay peak RSS, {many:,} vs {few:,} transcripts", replays[many], replays[few], rss_ratio,
                 "RSS at most 1.3x", rss_ratio <= 1.3))
    session = interactive_rss(max(1, runs // 2))
    rows.append(("interactive session", session, None, None, "peak RSS < 20 MB", session.peak_rss < 20 * 1024))

    lines_out = [
        f"intake benchmarks — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {runs} run(s) each, median (min–max)",
        "",
        "| figure | intake | peak RSS | reference | peak RSS | ratio | target | met |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, figure, ref, ratio, target, met in rows:
        lines_out.append("| {} | {} | {} | {} | {} | {} | {} | {} |".format(
            name, figure.text(), format_rss(figure.peak_rss),
            f"{ref.name}: {ref.text()}" if ref else "—", format_rss(ref.peak_rss) if ref else "—",
            f"{ratio:.3f}" if ratio is not None else "—", target or "—",
            "—" if met is None else ("yes" if met else "**no**")))
    text = "\n".join(lines_out) + "\n"
    print(text)
    if output:
        with open(output, "w") as out:
            out.write(text)


if __name__ == "__main__":
    main()
