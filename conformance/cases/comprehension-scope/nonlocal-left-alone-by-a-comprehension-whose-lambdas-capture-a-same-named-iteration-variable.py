# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (the comprehension runs in its own scope); 7.13 "The nonlocal statement"
# description: A comprehension whose lambdas capture its iteration variable a leaves the nonlocal a of the function it is in unchanged.
# expect: result == 'outer'
def outer():
    a = "outer"
    def inner():
        nonlocal a
        [(lambda: a) for a in [7]]
        return a
    return inner()
probe_call("result", outer)
