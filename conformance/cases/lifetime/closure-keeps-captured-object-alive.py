# area: lifetime
# level: data-model
# min_version: 3.0
# spec: Data model 3.1 "Objects, values and types" (objects are never explicitly destroyed; an object is collectable only when unreachable); Data model: cell objects
# description: After the enclosing function returned and a full collection ran, the object a closure captured is still alive and is what the closure returns.
# requires: gc, weakref
# expect: alive == True
# expect: same == True
import gc, weakref
class Thing(object):
    pass
def outer():
    thing = Thing()
    return (lambda: thing), weakref.ref(thing)
f, ref = outer()
gc.collect()
probe("alive", ref() is not None)
probe("same", ref() is f())
