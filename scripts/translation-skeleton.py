#!/usr/bin/env python3
"""Start or bring up to date a translation file (Questionnaires/README.md,
"Other languages").

  scripts/translation-skeleton.py ENGLISH.json LANG
      prints a translation file for LANG: every text ENGLISH.json shows, with
      its `source` copied, `self` left empty and `reception` left empty where
      the English has reception words. Fill in the empty strings.

  scripts/translation-skeleton.py ENGLISH.json LANG --check
      lists the entries of ENGLISH.LANG.json (beside ENGLISH.json) that are
      missing, stale (the English changed), extra, empty, or without the
      reception text the English has; exit 1 if there is any, else 0.

  scripts/translation-skeleton.py ENGLISH.json LANG --update
      prints ENGLISH.LANG.json in the English file's order with the missing
      entries added (empty). Stale and extra entries are kept as they are and
      named on standard error: translate them again, then fix `source`.

ENGLISH.json is a questionnaire or a rules file. Texts that depend on the
answers (a rule's `discuss` or `headline` given as pieces) and a scale's
`points` are lists: `source`, `self` and `reception` are then lists of the
same length, piece by piece, in the English order (the conditions stay in the
English file). Exit 2 on a file that cannot be read.
"""
import json
import os
import sys

NODE_FIELDS = ["text", "label", "hint", "help", "why", "minLabel", "maxLabel", "unit", "points"]
RULE_FIELDS = ["title", "discuss", "headline", "evidence"]


def pieces(value):
    """A text as the format stores it: a string, or a list of piece texts."""
    if isinstance(value, str):
        return value
    return [p if isinstance(p, str) else p["text"] for p in value]


def english_texts(doc):
    """(key, source, English reception or None) for every shown text, in file order."""
    out = []

    def add(owner, id_, field, source, reception=None, code=None):
        if source is None:
            return
        key = {"owner": owner}
        if id_ is not None:
            key["id"] = id_
        if code is not None:
            key["code"] = code
        key["field"] = field
        out.append((key, pieces(source), None if reception is None else pieces(reception)))

    if "nodes" in doc:
        add("file", None, "title", doc.get("title"), doc.get("reception", {}).get("title"))
        for s in doc.get("sections", []):
            add("section", s["id"], "title", s.get("title"), s.get("reception", {}).get("title"))
        for n in doc["nodes"]:
            r = n.get("reception", {})
            for f in NODE_FIELDS:
                add("node", n["id"], f, n.get(f), r.get(f))
            for o in n.get("options", []):
                add("option", n["id"], "label", o.get("label"), o.get("reception", {}).get("label"), code=o["code"])
    else:
        r = doc.get("reception", {})
        for f in ["disclaimer", "crisisText"]:
            add("file", None, f, doc.get(f), r.get(f))
        for c in doc.get("categories", []):
            add("category", c["code"], "title", c.get("title"))
            add("category", c["code"], "text", c.get("self"), c.get("reception"))
            add("category", c["code"], "noted", c.get("selfNoted"), c.get("receptionNoted"))
        for d in doc.get("derived", []):
            add("derived", d["name"], "label", d.get("label"))
        for code, level in doc.get("pressure", {}).get("levels", {}).items():
            add("pressure", code, "levels", level)
        for rule in doc.get("rules", []):
            rr = rule.get("reception", {})
            for f in RULE_FIELDS:
                add("rule", rule["id"], f, rule.get(f), rr.get(f))
    return out


def ident(entry):
    return (entry.get("owner"), entry.get("id"), entry.get("code"), entry.get("field"))


def name(key):
    return " ".join(str(key[k]) for k in ("owner", "id", "code") if k in key) + "." + key["field"]


def empty_like(source):
    return "" if isinstance(source, str) else ["" for _ in source]


def is_empty(value):
    return value == "" or (isinstance(value, list) and any(v == "" for v in value))


def write(header, entries):
    lines = ["{"]
    for k, v in header.items():
        lines.append(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},")
    lines.append('  "texts": [')
    lines.append(",\n".join("    " + json.dumps(e, ensure_ascii=False) for e in entries))
    lines.append("  ]")
    lines.append("}")
    sys.stdout.write("\n".join(lines) + "\n")


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as error:
        print(f"{path}: {error}", file=sys.stderr)
        sys.exit(2)


def main(argv):
    if len(argv) < 3 or (len(argv) == 4 and argv[3] not in ("--check", "--update")) or len(argv) > 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    english_path, lang = argv[1], argv[2]
    mode = argv[3] if len(argv) == 4 else "skeleton"
    doc = load(english_path)
    texts = english_texts(doc)
    base = os.path.basename(english_path)
    header = {
        "$schema": "schema/translation.schema.json",
        "language": lang,
        "translates": base,
        "version": doc.get("version", ""),
    }
    if mode == "skeleton":
        entries = []
        for key, source, reception in texts:
            entry = dict(key, source=source, self=empty_like(source))
            if reception is not None:
                entry["reception"] = empty_like(reception)
            entries.append(entry)
        write(header, entries)
        return 0

    translation_path = os.path.join(os.path.dirname(english_path), base[: -len(".json")] + f".{lang}.json")
    current = load(translation_path)
    have = {}
    for entry in current.get("texts", []):
        have.setdefault(ident(entry), entry)
    wanted = {ident(key): (key, source, reception) for key, source, reception in texts}
    problems = []
    for key, source, reception in texts:
        entry = have.get(ident(key))
        if entry is None:
            problems.append(f"{name(key)}: missing")
        elif entry.get("source") != source:
            problems.append(f"{name(key)}: stale (the English text changed)")
        else:
            if is_empty(entry.get("self", "")):
                problems.append(f"{name(key)}: self is empty")
            if reception is not None and is_empty(entry.get("reception", "")):
                problems.append(f"{name(key)}: no reception text (the English has one)")
    for entry_id, entry in have.items():
        if entry_id not in wanted:
            problems.append(f"{name(entry)}: extra (no such text in {base})")
    if current.get("version") != doc.get("version"):
        problems.append(f"version: {current.get('version')!r}, the English file is at {doc.get('version')!r}")

    if mode == "--check":
        for problem in problems:
            print(f"{translation_path}: {problem}")
        total = len(texts)
        done = total - sum(1 for p in problems if p.endswith(": missing") or ": stale" in p or "self is empty" in p)
        print(f"{translation_path}: {done} of {total} texts translated", file=sys.stderr)
        return 1 if problems else 0

    entries = []
    for key, source, reception in texts:
        entry = have.get(ident(key))
        if entry is None:
            entry = dict(key, source=source, self=empty_like(source))
            if reception is not None:
                entry["reception"] = empty_like(reception)
        entries.append(entry)
    entries += [e for i, e in have.items() if i not in wanted]
    for problem in problems:
        if ": stale" in problem or ": extra" in problem:
            print(problem, file=sys.stderr)
    write(dict(header, version=doc.get("version", "")), entries)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
