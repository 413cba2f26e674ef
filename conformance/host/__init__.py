"""The host's side of the runner protocol, and what it asks of the operating system.

protocol      the protocol's messages as records: Hello, Program, ProgramResult, Fault
driver        runners as persistent subprocesses: batches, faults, limits, restarts
interpreters  the Pythons on this machine (for nox; standard library only)
system        process statistics, atomic writes, the run's scratch folder
trace         the steps of a run, written to a file when asked (for stopping runs at a moment)
"""
