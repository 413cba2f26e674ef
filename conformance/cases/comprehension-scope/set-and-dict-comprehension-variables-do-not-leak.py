# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries"; 6.2.6 "Set displays"; 6.2.7 "Dictionary displays"
# description: Set and dict comprehensions, like list comprehensions, keep their iteration variables out of the enclosing function.
# expect: result == ("k", "v", {0: 0, 1: 1})
def f():
    k, v = "k", "v"
    s = {k for k in range(2)}
    d = {k: v for k, v in [(0, 0), (1, 1)]}
    return k, v, d
probe_call("result", f)
