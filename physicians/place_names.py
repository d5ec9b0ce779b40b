"""
Place names as patients write them, from the USPS spellings in the ZIP data.

The USPS list abbreviates to fit its 13-character field ("Minnetnka Mls",
"W Pittsburg", "Los Angls AFB") and drops apostrophes ("Coeur D Alene",
"O Fallon"). The finder shows proper names, once each: abbreviated words are
spelt out, an alias that only abbreviates another name of the same ZIP is
dropped, and the few names no rule can mend are listed by hand.
"""

import re

# USPS abbreviations in place names, spelt out (keys lower case).
WORDS = {
    "n": "North",
    "s": "South",
    "e": "East",
    "w": "West",
    "ft": "Fort",
    "mt": "Mount",
    "pt": "Point",
    "bch": "Beach",
    "ctr": "Center",
    "cty": "City",
    "fls": "Falls",
    "hbr": "Harbor",
    "hgts": "Heights",
    "hls": "Hills",
    "hts": "Heights",
    "jct": "Junction",
    "lk": "Lake",
    "mls": "Mills",
    "mtn": "Mountain",
    "pk": "Park",
    "spg": "Spring",
    "spgs": "Springs",
    "sta": "Station",
    "twp": "Township",
    "vlg": "Village",
    "vly": "Valley",
}
# Names no rule spells right: USPS spelling -> the name patients know.
PROPER = {
    "Nyc": "New York",
    "Lees Summit": "Lee's Summit",
    "Martha S Vineyard": "Martha's Vineyard",
}
_APOSTROPHE = re.compile(r"\b([DO]) ([A-Za-z]{2,})")


def proper_name(usps: str) -> str:
    """'Coeur D Alene' -> "Coeur d'Alene", 'W Pittsburg' -> 'West Pittsburg'."""
    name = " ".join(WORDS.get(word.casefold(), word) for word in usps.split())
    name = PROPER.get(name, name)
    name = re.sub(r"\bMc ?([a-z])", lambda m: "Mc" + m[1].upper(), name)
    name = re.sub(r"\bMc ([A-Z])", r"Mc\1", name)

    def apostrophe(match):
        # "O Fallon" -> "O'Fallon"; inside a name "D" is the French "d'": "Bois d'Arc".
        letter, word = match[1], match[2].capitalize()
        return f"{letter.lower() if match.start() and letter == 'D' else letter}'{word}"

    return _APOSTROPHE.sub(apostrophe, name)


def abbreviates(short: str, full: str) -> bool:
    """True when `short` is `full` with letters left out of its words ('Minnetnka Mls')."""
    short_words, full_words = short.casefold().split(), full.casefold().split()
    if short == full or len(short_words) != len(full_words):
        return False
    return all(
        s[:1] == f[:1] and _subsequence(s, f) for s, f in zip(short_words, full_words, strict=True)
    )


def _subsequence(short: str, full: str) -> bool:
    letters = iter(full)
    return all(char in letters for char in short)
