# area: cells
# level: cpython-detail
# min_version: 3.0
# spec: CPython Objects/cellobject.c (cell_repr)
# description: CPython's repr of a cell names the type of its contents, or says "empty"; addresses are masked here.
# expect: filled == "<cell at ADDR: int object at ADDR>"
# expect: empty == "<cell at ADDR: empty>"
import re
def outer():
    def inner():
        return x
    cell = inner.__closure__[0]
    probe("empty", re.sub("0x[0-9a-fA-F]+", "ADDR", repr(cell)))
    x = 5
    probe("filled", re.sub("0x[0-9a-fA-F]+", "ADDR", repr(cell)))
outer()
