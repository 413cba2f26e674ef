# area: global
# level: language
# min_version: 3.0
# spec: Language Reference 7.12 "The global statement" (applies to the code block it is in, a class body too); 4.2.2 "Resolution of names"
# description: `global x` in a class body inside a function makes the body's assignment bind the module's x: no class attribute, the enclosing function's x untouched.
# expect: result == ('enclosing', 'from class', False, 'from class')
x = 'module'
def outer():
    x = 'enclosing'
    class C:
        global x
        x = 'from class'
        y = x
    return x, C.y, hasattr(C, 'x'), globals()['x']
probe_call("result", outer)
