# area: introspection
# level: cpython-detail
# min_version: 3.0
# spec: PEP 667 "Consistent views of namespaces" (3.13: frame.f_locals is a write-through proxy, also for free variables); sys._getframe
# description: Writing a free variable through the nested function's frame.f_locals changes the shared cell from 3.13; before, the write is lost.
# expect[<3.13]: result == 1
# expect[>=3.13]: result == 2
import sys
def outer():
    x = 1
    def inner():
        x
        sys._getframe().f_locals['x'] = 2
    inner()
    return x
probe_call("result", outer)
