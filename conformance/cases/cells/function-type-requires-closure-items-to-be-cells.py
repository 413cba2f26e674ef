# area: cells
# level: data-model
# min_version: 3.0
# spec: Library types.FunctionType(code, globals, name, argdefs, closure) (closure: a tuple of cells)
# description: types.FunctionType raises TypeError for a closure tuple of the right length whose item is a plain value instead of a cell.
# expect: not_a_cell raises TypeError
import types
def outer():
    x = 1
    def inner():
        return x
    return inner
probe_call("not_a_cell", types.FunctionType, outer().__code__, globals(), "f", None, (1,))
