# area: introspection
# level: data-model
# min_version: 3.3
# spec: inspect.getclosurevars; Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__ is None without free variables)
# description: A nested function that reads only a global has __closure__ None, and getclosurevars reports no nonlocals and the global.
# requires: inspect, closure_attr
# expect: closure_is_none == True
# expect: nonlocals == {}
# expect: globals == {'G': 'global'}
import inspect
G = 'global'
def outer():
    local = 'unused'
    def inner():
        return G
    return inner
f = outer()
cv = inspect.getclosurevars(f)
probe("closure_is_none", f.__closure__ is None)
probe("nonlocals", cv.nonlocals)
probe("globals", cv.globals)
