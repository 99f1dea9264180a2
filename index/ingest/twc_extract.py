"""Derive the committed copy of the Texas ETPL from the state's workbook, without contacts.

The workbook lists a financial-aid contact (name, phone, e-mail) per provider. Those
columns are dropped, and any e-mail address or phone number left in another cell is
replaced by a marker, so the committed CSV and the catalog carry no contact data.
Run once when the workbook changes (it needs openpyxl):

    python -m index.ingest.twc_extract texas_twc_etpl_2024.xlsx data/courses/sources/
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Iterator, Sequence
from pathlib import Path

from index.ingest.contact import redact_contacts

WORKBOOK_NAME = "texas_twc_etpl_2024.xlsx"
CSV_NAME = "texas_twc_etpl_2024.csv"
CONTACT_COLUMNS = frozenset({"Financial Aid Contact", "Financial Aid Phone", "Financial Aid Email"})


def _cell(value: object) -> str:
    if value is None:
        return ""
    return redact_contacts(str(value))


def workbook_rows(path: Path) -> Iterator[list[str]]:
    """Header then data rows of the first sheet, contact columns dropped, cells redacted."""
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [str(name).strip() if name is not None else "" for name in next(rows)]
        keep = [i for i, name in enumerate(header) if name not in CONTACT_COLUMNS]
        yield [header[i] for i in keep]
        for row in rows:
            if all(value is None for value in row):
                continue
            yield [_cell(row[i]) if i < len(row) else "" for i in keep]
    finally:
        book.close()


def extract(workbook: Path, target_dir: Path) -> Path:
    """Write ``texas_twc_etpl_2024.csv`` (UTF-8, all values as text) into ``target_dir``."""
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / CSV_NAME
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        for row in workbook_rows(workbook):
            writer.writerow(row)
    return target


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: workbook path, target directory."""
    parser = argparse.ArgumentParser(prog="python -m index.ingest.twc_extract", description=__doc__)
    parser.add_argument("workbook", type=Path)
    parser.add_argument("target_dir", type=Path)
    args = parser.parse_args(argv)
    print(extract(args.workbook, args.target_dir))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
