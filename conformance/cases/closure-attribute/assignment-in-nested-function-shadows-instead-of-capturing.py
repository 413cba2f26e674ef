# area: closure-attribute
# level: data-model
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; Data model 3.2: user-defined functions (__closure__), code objects (co_cellvars)
# description: A nested function that assigns the outer function's name has its own local and no closure; the outer name is not a cell variable.
# expect: inner.closure == None
# expect: outer.cellvars == ()
def outer():
    x = 1
    def inner():
        x = 2
        return x
    return inner
probe_closure("outer", outer)
probe_closure("inner", outer())
