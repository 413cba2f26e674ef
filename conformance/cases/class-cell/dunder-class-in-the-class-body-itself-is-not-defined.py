# area: class-cell
# level: language
# min_version: 3.0
# spec: Data model 3.3.3.6 "Creating the class object" (__class__ is a closure reference for the methods of a class, not a name of its body); Language Reference 4.2.2 "Resolution of names"
# description: Reading __class__ in a class body itself (no method uses it) is an ordinary global lookup, which fails with NameError.
# expect: result raises NameError
def make():
    class B:
        x = __class__
    return B
probe_call("result", make)
