# area: closure-attribute
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": code objects (co_freevars: free variables a nested scope references in an outer scope), user-defined functions (__closure__)
# description: A function between the owner and the user of a variable has it in co_freevars and a cell in __closure__, although its own body never names it.
# expect: mid.freevars == {"x"}
# expect: mid.cellvars == ()
# expect: mid.closure == 1
# expect: mid.cells.x == 5
# expect: inner.cell_ids.x == 0
def outer():
    x = 5
    def mid():
        def inner():
            return x
        return inner
    return mid
mid = probe_closure("mid", outer())
probe_closure("inner", mid())
