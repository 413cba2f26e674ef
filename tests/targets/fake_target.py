"""A fake interpreter for fault-injection tests: it speaks the runner protocol, and misbehaves on request.

The driver starts it like any target, appending `-I runner.py` (ignored here):

    python fake_target.py [--fail-start-after N --starts FILE] [--hello garbage|none|malformed] -I runner.py

A program's source says what to do with it:

    ok VALUE         answer normally, with the observation v = VALUE
    segfault         die by SIGSEGV              abort          die by SIGABRT (os.abort)
    exit N           os._exit(N)                 quiet-exit     sys.exit(0) in the middle of a batch
    hang             busy loop                   block          blocking read that never returns
    flood-stdout     endless bytes, no newline, on the protocol stream
    flood-lines      endless junk lines on the protocol stream
    flood-stderr     50 MB on stderr, then answer normally
    babble-stderr    stderr forever, never answer
    raw-bytes        bytes that are not text on the protocol stream
    bad-utf8         a protocol-looking line with invalid UTF-8
    deep-json        JSON nested far deeper than a parser's recursion limit
    wrong-id         a result for another program
    malformed        a result whose observations are not [label, object] pairs
    done-early       end the batch without answering
    exhaust-memory   allocate until memory runs out, and die of it
    burn-cpu         busy loop (for the CPU-time limit)
    fds              answer with the file descriptors open in this process
    progress N       N progress messages 0.3 s apart (a compiler at work), then answer
    progress-other   a progress message naming another program

With --fail-start-after N, every start after the N-th (counted in FILE) exits at once
with status 1, as an interpreter that breaks between runs would.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any, BinaryIO


def send(stream: BinaryIO, message: dict[str, Any]) -> None:
    stream.write((json.dumps(message) + "\n").encode("ascii"))
    stream.flush()


def answer(stream: BinaryIO, program_id: str, value: object) -> None:
    send(stream, {"result": {"id": program_id, "observations": [["v", {"value": value}]]}})


def start_up(argv: list[str]) -> str:
    options = dict(zip(argv[::2], argv[1::2], strict=False))
    if "--fail-start-after" in options:
        path = Path(options["--starts"])
        count = int(path.read_text() or 0) + 1 if path.exists() else 1
        path.write_text(str(count))
        if count > int(options["--fail-start-after"]):
            sys.stderr.write("fake: broken since start %d\n" % count)
            sys.exit(1)
    return options.get("--hello", "ok")


def misbehave(action: str, argument: str, program_id: str, out: BinaryIO) -> str | None:
    if action == "segfault":
        os.kill(os.getpid(), signal.SIGSEGV)
    elif action == "abort":
        os.abort()
    elif action == "exit":
        os._exit(int(argument))
    elif action == "quiet-exit":
        sys.exit(0)
    elif action in ("hang", "burn-cpu"):
        while True:
            pass
    elif action == "block":
        never, _ = os.pipe()
        os.read(never, 1)
    elif action == "flood-stdout":
        chunk = b"x" * 65536
        while True:
            out.write(chunk)
    elif action == "flood-lines":
        while True:
            out.write(b"junk\n" * 1000)
    elif action == "flood-stderr":
        for _ in range(800):
            sys.stderr.write("e" * 65536)
        sys.stderr.write("\nlast words on stderr\n")
        sys.stderr.flush()
        answer(out, program_id, "after the flood")
    elif action == "babble-stderr":
        while True:
            sys.stderr.write("babble\n")
            sys.stderr.flush()
    elif action == "raw-bytes":
        out.write(b"\x00\xff\xfe\x80 not text\n")
        out.flush()
    elif action == "bad-utf8":
        out.write(b'{"result": {"id": "\xff\xfe"}}\n')
        out.flush()
    elif action == "deep-json":
        out.write(b"[" * 200000 + b"]" * 200000 + b"\n")
        out.flush()
    elif action == "wrong-id":
        answer(out, "not-" + program_id, 1)
    elif action == "malformed":
        send(out, {"result": {"id": program_id, "observations": "everything"}})
    elif action == "done-early":
        return "done"
    elif action == "exhaust-memory":
        hoard = []
        while True:
            hoard.append(bytearray(1 << 20))
    elif action == "progress":
        for _ in range(int(argument)):
            time.sleep(0.3)
            send(out, {"progress": program_id})
        answer(out, program_id, "after progress")
    elif action == "progress-other":
        send(out, {"progress": "not-" + program_id})
    elif action == "fds":
        answer(out, program_id, sorted(int(fd) for fd in os.listdir("/proc/self/fd")))
    else:
        raise SystemExit("fake: unknown action %r" % action)
    return None


def main() -> None:
    hello = start_up(sys.argv[1:])
    out = os.fdopen(os.dup(1), "wb")
    if hello == "none":
        while True:
            pass
    if hello == "garbage":
        out.write(b"Python 3.99 interactive shell\n>>> ")
        out.flush()
    elif hello == "malformed":
        send(out, {"hello": {"implementation": "fake", "version": "three"}})
    else:
        send(out, {"hello": {"implementation": "fake", "version": [3, 12, 0], "capabilities": {}}})
    for line in sys.stdin.buffer:
        request = json.loads(line.decode("utf-8"))
        if "quit" in request:
            return
        batch = request["batch"]
        for program in batch:
            action, _, argument = program["source"].partition(" ")
            if action == "ok":
                answer(out, program["id"], argument)
            elif misbehave(action, argument, program["id"], out) == "done":
                break
        send(out, {"done": len(batch)})


if __name__ == "__main__":
    main()
