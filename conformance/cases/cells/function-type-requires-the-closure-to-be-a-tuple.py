# area: cells
# level: data-model
# min_version: 3.0
# spec: Library types.FunctionType(code, globals, name, argdefs, closure) (closure: a tuple of cells)
# description: types.FunctionType refuses a closure that is a list of cells rather than a tuple, with TypeError.
# expect: as_list raises TypeError
import types
def outer():
    x = 1
    def inner():
        return x
    return inner
f = outer()
probe_call("as_list", types.FunctionType, f.__code__, globals(), "f", None, list(f.__closure__))
