"""Run closure-conformance programs inside a target interpreter.

This file is executed by the interpreter under test, so it is written for the
oldest Python 3 (no f-strings, no walrus, no annotations) and imports nothing
beyond the standard library; every attribute it relies on is looked up
defensively, because the whole point is to run on interpreters that may lack it.

Protocol: one JSON object per line, ASCII only.

    runner -> host   {"hello": {...}}                  once, at start
    host -> runner   {"batch": [{"id": ..., "source": ...}, ...]}
    runner -> host   {"result": {...}}                 one per program, in order
    runner -> host   {"done": N}                       after the batch
    host -> runner   {"quit": true}  (or end of input)

A result is written only once its program has finished, so when the runner dies
the host knows exactly which program was running: the first one without a result.
A target that prepares each program before running it (a compile-then-run adapter,
adapters/compiled.py) may also send, before a program's result,

    runner -> host   {"progress": ID}                  still preparing program ID

which starts that program's deadline again (this runner never needs it).

Programs see four probe functions; each records one observation under a label
(a label recorded again, by a probe in a loop or a function called twice, gets
a suffix: label#2, label#3 ...):

    probe(label, value)               the value
    probe_call(label, f, *args)       f's return value, or the exception it raised
    probe_closure(label, f)           closure facts of the function object f
    probe_cell(label, cell)           contents (or emptiness) and identity of a cell

Run standalone on one file to see what a program observes:

    python runner.py --show PROGRAM.py
"""

import sys

try:
    import json
except ImportError:  # MicroPython and other small implementations
    import ujson as json

PROTOCOL = 1
MAX_TEXT = 2000  # bound on any one message, repr or captured output
MAX_DEPTH = 20  # bound on nesting when encoding values


# -- encoding values -------------------------------------------------------


def encode(value, depth=0):
    """Turn a value into JSON that keeps the distinctions a program can observe.

    Plain JSON keeps None, bools, ints, floats, strings and lists apart; tuples,
    dicts, sets and other objects are wrapped in a one-key object naming the type.
    """
    if value is None or value is True or value is False:
        return value
    kind = type(value)
    if depth > MAX_DEPTH:
        return {"object": kind.__name__, "repr": "<nested too deep>"}
    if kind is int or kind is str:
        return value
    if kind is float:
        if value != value or value in (float("inf"), float("-inf")):  # noqa: PLR0124 (NaN)
            return {"float": repr(value)}
        return value
    if kind is list:
        return [encode(item, depth + 1) for item in value]
    if kind is tuple:
        return {"tuple": [encode(item, depth + 1) for item in value]}
    if kind is dict:
        return {"dict": [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]}
    if kind is set or kind is frozenset:
        items = [encode(item, depth + 1) for item in value]
        items.sort(key=dumps_sorted)
        return {kind.__name__: items}
    if hasattr(value, "__name__") and (hasattr(value, "__code__") or _function_type_name(kind, value)):
        return {"function": value.__name__}  # (MicroPython's functions have no __code__: known by type name)
    return {"object": kind.__name__, "repr": _bounded(_safe_repr(value))}


def _function_type_name(kind, value):
    """A function known by its type's name where it has no __code__ (MicroPython): `function`,
    `closure`, a callable `generator` (MicroPython's generator functions; the generators they
    return are not callable), or a `bound_method` (whose function's code has nested code: MicroPython
    gives no __code__ then). probe_closure still reports the type's own name."""
    name = kind.__name__
    return name in ("function", "closure", "bound_method") or (name == "generator" and callable(value))


def normalized(encoded):
    """An encoded value with the reprs of opaque objects dropped: they carry addresses."""
    if isinstance(encoded, list):
        return [normalized(item) for item in encoded]
    if isinstance(encoded, dict):
        if "object" in encoded:
            return {"object": encoded["object"]}
        return {key: normalized(item) for key, item in encoded.items()}
    return encoded


def canonical(encoded):
    """One text per observable value: two encoded values are the same exactly when these are.

    (Keeps True apart from 1, and 1.0 apart from 1.) The host compares with it, and so
    does a standalone reproduction script, which carries this file.
    """
    return dumps_sorted(normalized(encoded))


def dumps_sorted(value):
    """json.dumps(value, sort_keys=True), also where json.dumps has no sort_keys (MicroPython's).

    Set items are ordered by this text, as the model orders them on the host: the fallback
    writes what CPython's json.dumps writes (its default separators, keys sorted).
    """
    try:
        return json.dumps(value, sort_keys=True)
    except TypeError:  # MicroPython: "extra keyword arguments given"
        pass
    if isinstance(value, dict):
        keys = sorted(value)
        return "{" + ", ".join([json.dumps(key) + ": " + dumps_sorted(value[key]) for key in keys]) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join([dumps_sorted(item) for item in value]) + "]"
    return json.dumps(value)


def encode_exception(exc):
    """The exception's exact class (name and module), its ancestry and message."""
    kind = type(exc)
    mro = getattr(kind, "__mro__", (kind,))
    return {
        "type": kind.__name__,
        "module": getattr(kind, "__module__", "builtins"),
        "mro": [base.__name__ for base in mro],
        "message": _bounded(_safe_str(exc)),
    }


def _bounded(text):
    if len(text) > MAX_TEXT:
        return text[:MAX_TEXT] + "...<%d more>" % (len(text) - MAX_TEXT)
    return text


def _safe_repr(value):
    try:
        return repr(value)
    except BaseException:
        return "<repr failed>"


def _safe_str(value):
    try:
        return str(value)
    except BaseException:
        return "<str failed>"


# -- probes -----------------------------------------------------------------


class ProbeError(Exception):
    """A probe was used wrongly by the program (a bug in the program, not the target)."""


class Observer(object):
    """Collects the observations of one program run.

    Cells get identity labels 0, 1, 2 ... in order of first sight; within one
    closure they are visited in order of variable name, so the labels do not
    depend on the order of co_freevars (a CPython detail).
    """

    def __init__(self):
        self.observations = []
        self.labels = {}
        self.cell_labels = []
        self.seen_cells = []  # keeps probed cells alive, so id() values stay unique

    def record(self, label, observation):
        """Record under the label; a label recorded again gets #2, #3 ... (a probe in a loop)."""
        if not isinstance(label, str):
            raise ProbeError("probe label must be a string, got %r" % (label,))
        count = self.labels.get(label, 0) + 1
        self.labels[label] = count
        if count > 1:
            label = "%s#%d" % (label, count)
        self.observations.append([label, observation])

    def probe(self, label, value):
        self.record(label, {"value": encode(value)})
        return value

    def probe_call(self, label, function, *args, **kwargs):
        try:
            result = function(*args, **kwargs)
        except Exception as error:  # (`as`, not sys.exc_info(): MicroPython lacks it)
            self.record(label, {"raises": encode_exception(error)})
            return None
        self.record(label, {"value": encode(result)})
        return result

    def probe_closure(self, label, function):
        self.record(label, closure_facts(function, self.cell_facts))
        return function

    def probe_cell(self, label, cell):
        self.record(label, {"cell": self.cell_facts(cell)})
        return cell

    def cell_label(self, cell):
        for index in range(len(self.cell_labels)):
            if self.cell_labels[index] is cell:
                return index
        self.cell_labels.append(cell)
        return len(self.cell_labels) - 1

    def cell_facts(self, cell):
        facts = {"id": self.cell_label(cell)}
        try:
            facts["value"] = encode(cell.cell_contents)
        except ValueError:
            facts["empty"] = True
        except AttributeError:
            facts["unsupported"] = "cell_contents"
        return facts

    def namespace(self):
        return {
            "__name__": "__main__",
            "__builtins__": _builtins,
            "probe": self.probe,
            "probe_call": self.probe_call,
            "probe_closure": self.probe_closure,
            "probe_cell": self.probe_cell,
        }


def closure_facts(function, cell_facts):
    """What a function object says about its closure, attribute by attribute."""
    facts = {"type": type(function).__name__}
    code = getattr(function, "__code__", None)
    if code is None:
        facts["unsupported"] = "__code__"
        freevars = None
    else:
        try:
            freevars = list(code.co_freevars)
        except Exception:  # missing, or not a sequence (Brython: a JavaScript undefined)
            facts["unsupported"] = "co_freevars"
            return facts
        facts["freevars"] = freevars
        try:
            facts["cellvars"] = list(code.co_cellvars)
        except Exception:
            pass
    try:
        closure = function.__closure__
    except AttributeError:
        facts["unsupported"] = "__closure__"
        return facts
    if closure is None:
        facts["closure"] = None
        return facts
    facts["closure"] = len(closure)
    if freevars is not None and len(freevars) == len(closure):
        cells = {}
        for name, cell in sorted(zip(freevars, closure), key=lambda pair: pair[0]):
            cells[name] = cell_facts(cell)
        facts["cells"] = cells
    return facts


# -- running programs --------------------------------------------------------


class Capture(object):
    """A stand-in for a program's standard streams: keeps a bounded prefix of what it writes."""

    def __init__(self):
        self.parts = []
        self.size = 0

    def write(self, text):
        if self.size < MAX_TEXT:
            self.parts.append(text[: MAX_TEXT - self.size])
        self.size += len(text)
        return len(text)

    def flush(self):
        pass

    def read(self, size=-1):
        return ""  # a program reading its stdin finds it empty: the real one carries the protocol

    def readline(self, size=-1):
        return ""

    def text(self):
        text = "".join(self.parts)
        if self.size > MAX_TEXT:
            text += "...<%d more>" % (self.size - MAX_TEXT)
        return text


def _swap_streams(replacements):
    """Point sys.stdin/stdout/stderr at a capture (or back); return what they were.

    Where a stream cannot be replaced (MicroPython's sys.stdout), it is left alone:
    the program's output then goes wherever the host sends it, not into the protocol.
    """
    saved = {}
    for name in ("stdin", "stdout", "stderr"):
        replacement = replacements.get(name) if isinstance(replacements, dict) else replacements
        if replacement is None:
            continue
        try:
            saved[name] = getattr(sys, name)
            setattr(sys, name, replacement)
        except (AttributeError, TypeError):
            saved.pop(name, None)
    return saved


def _builtin_names():
    names = set(dir(_builtins))
    try:
        names.update(_builtins.__dict__)  # where MicroPython keeps names a program added
    except (AttributeError, TypeError):
        pass
    return names


class BuiltinsGuard(object):
    """The builtins module as the runner found it, put back after every program.

    Where the module's namespace is a plain dict (CPython, PyPy), checking that a
    program left it alone costs two list comparisons; only a program that changed
    it pays for a restore. Elsewhere every name is compared after every program.
    """

    def __init__(self):
        namespace = getattr(_builtins, "__dict__", None)
        self.namespace = namespace if type(namespace) is dict else None
        self.pristine = {}
        for name in _builtin_names():
            try:
                self.pristine[name] = getattr(_builtins, name)
            except AttributeError:
                pass
        if self.namespace is not None:
            self.keys = list(self.namespace)
            self.ids = list(map(id, self.namespace.values()))  # the originals are kept alive: ids stay unique

    def unchanged(self):
        namespace = self.namespace
        return namespace is not None and list(namespace) == self.keys and list(map(id, namespace.values())) == self.ids

    def restore(self):
        """Undo what a program did to the builtins module, so the next program starts clean."""
        if self.unchanged():
            return
        for name in _builtin_names():
            if name not in self.pristine:
                try:
                    delattr(_builtins, name)
                except (AttributeError, TypeError):
                    pass
        for name in self.pristine:
            try:
                if getattr(_builtins, name, None) is not self.pristine[name]:
                    setattr(_builtins, name, self.pristine[name])
            except (AttributeError, TypeError):
                pass


_guard = []  # the BuiltinsGuard, made before the first program runs


def run_program(program_id, source, filename="<program>"):
    """Compile and run one program in a fresh namespace; return its result."""
    result = {"id": program_id}
    try:
        code = compile(source, filename, "exec")
    except BaseException as error:  # SyntaxError, and whatever a broken compiler raises
        result["compile_error"] = encode_exception(error)
        return result

    def execute(namespace):
        exec(code, namespace)  # (a statement, not in a lambda: Python 2 parses this file too, to refuse itself)

    return run_prepared(program_id, execute)


def run_prepared(program_id, execute):
    """Run a program prepared some other way (a compiled module); return its result.

    `execute(namespace)` runs it in the namespace run_program would give it (the probes,
    `__name__`, `__builtins__`), with the same capture of its streams and the same care of
    builtins, so its observations are encoded exactly as run_program's.
    """
    result = {"id": program_id}
    observer = Observer()
    captured = Capture()
    if not _guard:
        _guard.append(BuiltinsGuard())
    streams = _swap_streams(captured)
    try:
        try:
            execute(observer.namespace())
        except BaseException as error:  # SystemExit, KeyboardInterrupt, RecursionError too
            result["error"] = encode_exception(error)
    finally:
        _swap_streams(streams)
        _guard[0].restore()
    result["observations"] = observer.observations
    if captured.size:
        result["output"] = captured.text()
    return result


# -- handshake ---------------------------------------------------------------


# One probe per construct a program (generated or hand-written) may use, compiled and never
# run: what the target parses decides which constructs its programs get and which cases run,
# whatever language version it reports (MicroPython says 3.4 and parses `:=`). The Skulpt
# adapter, which cannot run this file, evaluates this table from here to its closing line.
SYNTAX_PROBES = (
    ("nonlocal", "def f():\n x = 1\n def g():\n  nonlocal x\n  x = 2\n"),
    ("walrus", "(y := 1)\n"),
    ("posonly", "def f(a, /):\n pass\n"),
    ("kwonly", "def f(*, a):\n pass\n"),
    ("starred_assignment", "a, *b = [1, 2]\n"),
    ("extended_unpacking", "f(*a, *b, **c, **d)\nx = [*a, *b]\ny = (*a, *b)\nz = {*a, *b}\nw = {**c, **d}\n"),
    (
        "match",
        "match x:\n case [a, *rest]:\n  pass\n case {'k': v, **others}:\n  pass\n"
        " case C(n, key=k) as c:\n  pass\n case other:\n  pass\n",
    ),
    ("async", "async def f():\n await g()\n"),
    ("async_generator", "async def f():\n yield 1\n"),
    ("async_comprehension", "async def f(y):\n a = [x async for x in y]\n b = [await x for x in y]\n"),
    ("yield_from", "def f():\n yield from g()\n"),
    ("class_keywords", "class C(B, k=1):\n pass\n"),
    ("decorator_expressions", "@x[0]\ndef f():\n pass\n@(lambda f: f)\ndef g():\n pass\n"),
    ("type_params", "def f[T](a):\n pass\nclass C[T]:\n pass\n"),
    ("type_alias", "type X = int\n"),
    ("variable_annotations", "x: int = 1\nclass C:\n y: int\n"),
    ("fstring", "f'{1}'\n"),
    ("dict_comprehension", "{k: v for k, v in []}\n"),
    ("set_literal", "{1, 2}\n"),
    ("conditional_expression", "1 if x else 2\n"),
    ("try_finally", "try:\n pass\nexcept Exception as e:\n pass\nelse:\n pass\nfinally:\n pass\n"),
    ("with_as", "with a as b:\n pass\n"),
    ("chained_comparison", "1 < x < 3\n"),
    ("starred_call", "f(*a, **k)\n"),
    ("keyword_call", "f(a=1)\n"),
)


def _compiles(source):
    try:
        compile(source, "<capability>", "exec")
        return True
    except Exception:  # SyntaxError, or whatever a compiler that gives up raises instead
        return False


def _dynamic_execution():
    """eval() and exec() of source text, with and without a namespace."""
    try:
        namespace = {}
        exec("y = 2", namespace)
        return eval("1 + 1") == 2 and namespace.get("y") == 2
    except Exception:  # NotImplementedError, NameError (no exec), ...
        return False


def _annotations():
    """Functions keep their parameter annotations in __annotations__."""
    try:
        source = "def annotated(x: int):\n    pass\nresult = annotated.__annotations__"
        namespace = {}
        exec(source, namespace)
        return namespace["result"] == {"x": int}
    except Exception:
        return False


def _capabilities():
    """What this interpreter supports, tested directly rather than by version."""

    def outer():
        x = 1

        def inner():
            return x

        return inner

    inner = outer()
    caps = {}
    caps["closure_attr"] = hasattr(inner, "__closure__")
    caps["code_attr"] = isinstance(getattr(getattr(inner, "__code__", None), "co_freevars", None), tuple)
    caps["cellvars"] = isinstance(getattr(getattr(outer, "__code__", None), "co_cellvars", None), tuple)
    cell = None
    if caps["closure_attr"] and inner.__closure__:
        cell = inner.__closure__[0]
    caps["cell_contents"] = cell is not None and hasattr(cell, "cell_contents")
    writable = False
    if caps["cell_contents"]:
        try:
            cell.cell_contents = 2
            writable = inner() == 2
        except Exception:  # AttributeError, TypeError, or a broken setter (Brython: JavascriptError)
            writable = False
    caps["cell_contents_writable"] = writable
    try:
        import types

        caps["cell_type"] = hasattr(types, "CellType")
        caps["function_type"] = hasattr(types, "FunctionType")
    except ImportError:
        caps["cell_type"] = caps["function_type"] = False
    for name, source in SYNTAX_PROBES:
        caps[name] = _compiles(source)
    caps["getframe"] = callable(getattr(sys, "_getframe", None))
    caps["dynamic_execution"] = _dynamic_execution()
    caps["annotations"] = _annotations()
    for module in ("gc", "weakref", "inspect", "functools"):
        try:
            __import__(module)
            caps[module] = True
        except ImportError:
            caps[module] = False
    return caps


def hello():
    implementation = getattr(sys, "implementation", None)
    name = getattr(implementation, "name", None) or "cpython"
    version = list(sys.version_info[:3])
    info = {
        "protocol": PROTOCOL,
        "implementation": name,
        "version": version,
        "language": "%d.%d" % (version[0], version[1]),
        "sys_version": sys.version,
        "executable": getattr(sys, "executable", "") or "",
        "capabilities": _capabilities(),
    }
    pypy = getattr(sys, "pypy_version_info", None)
    if pypy is not None:
        info["implementation_version"] = "%d.%d.%d" % tuple(pypy[:3])
    return info


# -- the loop ----------------------------------------------------------------


def _protocol_streams():
    """Binary streams for the protocol, with fd 1 pointed away from it.

    Programs that write to file descriptor 1 directly (os.write, C extensions)
    end up on stderr instead of corrupting the protocol.
    """
    inp = getattr(sys.stdin, "buffer", sys.stdin)
    out = getattr(sys.stdout, "buffer", sys.stdout)
    try:
        import os

        out_fd = os.dup(1)
        os.dup2(2, 1)
        return inp, os.fdopen(out_fd, "wb")
    except (ImportError, AttributeError, OSError):
        return inp, out


def _dumps(message):
    if not _FLOATS_KEPT:
        return message_text(message)
    try:
        return json.dumps(message, separators=(",", ":"))  # compact: the host reads tens of thousands
    except TypeError:  # a json module without `separators`
        return json.dumps(message)


_FLOATS_KEPT = json.dumps(1.0) == "1.0"  # Brython's json writes an integral float as an int (1.0 as 1)


def message_text(message):
    """The JSON text of a message, each float written as repr() writes it, so that the host reads 1.0 as a
    float even where the json module would write 1 (Brython's); the rest as the json module writes it."""
    if type(message) is float:
        return repr(message)  # (finite: encode() wraps nan and the infinities)
    if isinstance(message, dict):
        return "{" + ",".join([json.dumps(key) + ":" + message_text(message[key]) for key in message]) + "}"
    if isinstance(message, (list, tuple)):
        return "[" + ",".join([message_text(item) for item in message]) + "]"
    return json.dumps(message)


def _send(stream, message):
    line = _dumps(message) + "\n"
    stream.write(line.encode("ascii"))
    stream.flush()


def serve():
    inp, out = _protocol_streams()
    _send(out, {"hello": hello()})
    while True:
        line = inp.readline()
        if not line:
            return
        line = line.strip()
        if not line:
            continue
        request = json.loads(line.decode("utf-8"))
        if "quit" in request:
            return
        programs = request.get("batch", [])
        for program in programs:
            result = run_program(program["id"], program["source"], program.get("filename", "<program>"))
            _send(out, {"result": result})
        _send(out, {"done": len(programs)})


def show(path):
    """Run one program file and print its observations, one per line."""
    handle = open(path)
    try:
        source = handle.read()
    finally:
        handle.close()
    result = run_program(path, source, path)
    for key in ("compile_error", "error"):
        if key in result:
            print("%s: %s" % (key, json.dumps(result[key])))
    for label, observation in result.get("observations", []):
        print("%s: %s" % (label, dumps_sorted(observation)))
    if "output" in result:
        print("output: %s" % json.dumps(result["output"]))


try:
    import builtins as _builtins
except ImportError:
    import __builtin__ as _builtins

if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--show":
        show(sys.argv[2])
    else:
        serve()
