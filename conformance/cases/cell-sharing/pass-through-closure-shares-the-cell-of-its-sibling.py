# area: cell-sharing
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__, cells)
# description: A function nested two levels deep and a direct sibling reading the same variable hold one and the same cell.
# expect: near.cell_ids.x == 0
# expect: deep.cell_ids.x == 0
def outer():
    x = 1
    def near():
        return x
    def middle():
        def deep():
            return x
        return deep
    return near, middle()
near, deep = outer()
probe_closure("near", near)
probe_closure("deep", deep)
