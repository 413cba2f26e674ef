# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (the wrapper's cache and func are the decorator call's variables; fibonacci's recursive calls look up the global name, which is the wrapper)
# description: Tutorial (seed 004) memoize decorator, indentation restored: fibonacci(10) prints 55 and "Computing..." exactly once for each of 0..10, innermost first.
# expect: program.output == 'Computing... (1,)\nComputing... (0,)\nComputing... (2,)\nComputing... (3,)\nComputing... (4,)\nComputing... (5,)\nComputing... (6,)\nComputing... (7,)\nComputing... (8,)\nComputing... (9,)\nComputing... (10,)\n55\n'
def memoize(func):
    cache = {}

    def execute(*args):
        if args not in cache:
            cache[args] = func(*args)
            print(f"Computing... {args}")
        return cache[args]

    return execute

@memoize
def fibonacci(n):
    if n < 2:
        return n
    return fibonacci(n - 1) + fibonacci(n - 2)

print(fibonacci(10))  # Each value is computed only once
