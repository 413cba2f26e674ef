# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 4.2.4 "Annotation scopes" (an annotation scope in a class resolves a name the class binds as the class body would, any other name as a function nested there would) and 6.2.4 "Displays for lists, sets and dictionaries" (a comprehension's iteration variable is bound in the comprehension's own scope, not in the class); PEP 709 (inlining changes no name's meaning)
# description: In a class body nested in a function, a comprehension binds f as its iteration variable, then a type alias reads f. The class binds no f, so the alias's f is the enclosing function's variable, not the global.
# expect: result == "enclosing"
f = "global"
def outer():
    f = "enclosing"
    class A:
        b = [f for f in [7]]
        type a = f
    return A.a.__value__
probe_call("result", outer)
