# area: syntax-errors
# level: language
# min_version: 3.0
# spec: Language Reference 7.12 "The global statement"; 7.13 "The nonlocal statement" (a name cannot refer both to a global and to an enclosing function's binding)
# description: One function declaring the same name global and nonlocal does not compile.
# negative: SyntaxError
def outer():
    x = 1
    def inner():
        global x
        nonlocal x
        x = 2
    return inner
