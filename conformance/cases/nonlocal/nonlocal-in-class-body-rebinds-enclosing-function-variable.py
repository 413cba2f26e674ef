# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 4.2 "Naming and binding" (a class definition is a code block)
# description: nonlocal written directly in a class body makes the body's assignment rebind the enclosing function's variable instead of creating a class attribute.
# expect: result == ('from class body', False)
def outer():
    x = 'function local'
    class C:
        nonlocal x
        x = 'from class body'
    return x, hasattr(C, 'x')
probe_call("result", outer)
