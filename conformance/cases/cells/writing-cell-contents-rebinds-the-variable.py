# area: cells
# level: data-model
# min_version: 3.7
# requires: cell_contents_writable
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (cell_contents can be used to set the value of the cell; writable since 3.7)
# description: Assigning cell_contents rebinds the captured variable, as seen by the closure and by the function that owns the variable.
# expect: closure_sees == "written"
# expect: owner_sees == "written"
def outer():
    x = "original"
    def inner():
        return x
    def owner_view():
        cell = inner.__closure__[0]
        cell.cell_contents = "written"
        return x
    return inner, owner_view
inner, owner_view = outer()
probe_call("owner_sees", owner_view)
probe_call("closure_sees", inner)
