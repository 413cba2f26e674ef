# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 8.3 "The for statement" (the target is assigned in the current scope); 8.8 "Class definitions"; 4.2.2 "Resolution of names" (class names are not visible in methods)
# description: A for loop in a class body leaves its variable as a class attribute with the last value; a method reading the name gets the enclosing function's variable.
# expect: result == (2, 'enclosing')
def outer():
    i = 'enclosing'
    class C:
        for i in range(3):
            pass
        def get(self):
            return i
    return C.i, C().get()
probe_call("result", outer)
