# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 4.2.4 "Annotation scopes" ("Names defined in annotation scopes cannot be rebound with nonlocal statements in inner scopes"); 7.13
# description: A generic class's body that declares its type parameter's name nonlocal does not compile, although the enclosing function binds that name too: the nearest binding is the type parameter.
# negative: SyntaxError
# requires: type_params
def f():
    T = 1
    class C[T]:
        nonlocal T
