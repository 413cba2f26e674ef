# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 8.7 "Function definitions" (decorators); 4.2.2 "Resolution of names"
# description: Tutorial (seed 004) timer decorator, indentation restored: the wrapper returns the wrapped function's result (the timing line it prints is not checked).
# time_limit: 30
# expect: result == 499999500000
def timer(func):
    import time

    def wrapper(*args, **kwargs):
        start = time.time()
        result = func(*args, **kwargs)
        end = time.time()
        print(f"{func.__name__} executed in {end - start:.4f}s")
        return result

    return wrapper

@timer
def heavy_work():
    return sum(range(10**6))

probe("result", heavy_work())
