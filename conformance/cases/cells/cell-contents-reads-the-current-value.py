# area: cells
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (a cell's cell_contents gets the value of the cell)
# description: cell_contents reads the variable's value at the time of reading, so a later rebinding in the outer function shows through the same cell.
# expect: first == 1
# expect: second == 2
def outer():
    x = 1
    def inner():
        return x
    def rebind():
        nonlocal x
        x = 2
    return inner, rebind
inner, rebind = outer()
cell = inner.__closure__[0]
probe("first", cell.cell_contents)
rebind()
probe("second", cell.cell_contents)
