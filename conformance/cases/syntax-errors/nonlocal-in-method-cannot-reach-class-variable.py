# area: syntax-errors
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 4.2.2 "Resolution of names" (the scope of names defined in a class block does not extend to its methods)
# description: nonlocal in a method naming a variable bound only in the class body does not compile: the class body is skipped.
# negative: SyntaxError
def outer():
    class C:
        x = 1
        def m(self):
            nonlocal x
            x = 2
    return C
