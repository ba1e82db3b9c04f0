"""The field checks alone with yamale, as a user might set them up: a yamale schema made from each form in Forms/
(types, choices, lengths, bounds, required answers, no unknown questions). yamale cannot say "required when",
run the rules, or check a date is real beyond its shape, so it is compared with Safeguard's field checks only.

Usage: yamale_peer.py --forms DIR [--decisions FILE] PATH...
With --decisions, writes "path<TAB>valid|invalid" for each file.
"""

import argparse
import os
import sys

import yaml
import yamale

from forms import load_forms

IDENTIFIER_PATTERNS = {
    "urn": r"^\s*[0-9]{6}\s*$",
    "dfe-number": r"^\s*([0-9]{3}/[0-9]{4}|[0-9]{7})\s*$",
    "dbs-certificate": r"^\s*[0-9 ]{12,}\s*$",
    "driver-number": r"^\s*[A-Za-z][A-Za-z9]{4}[0-9]{6}[A-Za-z][A-Za-z9][0-9][A-Za-z0-9]{2}\s*$",
    "ni-number": r"^\s*[A-Za-z]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-Da-d]\s*$",
    "postcode": r"^\s*[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}\s*$",
    "email": r"^\s*[^@\s]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+\s*$",
    "phone": r"^\s*\+?[0-9 ()-]{10,16}\s*$",
}


def validator(field, lists, includes, prefix):
    kind = field["type"]
    if kind == "repeat":
        name = prefix + "_" + field["id"]
        includes[name] = {sub["id"]: validator(sub, lists, includes, name) for sub in field["fields"]}
        limit = f", max={field['max-items']}" if "max-items" in field else ""
        text = f"list(include('{name}'){limit})"
    elif kind in ("choice", "multi-choice"):
        values = ", ".join(repr(o["value"]) for o in lists[field["list"]])
        text = f"enum({values})" if kind == "choice" else f"any(enum({values}), list(enum({values})))"
    elif kind in ("text", "long-text"):
        text = f"str(max={field['max-length']})" if "max-length" in field else "str()"
    elif kind == "integer":
        bounds = ", ".join(f"{k}={field[k]}" for k in ("min", "max") if k in field)
        text = f"int({bounds})"
    elif kind == "decimal":
        text = "num()"
    elif kind == "date":
        text = "day()"
    elif kind == "yes-no":
        text = "bool()"
    else:
        text = f"regex({IDENTIFIER_PATTERNS[kind]!r})"
    if field.get("required") is not True:
        text = text[:-1] + (", " if not text.endswith("()") else "") + "required=False)"
    return text


def schema_text(form):
    lists = form.get("lists", {})
    includes = {}
    top = {"form": "str()"}
    for section in form["sections"]:
        name = section["id"]
        includes[name] = {f["id"]: validator(f, lists, includes, name) for f in section["fields"]}
        top[name] = f"include('{name}', required=False)"
    return yaml.safe_dump(top, sort_keys=False) + "---\n" + yaml.safe_dump(includes, sort_keys=False, width=10000)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--forms", required=True)
    parser.add_argument("--decisions")
    parser.add_argument("paths", nargs="+")
    arguments = parser.parse_args()
    schemas = {form_id: yamale.make_schema(content=schema_text(form)) for form_id, form in load_forms(arguments.forms).items()}
    out = open(arguments.decisions, "w", encoding="utf-8") if arguments.decisions else None
    count = 0
    for path in files(arguments.paths):
        count += 1
        verdict = "invalid"
        try:
            data = yamale.make_data(path)
            form = data[0][0].get("form") if data and isinstance(data[0][0], dict) else None
            if form in schemas:
                yamale.validate(schemas[form], data)
                verdict = "valid"
        except (yamale.YamaleError, ValueError, yaml.YAMLError, OSError):
            pass
        if out:
            out.write(f"{path}\t{verdict}\n")
    if out:
        out.close()
    print(f"{count} files", file=sys.stderr)


def files(arguments):
    for argument in arguments:
        if os.path.isdir(argument):
            found = []
            for folder, _, names in os.walk(argument):
                found += [os.path.join(folder, n) for n in names if n.lower().endswith((".yaml", ".yml", ".json"))]
            yield from sorted(found)
        else:
            yield argument


if __name__ == "__main__":
    main()
