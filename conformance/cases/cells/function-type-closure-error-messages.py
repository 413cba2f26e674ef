# area: cells
# level: cpython-detail
# min_version: 3.0
# spec: CPython Objects/funcobject.c (function.__new__ checks of the closure argument)
# description: CPython's messages for a bad closure argument to types.FunctionType: None or non-tuple, wrong length (named after the code object), non-cell item.
# expect: none.message == "arg 5 (closure) must be tuple"
# expect: as_list.message == "arg 5 (closure) must be None or tuple"
# expect: length.message == "inner requires closure of length 1, not 2"
# expect: not_a_cell.message == "arg 5 (closure) expected cell, found int"
import types
def outer():
    x = 1
    def inner():
        return x
    return inner
f = outer()
code, cell = f.__code__, f.__closure__[0]
probe_call("none", types.FunctionType, code, globals(), "f", None, None)
probe_call("as_list", types.FunctionType, code, globals(), "f", None, [cell])
probe_call("length", types.FunctionType, code, globals(), "f", None, (cell, cell))
probe_call("not_a_cell", types.FunctionType, code, globals(), "f", None, (1,))
