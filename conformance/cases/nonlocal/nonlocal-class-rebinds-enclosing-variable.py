# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 8.8 "Class definitions" (a class statement binds the class name)
# description: A class statement whose name is declared nonlocal binds the new class in the enclosing function's variable.
# expect: result == 'made by inner'
def outer():
    C = None
    def make():
        nonlocal C
        class C:
            tag = 'made by inner'
    make()
    return C.tag
probe_call("result", outer)
