# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (enclosing function scopes are searched before the global and builtins namespaces); 4.2.5 "Builtins and restricted execution"
# description: len, list and print bound in an enclosing function are what a nested function calls, not the builtins.
# expect: result == ((-1, (1, 2)), [('hi',)])
# expect: program.output == ''
def outer():
    out = []
    def print(*args):
        out.append(args)
    list = tuple
    len = lambda obj: -1
    def inner():
        print('hi')
        return len('abc'), list([1, 2])
    return inner(), out
probe_call("result", outer)
