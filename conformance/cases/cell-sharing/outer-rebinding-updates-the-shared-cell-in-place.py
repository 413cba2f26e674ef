# area: cell-sharing
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__, cell_contents)
# description: Rebinding a captured variable in the outer function changes the contents of the existing cell; the closure keeps the same cell object.
# expect: before.cell_ids.x == 0
# expect: before.cells.x == 'old'
# expect: after.cell_ids.x == 0
# expect: after.cells.x == 'new'
def outer():
    x = 'old'
    def inner():
        return x
    probe_closure("before", inner)
    x = 'new'
    probe_closure("after", inner)
outer()
