"""Topic words as the catalog writes them: a few idioms and Spanish words learners use.

The catalog is written in English, and its sentence model reads English: "aprender
inglés" finds Spanish-language courses on anything, "do my own books" finds books.
A learner's goal keeps its meaning when these are put the catalog's way first
("inglés" -> "English", "do my own books" -> "bookkeeping"). The Spanish words are the
subjects of the vocational programmes the catalog lists (New Jersey's and Texas's
training lists serve many Spanish speakers), not a translator: a goal in Spanish that
names none of them is still searched as written.
"""

from __future__ import annotations

import re

IDIOMS: dict[str, str] = {
    r"do (?:my|our|the|your) (?:own )?books": "bookkeeping",
    r"keep (?:my|our|the) (?:own )?books": "bookkeeping",
    r"do (?:my|our|people'?s|other people'?s) taxes": "tax preparation",
    r"fix (?:cars|trucks|engines)": "automotive repair",
    r"market (?=(?:my|our|the|a|an) )": "marketing for ",
    r"(?:code|build|make|design|create) (?:websites|web ?sites|web pages|webpages)": (
        "web development"
    ),
    r"(?:drive|driving) (?:a )?(?:big rigs?|semis?|18[- ]wheelers?)": "CDL truck driving",
}
SPANISH: dict[str, str] = {
    "inglés": "English",
    "ingles": "English",
    "enfermería": "nursing",
    "enfermeria": "nursing",
    "enfermera": "nurse",
    "enfermero": "nurse",
    "contabilidad": "accounting",
    "computación": "computers",
    "computacion": "computers",
    "soldadura": "welding",
    "soldador": "welder",
    "electricidad": "electrical",
    "electricista": "electrician",
    "plomería": "plumbing",
    "plomeria": "plumbing",
    "plomero": "plumber",
    "cocina": "culinary",
    "mecánica": "mechanic",
    "mecanica": "mechanic",
    "mecánico": "mechanic",
    "mecanico": "mechanic",
    "camión": "truck",
    "camion": "truck",
    "belleza": "cosmetology",
    "cosmetología": "cosmetology",
    "cosmetologia": "cosmetology",
    "programación": "programming",
    "programacion": "programming",
    "negocios": "business",
    "ventas": "sales",
    "mercadeo": "marketing",
    "diseño gráfico": "graphic design",
    "diseno grafico": "graphic design",
    "asistente dental": "dental assistant",
    "asistente médico": "medical assistant",
    "asistente medico": "medical assistant",
    "cuidado de niños": "child care",
    "cuidado de ninos": "child care",
    "bienes raíces": "real estate",
    "bienes raices": "real estate",
    "farmacia": "pharmacy",
    "peluquería": "cosmetology",
    "peluqueria": "cosmetology",
    "construcción": "construction",
    "construccion": "construction",
    "asistente médica": "medical assistant",
    "asistente medica": "medical assistant",
    "aire acondicionado": "air conditioning",
    "computadoras": "computers",
    "computadora": "computers",
    "técnico": "technician",
    "tecnico": "technician",
    "técnica": "technician",
    "tecnica": "technician",
    "flebotomía": "phlebotomy",
    "flebotomia": "phlebotomy",
    "masaje": "massage",
    "masajes": "massage",
    "barbería": "barber",
    "barberia": "barber",
    "auxiliar de enfermería": "nursing assistant",
    "auxiliar de enfermeria": "nursing assistant",
    "asistente de enfermería": "nursing assistant",
    "asistente de enfermeria": "nursing assistant",
    "maestra de": "teacher of",
    "maestro de": "teacher of",
    "profesora de": "teacher of",
    "profesor de": "teacher of",
    "maestra": "teacher",
    "maestro": "teacher",
    "profesora": "teacher",
    "profesor": "teacher",
    "radiología dental": "dental radiography",
    "radiologia dental": "dental radiography",
    "radiología": "radiography",
    "radiologia": "radiography",
    "contador": "accountant",
    "contadora": "accountant",
}
_PATTERNS = [
    (re.compile(rf"\b{pattern}\b", re.IGNORECASE), plain) for pattern, plain in IDIOMS.items()
]
_SPANISH = re.compile(
    r"(?<![\w])(?:"
    + "|".join(re.escape(w) for w in sorted(SPANISH, key=len, reverse=True))
    + r")(?![\w])",
    re.IGNORECASE,
)


def catalog_words(text: str) -> str:
    """The text with idioms and Spanish subject words as the catalog writes them."""
    for pattern, plain in _PATTERNS:
        text = pattern.sub(plain, text)
    return _SPANISH.sub(lambda found: SPANISH[found.group().lower()], text)
