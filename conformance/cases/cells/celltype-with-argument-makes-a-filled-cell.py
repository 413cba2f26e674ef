# area: cells
# level: data-model
# min_version: 3.8
# requires: cell_type
# spec: Library types.CellType (new in 3.8); cell([contents])
# description: types.CellType(value) makes a cell holding that value, and None counts as a value (the cell is not empty).
# expect: filled.contents == [1, 2]
# expect: none.contents == None
# expect: same_object == True
import types
value = [1, 2]
filled = types.CellType(value)
probe_cell("filled", filled)
probe_cell("none", types.CellType(None))
probe("same_object", filled.cell_contents is value)
