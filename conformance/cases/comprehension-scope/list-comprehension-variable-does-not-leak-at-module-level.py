# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (the comprehension is executed in a separate implicitly nested scope)
# description: A module-level list comprehension's iteration variable does not overwrite the global of the same name.
# expect: r == [0, 1, 2]
# expect: x == "outer"
x = "outer"
r = [x for x in range(3)]
probe("r", r)
probe("x", x)
