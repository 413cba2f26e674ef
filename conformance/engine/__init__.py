"""The engine: the stages of a check as plain modules, with no pytest in them.

    catalog       the areas of CATALOG.md and the levels; which areas have generated properties
    checks        check ids (`case:...`, `generated:...`) and the signatures of differences
    records       Difference, Failure, Tally, CheckRecord: what the engine hands on, and its JSON
    compare       Expected, and the one comparison of expected with observed, level by level
    casefile      the case-file format: parsing, and a case's header as an Expected
    expectations  expectation files: which checks, and which ways of differing, are known
    check         one check as it runs: known, collected or failing differences; its Ending
    properties    generated properties: generate, predict, run, compare, shrink
    repro         standalone reproduction scripts of generated failures
    target        the interpreter under test as the engine uses it; starting it
    session       one run against one target: what a client (pytest, the bench, tests) opens
    schema        the results file format (reports/ reads it through this module only)
    results       the results file, written as results arrive

Records, checks and schema need nothing else of the engine; nothing here imports pytest,
Hypothesis or the plugin (tests/test_layout.py holds every module to its place).
"""
