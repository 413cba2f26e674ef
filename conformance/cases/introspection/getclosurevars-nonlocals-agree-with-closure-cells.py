# area: introspection
# level: data-model
# min_version: 3.3
# spec: inspect.getclosurevars (nonlocals: the referenced names bound in cells); Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__)
# description: getclosurevars().nonlocals maps each free variable to its cell's contents, exactly what __closure__ and co_freevars say.
# requires: inspect, closure_attr, code_attr, cell_contents
# expect: nonlocals == [('a', 1), ('b', 'two')]
# expect: agree == True
import inspect
def outer():
    a, b, unused = 1, 'two', 3
    def inner():
        return a, b
    return inner
f = outer()
nonlocals = inspect.getclosurevars(f).nonlocals
probe("nonlocals", sorted(nonlocals.items()))
probe("agree", nonlocals == dict(zip(f.__code__.co_freevars, [c.cell_contents for c in f.__closure__])))
