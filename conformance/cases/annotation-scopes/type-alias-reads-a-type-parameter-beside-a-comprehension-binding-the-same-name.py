# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 4.2.4 "Annotation scopes" and 6.2.4 "Displays for lists, sets and dictionaries" (a comprehension's iteration variable is bound in the comprehension's own scope, so the function's b stays the type parameter it receives); PEP 709 (inlining changes no name's meaning)
# description: A generic function def f[b]() has a comprehension binding b on one branch and a type alias reading b on the other; the alias's value is the type parameter b, not an unbound variable of the function.
# expect: result == "b"
def outer():
    def f[b](flag):
        if flag:
            x = {b: 1 for b in [5]}
        else:
            type g = b
            return g.__value__.__name__
    return f
probe_call("result", outer(), False)
