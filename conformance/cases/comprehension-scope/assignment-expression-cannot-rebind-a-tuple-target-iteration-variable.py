# area: comprehension-scope
# level: language
# min_version: 3.8
# negative: SyntaxError
# spec: Language Reference 6.12 "Assignment expressions"; PEP 572 "Scope of the target"
# description: Every name in a comprehension's tuple target is an iteration variable; rebinding one with an assignment expression is a SyntaxError.
def f():
    return [a for a, b in [(1, 2)] if (b := 0) == 0]
