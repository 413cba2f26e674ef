# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (class scope does not extend to comprehensions); 6.2.4 "Displays for lists, sets and dictionaries"
# description: A class-body list comprehension that reads a class-body name in its condition raises NameError.
# expect: caught == "NameError"
class C:
    n = 2
    try:
        r = [x for x in range(3) if x < n]
    except NameError as e:
        caught = type(e).__name__
probe("caught", C.caught)
