# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (each comprehension runs in its own nested scope); 4.2.2 "Resolution of names"
# description: A comprehension whose lambdas capture its iteration variable a leaves the function's free variable a alone: reading a afterwards gives the enclosing function's value, not a cell.
# expect: result == 0
def outer():
    a = 0
    def f():
        [(lambda: a) for a in range(0)]
        return a
    return f
probe_call("result", outer())
