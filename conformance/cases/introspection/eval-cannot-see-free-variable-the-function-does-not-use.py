# area: introspection
# level: language
# min_version: 3.0
# spec: Language Reference 4.2 "Naming and binding": "Interaction with dynamic features" (eval() and exec() resolve names in the caller's local and global namespaces only)
# description: eval('x') inside a nested function that never mentions x cannot see the enclosing function's x: NameError.
# expect: result raises NameError
def outer():
    x = 'enclosing'
    def inner():
        return eval('x')
    return inner
probe_call("result", outer())
