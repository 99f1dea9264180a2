"""Cut the O*NET 29.2 text files down to the subset the advisor ships in ``data/onet/``."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from index.occupations.model import Occupation, TechnologySkill

MAX_TASKS = 10  # core tasks kept per occupation: enough to explain the role


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def build_subset(onet_dir: Path) -> list[Occupation]:
    """Join occupations with their titles, technology skills and core tasks."""
    alternate: dict[str, dict[str, None]] = defaultdict(dict)
    for row in _rows(onet_dir / "Alternate Titles.txt"):
        alternate[row["O*NET-SOC Code"]][row["Alternate Title"].strip()] = None
        short = row["Short Title"].strip()
        if short and short != "n/a":
            alternate[row["O*NET-SOC Code"]][short] = None
    reported: dict[str, list[str]] = defaultdict(list)
    for row in _rows(onet_dir / "Sample of Reported Titles.txt"):
        reported[row["O*NET-SOC Code"]].append(row["Reported Job Title"].strip())
    skills: dict[str, dict[str, TechnologySkill]] = defaultdict(dict)
    for row in _rows(onet_dir / "Technology Skills.txt"):
        name = row["Example"].strip()
        skills[row["O*NET-SOC Code"]].setdefault(
            name.lower(),
            TechnologySkill(
                name=name,
                category=row["Commodity Title"].strip(),
                hot=row["Hot Technology"].strip() == "Y",
                in_demand=row["In Demand"].strip() == "Y",
            ),
        )
    tasks: dict[str, list[str]] = defaultdict(list)
    for row in _rows(onet_dir / "Task Statements.txt"):
        code = row["O*NET-SOC Code"]
        if row["Task Type"].strip() == "Core" and len(tasks[code]) < MAX_TASKS:
            tasks[code].append(row["Task"].strip())
    return [
        Occupation(
            code=row["O*NET-SOC Code"],
            title=row["Title"].strip(),
            description=row["Description"].strip(),
            alternate_titles=list(alternate[row["O*NET-SOC Code"]]),
            reported_titles=reported[row["O*NET-SOC Code"]],
            technology_skills=list(skills[row["O*NET-SOC Code"]].values()),
            tasks=tasks[row["O*NET-SOC Code"]],
        )
        for row in _rows(onet_dir / "Occupation Data.txt")
    ]


def write_subset(occupations: list[Occupation], path: Path) -> None:
    """JSON lines, one occupation each, sorted by code."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for occupation in sorted(occupations, key=lambda o: o.code):
            handle.write(occupation.model_dump_json() + "\n")


def load_occupations(path: Path) -> list[Occupation]:
    """Read the shipped subset."""
    with path.open(encoding="utf-8") as handle:
        return [Occupation.model_validate_json(line) for line in handle if line.strip()]
