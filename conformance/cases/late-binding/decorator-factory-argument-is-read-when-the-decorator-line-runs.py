# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 8.7 "Function definitions" (decorator expressions are evaluated when the function definition is executed); 4.2.2 "Resolution of names"
# description: In `@make(x)` the argument x is read when the def runs and kept by the factory's closure; the decorated function's own read of x sees the later rebinding.
# expect: result == ('at decoration', 'later')
def outer():
    x = 'at decoration'
    def make(tag):
        def deco(fn):
            return lambda: (tag, fn())
        return deco
    @make(x)
    def f():
        return x
    x = 'later'
    return f()
probe_call("result", outer)
