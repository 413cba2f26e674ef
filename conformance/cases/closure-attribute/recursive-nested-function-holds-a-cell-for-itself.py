# area: closure-attribute
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__), code objects (co_cellvars)
# description: A nested function that calls itself by name captures its own name: its closure has one cell and the cell holds the function.
# expect: fact.closure == 1
# expect: fact.freevars == {"fact"}
# expect: outer.cellvars == {"fact"}
# expect: holds_itself == True
def outer():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact
f = probe_closure("fact", outer())
probe_closure("outer", outer)
probe("holds_itself", f.__closure__[0].cell_contents is f)
