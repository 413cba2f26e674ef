# area: introspection
# level: data-model
# min_version: 3.0
# spec: Built-in functions: locals() (before 3.13 "update and return" the one dictionary of the frame; PEP 667, 3.13: each call returns an independent snapshot)
# description: Two locals() calls in a function, with x rebound between them: before 3.13 the same dict updated in place, from 3.13 two snapshots.
# expect[<3.13]: result == (True, 2, 2)
# expect[>=3.13]: result == (False, 1, 2)
def f():
    x = 1
    a = locals()
    x = 2
    b = locals()
    return a is b, a['x'], b['x']
probe_call("result", f)
