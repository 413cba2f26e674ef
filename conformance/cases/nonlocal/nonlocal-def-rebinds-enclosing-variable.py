# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 8.7 "Function definitions" (a def binds the function name)
# description: A def statement whose name is declared nonlocal replaces the enclosing function's binding of that name.
# expect: result == 'replacement'
def outer():
    def f():
        return 'original'
    def replace():
        nonlocal f
        def f():
            return 'replacement'
    replace()
    return f()
probe_call("result", outer)
