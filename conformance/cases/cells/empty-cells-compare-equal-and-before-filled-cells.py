# area: cells
# level: cpython-detail
# min_version: 3.0
# spec: CPython Objects/cellobject.c (cell_richcompare: "empty cells come before anything else")
# description: Two empty cells compare equal, and an empty cell is less than any filled cell, even one holding None (which it does not equal).
# expect: empty_eq == True
# expect: empty_lt_empty == False
# expect: empty_lt_filled == True
# expect: filled_gt_empty == True
# expect: empty_eq_none == False
def empty_cell():
    if False:
        v = None
    def f():
        return v
    return f.__closure__[0]
def cell_of(value):
    def f():
        return value
    return f.__closure__[0]
e1, e2 = empty_cell(), empty_cell()
probe("empty_eq", e1 == e2)
probe("empty_lt_empty", e1 < e2)
probe("empty_lt_filled", e1 < cell_of(-10**9))
probe("filled_gt_empty", cell_of(None) > e1)
probe("empty_eq_none", e1 == cell_of(None))
