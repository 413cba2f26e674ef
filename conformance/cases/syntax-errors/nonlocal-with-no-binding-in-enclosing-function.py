# area: syntax-errors
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement" (names must refer to pre-existing bindings in an enclosing function scope)
# description: nonlocal naming a variable that no enclosing function binds does not compile.
# negative: SyntaxError
def outer():
    y = 1
    def inner():
        nonlocal x
        x = 2
    return inner
