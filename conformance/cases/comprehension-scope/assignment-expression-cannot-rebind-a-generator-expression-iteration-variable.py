# area: comprehension-scope
# level: language
# min_version: 3.8
# negative: SyntaxError
# spec: Language Reference 6.12 "Assignment expressions"; 6.2.8 "Generator expressions"; PEP 572 "Scope of the target"
# description: A generator expression, like a list comprehension, may not rebind its iteration variable with an assignment expression.
def f():
    return list((i := 0) for i in range(3))
