# area: global
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.1 "Identifiers (Names)", private name mangling; 7.12 "The global statement"
# description: `global __x` in a method of class C declares the module variable `_C__x`: reads and writes go to it, and no `__x` global appears.
# expect: result == ('module', 'written', False)
_C__x = 'module'
def outer():
    class C:
        def read(self):
            global __x
            return __x
        def write(self):
            global __x
            __x = 'written'
    before = C().read()
    C().write()
    return before, globals()['_C__x'], '__x' in globals()
probe_call("result", outer)
