# area: syntax-errors
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 7.12 "The global statement" (in the enclosing function the name is a global, not a local binding)
# description: An enclosing function that declares the name global does not bind it locally, so nonlocal finds no binding.
# negative: SyntaxError
def outer():
    global x
    x = 1
    def inner():
        nonlocal x
        x = 2
    return inner
