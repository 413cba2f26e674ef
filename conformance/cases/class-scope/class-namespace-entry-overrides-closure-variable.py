# area: class-scope
# level: cpython-detail
# min_version: 3.4
# spec: CPython Lib/test/test_scope.py testClassNamespaceOverridesClosure (bpo-17853: a class body's free variable is looked up in the class namespace first)
# description: A class body reading a name that is free in it (bound by the enclosing function) gets the class namespace's entry when locals() put one there.
# expect: result == (43, 42)
def f():
    x = 42
    class X:
        locals()["x"] = 43
        y = x
    return X.y, x
probe_call("result", f)
