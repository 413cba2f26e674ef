# area: lifetime
# level: data-model
# min_version: 3.0
# spec: Data model: cell objects (sibling closures share one cell); gc.collect; weakref.ref
# description: Two closures share the cell of one captured object: dropping one leaves it alive, dropping both frees it.
# requires: gc, weakref
# expect: one_left == True
# expect: none_left == True
import gc, weakref
class Thing(object):
    pass
def outer():
    thing = Thing()
    return (lambda: thing), (lambda: thing), weakref.ref(thing)
a, b, ref = outer()
del a
gc.collect()
probe("one_left", ref() is b())
del b
gc.collect()
probe("none_left", ref() is None)
