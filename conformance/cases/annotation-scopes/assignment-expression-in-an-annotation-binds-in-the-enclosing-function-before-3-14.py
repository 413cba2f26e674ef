# area: annotation-scopes
# level: language
# min_version: 3.8
# spec: Language Reference 8.7 "Function definitions" (before 3.14 annotations are evaluated when the definition runs, in the enclosing scope) and 6.12 "Assignment expressions" (:= binds in the scope where it is evaluated); PEP 649 and PEP 749 (3.14: annotations are evaluated in an annotation scope, where := is a SyntaxError)
# description: Before 3.14 an assignment expression in a parameter's annotation binds its name in the scope that contains the def, when the def runs; from 3.14 the same source does not compile (exec raises SyntaxError).
# expect[<3.14]: result == (1, {"x": 1})
# expect[>=3.14]: result raises SyntaxError
def outer():
    namespace = {}
    exec("def f(x: (y := 1)):\n    pass\nresult = y, f.__annotations__", namespace)
    return namespace["result"]
probe_call("result", outer)
