# area: cells
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (cell_contents); Library types.CellType
# description: Reading cell_contents of a cell whose variable is not yet assigned raises ValueError; once assigned it reads the value.
# expect: empty raises ValueError
# expect: filled == "now"
def outer():
    def inner():
        return x
    cell = inner.__closure__[0]
    probe_call("empty", getattr, cell, "cell_contents")
    x = "now"
    probe_call("filled", getattr, cell, "cell_contents")
outer()
