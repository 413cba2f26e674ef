# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (the leftmost iterable is evaluated in the enclosing scope)
# description: A list comprehension in a class body may iterate over a class-body name in its first for clause.
# expect: ys == [10, 20]
class C:
    xs = [1, 2]
    ys = [x * 10 for x in xs]
probe("ys", C.ys)
