# area: closure-attribute
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__: one cell per name in co_freevars), code objects (co_freevars, co_cellvars)
# description: A nested function reading nine enclosing variables has nine cells, each holding its variable's value; the outer function lists all nine as cell variables.
# expect: inner.closure == 9
# expect: inner.freevars == {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'}
# expect: outer.cellvars == {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'}
# expect: inner.cells.a == 0
# expect: inner.cells.b == 1
# expect: inner.cells.c == 2
# expect: inner.cells.d == 3
# expect: inner.cells.e == 4
# expect: inner.cells.f == 5
# expect: inner.cells.g == 6
# expect: inner.cells.h == 7
# expect: inner.cells.i == 8
# expect: total == 36
def outer():
    a, b, c, d, e, f, g, h, i = range(9)
    def inner():
        return a + b + c + d + e + f + g + h + i
    return inner
inner = outer()
probe_closure("inner", inner)
probe_closure("outer", outer)
probe_call("total", inner)
