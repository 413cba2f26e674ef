# area: cells
# level: data-model
# min_version: 3.8
# requires: cell_type
# spec: Library types.FunctionType(code, globals, name, argdefs, closure); types.CellType
# description: types.FunctionType with a tuple of fresh cells makes a function whose free variable reads that cell, including later writes to it.
# expect: first == 10
# expect: second == 11
import types
def outer():
    x = 0
    def inner():
        return x
    return inner
cell = types.CellType(10)
g = types.FunctionType(outer().__code__, globals(), "g", None, (cell,))
probe_call("first", g)
cell.cell_contents = 11
probe_call("second", g)
