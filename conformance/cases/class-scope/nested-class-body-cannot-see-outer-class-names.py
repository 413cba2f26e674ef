# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (the scope of names defined in a class block is limited to the class block)
# description: A class nested in a class body cannot read the outer class body's names; the read raises NameError.
# expect: caught == "NameError"
class Outer:
    x = 1
    try:
        class Inner:
            y = x
    except NameError as e:
        caught = type(e).__name__
probe("caught", Outer.caught)
