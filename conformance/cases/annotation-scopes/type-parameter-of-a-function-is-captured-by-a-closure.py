# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 4.2.4 "Annotation scopes" (type parameters live in an annotation scope that functions nested in the generic function can close over); PEP 695
# description: A lambda made in a generic function reads the function's type parameter through the closure.
# expect: result == "T"
def outer[T]():
    return lambda: T
probe_call("result", lambda: outer()().__name__)
