# area: annotation-scopes
# level: data-model
# min_version: 3.12
# spec: Data model 3.2 "The standard type hierarchy": __type_params__ of functions and classes; PEP 695
# description: __type_params__ of a generic function and class holds their type variables in order; a non-generic function's is empty.
# expect: result == (("T", "U"), ("K",), ())
def f[T, U]():
    pass
class C[K]:
    pass
def plain():
    pass
probe("result", (tuple(p.__name__ for p in f.__type_params__), tuple(p.__name__ for p in C.__type_params__),
                 plain.__type_params__))
