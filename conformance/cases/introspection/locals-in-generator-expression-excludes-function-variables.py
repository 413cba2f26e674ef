# area: introspection
# level: data-model
# min_version: 3.0
# spec: Language Reference 6.2.8 "Generator expressions" (own scope); Built-in functions: locals(); PEP 709 (generator expressions are not inlined)
# description: locals() inside a generator expression in a function holds its own variable but not the function's variables, in every version.
# expect: has_x == True
# expect: has_y == False
def f():
    y = 1
    return next(locals() for x in [0])
d = f()
probe("has_x", 'x' in d)
probe("has_y", 'y' in d)
