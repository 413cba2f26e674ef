# area: comprehension-scope
# level: language
# min_version: 3.8
# negative: SyntaxError
# spec: Language Reference 6.12 "Assignment expressions"; PEP 572 "Scope of the target" (an assignment expression may not rebind a comprehension iteration variable)
# description: An assignment expression in a comprehension's element that targets the comprehension's own iteration variable is a SyntaxError.
def f():
    return [(i := 0) for i in range(3)]
