# area: annotation-scopes
# level: language
# min_version: 3.0
# spec: Language Reference 8.7 "Function definitions" (an annotation is an expression of the enclosing scope); PEP 749 (3.14: the `__annotate__` function's own parameter does not shadow a name the annotations use)
# description: An annotation that reads a variable named format gets that variable, in every version: before 3.14 it is evaluated in the enclosing function; from 3.14 in __annotate__, whose format parameter is hidden from the annotations.
# expect: result == {"x": 5, "return": 5}
def outer():
    format = 5
    def f(x: format) -> format:
        pass
    return f
probe_call("result", lambda: outer().__annotations__)
