"""Loads the conformance plugin for `python -m pytest conformance ...`."""

from conformance.plugin import (  # noqa: F401  (pytest finds hooks and fixtures by name)
    check_record,
    programs_per_example,
    pytest_addoption,
    pytest_collection_modifyitems,
    pytest_configure,
    pytest_report_header,
    pytest_runtest_makereport,
    pytest_unconfigure,
    reference,
    target,
)
