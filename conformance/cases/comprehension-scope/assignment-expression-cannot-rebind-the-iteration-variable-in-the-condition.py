# area: comprehension-scope
# level: language
# min_version: 3.8
# negative: SyntaxError
# spec: Language Reference 6.12 "Assignment expressions"; PEP 572 "Scope of the target"
# description: An assignment expression in a comprehension's condition that targets its iteration variable is a SyntaxError.
def f():
    return [i for i in range(3) if (i := 1)]
