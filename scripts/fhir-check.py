#!/usr/bin/env python3
"""FHIR checks for intake's tests, with the field's own Python tools.

    scripts/fhir-check.py validate < resources.json
        The input is a JSON list of resources. Prints a JSON list with, for
        each, null when the R4B models of fhir.resources accept it, or the
        validation error as text.

    scripts/fhir-check.py fhirpath < cases.json
        The input is a JSON list of {"resource", "expression", "variables"}.
        Evaluates each with fhirpathpy (R4 model) and prints a JSON list of
        {"result": [...]} or {"error": "..."}; %resource is the resource.

Exit status 2 with a message when a package is missing: install them with
`python3 -m pip install fhir.resources fhirpathpy` (scripts/setup.sh --test).
"""
import datetime
import decimal
import json
import sys


def plain(value):
    """fhirpathpy's results as JSON: numbers, strings, objects."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (int, float, str)):
        return value
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    return str(value)


def validate(resources):
    try:
        from fhir.resources.R4B import get_fhir_model_class
    except ImportError:
        sys.stderr.write("fhir-check.py needs fhir.resources: python3 -m pip install fhir.resources\n")
        sys.exit(2)
    verdicts = []
    for resource in resources:
        try:
            get_fhir_model_class(resource["resourceType"]).model_validate(resource)
            verdicts.append(None)
        except Exception as error:  # the model's message is the verdict
            verdicts.append(str(error))
    return verdicts


def fhirpath(cases):
    try:
        from fhirpathpy import evaluate
        from fhirpathpy.models import models
    except ImportError:
        sys.stderr.write("fhir-check.py needs fhirpathpy: python3 -m pip install fhirpathpy\n")
        sys.exit(2)
    results = []
    for case in cases:
        environment = dict(case.get("variables", {}))
        environment["resource"] = case["resource"]
        try:
            found = evaluate(case["resource"], case["expression"], environment, models["r4"])
            results.append({"result": plain(found)})
        except Exception as error:
            results.append({"error": str(error)})
    return results


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in ("validate", "fhirpath"):
        sys.stderr.write(__doc__)
        sys.exit(2)
    data = json.load(sys.stdin)
    result = validate(data) if sys.argv[1] == "validate" else fhirpath(data)
    json.dump(result, sys.stdout)


main()
