#!/usr/bin/env python3
"""Mechanical check of datasets/thom_russo.csv against its source text.

Usage: check_thom_russo.py [SEED_TXT [CSV]]

Defaults (relative to the repository root, found from this file's location):
  SEED_TXT = datasets/sources/thom_russo_biography.txt
  CSV      = datasets/thom_russo.csv

Checks:
  * CSV is UTF-8 (no BOM), LF line ends only, ends with a newline, and is written with
    RFC 4180 minimal quoting (re-serialising the parsed rows reproduces the file);
  * header is exactly person,project,role,year,kind,evidence; every row has 6 fields;
  * person, project, kind, evidence are non-empty and carry no surrounding whitespace;
  * role and kind are lowercase; year is empty or 4 digits;
  * every evidence string occurs verbatim in the source text (whitespace runs collapsed);
  * every person and project name occurs in its evidence or elsewhere in the source text;
  * every non-empty year occurs in the source text;
  * each project has one kind and one year across all its rows;
  * no (person, project, role) triple is repeated;
  * the subject (Thom Russo) has at least one row on every project.

Exits 0 when everything holds, 1 otherwise (each failure is printed).
"""
import csv
import io
import os
import re
import sys
import unicodedata

HEADER = ["person", "project", "role", "year", "kind", "evidence"]
SUBJECT = "Thom Russo"
MAX_EVIDENCE = 250


def collapse(text):
    return re.sub(r"\s+", " ", text).strip()


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    seed_path = argv[1] if len(argv) > 1 else os.path.join(
        root, "datasets", "sources", "thom_russo_biography.txt")
    csv_path = argv[2] if len(argv) > 2 else os.path.join(root, "datasets", "thom_russo.csv")
    if len(argv) > 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2

    errors = []

    def err(msg):
        errors.append(msg)

    with open(seed_path, "rb") as f:
        seed = collapse(f.read().decode("utf-8"))
    with open(csv_path, "rb") as f:
        raw = f.read()

    if raw.startswith(b"\xef\xbb\xbf"):
        err("CSV starts with a UTF-8 BOM")
    if b"\r" in raw:
        err("CSV contains CR characters (line ends must be LF)")
    if not raw.endswith(b"\n"):
        err("CSV does not end with a newline")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"FAIL: CSV is not valid UTF-8: {e}")
        return 1

    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as e:
        print(f"FAIL: CSV does not parse: {e}")
        return 1
    if not rows:
        print("FAIL: CSV is empty")
        return 1

    out = io.StringIO()
    csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(rows)
    if out.getvalue() != text:
        err("CSV is not in canonical RFC 4180 minimal-quoting form "
            "(re-serialising the parsed rows does not reproduce the file)")

    if rows[0] != HEADER:
        err(f"header is {rows[0]!r}, expected {HEADER!r}")

    project_kind = {}
    project_year = {}
    seen = set()
    persons = set()
    projects = set()
    subject_projects = set()

    for n, row in enumerate(rows[1:], start=2):
        where = f"line {n}"
        if len(row) != 6:
            err(f"{where}: {len(row)} fields, expected 6: {row!r}")
            continue
        person, project, role, year, kind, evidence = row
        where = f"line {n} ({person!r} / {project!r})"
        for name, value in zip(HEADER, row):
            if value != value.strip():
                err(f"{where}: {name} has surrounding whitespace")
            if unicodedata.normalize("NFC", value) != value:
                err(f"{where}: {name} is not NFC-normalised")
        for name, value in (("person", person), ("project", project),
                            ("kind", kind), ("evidence", evidence)):
            if not value:
                err(f"{where}: {name} is empty")
        if role != role.lower():
            err(f"{where}: role {role!r} is not lowercase")
        if not re.fullmatch(r"[a-z][a-z -]*", kind):
            err(f"{where}: kind {kind!r} is not a lowercase word")
        if year and not re.fullmatch(r"[0-9]{4}", year):
            err(f"{where}: year {year!r} is neither empty nor 4 digits")
        if year and year not in seed:
            err(f"{where}: year {year} does not occur in the source text")
        ev = collapse(evidence)
        if len(evidence) > MAX_EVIDENCE:
            err(f"{where}: evidence is {len(evidence)} characters (max {MAX_EVIDENCE})")
        if ev and ev not in seed:
            err(f"{where}: evidence not found verbatim in the source text: {evidence!r}")
        for name, value in (("person", person), ("project", project)):
            if value and value not in ev and collapse(value) not in seed:
                err(f"{where}: {name} {value!r} occurs neither in its evidence nor in the source")

        if project in project_kind and project_kind[project] != kind:
            err(f"{where}: kind {kind!r} differs from earlier {project_kind[project]!r}")
        project_kind.setdefault(project, kind)
        if project in project_year and project_year[project] != year:
            err(f"{where}: year {year!r} differs from earlier {project_year[project]!r}")
        project_year.setdefault(project, year)

        key = (person, project, role)
        if key in seen:
            err(f"{where}: duplicate (person, project, role) {key!r}")
        seen.add(key)
        persons.add(person)
        projects.add(project)
        if person == SUBJECT:
            subject_projects.add(project)

    for project in sorted(projects - subject_projects):
        err(f"project {project!r} has no {SUBJECT} row")

    print(f"{csv_path}: {len(rows) - 1} rows, {len(persons)} persons, "
          f"{len(projects)} projects")
    if errors:
        for e in errors:
            print("FAIL:", e)
        print(f"{len(errors)} problem(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
