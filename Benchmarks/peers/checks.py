"""The checks a JSON Schema cannot make, in plain Python: each answer read by its type (real dates, identifier
formats, bounds), the forms' conditional questions and constraints, and the rule sets' rules, hand-written from
Rules/*.rules.yaml. Returns the decision Safeguard's engine makes: rejected on any error, referred on any
referral, else accepted. A Python peer stops at the first error, as a script that only needs the decision would.
The questions version 2 of the forms added (endorsements, months abroad, permission to stay, the status check's
finding, other councils, the deputy DSL's training) are not answered in the benchmark's sample, so their rules are
not written here; an arrest is, as Safeguard treats it: referred, and no conviction.
"""

import re

import yaml

from forms import IDENTIFIER_TYPES, add_months, day, identifier, whole_months, whole_years, yes_no


def load_parameters(path):
    with open(path, encoding="utf-8") as handle:
        rules = yaml.load(handle, Loader=yaml.CSafeLoader)
    parameters = {}
    for name, spec in rules.get("parameters", {}).items():
        value = spec["value"]
        parameters[name] = value
    return parameters


class Rejected(Exception):
    """An error: the submission is rejected."""


# ---- Binding ------------------------------------------------------------------------------------------------------

def _bind(field, answer, lists):
    kind = field["type"]
    if kind == "repeat":
        records = []
        for item in answer:
            record = {}
            for sub in field["fields"]:
                if sub["id"] in item:
                    record[sub["id"]] = _bind(sub, item[sub["id"]], lists)
            records.append(record)
        return records or None
    if kind == "multi-choice":
        items = answer if isinstance(answer, list) else [answer]
        chosen = [_choose(field, item, lists) for item in items]
        return chosen or None
    if kind in ("text", "long-text"):
        return answer if answer.strip() else None
    if kind == "integer":
        return _bounded(field, int(answer.strip()))
    if kind == "decimal":
        return _bounded(field, float(answer.strip()))
    if kind == "date":
        value = day(answer)
        if value is None:
            raise Rejected("field.type")
        return _bounded(field, value)
    if kind == "yes-no":
        return yes_no(answer)
    if kind == "choice":
        return _choose(field, answer, lists)
    if kind in IDENTIFIER_TYPES:
        value = identifier(kind, answer)
        if value is None:
            raise Rejected("field.format")
        return value
    return answer


def _choose(field, text, lists):
    wanted = text.strip().lower()
    for option in lists[field["list"]]:
        if option["value"].lower() == wanted or option["label"].lower() == wanted:
            return option["value"]
    raise Rejected("field.list")


def _bounded(field, value):
    for key, broken in (("min", lambda limit: value < limit), ("max", lambda limit: value > limit)):
        if key in field:
            limit = field[key]
            if isinstance(value, type(limit)) or (isinstance(limit, (int, float)) and isinstance(value, (int, float))):
                if broken(limit):
                    raise Rejected("field." + key)
    return value


# ---- Conditions of the forms (relevant, required, constraint) ---------------------------------------------------

def _condition(text):
    """A form's condition as a function of (section values, item record). Only the shapes the forms use."""
    text = " ".join(str(text).split())

    def lookup(name, values, record):
        if "." in name:
            section, field = name.split(".", 1)
            return values.get(section, {}).get(field)
        return (record or {}).get(name)

    match = re.fullmatch(r"!present\(([\w.]+)\) \|\| ([\w.]+) <= ([\w.]+)", text)
    if match:
        a, b, c = match.groups()
        return lambda values, record: lookup(a, values, record) is None or (
            lookup(b, values, record) is not None and lookup(c, values, record) is not None
            and lookup(b, values, record) <= lookup(c, values, record))
    if " || " in text:
        either = [_condition(part) for part in text.split(" || ")]
        return lambda values, record: any(condition(values, record) for condition in either)
    if " && " in text:
        both = [_condition(part) for part in text.split(" && ")]
        return lambda values, record: all(condition(values, record) for condition in both)
    match = re.fullmatch(r"present\(([\w.]+)\)", text)
    if match:
        return lambda values, record: lookup(match.group(1), values, record) is not None
    match = re.fullmatch(r"([\w.]+) in \[([^\]]*)\]", text)
    if match:
        name, options = match.group(1), [option.strip().strip("'") for option in match.group(2).split(",")]
        return lambda values, record: lookup(name, values, record) in options
    match = re.fullmatch(r"([\w.]+) > (\d+)", text)
    if match:
        name, bound = match.group(1), int(match.group(2))
        return lambda values, record: isinstance(lookup(name, values, record), (int, float)) and not isinstance(
            lookup(name, values, record), bool) and lookup(name, values, record) > bound
    match = re.fullmatch(r"([\w.]+) (==|!=) '([^']*)'", text)
    if match:
        name, operator, literal = match.groups()

        def compare(values, record):
            value = lookup(name, values, record)
            if value is None:
                return False
            return (value == literal) if operator == "==" else (value != literal)
        return compare
    match = re.fullmatch(r"[\w.]+", text)
    if match:
        return lambda values, record: lookup(text, values, record) is True
    raise ValueError("a condition this peer does not read: " + text)


class FormLogic:
    """A form's conditional questions and constraints, compiled once."""

    def __init__(self, form):
        self.form = form
        self.lists = form.get("lists", {})
        self.compiled = {}
        for section in form["sections"]:
            for field in section["fields"]:
                self._compile(field)
                for sub in field.get("fields", []):
                    self._compile(sub)

    def _compile(self, field):
        for key in ("relevant", "constraint"):
            if key in field:
                self.compiled[(id(field), key)] = _condition(field[key])
        required = field.get("required")
        if isinstance(required, str):
            self.compiled[(id(field), "required")] = _condition(required)

    def bind(self, document):
        """The answers, each read by its type; an answer that is not right raises Rejected."""
        values = {}
        for section in self.form["sections"]:
            answers = document.get(section["id"]) or {}
            values[section["id"]] = {
                field["id"]: _bind(field, answers[field["id"]], self.lists)
                for field in section["fields"] if field["id"] in answers
            }
        return values

    def apply(self, values, document, as_of):
        """Relevance, conditional required answers, constraints and past dates, in the form's order."""
        for section in self.form["sections"]:
            given = document.get(section["id"]) or {}
            section_values = values[section["id"]]
            for field in section["fields"]:
                self._check(field, section_values, field["id"] in given, values, None, as_of)
                if field["type"] == "repeat" and section_values.get(field["id"]):
                    raw = given[field["id"]]
                    for index, record in enumerate(section_values[field["id"]]):
                        for sub in field["fields"]:
                            self._check(sub, record, sub["id"] in raw[index], values, record, as_of)

    def _check(self, field, holder, given, values, record, as_of):
        key = field["id"]
        relevant = self.compiled.get((id(field), "relevant"))
        if relevant is not None and not relevant(values, record):
            holder.pop(key, None)
            return
        value = holder.get(key)
        if value is None and not given:
            required = field.get("required")
            if required is True:
                raise Rejected("field.required")
            condition = self.compiled.get((id(field), "required"))
            if condition is not None and condition(values, record):
                raise Rejected("field.required")
        constraint = self.compiled.get((id(field), "constraint"))
        if value is not None and constraint is not None and not constraint(values, record):
            raise Rejected("field.constraint")
        if field.get("past") in (True, "yes") and value is not None and value > as_of:
            raise Rejected("field.future")


# ---- The rules, written out by hand from Rules/*.rules.yaml ------------------------------------------------------

def _later(*dates):
    present = [d for d in dates if d is not None]
    return max(present) if present else None


def _add_years(date, years):
    return add_months(date, 12 * years)


def school_rules(v, params, as_of):
    """section11-school-return: the worst severity its rules find (errors raise Rejected)."""
    school, cse, missing = v["school"], v["cse"], v["missing"]
    declaration, staff, reach = v["declaration"], v["staff"], v["reach"]
    sessions = (cse.get("sessions") or []) + (missing.get("sessions") or [])
    start, end = params["period_start"], params["period_end"]
    declared = declaration.get("date")
    if declared is not None and not declared <= as_of:
        raise Rejected("field.future")
    for s in sessions:
        if s.get("date") is not None and not (start <= s["date"] <= end):
            raise Rejected("s11.session-outside-period")
        if s.get("audience") == "pupils" and not s.get("year_groups"):
            raise Rejected("s11.pupils-without-year-groups")
        phase = school.get("phase")
        if s.get("audience") == "pupils" and s.get("year_groups") and phase is not None:
            taught = params["phase_year_groups"].get(phase, [])
            if not all(y in taught for y in s["year_groups"]):
                raise Rejected("s11.year-group-not-taught")
        if s.get("quality_assured") is True and s.get("quality_assured_by") is None:
            raise Rejected("s11.qa-without-assurer")
        if s.get("date") is not None and declared is not None and not s["date"] <= declared:
            raise Rejected("s11.declaration-before-sessions")
    if cse.get("delivered") is True and not cse.get("sessions"):
        raise Rejected("s11.cse-delivered-without-sessions")
    if missing.get("delivered") is True and not missing.get("sessions"):
        raise Rejected("s11.missing-delivered-without-sessions")
    refer = False
    trained = school.get("dsl_last_training")
    if trained is not None and declared is not None:
        if not add_months(trained, params["dsl_training_months"]) >= declared:
            refer = True
    updated = staff.get("last_all_staff_update")
    if updated is not None and declared is not None:
        if not add_months(updated, params["staff_update_months"]) >= declared:
            refer = True
    return "refer" if refer else None


def taxi_rules(v, params, as_of):
    """taxi-driver-application: the worst severity its rules find (errors raise Rejected)."""
    application, applicant, licence = v["application"], v["applicant"], v["licence"]
    medical, dbs, overseas, training = v["medical"], v["dbs"], v["overseas"], v["training"]
    tests, register, sharing, documents = v["tests"], v["register"], v["sharing"], v["documents"]
    convictions = v["convictions"].get("records") or []
    applied = application.get("date")
    born = applicant.get("date_of_birth")
    age = whole_years(born, applied) if born is not None and applied is not None else None
    examined = medical.get("date")
    age_at_medical = whole_years(born, examined) if born is not None and examined is not None else None

    if applied is not None and not applied <= as_of:
        raise Rejected("field.future")
    if dbs.get("level") is not None:
        if dbs["level"] != "enhanced":
            raise Rejected("taxi.dbs-not-enhanced")
        lists = dbs.get("barred_lists") or []
        if not ("children" in lists and "adults" in lists):
            raise Rejected("taxi.dbs-barred-lists")
    if dbs.get("workforce") is not None and dbs["workforce"] != params["dbs_workforce"]:
        raise Rejected("taxi.dbs-workforce")
    issued = dbs.get("issue_date")
    if issued is not None and applied is not None and dbs.get("update_service") is not None:
        recent = add_months(issued, params["dbs_recheck_months"]) >= applied
        subscribed = dbs.get("subscription_date")
        checkable = (dbs["update_service"] is True and subscribed is not None
                     and (subscribed - issued).days <= params["dbs_subscription_days"])
        checked = dbs.get("last_status_check") if checkable else None
        if not recent and not (checked is not None and add_months(checked, params["dbs_recheck_months"]) >= applied):
            raise Rejected("taxi.dbs-recheck")
    checked = dbs.get("last_status_check")
    if checked is not None and issued is not None and checked < issued:
        raise Rejected("taxi.status-check-before-certificate")
    if born is not None:
        own = [d for d in (applied, licence.get("first_held"), medical.get("date"), issued, training.get("date"),
                           tests.get("english_date"), tests.get("knowledge_date"), register.get("search_date"))
               if d is not None]
        if own and min(own) < born:
            raise Rejected("taxi.before-birth")
        if licence.get("first_held") is not None and licence["first_held"] < _add_years(born, 17):
            raise Rejected("taxi.licence-before-17")
    for r in convictions:
        if r.get("date") is not None and born is not None and r["date"] < born:
            raise Rejected("taxi.offence-before-birth")
        if r.get("date") is not None and r.get("sentence_end") is not None and r["sentence_end"] < r["date"]:
            raise Rejected("taxi.sentence-before-offence")
    for a in applicant.get("addresses") or []:
        if a.get("from") is not None and a.get("to") is not None and a["to"] < a["from"]:
            raise Rejected("taxi.address-dates-reversed")
    if training.get("completed") is True and training.get("test_passed") is False:
        raise Rejected("taxi.training-test-failed")
    certificate = overseas.get("certificate_date")
    if overseas.get("lived_abroad") is True and overseas.get("certificate_provided") is True and certificate is not None:
        if any(p.get("to") is not None and p["to"] > certificate for p in overseas.get("periods") or []):
            raise Rejected("taxi.overseas-certificate-before-return")
    if training.get("completed") is not None and training["completed"] is not True:
        raise Rejected("taxi.training-missing")
    if training.get("completed") is True and training.get("date") is not None and applied is not None:
        if not add_months(training["date"], params["training_refresh_months"]) >= applied:
            raise Rejected("taxi.training-out-of-date")
    if params["english_test_required"] and tests.get("english_passed") is not None and tests["english_passed"] is not True:
        raise Rejected("taxi.no-english-test")
    if age is not None and not age >= params["minimum_age"]:
        raise Rejected("taxi.under-minimum-age")
    if applicant.get("right_to_work") is not None and applicant["right_to_work"] is not True:
        raise Rejected("taxi.no-right-to-work")
    addresses = applicant.get("addresses")
    if addresses and applied is not None:
        if not any(a.get("from") is not None and _add_years(a["from"], params["address_history_years"]) <= applied
                   for a in addresses):
            raise Rejected("taxi.address-history-short")
    held = licence.get("first_held")
    if held is not None and applied is not None:
        if not add_months(held, params["licence_held_months_minimum"]) <= applied:
            raise Rejected("taxi.licence-under-12-months")
    if medical.get("fit") is not None and medical["fit"] is not True:
        raise Rejected("taxi.medical-not-fit")
    if examined is not None and born is not None and applied is not None:
        fine = (age < params["medical_five_yearly_from_age"]
                or (age < params["medical_yearly_from_age"] and age_at_medical >= params["medical_five_yearly_from_age"]
                    and add_months(examined, params["medical_five_yearly_months"]) > applied)
                or (age_at_medical >= params["medical_yearly_from_age"]
                    and add_months(examined, params["medical_yearly_months"]) > applied))
        if not fine:
            raise Rejected("taxi.medical-out-of-date")
    if overseas.get("lived_abroad") is True and overseas.get("certificate_provided") is not True:
        adult = _add_years(born, 18) if born is not None else None
        for p in overseas.get("periods") or []:
            start = _later(p.get("from"), adult)
            if start is not None and p.get("to") is not None and add_months(start, params["overseas_months"]) <= p["to"]:
                raise Rejected("taxi.abroad-without-certificate")
    if params["register_search_required"] and register.get("searched") is not None and register["searched"] is not True:
        raise Rejected("taxi.register-not-searched")
    if sharing.get("consent") is not None and sharing["consent"] is not True:
        raise Rejected("taxi.no-sharing-consent")
    supplied = documents.get("supplied")
    if supplied is not None and not all(d in supplied for d in params["required_documents"]):
        raise Rejected("taxi.documents-missing")

    refer = False
    if licence.get("penalty_points") is not None and licence["penalty_points"] >= params["points_refer"]:
        refer = True
    if held is not None and applied is not None:
        if add_months(held, params["licence_held_months_minimum"]) <= applied:
            if not add_months(held, params["licence_held_months_local"]) <= applied:
                refer = True
    if register.get("searched") is True and register.get("result") is not None and register["result"] == "match":
        refer = True
    for r in convictions:
        category, disposal, when = r.get("category"), r.get("disposal"), r.get("date")
        convicted = disposal in ("conviction", "caution")
        if category is not None and convicted and category in params["never_licensed_categories"]:
            refer = True
        if category == "violence" and convicted and when is not None and applied is not None:
            if not _add_years(_later(r.get("sentence_end"), when), params["violence_years"]) <= applied:
                refer = True
        years = params["offence_years"].get(category)
        if convicted and when is not None and applied is not None and years is not None:
            if not _add_years(_later(r.get("sentence_end"), when), years) <= applied:
                refer = True
        if disposal in ("pending-charge", "arrest"):
            refer = True
    return "refer" if refer else None


RULES = {"section11-school-return": school_rules, "taxi-driver-application": taxi_rules}
