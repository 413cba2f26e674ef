# area: capture
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__), code objects (co_freevars, co_cellvars)
# description: A middle function that does not use a name its nested function captures still has it in co_freevars, not co_cellvars, and holds the same cell.
# expect: middle.closure == 1
# expect: middle.freevars == {'x'}
# expect: middle.cellvars == set()
# expect: middle.cell_ids.x == 0
# expect: inner.freevars == {'x'}
# expect: inner.cell_ids.x == 0
# expect: inner.cells.x == 'outer'
def outer():
    x = 'outer'
    def middle():
        def inner():
            return x
        return inner
    return middle
middle = outer()
probe_closure("middle", middle)
probe_closure("inner", middle())
