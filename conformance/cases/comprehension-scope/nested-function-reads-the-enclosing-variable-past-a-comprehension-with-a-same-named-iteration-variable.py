# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (each comprehension runs in its own nested scope); 4.2.2 "Resolution of names"
# description: A function nested in g reads the variable x of the function enclosing g, even though g has a comprehension whose iteration variable is also named x: that x belongs to the comprehension's scope, not to g.
# expect: result == 1
def f(x):
    def g():
        [x for x in range(3)]
        def h():
            return x
        return h
    return g
probe_call("result", f(1)())
