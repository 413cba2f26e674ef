# area: cells
# level: data-model
# min_version: 3.8
# requires: cell_type
# spec: Library types.CellType ("the type for cell objects: such objects are used as containers for a function's free variables")
# description: The cells in a function's __closure__ are exactly of type types.CellType.
# expect: exact == True
def outer():
    x = 1
    def inner():
        return x
    return inner
import types
probe("exact", type(outer().__closure__[0]) is types.CellType)
