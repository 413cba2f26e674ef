"""Hypothesis profiles: `dev` (the default), `ci`, `thorough` and `compilers`.

    python -m pytest conformance --hypothesis-profile thorough

Each example of a generated property is a batch of --programs-per-example
programs (50 by default), so `dev` gives each property EXAMPLES x 50 = 1,000
programs, about 41,000 per interpreter over all 43 properties. `ci` is half as much
again (CI_EXAMPLES: about 63,000 programs per interpreter), derandomized, so a CI
run is repeatable. `thorough` is 20 times the
budget. `fail-fast` stops at the first failure without shrinking it (the suite's
own tests use it to show that a property can fail). The seeds of failing examples
are kept in the Hypothesis database (.hypothesis/), and replayed first on the
next run.
"""

from __future__ import annotations

from hypothesis import HealthCheck, Phase, settings

EXAMPLES = 20
CI_EXAMPLES = 30  # the derandomized run that vouches for the model: at least 50,000 programs per interpreter

_common = settings(
    deadline=None,  # targets are subprocesses: their timing is not the program's
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
        # the target and the check's record are shared by all examples on purpose
        HealthCheck.function_scoped_fixture,
    ],
)

# (random said explicitly: under a CI environment variable, Hypothesis's own defaults are derandomized)
settings.register_profile("dev", _common, max_examples=EXAMPLES, derandomize=False)
settings.register_profile("ci", _common, max_examples=CI_EXAMPLES, derandomize=True, database=None)
settings.register_profile("thorough", _common, max_examples=20 * EXAMPLES, derandomize=False)
# For compilers (nox -t compilers), where a program costs a C compile, about a second: few examples,
# derandomized, so that a run is repeatable and a second run finds every program already built.
COMPILERS_EXAMPLES = 4
settings.register_profile("compilers", _common, max_examples=COMPILERS_EXAMPLES, derandomize=True, database=None)
# For showing that a property fails at all (the suite's own tests): no shrinking, and a
# larger budget, which only a property that does not fail spends.
settings.register_profile(
    "fail-fast", _common, max_examples=4 * EXAMPLES, derandomize=True, database=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)  # fmt: skip
settings.load_profile("dev")
