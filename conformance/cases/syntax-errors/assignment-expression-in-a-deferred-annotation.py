# area: syntax-errors
# level: language
# min_version: 3.14
# spec: PEP 649 and PEP 749 (3.14: annotations are evaluated in an annotation scope, where := , yield and await are not allowed); Language Reference 4.2.4 "Annotation scopes"
# description: From 3.14 an assignment expression in a parameter's annotation is rejected at compile time (before 3.14 it was evaluated in the enclosing scope and bound the name there).
# negative: SyntaxError
def outer():
    def f(x: (y := 1)):
        pass
    return y
