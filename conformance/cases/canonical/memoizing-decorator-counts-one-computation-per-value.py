# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 8.7 "Function definitions" (decorators)
# description: A memoizing decorator with a cache dict in its closure: fibonacci(10) == 55, the body runs once per n in 0..10, and a second call computes nothing.
# expect: result == 55
# expect: computed == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
# expect: again == (55, 11)
def memoize(func):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    return wrapper
computed = []
@memoize
def fibonacci(n):
    computed.append(n)
    return n if n < 2 else fibonacci(n - 1) + fibonacci(n - 2)
probe("result", fibonacci(10))
probe("computed", sorted(computed))
probe("again", (fibonacci(10), len(computed)))
