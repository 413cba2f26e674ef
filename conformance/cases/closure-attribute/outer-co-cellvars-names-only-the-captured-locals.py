# area: closure-attribute
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": code objects (co_cellvars: local variables referenced by nested functions)
# description: co_cellvars of the outer function names exactly the locals (parameters included) that a nested function captures; the outer function itself has no free variables.
# expect: outer.cellvars == {"p", "x"}
# expect: outer.freevars == ()
# expect: outer.closure == None
def outer(p, q):
    x = 1
    y = 2
    def inner():
        return p + x
    return inner
probe_closure("outer", outer)
