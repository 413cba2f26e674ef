# area: closure-attribute
# level: data-model
# min_version: 3.0
# spec: Language Reference 7.12 "The global statement"; Data model 3.2: user-defined functions (__closure__), code objects (co_cellvars)
# description: A nested function that declares a name global does not capture the outer function's variable of that name.
# expect: inner.closure == None
# expect: inner.freevars == ()
# expect: outer.cellvars == ()
x = "global"
def outer():
    x = "local"
    def inner():
        global x
        return x
    return inner
probe_closure("outer", outer)
probe_closure("inner", outer())
