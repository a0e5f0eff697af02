#!/usr/bin/env python3
"""Checks JSON files against one of intake's JSON Schemas.

    scripts/check-schema.py SCHEMA FILE...

Prints one line per file, tab-separated, in the order given:

    valid<TAB>FILE
    invalid<TAB>FILE<TAB>$.json.path: what is wrong

Exit status: 0 when every file is valid, 1 when any is invalid, 2 when the
check cannot run (bad usage, an unreadable or broken schema, or the Python
package jsonschema missing: install it with `python3 -m pip install jsonschema`).

Used by the Swift tests (Tests/QuestionnaireModelTests/SchemaTests.swift) to
hold the schemas in Questionnaires/schema/ and intake's loaders to the same
verdict. Validation follows JSON Schema draft 2020-12 with the format checker
off, as editors do, with two fixes that make Python agree with intake and with
editors (which use JavaScript regular expressions):

- `$` in a "pattern" matches only at the very end of the text; Python's `$`
  also matches before a final newline, so "lower-back\\n" would pass as a code.
- Files are read as strictly as intake reads them: a duplicated key, NaN or
  Infinity makes the file invalid instead of being accepted silently.
"""
import json
import re
import sys

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:
    sys.stderr.write(
        "check-schema.py needs the Python package jsonschema (4.0 or later).\n"
        "Install it with: python3 -m pip install jsonschema\n"
        "(or on Debian/Ubuntu: apt-get install -y python3-jsonschema)\n")
    sys.exit(2)


def ecma_pattern(pattern):
    """The pattern with every `$` outside a character class anchored at the very end (Python's \\Z)."""
    result = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            result.append(pattern[index:index + 2])
            index += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
        elif char == "[":
            in_class = True
        elif char == "$":
            char = r"\Z"
        result.append(char)
        index += 1
    return "".join(result)


_compiled = {}


def pattern_keyword(validator, pattern, instance, schema):
    if not validator.is_type(instance, "string"):
        return
    compiled = _compiled.get(pattern)
    if compiled is None:
        compiled = _compiled[pattern] = re.compile(ecma_pattern(pattern))
    if not compiled.search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


Validator = jsonschema.validators.extend(Draft202012Validator, {"pattern": pattern_keyword})


class DuplicateKey(ValueError):
    pass


def strict_object(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise DuplicateKey(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def reject_constant(name):
    raise ValueError(f"{name} is not JSON")


def load(path):
    with open(path, "rb") as file:
        return json.loads(file.read().decode("utf-8"), object_pairs_hook=strict_object, parse_constant=reject_constant)


def json_path(error):
    path = "$"
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def first_error(validator, instance):
    """The most telling error, or None when the instance is valid."""
    errors = list(validator.iter_errors(instance))
    if not errors:
        return None
    # A key whose own schema failed is also reported as "unevaluated" by the
    # node it sits in; that second error only hides the first.
    direct = [error for error in errors if error.validator != "unevaluatedProperties"]
    best = jsonschema.exceptions.best_match(direct or errors)
    if best.validator == "not" and best.validator_value == {} and best.absolute_path:
        # {"not": {}} marks a key that is not allowed where it is.
        message = f"{best.absolute_path[-1]!r} is not allowed here"
    else:
        message = " ".join(best.message.split())
    if len(message) > 300:
        message = message[:297] + "..."
    return f"{json_path(best)}: {message}"


def main(arguments):
    if len(arguments) < 2 or arguments[0] in ("-h", "--help"):
        sys.stderr.write("usage: check-schema.py SCHEMA FILE...\n")
        return 2
    schema_path, files = arguments[0], arguments[1:]
    try:
        schema = load(schema_path)
        Validator.check_schema(schema)
    except (OSError, ValueError, jsonschema.exceptions.SchemaError) as error:
        sys.stderr.write(f"{schema_path}: not a usable JSON Schema: {error}\n")
        return 2
    validator = Validator(schema)
    status = 0
    for path in files:
        try:
            problem = first_error(validator, load(path))
        except OSError as error:
            problem = f"cannot read the file: {error.strerror}"
        except (ValueError, UnicodeDecodeError) as error:
            problem = f"not JSON: {error}"
        if problem is None:
            print(f"valid\t{path}")
        else:
            print(f"invalid\t{path}\t{problem}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
