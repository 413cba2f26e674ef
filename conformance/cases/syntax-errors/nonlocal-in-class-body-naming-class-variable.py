# area: syntax-errors
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 4.2.2 "Resolution of names" (a class body is not a function scope, so it is never a nonlocal scope)
# description: nonlocal in a class body, naming a variable of that class body, does not compile when no enclosing function binds it.
# negative: SyntaxError
def outer():
    class C:
        nonlocal x
        x = 1
    return C
