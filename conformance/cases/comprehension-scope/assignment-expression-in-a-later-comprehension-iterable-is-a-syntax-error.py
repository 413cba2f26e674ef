# area: comprehension-scope
# level: language
# min_version: 3.8
# negative: SyntaxError
# spec: Language Reference 6.12 "Assignment expressions"; PEP 572 "Scope of the target" (assignment expressions may not appear in a comprehension's iterable expressions)
# description: An assignment expression in the iterable of a comprehension's second for clause is a SyntaxError too.
def f():
    return [x for a in [1] for x in (y := [a])]
