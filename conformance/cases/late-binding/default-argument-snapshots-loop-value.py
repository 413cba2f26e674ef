# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 8.7 "Function definitions" (default parameter values are evaluated when the definition is executed)
# description: A lambda that takes the loop variable as a default argument keeps the value it had in its own iteration.
# expect: results == [0, 1, 2]
def make():
    return [lambda i=i: i for i in range(3)]
probe("results", [f() for f in make()])
