"""The number of examples of a slow property: reduced under the dev and ci profiles, full under fuzz and deep."""

from hypothesis import settings


def examples(ci: int) -> int:
    """``ci`` examples under the dev and ci profiles (at most 100), the profile's own count under fuzz and deep.

    For properties whose every example draws and checks a whole dataset or panel: at the ci
    profile's 100 they would add about a minute to a CI run that already takes seven of its ten.
    The fuzz and deep profiles (600 and 3000 examples) reach them in full.
    """
    budget = settings().max_examples
    return budget if budget > 100 else min(ci, budget)
