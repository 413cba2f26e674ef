# area: introspection
# level: cpython-detail
# min_version: 3.0
# spec: Library "Built-in Functions": exec ("modifications to the default locals dictionary should not be attempted"; pass an explicit locals dictionary to see them); CPython: the function's variable is not changed
# description: exec("x = 2") with the default namespaces in a function leaves the function's local x and a closure's view of it unchanged.
# expect: result == (1, 1)
def f():
    x = 1
    g = lambda: x
    exec("x = 2")
    return x, g()
probe_call("result", f)
