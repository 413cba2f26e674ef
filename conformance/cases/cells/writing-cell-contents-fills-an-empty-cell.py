# area: cells
# level: data-model
# min_version: 3.7
# requires: cell_contents_writable
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (cell_contents can be used to set the value of the cell)
# description: Writing cell_contents of a never-assigned variable's cell binds the variable: the closure that raised NameError now returns the value.
# expect: before raises NameError
# expect: after == 42
def outer():
    if False:
        x = None
    def inner():
        return x
    return inner
inner = outer()
probe_call("before", inner)
inner.__closure__[0].cell_contents = 42
probe_call("after", inner)
