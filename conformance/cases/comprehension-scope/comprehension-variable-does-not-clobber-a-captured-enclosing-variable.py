# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries"; 4.2.2 "Resolution of names"
# description: A comprehension whose iteration variable has the name of a variable that a closure of the function captures leaves that variable (and the closure's view) unchanged.
# expect: result == ("outer", "outer", [0, 1, 2])
def f():
    x = "outer"
    g = lambda: x
    r = [x for x in range(3)]
    return x, g(), r
probe_call("result", f)
