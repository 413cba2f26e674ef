# area: lifetime
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__); Data model: cell objects (cell_contents)
# description: A cell taken from __closure__ keeps the captured object alive after the closure itself is dropped.
# requires: gc, weakref, closure_attr, cell_contents
# expect: closure_dead == True
# expect: object_alive == True
import gc, weakref
class Thing(object):
    pass
def outer():
    thing = Thing()
    return lambda: thing
f = outer()
cell = f.__closure__[0]
refs = weakref.ref(f), weakref.ref(cell.cell_contents)
del f
gc.collect()
probe("closure_dead", refs[0]() is None)
probe("object_alive", refs[1]() is cell.cell_contents)
