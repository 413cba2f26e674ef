# area: lifetime
# level: data-model
# min_version: 3.0
# spec: weakref module (functions, including closures, can be weakly referenced); gc.collect
# description: A weak reference to a closure returns the closure while it is alive, calls through, and is dead after the closure is dropped.
# requires: gc, weakref
# expect: same == True
# expect: called == 10
# expect: dead == True
import gc, weakref
def make_adder(n):
    def add(x):
        return x + n
    return add
add = make_adder(7)
ref = weakref.ref(add)
probe("same", ref() is add)
probe("called", ref()(3))
del add
gc.collect()
probe("dead", ref() is None)
