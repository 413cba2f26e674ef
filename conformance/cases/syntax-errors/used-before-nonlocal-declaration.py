# area: syntax-errors
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement" (the declaration applies to the whole scope; a variable used prior to it is a SyntaxError)
# description: Reading a name before its nonlocal declaration in the same function does not compile.
# negative: SyntaxError
def outer():
    x = 1
    def inner():
        y = x
        nonlocal x
        return y
    return inner
