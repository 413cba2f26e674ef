# area: unbound
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"
# description: A closure called before the enclosing function assigns the variable raises NameError, not UnboundLocalError; after the assignment it sees the value.
# expect: early raises NameError
# expect: late == 1
def outer():
    def inner():
        return x
    probe_call("early", inner)
    x = 1
    probe_call("late", inner)
outer()
