# area: closure-attribute
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__ is None or a tuple of cells), code objects (co_freevars); Language Reference 8.9.1 "Coroutine function definition"
# description: A nested async def that captures nothing has __closure__ None; a nested async generator function reading two enclosing variables has two cells holding their values.
# expect: plain.closure == None
# expect: plain.freevars == set()
# expect: agen.closure == 2
# expect: agen.freevars == {'a', 'b'}
# expect: agen.cells.a == 'A'
# expect: agen.cells.b == 'B'
def outer():
    a = 'A'
    b = 'B'
    unused = 'U'
    async def plain():
        return 1
    async def agen():
        yield a
        yield b
    return plain, agen
plain, agen = outer()
probe_closure("plain", plain)
probe_closure("agen", agen)
