# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 6.2.4 "Displays for lists, sets and dictionaries" (only the leftmost iterable is evaluated in the enclosing scope)
# description: In a class-body comprehension the second for clause's iterable is resolved from the comprehension's scope, so it sees the global, not the class attribute of the same name.
# expect: pairs == [(1, "g"), (2, "g")]
ys = ["g"]
class C:
    xs = [1, 2]
    ys = ["c"]
    pairs = [(x, y) for x in xs for y in ys]
probe("pairs", C.pairs)
