# area: syntax-errors
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement" (the declaration applies to the whole scope; a variable assigned prior to it is a SyntaxError)
# description: Assigning a name before its nonlocal declaration in the same function does not compile.
# negative: SyntaxError
def outer():
    x = 1
    def inner():
        x = 2
        nonlocal x
    return inner
