# area: syntax-errors
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement" (nonlocal scopes are the local scopes of enclosing functions; the module is not one)
# description: nonlocal cannot reach a module-level variable through functions that do not bind it.
# negative: SyntaxError
x = 1
def outer():
    def inner():
        nonlocal x
        x = 2
    return inner
