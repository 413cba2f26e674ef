# area: lifetime
# level: data-model
# min_version: 3.0
# spec: weakref.ref (the callback is called when the referent is about to be finalized); gc.collect
# description: A weak reference callback on a closure runs once the closure is dropped and collected, and receives the dead reference.
# requires: gc, weakref
# expect: before == []
# expect: after == [True]
import gc, weakref
def outer():
    x = 1
    return lambda: x
fired = []
f = outer()
ref = weakref.ref(f, lambda r: fired.append(r() is None))
probe("before", list(fired))
del f
gc.collect()
probe("after", list(fired))
