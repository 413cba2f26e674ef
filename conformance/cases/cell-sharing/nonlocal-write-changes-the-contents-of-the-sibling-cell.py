# area: cell-sharing
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__, cell_contents); Language Reference 7.13 "The nonlocal statement"
# description: A nonlocal write through one closure shows in the cell of the other closure, which is the same cell.
# expect: getter.cell_ids.value == 0
# expect: getter.cells.value == 2
# expect: setter.cell_ids.value == 0
# expect: setter.cells.value == 2
def outer():
    value = 1
    def get():
        return value
    def set(v):
        nonlocal value
        value = v
    return get, set
get, set = outer()
set(2)
probe_closure("getter", get)
probe_closure("setter", set)
