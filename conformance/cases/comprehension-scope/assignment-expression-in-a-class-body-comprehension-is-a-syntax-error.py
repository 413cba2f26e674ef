# area: comprehension-scope
# level: language
# min_version: 3.8
# negative: SyntaxError
# spec: Language Reference 6.12 "Assignment expressions"; PEP 572 "Scope of the target" (an assignment expression in a comprehension may not appear in a class body)
# description: An assignment expression inside a comprehension in a class body is a SyntaxError, even though the target is not an iteration variable.
class C:
    r = [(y := i) for i in range(3)]
