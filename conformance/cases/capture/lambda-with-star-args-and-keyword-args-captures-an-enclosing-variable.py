# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 6.14 "Lambdas" (a lambda's parameter list takes the same forms as a def's); 4.2.2 "Resolution of names"
# description: A lambda taking *args and **kwargs also reads an enclosing variable, at call time.
# expect: result == (23, ['a', 'b'])
def outer():
    base = 10
    f = lambda *args, **kwargs: (base + sum(args), sorted(kwargs))
    base = 20
    return f(1, 2, b=0, a=0)
probe_call("result", outer)
