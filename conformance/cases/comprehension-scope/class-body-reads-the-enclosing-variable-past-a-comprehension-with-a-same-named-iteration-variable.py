# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (each comprehension runs in its own nested scope); 4.2.2 "Resolution of names"
# description: A class body in h reads the variable g of the function enclosing h, even though h has a comprehension whose iteration variable is also named g.
# expect: result == 1
def f():
    g = [1]
    def h():
        class C:
            a = g[0]
        [g for g in range(0)]
        return C.a
    return h
probe_call("result", f())
