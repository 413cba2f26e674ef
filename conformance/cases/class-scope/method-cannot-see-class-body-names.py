# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (the scope of names defined in a class block does not extend to the code blocks of methods)
# description: A method that reads a name bound only in its class body raises NameError.
# expect: read raises NameError
class C:
    x = 1
    def m(self):
        return x
probe_call("read", C().m)
