#!/usr/bin/env python3
"""Writes the typed input of N varied sessions for `intake run --mode
reception`, which interviews one client after another and keeps a transcript
for each: the benchmark data is made by the real tool, not by hand.

Each session walks the questionnaire the way intake does (the same condition
language, evaluated here), choosing a random valid answer for every question
on its path, sometimes with a refused answer first, so the transcripts vary
in path, length and outcome.

The script must stay in step with the interview: every line is meant for one
question or one check. So the generator answers each check intake asks (the
person checks of a reception session), as a person would:

- an answer that leads to an urgent stop marked `confirm` is read back
  ("Is that right? yes / no"): answered yes (the session ends), or no (the
  question is asked again, and answered again);
- a medicines answer with a word near a known name that no name matched
  ("warfrin") is read back ("Did you mean warfarin ...? yes / no, keep it as
  typed"): answered yes or no (the lexicon's rule is mirrored below, over
  the medicines file beside the questionnaire);
- the review page at the end of an interview not ended urgently: Enter.

Answers near an option name or a unit of time would be read back too ("Did
you mean Lower back?"); the generator types exact names and numbers, and
refused lines intake reads back nothing from.

With --clients PREFIX, each session after the first is given the client
reference PREFIX followed by its number from 000002 (pass PREFIX000001 to
`intake run --client` for the first), and with --expect FILE, what each
session must record is written to FILE, one JSON object a line: the
client, the answered, rejected and skipped events in order as (type, node,
raw), the values the answers must have, and whether it ends urgently.
`Benchmarks/run.py` checks the transcripts against it and names the first
session that went out of step.

usage: generate-sessions.py QUESTIONNAIRE.json N [--seed S] [--clients PREFIX] [--expect FILE]
"""
import json
import os
import random
import re
import sys

DURATIONS = ["3 weeks", "45 days", "89 days", "90 days", "3 months", "8 months", "18 mo", "2 years", "1.5 years", "12 years"]
MEDICINES = ["none", "Eliquis 5 mg twice daily; Advil as needed", "tramadol, gabapentin", "aspirin 81mg",
             "warfarin", "Lyrica", "prednisone 10 mg", "Zyrtec", "duloxetine 60 mg", "none", "ibuprofen",
             # Misspelt: read back as "Did you mean ...?"
             "warfrin", "Eliqius 5 mg, Advil", "gabapentn 300mg"]
TEXTS = ["left hip scar", "no work near the face please", "sore spot under the right shoulder blade"]
# A line each kind refuses, so the question is asked again. Free text takes
# anything, so it is given none.
REFUSED = {"single": "something nobody could parse 12345", "multi": "something nobody could parse 12345",
           "scale": "something nobody could parse 12345", "number": "something nobody could parse 12345",
           "duration": "something nobody could parse 12345", "yesno": "something nobody could parse 12345",
           # No letter or digit: no medicine's name. (Words would be taken as one.)
           "medications": "?? --"}


def evaluate(condition, answers):
    """True, False, or None (unknown) for a condition over answers."""
    if "all" in condition:
        results = [evaluate(c, answers) for c in condition["all"]]
        return False if False in results else (None if None in results else True)
    if "any" in condition:
        results = [evaluate(c, answers) for c in condition["any"]]
        return True if True in results else (None if None in results else False)
    if "not" in condition:
        inner = evaluate(condition["not"], answers)
        return None if inner is None else not inner
    question = condition["question"]
    op = next(key for key in condition if key != "question")
    argument = condition[op]
    if question not in answers:
        return op == "answered" and argument is False
    value = answers[question]
    if op == "answered":
        return argument
    if op == "equals":
        return value == argument
    if op == "in":
        return value in argument
    if op in ("includes", "includesAny"):
        wanted = [argument] if isinstance(argument, str) else argument
        return any(code in value for code in wanted)
    if op == "includesAll":
        return all(code in value for code in argument)
    if op == "count":
        (comparison, bound), = argument.items()
        return compare(comparison, len(value), bound)
    return compare(op, value, argument if not isinstance(argument, str) else 90)


def compare(op, left, right):
    return {"lt": left < right, "lte": left <= right, "gt": left > right, "gte": left >= right, "equals": left == right}[op]


def answer(node, answers, nodes, rng):
    """A typed answer and the value intake will store for it."""
    kind = node["kind"]
    if kind in ("single", "multi"):
        options = node.get("options")
        if options is None:
            chosen = answers.get(node["optionsFrom"], [])
            options = [o for o in nodes[node["optionsFrom"]]["options"] if o["code"] in chosen and o["code"] != "none"]
        if kind == "single":
            option = rng.choice(options)
            return rng.choice([option["code"], option["label"], str(options.index(option) + 1)]), option["code"]
        plain = [o for o in options if o["code"] != "none"]
        if any(o["code"] == "none" for o in options) and rng.random() < 0.6:
            return "none", ["none"]
        picked = rng.sample(plain, k=min(len(plain), rng.choice([1, 1, 2, 3])))
        codes = [o["code"] for o in options if o in picked]
        return ", ".join(o["label"] if rng.random() < 0.5 else o["code"] for o in picked), codes
    if kind == "scale":
        value = rng.randint(node["min"], node["max"])
        return str(value), value
    if kind == "number":
        value = rng.randint(int(node["min"]), int(node["max"]))
        return str(value), value
    if kind == "duration":
        text = rng.choice(DURATIONS)
        days = {"3 weeks": 21, "45 days": 45, "89 days": 89, "90 days": 90, "3 months": 91, "8 months": 244,
                "18 mo": 548, "2 years": 731, "1.5 years": 548, "12 years": 4383}[text]
        return text, days
    if kind == "yesno":
        value = rng.random() < 0.3
        return ("yes" if value else "no"), value
    if kind == "medications":
        text = rng.choice(MEDICINES)
        return text, text
    if rng.random() < 0.3:
        text = rng.choice(TEXTS)
        return text, text
    return "", None


# MARK: - Medicine names, as intake's MedicationLexicon reads them

COMMON_WORDS = {
    "daily", "twice", "three", "times", "needed", "morning", "evening", "night", "nightly", "weekly", "monthly", "tablet",
    "tablets", "capsule", "capsules", "every", "other", "about", "after", "before", "meals", "sometimes", "occasionally",
    "injection", "injections", "cream", "drops", "spray", "inhaler", "vitamin", "vitamins", "supplement", "supplements",
}
NO_MEDICINE = {"none", "no", "nope", "nah", "nothing", "n a", "na", "nil", "no medications", "no medication", "no medicines",
               "no medicine", "no meds", "none at all", "none taken"}


def medicine_words(text):
    """Lower-case letters and digits, a dose glued to a name split off (ASCII names)."""
    words = []
    for token in re.split(r"[^a-z0-9]+", text.lower()):
        words += [w for w in re.split(r"(?<=[a-z])(?=[0-9])", token) if w]
    return words


def edit_distance(a, b, limit):
    """Optimal string alignment distance, as intake's Suggestion.editDistance."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, previous = [0] * (len(b) + 1), list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        before, previous = previous, current
    return previous[len(b)]


class Lexicon:
    def __init__(self, path):
        self.index, self.near, self.longest = set(), [], 1
        seen = set()
        for group in json.load(open(path))["classes"]:
            for medicine in group["medicines"]:
                for name in [medicine["generic"]] + medicine.get("brands", []):
                    words = medicine_words(name)
                    if not words:
                        continue
                    if len(words) == 1 and len(words[0]) >= 4 and words[0] not in seen:
                        seen.add(words[0])
                        self.near.append((words[0], name))
                    self.longest = max(self.longest, len(words))
                    self.index.add(" ".join(words))

    def near_misses(self, entry):
        """(word, name) for each word no name matched that is near exactly one name."""
        words = medicine_words(entry)
        consumed, start = set(), 0
        while start < len(words):
            for length in range(min(self.longest, len(words) - start), 0, -1):
                if " ".join(words[start:start + length]) in self.index:
                    consumed.update(range(start, start + length))
                    start += length
                    break
            else:
                start += 1
        misses = []
        for position, word in enumerate(words):
            if position in consumed or len(word) < 5 or not word.isalpha() or word in COMMON_WORDS:
                continue
            distances = [edit_distance(word, form, 2) for form, _ in self.near]
            best = min(distances)
            if 0 < best <= 2 and distances.count(best) == 1 and word not in [m[0] for m in misses]:
                misses.append((word, self.near[distances.index(best)][1]))
        return misses


def medicine_entries(text):
    if re.sub(r"[-_/\s]+", " ", text.lower()).strip().strip(".!") in NO_MEDICINE:
        return []
    return [piece.strip(" .") for piece in re.split(r"[,;\n]", text) if piece.strip(" .")]


def corrected_entry(entry, typed, name):
    """The entry with the word whose letters read `typed` put right, as intake's Content.replacing."""
    words = entry.split(" ")
    for index, word in enumerate(words):
        match = re.match(r"([^A-Za-z]*)([A-Za-z]+)(.*)", word)
        if match and match.group(2).lower() == typed:
            words[index] = match.group(1) + name + match.group(3)
            break
    return " ".join(words)


# MARK: - Sessions

def route(node, answers):
    following = node.get("next")
    if following is None:
        return None
    if isinstance(following, str):
        return following
    return next(branch["goto"] for branch in following if "when" not in branch or evaluate(branch["when"], answers) is True)


def session(questionnaire, nodes, rng, lexicon=None):
    """The lines typed in one interview, the events they must record as
    (type, node, raw), the values answers must have, and whether it ends at
    an urgent stop."""
    lines, events, values = [], [], {}
    answers = {}
    current = questionnaire["start"]
    declined = 0
    while current:
        node = nodes[current]
        kind = node["kind"]
        if kind == "info":
            current = route(node, answers)
            continue
        if kind in REFUSED and rng.random() < 0.05:
            lines.append(REFUSED[kind])
            events.append(("rejected", current, REFUSED[kind]))
        typed, value = answer(node, answers, nodes, rng)
        lines.append(typed)
        if value is None:
            events.append(("skipped", current, typed))
            current = route(node, answers)
            continue
        # The line a check about this answer reads back (intake records it in
        # the check's `rejected` line); after a check, the reply typed to it.
        said = typed
        if kind == "medications":
            entries = medicine_entries(typed)
            misses = [(index, miss) for index, entry in enumerate(entries) for miss in lexicon.near_misses(entry)] if lexicon else []
            if misses:
                # "Did you mean warfarin (a blood thinner)? yes / no, keep it as typed"
                events.append(("rejected", current, typed))
                said = "yes" if rng.random() < 0.7 else "no"
                lines.append(said)
                if said == "yes":
                    for index, (word, name) in misses:
                        entries[index] = corrected_entry(entries[index], word, name)
            value = entries
        answers[current] = value
        following = route(node, answers)
        stop = nodes.get(following) if following else None
        if stop and stop.get("urgent") and stop.get("confirm"):
            # An answer that ends the interview is read back first.
            events.append(("rejected", current, said))
            if declined < 2 and rng.random() < 0.3:
                # No: the answer is dropped and the question asked again.
                declined += 1
                lines.append("no")
                events.append(("rejected", current, "no"))
                del answers[current]
                continue
            said = "yes"
            lines.append(said)
        events.append(("answered", current, said))
        values[current] = value
        current = following
        if current and nodes[current].get("urgent"):
            return lines, events, values, True
    # Enter at the review page that ends an interview not ended urgently.
    lines.append("")
    events.append(("answered", "(review)", ""))
    return lines, events, values, False


def option(args, name):
    return args[args.index(name) + 1] if name in args and args.index(name) + 1 < len(args) else None


def main():
    args = sys.argv[1:]
    if len(args) < 2 or not args[1].isdigit():
        sys.exit("usage: generate-sessions.py QUESTIONNAIRE.json N [--seed S] [--clients PREFIX] [--expect FILE]")
    questionnaire = json.load(open(args[0]))
    nodes = {node["id"]: node for node in questionnaire["nodes"]}
    # The medicines file beside the questionnaire, as the shipped one is.
    medicines = os.path.join(os.path.dirname(os.path.abspath(args[0])), "medications.json")
    lexicon = Lexicon(medicines) if os.path.exists(medicines) else None
    count = int(args[1])
    rng = random.Random(int(option(args, "--seed") or 1))
    prefix = option(args, "--clients")
    expect = open(option(args, "--expect"), "w") if option(args, "--expect") else None
    out = sys.stdout
    for index in range(count):
        lines, events, values, urgent = session(questionnaire, nodes, rng, lexicon)
        for line in lines:
            out.write(line + "\n")
        client = f"{prefix}{index + 1:06d}" if prefix is not None else None
        if expect:
            expect.write(json.dumps({"session": index + 1, "client": client, "events": events, "values": values,
                                     "urgent": urgent}) + "\n")
        # Reception: Enter clears the screen, then the next client's reference.
        if index < count - 1:
            out.write("\n")
            out.write((f"{prefix}{index + 2:06d}" if prefix is not None else "") + "\n")
    out.write(":quit\n")
    if expect:
        expect.close()


if __name__ == "__main__":
    main()
