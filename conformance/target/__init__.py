"""Code that runs inside the interpreter under test: runner.py (standard library only, Python 3.0
syntax, imports nothing of the suite) and the adapters of the implementations hosted in Node."""
