# area: lifetime
# level: data-model
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (a closure refers to the variables it uses); Data model: cell objects; gc.collect
# description: After the enclosing function returns, the variable the closure captured stays alive but another local it never used is freed.
# requires: gc, weakref
# expect: captured == True
# expect: uncaptured == True
import gc, weakref
class Thing(object):
    pass
def outer():
    kept, dropped = Thing(), Thing()
    refs = weakref.ref(kept), weakref.ref(dropped)
    return (lambda: kept), refs
f, (kept_ref, dropped_ref) = outer()
gc.collect()
probe("captured", kept_ref() is not None)
probe("uncaptured", dropped_ref() is None)
