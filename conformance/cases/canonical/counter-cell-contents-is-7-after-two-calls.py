# area: canonical
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__); Data model: cell objects (cell_contents reads the current value)
# description: Tutorial (seed 002) counter(5) after two calls: __closure__ is one cell and its cell_contents is 7, the current value of count (the repr the seed prints is not checked: it shows addresses).
# expect: counter_func.closure == 1
# expect: counter_func.cells.count == 7
# expect: contents == 7
def counter(initial_value=0):
    count = initial_value
    def increment():
        nonlocal count
        count += 1
        return count
    return increment
counter_func = counter(5)
counter_func()
counter_func()
probe_closure("counter_func", counter_func)
probe("contents", counter_func.__closure__[0].cell_contents)
