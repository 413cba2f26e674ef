# area: annotation-scopes
# level: language
# min_version: 3.13
# spec: Language Reference 4.2.4 "Annotation scopes" (names defined in a class are visible to an annotation scope in it, but not to functions nested in that scope); What's New in 3.13 (such lambdas are allowed from 3.13, gh-109118)
# description: A lambda inside a type alias's value in a class body skips the class and finds the global X, while the alias itself would see the class's X.
# expect: through_lambda == "global X"
X = "global X"
class C:
    X = "class X"
    type Lambda = (lambda: X)()
probe_call("through_lambda", lambda: C.Lambda.__value__)
