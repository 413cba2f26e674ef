# area: cells
# level: data-model
# min_version: 3.7
# requires: cell_contents_writable
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (cell_contents, settable since 3.7; CPython's setter also accepts deletion)
# description: `del cell.cell_contents` empties the cell: reading it raises ValueError and the closure's read raises NameError; writing it again refills it.
# expect: before == 1
# expect: read_empty raises ValueError
# expect: call_empty raises NameError
# expect: refilled == 2
def outer():
    x = 1
    def inner():
        return x
    return inner
inner = outer()
cell = inner.__closure__[0]
probe_call("before", inner)
del cell.cell_contents
probe_call("read_empty", getattr, cell, "cell_contents")
probe_call("call_empty", inner)
cell.cell_contents = 2
probe_call("refilled", inner)
