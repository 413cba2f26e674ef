# area: comprehension-scope
# level: language
# min_version: 3.8
# spec: Language Reference 6.12 "Assignment expressions"; 6.2.8 "Generator expressions"; PEP 572 "Scope of the target"
# description: An assignment expression in a generator expression binds the enclosing function's variable only as the generator runs: a closure reading it first raises NameError, then sees the last value.
# expect: before raises NameError
# expect: after == 2
def f():
    g = ((y := i) for i in range(3))
    read = lambda: y
    probe_call("before", read)
    list(g)
    probe_call("after", read)
f()
