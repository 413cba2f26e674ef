# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 8.7 "Function definitions" (decorators); 4.2.2 "Resolution of names"
# description: A wrapper inside a decorator inside a decorator factory reads both the factory's argument and the decorated function.
# expect: result == 21
def times(n):
    def decorate(func):
        def wrapper(v):
            return func(v) * n
        return wrapper
    return decorate
@times(3)
def plus_one(v):
    return v + 1
probe_call("result", plus_one, 6)
