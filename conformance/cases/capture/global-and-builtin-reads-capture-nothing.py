# area: capture
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__ is None when there are no free variables); Language Reference 4.2.2 "Resolution of names"
# description: A nested function that reads only a module global and a builtin has no free variables and __closure__ None, even though its enclosing function has locals.
# expect: inner.closure == None
# expect: inner.freevars == set()
# expect: outer.cellvars == set()
# expect: result == 3
g = 'abc'
def outer():
    local = 1
    def inner():
        return len(g)
    return inner
inner = outer()
probe_closure("inner", inner)
probe_closure("outer", outer)
probe_call("result", inner)
