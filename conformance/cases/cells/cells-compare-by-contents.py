# area: cells
# level: cpython-detail
# min_version: 3.0
# spec: CPython Objects/cellobject.c (cell_richcompare: "compare cells by contents"; not a documented guarantee, see test_funcattrs CellTest)
# description: Two distinct cells holding equal values compare equal, and ordering compares the contents.
# expect: distinct == True
# expect: eq == True
# expect: ne == False
# expect: lt == True
# expect: gt == True
# expect: numeric == True
def cell_of(value):
    def f():
        return value
    return f.__closure__[0]
a, b, c = cell_of(1), cell_of(1), cell_of(2)
probe("distinct", a is not b)
probe("eq", a == b)
probe("ne", a != b)
probe("lt", a < c)
probe("gt", c > b)
probe("numeric", cell_of(-36) == cell_of(-36.0))
