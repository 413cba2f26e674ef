# The runner's probes (conformance/target/runner.py) for Skulpt, which has no exec, no json and no
# __closure__: the Skulpt adapter runs this before each program, in the program's module, and
# reads _closure_observations afterwards. Encodings are the runner's; names start with
# _closure_ so that programs over the usual names never meet them.
_closure_observations = []
_closure_labels = {}


def _closure_encode(value, depth=0):
    if value is None or value is True or value is False:
        return value
    kind = type(value)
    if depth > 20:
        return {"object": kind.__name__, "repr": "<nested too deep>"}
    if kind is int or kind is str:
        return value
    if kind is float:
        if value != value or value == float("inf") or value == float("-inf"):
            return {"float": repr(value)}
        return {"$float": repr(value)}  # JavaScript has no 2.0, only 2: the adapter writes this text as it is
    if kind is list:
        return [_closure_encode(item, depth + 1) for item in value]
    if kind is tuple:
        return {"tuple": [_closure_encode(item, depth + 1) for item in value]}
    if kind is dict:
        return {"dict": [[_closure_encode(k, depth + 1), _closure_encode(v, depth + 1)] for k, v in value.items()]}
    if kind is set or kind is frozenset:
        return {kind.__name__: [_closure_encode(item, depth + 1) for item in value]}  # sorted by the adapter
    if kind.__name__ == "function":
        return {"function": value.__name__}
    if kind.__name__ == "method":  # (a bound method: the runner gives its function's name, as CPython's __code__ lets it)
        return {"function": value.__func__.__name__}
    return {"object": kind.__name__, "repr": repr(value)[:2000]}


def _closure_exception(error):
    kind = type(error)
    return {
        "type": kind.__name__,
        "module": "builtins",
        "mro": [base.__name__ for base in kind.__mro__],
        "message": str(error)[:2000],
    }


def _closure_record(label, observation):
    count = _closure_labels.get(label, 0) + 1
    _closure_labels[label] = count
    if count > 1:
        label = label + "#" + str(count)
    _closure_observations.append([label, observation])


def probe(label, value):
    _closure_record(label, {"value": _closure_encode(value)})
    return value


def probe_call(label, function, *args, **kwargs):
    try:
        result = function(*args, **kwargs)
    except Exception as error:
        _closure_record(label, {"raises": _closure_exception(error)})
        return None
    _closure_record(label, {"value": _closure_encode(result)})
    return result


def probe_closure(label, function):
    _closure_record(label, {"type": type(function).__name__, "unsupported": "__code__"})
    return function


def probe_cell(label, cell):
    _closure_record(label, {"cell": {"unsupported": "cells"}})
    return cell
