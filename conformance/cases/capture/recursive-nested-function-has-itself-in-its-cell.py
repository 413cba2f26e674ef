# area: capture
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__, cell_contents), code objects (co_freevars, co_cellvars)
# description: A self-recursive nested function has its own name as its one free variable, and that cell holds the function itself.
# expect: fact.closure == 1
# expect: fact.freevars == {'fact'}
# expect: outer.cellvars == {'fact'}
# expect: holds_itself == True
def outer():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact
fact = outer()
probe_closure("fact", fact)
probe_closure("outer", outer)
probe("holds_itself", fact.__closure__[0].cell_contents is fact)
