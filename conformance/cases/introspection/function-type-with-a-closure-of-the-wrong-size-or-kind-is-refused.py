# area: introspection
# level: cpython-detail
# min_version: 3.0
# spec: CPython's func_new (Objects/funcobject.c): closure must be a tuple of cells with exactly len(co_freevars) items (ValueError for the wrong length, TypeError for an item that is not a cell)
# description: types.FunctionType refuses a closure tuple of the wrong length (ValueError) and one whose item is not a cell (TypeError).
# expect: wrong_length raises ValueError
# expect: not_a_cell raises TypeError
import types
def outer():
    x = 1
    return lambda: x
code = outer().__code__
probe_call("wrong_length", lambda: types.FunctionType(code, globals(), "f", None, ()))
probe_call("not_a_cell", lambda: types.FunctionType(code, globals(), "f", None, (1,)))
