# area: global
# level: language
# min_version: 3.0
# spec: Language Reference 7.12 "The global statement"; 8.7 "Function definitions" (a def binds the function name)
# description: A def statement in a nested function whose name is declared global binds the new function at module level, not in the enclosing function.
# expect: module == 'module function'
# expect: enclosing == 'enclosing function'
def outer():
    def helper():
        return 'enclosing function'
    def install():
        global helper
        def helper():
            return 'module function'
    install()
    return helper()
probe_call("enclosing", outer)
probe_call("module", helper)
