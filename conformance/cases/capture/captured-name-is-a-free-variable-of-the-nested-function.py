# area: capture
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__), code objects (co_freevars, co_cellvars)
# description: A nested function reading an enclosing local has it in co_freevars and one cell holding its value; the enclosing code lists it in co_cellvars.
# expect: inner.closure == 1
# expect: inner.freevars == {'x'}
# expect: inner.cells.x == 10
# expect: outer.cellvars == {'x'}
def outer():
    x = 10
    def inner():
        return x
    return inner
probe_closure("inner", outer())
probe_closure("outer", outer)
