# area: closure-attribute
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__); code objects (co_freevars, co_cellvars)
# description: A nested function that uses only its own parameters and locals has __closure__ None, and the outer function has no cell variables.
# expect: inner.closure == None
# expect: inner.freevars == ()
# expect: outer.cellvars == ()
def outer():
    x = 1
    def inner(a):
        b = 2
        return a + b
    return inner
probe_closure("outer", outer)
probe_closure("inner", outer())
