# area: closure-attribute
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__); Language Reference 6.14 "Lambdas"
# description: A lambda that reads two enclosing variables has a two-cell closure matching co_freevars, like a def.
# expect: f.closure == 2
# expect: f.freevars == {"m", "n"}
# expect: f.cells.m == 3
# expect: f.cells.n == 4
def outer(m):
    n = 4
    return lambda k: m * k + n
probe_closure("f", outer(3))
