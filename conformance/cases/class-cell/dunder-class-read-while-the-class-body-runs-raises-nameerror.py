# area: class-cell
# level: data-model
# min_version: 3.0
# spec: Data model 3.3.3.6 "Creating the class object" (the __class__ cell is filled by type.__new__ when the class object is created); Language Reference 4.2.2 "Resolution of names"
# description: A method called while its class body is still running finds the __class__ cell empty, and reading __class__ raises NameError.
# expect: during raises NameError
# expect: after == True
class A:
    def who(self):
        return __class__
    probe_call("during", who, None)
probe("after", A().who() is A)
