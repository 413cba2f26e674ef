# area: cell-sharing
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__, cells); Language Reference 4.2.2 "Resolution of names"
# description: Two closures made by one call of the outer function hold the same cell for each name they both capture, and different cells for different names.
# expect: first.closure == 2
# expect: first.cell_ids.x == 0
# expect: first.cell_ids.y == 1
# expect: second.closure == 2
# expect: second.cell_ids.x == 0
# expect: second.cell_ids.y == 1
def outer():
    x = 1
    y = 2
    def first():
        return x, y
    def second():
        return y, x
    return first, second
first, second = outer()
probe_closure("first", first)
probe_closure("second", second)
