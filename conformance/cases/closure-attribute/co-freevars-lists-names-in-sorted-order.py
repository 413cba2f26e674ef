# area: closure-attribute
# level: cpython-detail
# min_version: 3.0
# spec: CPython compiler (dictbytype sorts the names of each scope kind); Data model 3.2: user-defined functions (__closure__ follows co_freevars)
# description: CPython lists free variables in co_freevars sorted by name, not in order of use, and __closure__ follows that order.
# expect: inner.freevars == ("a", "m", "z")
# expect: contents == ["A", "M", "Z"]
def outer():
    z, a, m = "Z", "A", "M"
    def inner():
        return z + m + a
    return inner
f = probe_closure("inner", outer())
probe("contents", [c.cell_contents for c in f.__closure__])
