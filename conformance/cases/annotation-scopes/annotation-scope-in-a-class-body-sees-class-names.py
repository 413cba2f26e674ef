# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 4.2.4 "Annotation scopes" (an annotation scope within a class can see names defined in the class, unlike a function in it)
# description: A type alias in a class body reads the class's X when its value is evaluated, not the global X.
# expect: direct == "class X"
X = "global X"
class C:
    X = "class X"
    type Direct = X
probe_call("direct", lambda: C.Direct.__value__)
