# area: capture
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__), code objects (co_freevars)
# description: The wrapper of a decorator factory has the factory argument and the decorated function as free variables; the decorator between them passes the argument through.
# expect: wrapper.closure == 2
# expect: wrapper.freevars == {'func', 'n'}
# expect: wrapper.cells.n == 3
# expect: decorate.freevars == {'n'}
# expect: decorate.cells.n == 3
# expect: wrapped_is_original == True
def times(n):
    def decorate(func):
        def wrapper(v):
            return func(v) * n
        return wrapper
    return decorate
def plus_one(v):
    return v + 1
decorate = times(3)
wrapper = decorate(plus_one)
probe_closure("decorate", decorate)
probe_closure("wrapper", wrapper)
probe("wrapped_is_original", [c.cell_contents for c in wrapper.__closure__].count(plus_one) == 1)
