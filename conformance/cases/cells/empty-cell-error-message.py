# area: cells
# level: cpython-detail
# min_version: 3.0
# spec: CPython Objects/cellobject.c (cell_get_contents)
# description: CPython's ValueError for reading an empty cell says "Cell is empty".
# expect: empty.message == "Cell is empty"
def outer():
    def inner():
        return x
    cell = inner.__closure__[0]
    probe_call("empty", getattr, cell, "cell_contents")
    x = 1
outer()
