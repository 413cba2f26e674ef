# area: late-binding
# level: language
# min_version: 3.0
# spec: Library reference functools.partial; Language Reference 4.2.2 "Resolution of names"
# description: A partial made from a variable keeps its value after the variable is rebound, while a lambda over the same variable reads the new one.
# expect: result == ('old', 'new')
import functools
def outer():
    x = 'old'
    snap = functools.partial(str, x)
    late = lambda: x
    x = 'new'
    return snap(), late()
probe_call("result", outer)
