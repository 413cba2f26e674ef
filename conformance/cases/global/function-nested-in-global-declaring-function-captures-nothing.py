# area: global
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__), code objects (co_freevars, co_cellvars); Language Reference 7.12 "The global statement"
# description: The function nested in a global-declaring function has no free variable for the global name, and the declaring function has no cell for it.
# expect: inner.closure == None
# expect: inner.freevars == set()
# expect: middle.closure == None
# expect: middle.cellvars == set()
def outer():
    x = 'outer'
    def middle():
        global x
        x = 'module'
        def inner():
            return x
        return inner
    return middle, middle()
middle, inner = outer()
probe_closure("inner", inner)
probe_closure("middle", middle)
