# area: closure-attribute
# level: cpython-detail
# min_version: 3.0
# spec: CPython compiler (dictbytype sorts the names of each scope kind); Data model 3.2: code objects (co_cellvars)
# description: CPython lists an outer function's captured locals (here none of them parameters) in co_cellvars sorted by name.
# expect: outer.cellvars == ("b", "c", "d")
def outer():
    d = 4
    c = 3
    b = 2
    def inner():
        return d, b, c
    return inner
probe_closure("outer", outer)
