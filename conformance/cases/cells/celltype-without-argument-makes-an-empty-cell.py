# area: cells
# level: data-model
# min_version: 3.8
# requires: cell_type
# spec: Library types.CellType (new in 3.8); cell([contents]): an empty cell when no contents are given
# description: types.CellType() makes an empty cell whose cell_contents raises ValueError.
# expect: c.contents == EMPTY
# expect: read raises ValueError
import types
c = types.CellType()
probe_cell("c", c)
probe_call("read", getattr, c, "cell_contents")
