"""Reads a CSV file with Python's csv module and compares its records with the expected ones.

Usage: csv_python_check.py FILE DELIMITER EXPECTED.json
Exit 0 when every record matches, 1 (with the first difference printed) otherwise.
"""
import csv
import json
import sys

path, delimiter, expected_path = sys.argv[1], sys.argv[2], sys.argv[3]
with open(expected_path, encoding="utf-8") as f:
    expected = json.load(f)
# utf-8-sig drops a byte order mark when there is one; newline="" lets csv see quoted line breaks.
with open(path, newline="", encoding="utf-8-sig") as f:
    records = list(csv.reader(f, delimiter=delimiter, strict=True))
if records != expected:
    for i, (got, want) in enumerate(zip(records, expected)):
        if got != want:
            print(f"record {i}: got {got!r}, expected {want!r}")
            break
    else:
        print(f"{len(records)} records, expected {len(expected)}")
    sys.exit(1)
print(f"{len(records)} records match")
