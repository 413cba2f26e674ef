# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (a comprehension runs in its own scope); 7.13 "The nonlocal statement"
# description: A comprehension in a class body that declares nonlocal g binds its own g; lambdas in it capture that g, and the function's g is untouched.
# expect: result == (0, 5)
def f(g):
    class C:
        nonlocal g
        a = [(lambda: g) for g in [5]]
    return (g, C.a[0]())
probe_call("result", f, 0)
