# area: capture
# level: data-model
# min_version: 3.0
# spec: Language Reference 8.7 "Function definitions" (default values are evaluated when the def runs, in the enclosing scope); Data model 3.2 user-defined functions (__closure__)
# description: An enclosing variable used only in a nested function's default value is read by the enclosing function, so the nested function captures nothing.
# expect: inner.closure == None
# expect: inner.freevars == set()
# expect: outer.cellvars == set()
def outer():
    x = 1
    def inner(a=x):
        return a
    return inner
probe_closure("inner", outer())
probe_closure("outer", outer)
