# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.8 "Generator expressions" (the leftmost iterable is evaluated immediately; other clauses are evaluated when the generator runs)
# description: Rebinding variables after creating a generator expression does not change its first iterable, but does change what its condition reads.
# expect: result == [3]
def f():
    xs = [1, 2, 3]
    n = 1
    g = (x for x in xs if x > n)
    xs = [10, 20]
    n = 2
    return list(g)
probe_call("result", f)
