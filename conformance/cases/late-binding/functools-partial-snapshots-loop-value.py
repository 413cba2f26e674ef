# area: late-binding
# level: language
# min_version: 3.0
# spec: Library reference functools.partial (arguments are stored in the partial object when it is made)
# description: functools.partial objects made in a loop keep the argument value of their own iteration.
# expect: results == [0, 10, 20]
import functools
def times_ten(v):
    return v * 10
def make():
    return [functools.partial(times_ten, i) for i in range(3)]
probe("results", [f() for f in make()])
