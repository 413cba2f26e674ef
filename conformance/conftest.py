"""`python -m pytest conformance ...` runs the conformance checks through the suite's pytest plugin."""

pytest_plugins = ["conformance.plugin"]
