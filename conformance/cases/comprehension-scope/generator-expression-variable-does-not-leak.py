# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.8 "Generator expressions" (the generator expression has its own scope)
# description: Consuming a generator expression does not rebind the enclosing function's variable of the same name.
# expect: result == ([0, 1, 2], "outer")
def f():
    x = "outer"
    r = list(x for x in range(3))
    return r, x
probe_call("result", f)
