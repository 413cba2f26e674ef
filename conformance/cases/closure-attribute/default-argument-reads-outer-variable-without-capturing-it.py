# area: closure-attribute
# level: data-model
# min_version: 3.0
# spec: Language Reference 8.7 "Function definitions" (defaults are evaluated when the def runs, in the enclosing scope); Data model 3.2: user-defined functions (__closure__)
# description: A default value computed from an outer variable is evaluated in the outer function, so the inner function captures nothing.
# expect: inner.closure == None
# expect: inner.freevars == ()
# expect: outer.cellvars == ()
def outer():
    x = 3
    def inner(y=x):
        return y
    return inner
probe_closure("outer", outer)
probe_closure("inner", outer())
