# area: cell-sharing
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__, cells); Language Reference 4.2.2 "Resolution of names"
# description: Closures made by two calls of the same outer function hold different cells, each with that call's value.
# expect: a.cell_ids.x == 0
# expect: a.cells.x == 'a'
# expect: b.cell_ids.x == 1
# expect: b.cells.x == 'b'
def outer(x):
    def inner():
        return x
    return inner
probe_closure("a", outer('a'))
probe_closure("b", outer('b'))
