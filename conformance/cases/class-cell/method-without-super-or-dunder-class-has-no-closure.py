# area: class-cell
# level: data-model
# min_version: 3.0
# spec: Data model 3.3.3.6 "Creating the class object" (the __class__ cell is created only for methods that refer to __class__ or super); 3.2: user-defined functions (__closure__)
# description: A method that uses neither super() nor __class__ gets no __class__ cell: at module level its __closure__ is None.
# expect: plain.closure == None
# expect: plain.freevars == ()
class A:
    def plain(self):
        return self
    def other(self):
        return super().__init__
probe_closure("plain", A.plain)
