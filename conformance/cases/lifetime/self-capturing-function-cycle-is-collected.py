# area: lifetime
# level: data-model
# min_version: 3.0
# spec: gc.collect (collects reference cycles); Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__); Data model: cell objects
# description: A nested function that captures itself forms a cycle through its own cell; once dropped, the garbage collector frees it.
# requires: gc, weakref, closure_attr, cell_contents
# expect: cycle == True
# expect: collected == True
import gc, weakref
def outer():
    def countdown(n):
        return countdown(n - 1) if n else 'done'
    return countdown
f = outer()
probe("cycle", f.__closure__[0].cell_contents is f)
ref = weakref.ref(f)
del f
gc.collect()
probe("collected", ref() is None)
