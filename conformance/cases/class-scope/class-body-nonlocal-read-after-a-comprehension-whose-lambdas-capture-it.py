# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (the comprehension runs in its own scope); 7.13 "The nonlocal statement" in a class body
# description: In a class body declaring g nonlocal, a comprehension whose lambdas capture an iteration variable g leaves g alone: reading it afterwards gives the enclosing function's value.
# expect: result == 5
def f(g):
    class C:
        nonlocal g
        a = [(lambda: g) for g in range(0)]
        r = g
    return C.r
probe_call("result", f, 5)
