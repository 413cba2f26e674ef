# area: lifetime
# level: data-model
# min_version: 3.0
# spec: Data model 3.1 "Objects, values and types" (unreachable objects may be garbage-collected); gc.collect; weakref.ref
# description: Once the only closure holding the captured object is dropped and a collection runs, the object is gone.
# requires: gc, weakref
# expect: before == True
# expect: after == True
import gc, weakref
class Thing(object):
    pass
def outer():
    thing = Thing()
    return (lambda: thing), weakref.ref(thing)
f, ref = outer()
probe("before", ref() is not None)
del f
gc.collect()
probe("after", ref() is None)
