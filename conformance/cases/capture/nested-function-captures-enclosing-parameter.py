# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.1 "Binding of names" (parameters bind); 4.2.2 "Resolution of names"
# description: A parameter of the enclosing function is a binding like any other and is captured by a nested function.
# expect: add3 == 13
# expect: add5 == 15
def adder(n):
    def add(v):
        return v + n
    return add
probe_call("add3", adder(3), 10)
probe_call("add5", adder(5), 10)
