# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 4.2.4 "Annotation scopes" (type parameters cannot be rebound with nonlocal); 7.13 "The nonlocal statement"; PEP 695
# description: A function nested in a generic function that declares the type parameter nonlocal does not compile.
# negative: SyntaxError
# requires: type_params
def outer[T]():
    def inner():
        nonlocal T
        T = 1
    return inner
