# area: comprehension-scope
# level: language
# min_version: 3.8
# negative: SyntaxError
# spec: Language Reference 6.12 "Assignment expressions"; PEP 572 "Scope of the target"
# description: An assignment expression in an inner comprehension that targets an outer comprehension's iteration variable is a SyntaxError.
def f():
    return [[(j := 0) for i in range(2)] for j in range(2)]
