# area: unbound
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.8 "Generator expressions"; 4.2.2 "Resolution of names"
# description: A generator expression consumed before the enclosing function assigns the variable it reads raises NameError, not UnboundLocalError.
# expect: read raises NameError
def f():
    g = (x for _ in range(1))
    r = probe_call("read", list, g)
    x = 1
f()
