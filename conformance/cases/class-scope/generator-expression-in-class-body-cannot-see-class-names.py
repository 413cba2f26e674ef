# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (the example class A: a = 42; b = list(a + i for i in range(10)) fails)
# description: The Language Reference's own example: a class-body generator expression reading a class-body name raises NameError.
# expect: caught == "NameError"
class A:
    a = 42
    try:
        b = list(a + i for i in range(10))
    except NameError as e:
        caught = type(e).__name__
probe("caught", A.caught)
