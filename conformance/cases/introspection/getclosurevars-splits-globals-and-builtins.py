# area: introspection
# level: data-model
# min_version: 3.3
# spec: inspect.getclosurevars (nonlocals, globals, builtins, unbound)
# description: For a closure reading a free variable, a global and a builtin, getclosurevars puts each in its own mapping.
# requires: inspect
# expect: nonlocals == {'n': 1}
# expect: globals == {'G': 'global'}
# expect: builtins == ['len']
# expect: unbound == set()
import inspect
G = 'global'
def outer():
    n = 1
    def inner():
        return len(G) + n
    return inner
cv = inspect.getclosurevars(outer())
probe("nonlocals", cv.nonlocals)
probe("globals", cv.globals)
probe("builtins", sorted(cv.builtins))
probe("unbound", set(cv.unbound))
