# area: cell-sharing
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__, cells); Language Reference 4.2.2 "Resolution of names"
# description: Closures made in successive iterations of one loop in one call all hold the single cell of the loop variable.
# expect: f0.cell_ids.i == 0
# expect: f1.cell_ids.i == 0
# expect: f2.cell_ids.i == 0
# expect: f2.cells.i == 2
def make():
    funcs = []
    for i in range(3):
        funcs.append(lambda: i)
    return funcs
f0, f1, f2 = make()
probe_closure("f0", f0)
probe_closure("f1", f1)
probe_closure("f2", f2)
