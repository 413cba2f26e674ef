# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 4.2.5 "Lazy evaluation"; 4.2.2 "Resolution of names" (the bound closes over the enclosing function's variable, read when the bound is evaluated)
# description: A type parameter's bound that names a variable of the enclosing function sees the variable's value at the time __bound__ is first read, not when the generic function was defined.
# expect: result == "str"
def outer():
    B = int
    def g[T: B]():
        pass
    B = str
    return g.__type_params__[0].__bound__.__name__
probe_call("result", outer)
