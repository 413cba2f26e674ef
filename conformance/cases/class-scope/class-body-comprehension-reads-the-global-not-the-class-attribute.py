# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (class scope does not extend to comprehensions); 6.2.4 "Displays for lists, sets and dictionaries"
# description: A class-body comprehension reading (outside its first iterable) a name that is both a class attribute and a global gets the global, even after another comprehension used that name as iteration variable.
# expect: y == [3]
x = 3
class C:
    x = 2
    [x for x in [1]]
    y = [x for _ in [1]]
probe("y", C.y)
