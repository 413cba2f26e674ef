# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 4.2.4 "Annotation scopes" (a generic class's type parameters are visible to its methods, unlike the class body's own names); 8.8 "Class definitions"; PEP 695
# description: A method of a generic class reads the class's type parameter, while a name bound in the class body is not visible to it.
# expect: param == "T"
# expect: body_name raises NameError
class C[T]:
    X = 1
    def param(self):
        return T.__name__
    def body_name(self):
        return X
probe_call("param", C().param)
probe_call("body_name", C().body_name)
