# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 4.2.1 "Binding of names" (each call binds a new local)
# description: Tutorial (seed 001) make_multiplier: double(5) == 10 and triple(5) == 15, each closure with its own factor.
# expect: double == 10
# expect: triple == 15
def make_multiplier(factor):
    def multiply(n):
        return n * factor  # factor is a free variable
    return multiply
double = make_multiplier(2)
triple = make_multiplier(3)
probe_call("double", double, 5)
probe_call("triple", triple, 5)
