# area: capture
# level: language
# min_version: 3.8
# spec: Language Reference 8.7 "Function definitions" (parameters before / are positional-only; they are locals of the function); 4.2.2 "Resolution of names" (nearest enclosing binding)
# description: A positional-only parameter shadows the enclosing variable of the same name and is what the lambda captures; a keyword of that name goes to **kwargs.
# expect: result == ('positional', ('pos', {'x': 'kw'}))
def outer():
    x = 'enclosing'
    def middle(x, /):
        return lambda: x
    def other(x, /, **kw):
        return lambda: (x, kw)
    return middle('positional')(), other('pos', x='kw')()
probe_call("result", outer)
