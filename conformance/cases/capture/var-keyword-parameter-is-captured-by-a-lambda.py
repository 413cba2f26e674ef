# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 8.7 "Function definitions" (**name receives a new dict of the excess keyword arguments, *name a tuple of the excess positional ones); 4.2.2 "Resolution of names"
# description: A lambda captures the *args tuple and the **kwargs dict; a key added to the dict after the lambda was made is seen.
# expect: result == ((1, 2), [('a', 1), ('added', 3), ('b', 2)])
def outer(*args, **kwargs):
    get = lambda: (args, sorted(kwargs.items()))
    kwargs['added'] = 3
    return get
probe_call("result", outer(1, 2, a=1, b=2))
