# area: syntax-errors
# level: language
# min_version: 3.0
# spec: Language Reference 7.12 "The global statement" (names listed must not be defined as formal parameters)
# description: In a nested function too, a parameter (here one with a default) cannot be declared global.
# negative: SyntaxError
def outer():
    def inner(y, x=1):
        global x
        return x
    return inner
