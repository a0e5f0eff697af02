#!/usr/bin/env python3
"""Writes a synthetic questionnaire of N nodes to stdout, for benchmarks and
scale tests of `intake validate`.

Every node branches on its own answer to the node two ahead, or falls
through to the next one, so the number of routes grows like the Fibonacci
numbers (about 10^2090 for 10,000 nodes): anything that enumerates routes
one by one never finishes, while intake's dynamic programming is linear.
All node kinds appear; every 25th node is an information step.

usage: generate-questionnaire.py N [--seed S]
"""
import json
import random
import sys


def option_list(prefix, count, none=False):
    options = [{"code": f"{prefix}-{i}", "label": f"Choice {i} of {prefix}"} for i in range(1, count + 1)]
    if none:
        options.append({"code": "none", "label": "None of these"})
    return options


def node(index, total, rng):
    node_id = f"q{index}"
    if index == total - 1:
        return {"id": node_id, "kind": "info", "text": "The end of this synthetic questionnaire."}
    if index % 25 == 24:
        return {"id": node_id, "kind": "info", "text": f"Information step {index}.", "next": f"q{index + 1}"}
    kind = ["single", "multi", "scale", "yesno", "number", "duration", "text", "single"][rng.randrange(8)]
    item = {"id": node_id, "kind": kind, "text": f"Synthetic question {index} ({kind})?"}
    if kind == "single":
        item["options"] = option_list(f"o{index}", 3)
        test = {"question": node_id, "equals": f"o{index}-1"}
    elif kind == "multi":
        item["options"] = option_list(f"o{index}", 4, none=True)
        test = {"question": node_id, "includes": f"o{index}-2"}
    elif kind == "scale":
        item.update({"min": 0, "max": 10})
        test = {"question": node_id, "gte": 5}
    elif kind == "yesno":
        test = {"question": node_id, "equals": True}
    elif kind == "number":
        item.update({"min": 0, "max": 100, "integer": True})
        test = {"question": node_id, "gt": 10}
    elif kind == "duration":
        item.update({"min": "0 days", "max": "80 years"})
        test = {"question": node_id, "gte": 90}
    else:
        item["required"] = False
        test = {"question": node_id, "answered": True}
    if index + 2 < total:
        item["next"] = [{"when": test, "goto": f"q{index + 2}"}, {"goto": f"q{index + 1}"}]
    else:
        item["next"] = f"q{index + 1}"
    return item


def main():
    args = sys.argv[1:]
    if not args or not args[0].isdigit() or int(args[0]) < 2:
        sys.exit("usage: generate-questionnaire.py N [--seed S]  (N >= 2)")
    total = int(args[0])
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 1
    rng = random.Random(seed)
    questionnaire = {
        "id": f"synthetic-{total}",
        "version": "1",
        "title": f"Synthetic questionnaire of {total} nodes",
        "start": "q0",
        "nodes": [node(i, total, rng) for i in range(total)],
    }
    json.dump(questionnaire, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
