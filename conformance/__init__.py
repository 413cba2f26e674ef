"""The closure conformance suite: checks of Python's closure semantics, run against any interpreter.

target/       runs inside the interpreter under test (the runner, the Node adapters)
host/         the host's side of the protocol: the driver and what it needs of the system
engine/       the checks: cases and generated properties, judged by one comparator
model/        the oracle: the reference model of the Language Reference
plugin/       the pytest client of the engine
cases/, expectations/   data: hand-written cases, known differences
"""
