# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 6.14 "Lambdas" (a lambda behaves like a def); 4.2.2 "Resolution of names"
# description: A lambda in a function reads the enclosing function's variable at call time, like a nested def.
# expect: before == 2
# expect: after == 20
def outer():
    k = 2
    double = lambda v: v * k
    first = double(1)
    k = 20
    return first, double
first, double = outer()
probe("before", first)
probe_call("after", double, 1)
