# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 6.14 "Lambdas"; 4.2.2 "Resolution of names"
# description: An outer lambda called at once with the comprehension variable makes an inner lambda that keeps that iteration's value.
# expect: results == ['a', 'b', 'c']
def make():
    return [(lambda v: lambda: v)(ch) for ch in 'abc']
probe("results", [f() for f in make()])
