# area: closure-attribute
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__: a tuple of cells for the names in co_freevars)
# description: __closure__ holds one cell per name in co_freevars, position for position; names the inner function does not use get no cell.
# expect: inner.closure == 2
# expect: inner.freevars == {"a", "b"}
# expect: inner.cells.a == "A"
# expect: inner.cells.b == "B"
# expect: is_tuple == True
def outer():
    a, b, c = "A", "B", "C"
    def inner():
        return b + a
    return inner
f = probe_closure("inner", outer())
probe("is_tuple", type(f.__closure__) is tuple)
