# area: introspection
# level: cpython-detail
# min_version: 3.0
# spec: PEP 709 "Inlined comprehensions" (CPython 3.12: locals() in a comprehension includes the enclosing function's variables and no longer the hidden .0 iterator)
# description: locals() inside a list comprehension in a function: before 3.12 only the comprehension's own names (with .0), from 3.12 also the function's variables.
# expect: has_x == True
# expect[<3.12]: has_y == False
# expect[>=3.12]: has_y == True
# expect[<3.12]: has_dot0 == True
# expect[>=3.12]: has_dot0 == False
def f():
    y = 1
    return [locals() for x in [0]][0]
d = f()
probe("has_x", 'x' in d)
probe("has_y", 'y' in d)
probe("has_dot0", '.0' in d)
