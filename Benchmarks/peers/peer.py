"""A Python script around PyYAML and a JSON Schema validator, as a board's analyst might write instead of using
Safeguard: PyYAML's C loader reads each file, the forms' JSON Schema (made from Forms/) checks the fields with
jsonschema-rs or fastjsonschema, and checks.py does the rest (real dates and formats, conditional questions, the
rules). One process, one file after another.

Usage: peer.py --validator jsonschema-rs|fastjsonschema --forms DIR --rules DIR --as-of YYYY-MM-DD
               [--decisions FILE] PATH...
Prints how many files it read; with --decisions, writes "path<TAB>decision" for each file.
"""

import argparse
import datetime
import json
import os
import sys

import yaml

from checks import RULES, FormLogic, Rejected, load_parameters
from forms import json_schema, load_forms, present_sections, without_nulls


def paths(arguments):
    for argument in arguments:
        if os.path.isdir(argument):
            found = []
            for folder, _, files in os.walk(argument):
                found += [os.path.join(folder, f) for f in files if f.lower().endswith((".yaml", ".yml", ".json"))]
            yield from sorted(found)
        else:
            yield argument


def as_text(value):
    """JSON's typed values as the text a YAML file would hold, so both read the same way."""
    if isinstance(value, dict):
        return {k: as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_text(v) for v in value]
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--validator", choices=["jsonschema-rs", "fastjsonschema"], required=True)
    parser.add_argument("--forms", required=True)
    parser.add_argument("--rules", required=True)
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--decisions")
    parser.add_argument("paths", nargs="+")
    arguments = parser.parse_args()
    as_of = datetime.date.fromisoformat(arguments.as_of)

    forms = load_forms(arguments.forms)
    checkers = {}
    for form_id, form in forms.items():
        schema = json_schema(form)
        if arguments.validator == "jsonschema-rs":
            import jsonschema_rs
            validator = jsonschema_rs.Draft7Validator(schema)
            valid = validator.is_valid
        else:
            import fastjsonschema
            compiled = fastjsonschema.compile(schema)

            def valid(instance, compiled=compiled):
                try:
                    compiled(instance)
                    return True
                except fastjsonschema.JsonSchemaException:
                    return False
        parameters = load_parameters(os.path.join(arguments.rules, form_id + ".rules.yaml"))
        checkers[form_id] = (valid, FormLogic(form), RULES[form_id], parameters)

    out = open(arguments.decisions, "w", encoding="utf-8") if arguments.decisions else None
    count = 0
    for path in paths(arguments.paths):
        count += 1
        decision = decide(path, checkers, as_of)
        if out:
            out.write(f"{path}\t{decision}\n")
    if out:
        out.close()
    print(f"{count} files", file=sys.stderr)


def decide(path, checkers, as_of):
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        if len(data) > 1 << 20:
            return "rejected"
        if path.lower().endswith(".json"):
            document = as_text(json.loads(data))
        else:
            document = yaml.load(data, Loader=yaml.CBaseLoader)
    except (OSError, ValueError, yaml.YAMLError):
        return "rejected"
    if not isinstance(document, dict) or document.get("form") not in checkers:
        return "rejected"
    valid, logic, rules, parameters = checkers[document["form"]]
    document = present_sections(without_nulls(document), logic.form)
    if not valid(document):
        return "rejected"
    try:
        values = logic.bind(document)
        logic.apply(values, document, as_of)
        worst = rules(values, parameters, as_of)
    except Rejected:
        return "rejected"
    return "referred" if worst == "refer" else "accepted"


if __name__ == "__main__":
    main()
