# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 4.2.4 "Annotation scopes" (the annotation scope of a generic method nests in that of its generic class); PEP 695
# description: A generic method of a generic class sees its own type parameter and the class's, and a closure in it captures both.
# expect: result == ("T", "U")
class C[T]:
    def m[U](self):
        return (lambda: (T.__name__, U.__name__))()
probe_call("result", C().m)
