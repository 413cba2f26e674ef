# area: canonical
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__, co_freevars); Language Reference 7.11 "The import statement" (import binds a local name)
# description: Tutorial (seed 004) timer decorator: the wrapper's free variables are func (the original heavy_work) and time, which `import time` bound as a local of timer.
# requires: cell_contents
# time_limit: 30
# expect: heavy_work.freevars == {'func', 'time'}
# expect: heavy_work.closure == 2
# expect: names == ('wrapper', 'heavy_work')
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

probe_closure("heavy_work", heavy_work)
cells = dict(zip(heavy_work.__code__.co_freevars, heavy_work.__closure__))
probe("names", (heavy_work.__name__, cells['func'].cell_contents.__name__))
