#!/usr/bin/env python3
"""Writes the typed input of N varied sessions for `intake run --mode
reception`, which interviews one client after another and keeps a transcript
for each: the benchmark data is made by the real tool, not by hand.

Each session walks the questionnaire the way intake does (the same condition
language, evaluated here), choosing a random valid answer for every question
on its path, sometimes with a refused answer or a :back first, so the
transcripts vary in path, length and outcome.

usage: generate-sessions.py QUESTIONNAIRE.json N [--seed S]
"""
import json
import random
import sys

DURATIONS = ["3 weeks", "45 days", "89 days", "90 days", "3 months", "8 months", "18 mo", "2 years", "1.5 years", "12 years"]
MEDICINES = ["none", "Eliquis 5 mg twice daily; Advil as needed", "tramadol, gabapentin", "aspirin 81mg",
             "warfarin", "Lyrica", "prednisone 10 mg", "Zyrtec", "duloxetine 60 mg", "none", "ibuprofen"]
TEXTS = ["left hip scar", "no work near the face please", "sore spot under the right shoulder blade"]


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
        days = {"3 weeks": 21, "45 days": 45, "89 days": 89, "90 days": 90, "3 months": 91, "8 months": 243,
                "18 mo": 548, "2 years": 731, "1.5 years": 548, "12 years": 4383}[text]
        return text, days
    if kind == "yesno":
        value = rng.random() < 0.3
        return ("yes" if value else "no"), value
    if kind == "medications":
        text = rng.choice(MEDICINES)
        return text, text
    return (rng.choice(TEXTS), "text") if rng.random() < 0.3 else ("", None)


def session(questionnaire, nodes, rng):
    lines = []
    answers = {}
    current = questionnaire["start"]
    while current:
        node = nodes[current]
        if node["kind"] != "info":
            if rng.random() < 0.05:
                lines.append("something nobody could parse 12345")
            typed, value = answer(node, answers, nodes, rng)
            lines.append(typed)
            if value is not None:
                answers[current] = value
        following = node.get("next")
        if following is None:
            current = None
        elif isinstance(following, str):
            current = following
        else:
            current = next(branch["goto"] for branch in following if "when" not in branch or evaluate(branch["when"], answers) is True)
        if current and nodes[current].get("urgent"):
            # An answer that ends the interview is read back first: confirmed.
            lines.append("yes")
            return lines, True
    return lines, False


def main():
    args = sys.argv[1:]
    if len(args) < 2 or not args[1].isdigit():
        sys.exit("usage: generate-sessions.py QUESTIONNAIRE.json N [--seed S]")
    questionnaire = json.load(open(args[0]))
    nodes = {node["id"]: node for node in questionnaire["nodes"]}
    count = int(args[1])
    rng = random.Random(int(args[args.index("--seed") + 1]) if "--seed" in args else 1)
    out = sys.stdout
    for index in range(count):
        lines, urgent = session(questionnaire, nodes, rng)
        for line in lines:
            out.write(line + "\n")
        # Enter at the review page that ends each interview not ended urgently.
        if not urgent:
            out.write("\n")
        # Reception: Enter clears the screen, then the next client's reference (none).
        if index < count - 1:
            out.write("\n\n")
    out.write(":quit\n")


if __name__ == "__main__":
    main()
