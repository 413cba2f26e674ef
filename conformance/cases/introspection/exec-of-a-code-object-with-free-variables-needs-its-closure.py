# area: introspection
# level: data-model
# min_version: 3.11
# spec: Library "Built-in Functions": exec (a code object with free variables is run only with closure=, a tuple of cells for its co_freevars; changed in 3.11)
# description: exec of a nested function's code object, which has a free variable, raises TypeError without closure= and runs with the function's own cells.
# expect: without raises TypeError
# expect: with_closure == [5]
def outer():
    x = 5
    def inner():
        seen.append(x)
    return inner
seen = []
inner = outer()
probe_call("without", lambda: exec(inner.__code__, {"seen": seen}))
exec(inner.__code__, {"seen": seen}, closure=inner.__closure__)
probe("with_closure", seen)
