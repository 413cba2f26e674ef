# area: capture
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": code objects (co_freevars, co_cellvars); Language Reference 4.2.2 "Resolution of names"
# description: Of the enclosing function's locals only those the nested function reads become free variables and cell variables.
# expect: inner.closure == 1
# expect: inner.freevars == {'used'}
# expect: outer.cellvars == {'used'}
def outer():
    used = 1
    unused = 2
    def inner():
        return used
    return inner
probe_closure("inner", outer())
probe_closure("outer", outer)
