# area: lifetime
# level: data-model
# min_version: 3.0
# spec: gc.collect (collects reference cycles); Data model: cell objects
# description: Two sibling closures that capture each other form a cycle through their cells; dropping both lets the collector free both.
# requires: gc, weakref
# expect: result == (True, True)
import gc, weakref
def outer():
    def is_even(n):
        return True if n == 0 else is_odd(n - 1)
    def is_odd(n):
        return False if n == 0 else is_even(n - 1)
    return is_even, is_odd
even, odd = outer()
refs = weakref.ref(even), weakref.ref(odd)
del even, odd
gc.collect()
probe("result", (refs[0]() is None, refs[1]() is None))
