# area: comprehension-scope
# level: data-model
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries"; Data model 3.2: user-defined functions (__closure__)
# description: Lambdas made by one run of a comprehension share one cell for the iteration variable, holding its last value.
# expect: first.cell_ids.i == 0
# expect: last.cell_ids.i == 0
# expect: last.cells.i == 2
def f():
    return [lambda: i for i in range(3)]
fs = f()
probe_closure("first", fs[0])
probe_closure("last", fs[2])
