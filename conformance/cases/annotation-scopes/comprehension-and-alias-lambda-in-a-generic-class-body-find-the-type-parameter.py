# area: annotation-scopes
# level: language
# min_version: 3.13
# spec: Language Reference 4.2.2 "Resolution of names" (names bound in a class body are not visible to the functions and comprehensions nested in it) and 4.2.4 "Annotation scopes" (an annotation scope directly in a class sees the class's names; lambdas in annotation scopes in classes are allowed from 3.13)
# description: In `class C[T]` whose body rebinds T, a comprehension and a lambda in a type alias skip the class's T and find the type parameter, while the alias's own value sees the class's T.
# expect: result == (True, True, "class")
class C[T]:
    T = "class"
    g = [T for _ in (1,)]
    type A = lambda: T
    type D = T
param = C.__type_params__[0]
probe("result", (C.g[0] is param, C.A.__value__() is param, C.D.__value__))
