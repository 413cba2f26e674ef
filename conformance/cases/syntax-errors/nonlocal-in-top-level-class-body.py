# area: syntax-errors
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement" (a class body at module level has no nonlocal scope)
# description: nonlocal in the body of a module-level class does not compile, even for a name the module binds.
# negative: SyntaxError
x = 1
class C:
    nonlocal x
    x = 2
