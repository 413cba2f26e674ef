# area: syntax-errors
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement" (names must not collide with pre-existing bindings in the local scope)
# description: A parameter of the function cannot also be declared nonlocal in it, even when the enclosing function binds the name.
# negative: SyntaxError
def outer():
    x = 1
    def inner(x):
        nonlocal x
        x = 2
    return inner
