# area: comprehension-scope
# level: language
# min_version: 3.8
# spec: PEP 572 "Scope of the target" (in a comprehension, := binds in the containing scope, honouring its global declaration) and Language Reference 6.2.1 "Private name mangling"
# description: In a method declaring global __p, (__p := 1) in a comprehension binds the module's _C__p.
# expect: result == 1
# expect: mangled == 1
class C:
    def m(self):
        global __p
        [(__p := 1) for x in range(1)]
        return __p
probe_call("result", C().m)
probe_call("mangled", lambda: _C__p)
