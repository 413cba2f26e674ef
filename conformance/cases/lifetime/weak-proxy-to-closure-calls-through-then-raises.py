# area: lifetime
# level: data-model
# min_version: 3.0
# spec: weakref.proxy (a callable proxy for a callable referent; ReferenceError once the referent is gone); gc.collect
# description: A weak proxy to a closure calls the closure while it lives, and raises ReferenceError after the closure is dropped.
# requires: gc, weakref
# expect: called == 'captured'
# expect: dead raises ReferenceError
import gc, weakref
def outer():
    word = 'captured'
    return lambda: word
f = outer()
proxy = weakref.proxy(f)
probe_call("called", proxy)
del f
gc.collect()
probe_call("dead", proxy)
