"""Demo synonym groups from fixtures/demo/synonyms.yaml, added once (editors may change them)."""

from pages.demo import read_fixture

from .models import Synonym
from .terms import split_terms

FIXTURE = "synonyms.yaml"


def load_demo_synonyms() -> int:
    """Create each group none of whose terms is in a group yet; returns how many were created."""
    known = {term for group in Synonym.objects.groups() for term in group}
    created = 0
    for group in read_fixture(FIXTURE)["synonyms"]:
        terms = split_terms(", ".join(group))
        if known.intersection(terms):
            continue
        synonym = Synonym(terms=", ".join(terms))
        synonym.full_clean()
        synonym.save()
        known.update(terms)
        created += 1
    return created
