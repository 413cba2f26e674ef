# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 8.7 "Function definitions" (default values, keyword-only ones included, are evaluated when the definition is executed); 6.14 "Lambdas"
# description: A keyword-only default and a lambda's default keep the value from when the def and the lambda ran; an explicit argument read later sees the rebinding.
# expect: result == ('early', 'early', 'late')
def outer():
    x = 'early'
    def f(*, k=x):
        return k
    g = lambda v=x: v
    x = 'late'
    return f(), g(), f(k=x)
probe_call("result", outer)
