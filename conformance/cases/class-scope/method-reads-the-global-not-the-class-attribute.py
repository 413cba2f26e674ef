# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (names defined in a class block are not visible in methods)
# description: A method reading a name bound both in its class body and at module level gets the global.
# expect: read == "global"
x = "global"
class C:
    x = "class"
    def m(self):
        return x
probe_call("read", C().m)
