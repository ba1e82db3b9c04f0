"""What a Python user would write instead of Safeguard: the same forms, read with PyYAML, turned into a JSON
Schema for the field checks, and the same checks in plain Python for what a schema cannot say (real dates,
identifier formats, conditional questions, the rules). Shared by the jsonschema-rs and fastjsonschema peers.

Answers are read with PyYAML's C loader without implicit typing (CBaseLoader), so `no`, `0123` and
`2017-03-31` stay text, as Safeguard keeps them; the form's types decide what they mean.
"""

import datetime
import glob
import os
import re

import yaml

IDENTIFIER_TYPES = {"urn", "dfe-number", "dbs-certificate", "driver-number", "ni-number", "postcode", "email", "phone"}
NULLS = {"", "~", "null", "Null", "NULL"}


def load_forms(folder):
    """Every form in `folder`, by id."""
    forms = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.yaml"))):
        with open(path, encoding="utf-8") as handle:
            form = yaml.load(handle, Loader=yaml.CSafeLoader)
        forms[form["form"]] = form
    return forms


# ---- JSON Schema ------------------------------------------------------------------------------------------------

def _ignoring_case(word):
    """A pattern for `word` in any case, written for ECMA-262 (no inline flags, no needless escapes)."""
    out = ""
    for ch in word:
        if ch.lower() != ch.upper():
            out += "[" + ch.lower() + ch.upper() + "]"
        elif ch in ".^$*+?()[]{}|\\/":
            out += "\\" + ch
        else:
            out += ch
    return out


def _choice_pattern(options):
    words = sorted({o["value"] for o in options} | {o["label"] for o in options}, key=len, reverse=True)
    return "^\\s*(" + "|".join(_ignoring_case(w) for w in words) + ")\\s*$"


def _field_schema(field, lists):
    kind = field["type"]
    if kind == "repeat":
        items = {"type": "object", "properties": {}, "additionalProperties": False, "required": []}
        for sub in field["fields"]:
            items["properties"][sub["id"]] = _field_schema(sub, lists)
            if sub.get("required") is True:
                items["required"].append(sub["id"])
        schema = {"type": "array", "items": items}
        if "max-items" in field:
            schema["maxItems"] = field["max-items"]
        return schema
    if kind == "multi-choice":
        choice = {"type": "string", "pattern": _choice_pattern(lists[field["list"]])}
        return {"anyOf": [choice, {"type": "array", "items": choice}]}
    if kind == "choice":
        return {"type": "string", "pattern": _choice_pattern(lists[field["list"]])}
    if kind in ("text", "long-text"):
        schema = {"type": "string"}
        if "max-length" in field:
            schema["maxLength"] = field["max-length"]
        return schema
    if kind == "integer":
        return {"type": "string", "pattern": "^\\s*[+-]?[0-9]+\\s*$"}
    if kind == "decimal":
        return {"type": "string", "pattern": "^\\s*[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)\\s*$"}
    if kind == "date":
        return {"type": "string", "pattern": "^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\\s*$"}
    if kind == "yes-no":
        return {"type": "string", "pattern": "^\\s*(" + "|".join(_ignoring_case(w) for w in ("yes", "no", "true", "false")) + ")\\s*$"}
    return {"type": "string"}


def json_schema(form):
    """The form's field checks that a JSON Schema can express: shapes, types, lists, lengths, required answers,
    no unknown questions."""
    lists = form.get("lists", {})
    schema = {"type": "object", "properties": {"form": {"type": "string"}}, "additionalProperties": False}
    for section in form["sections"]:
        properties, required = {}, []
        for field in section["fields"]:
            properties[field["id"]] = _field_schema(field, lists)
            if field.get("required") is True:
                required.append(field["id"])
        schema["properties"][section["id"]] = {
            "type": "object", "properties": properties, "required": required, "additionalProperties": False,
        }
    return schema


def without_nulls(value):
    """The document with unanswered questions (empty, ~, null) left out, as Safeguard treats them."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if not (isinstance(v, str) and v in NULLS)}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def present_sections(document, form):
    """A missing section is a group of missing answers: each required answer in it is then missing too."""
    for section in form["sections"]:
        if section["id"] not in document:
            document[section["id"]] = {}
        elif document[section["id"]] is None:
            document[section["id"]] = {}
    return document


# ---- Values -----------------------------------------------------------------------------------------------------

def day(text):
    if not isinstance(text, str) or not re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", text):
        return None
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        return None


def yes_no(text):
    return {"yes": True, "true": True, "no": False, "false": False}.get(text.strip().lower()) if isinstance(text, str) else None


def add_months(date, months):
    if date is None:
        return None
    total = date.year * 12 + (date.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    last = (datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(date.day, last))


def whole_months(start, end):
    months = (end.year - start.year) * 12 + (end.month - start.month)
    last = (datetime.date(end.year + (end.month == 12), end.month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    if months > 0 and end.day < start.day and end.day != last:
        months -= 1
    elif months < 0 and end.day > start.day:
        months += 1
    return months


def whole_years(start, end):
    months = whole_months(start, end)
    return months // 12 if months >= 0 else -((-months) // 12)


def _driver_number(text):
    c = text.replace(" ", "").upper()
    if len(c) != 16 or not c[0].isalpha() or not c[0].isascii():
        return None
    padding = False
    for ch in c[1:5]:
        if ch == "9":
            padding = True
        elif not ("A" <= ch <= "Z") or padding:
            return None
    if not c[5:11].isdigit() or not c[5:11].isascii():
        return None
    month, dom = int(c[6:8]), int(c[8:10])
    if not (1 <= month <= 12 or 51 <= month <= 62) or not 1 <= dom <= 31:
        return None
    if not ("A" <= c[11] <= "Z") or not ("A" <= c[12] <= "Z" or c[12] == "9") or not c[13].isdigit():
        return None
    if not all(("A" <= ch <= "Z") or ("0" <= ch <= "9") for ch in c[14:16]):
        return None
    return c


def _ni_number(text):
    c = text.replace(" ", "").upper()
    if len(c) != 9 or not ("A" <= c[0] <= "Z") or not ("A" <= c[1] <= "Z"):
        return None
    if c[0] in "DFIQUV" or c[1] in "DFIQUVO" or c[:2] in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
        return None
    if not (c[2:8].isdigit() and c[2:8].isascii()) or c[8] not in "ABCD":
        return None
    return c


def _postcode(text):
    compact = text.replace(" ", "").upper()
    if not 5 <= len(compact) <= 7:
        return None
    outward, inward = compact[:-3], compact[-3:]
    if not inward[0].isdigit() or not all("A" <= ch <= "Z" and ch not in "CIKMOV" for ch in inward[1:]):
        return None
    if outward == "GIR" and inward == "0AA":
        return "GIR 0AA"
    shape = "".join("9" if ch.isdigit() and ch.isascii() else ("A" if "A" <= ch <= "Z" else "?") for ch in outward)
    if shape not in ("A9", "A99", "AA9", "AA99", "A9A", "AA9A") or outward[0] in "QVX":
        return None
    return outward + " " + inward


def _email(text):
    parts = text.split("@")
    if len(parts) != 2:
        return None
    local, domain = parts
    if not local or len(local.encode()) > 64 or len(domain.encode()) > 253:
        return None
    if any(ch.isspace() or ch in '<>()[],;:\\"' for ch in local):
        return None
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return None
    labels = domain.split(".")
    if len(labels) < 2:
        return None
    for label in labels:
        if not label or len(label.encode()) > 63 or label.startswith("-") or label.endswith("-"):
            return None
        if not all((ch.isascii() and ch.isalnum()) or ch == "-" for ch in label):
            return None
    return text if all(ch.isascii() and ch.isalpha() for ch in labels[-1]) else None


def _phone(text):
    if not all((ch.isdigit() and ch.isascii()) or ch in " -()+" for ch in text) or "+" in text[1:]:
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    if text.startswith("+"):
        national = digits[2:]
        return text if digits.startswith("44") and 9 <= len(national) <= 10 and not national.startswith("0") else None
    return text if digits.startswith("0") and 10 <= len(digits) <= 11 else None


def identifier(kind, text):
    """The identifier in its canonical form, or None when it is not well formed."""
    text = text.strip()
    if kind == "urn":
        return text if len(text) == 6 and text.isdigit() and text.isascii() else None
    if kind == "dfe-number":
        digits = text.replace("/", "")
        if len(digits) != 7 or not (digits.isdigit() and digits.isascii()):
            return None
        if len(text) != 7 and text.find("/") != 3:
            return None
        return digits[:3] + "/" + digits[3:]
    if kind == "dbs-certificate":
        digits = text.replace(" ", "")
        return digits if len(digits) == 12 and digits.isdigit() and digits.isascii() else None
    return {"driver-number": _driver_number, "ni-number": _ni_number, "postcode": _postcode, "email": _email,
            "phone": _phone}[kind](text)
