"""The real runner, which also writes down every program it is given (one line per program: its source's digest).

    python3 recording_python.py LOG_FILE -I /path/to/runner.py

For tests of which programs a run draws (the driver appends `-I runner.py` like for any target).
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from typing import Any


def main() -> None:
    log, runner_path = sys.argv[1], sys.argv[-1]
    spec = importlib.util.spec_from_file_location("runner", runner_path)
    assert spec is not None and spec.loader is not None
    runner: Any = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runner)
    real_run_program = runner.run_program

    def run_program(program_id: str, source: str, filename: str = "<program>") -> dict[str, Any]:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(hashlib.sha256(source.encode("utf-8")).hexdigest() + "\n")
        result: dict[str, Any] = real_run_program(program_id, source, filename)
        return result

    runner.run_program = run_program
    runner.serve()


if __name__ == "__main__":
    main()
