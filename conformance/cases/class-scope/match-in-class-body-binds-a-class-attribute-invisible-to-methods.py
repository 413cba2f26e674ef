# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (names bound in a class block are not visible in its methods); 8.6.4.4 "Capture Patterns"
# description: A capture pattern in a class body binds a class attribute; a method reading the same name skips the class body and finds the enclosing function's variable.
# expect: result == ('class', 'enclosing', 'enclosing')
def outer():
    z = 'enclosing'
    class C:
        match ('class',):
            case (z,):
                pass
        def method(self):
            return z
    return C.z, C().method(), z
probe_call("result", outer)
