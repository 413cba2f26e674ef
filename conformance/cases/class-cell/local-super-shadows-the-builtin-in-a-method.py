# area: class-cell
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (a name bound in a block is local to it; builtins are searched last)
# description: A method that binds super locally calls its own super, not the builtin.
# expect: result == "mine"
class A:
    def m(self):
        return "A"
class B(A):
    def m(self):
        super = lambda: "mine"
        return super()
probe_call("result", B().m)
