# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (the comprehension is executed in a separate implicitly nested scope)
# description: A class-body comprehension whose iteration variable has the name of a class attribute leaves the attribute as it was.
# expect: result == ("class", [0, 1])
class C:
    x = "class"
    r = [x for x in range(2)]
probe("result", (C.x, C.r))
