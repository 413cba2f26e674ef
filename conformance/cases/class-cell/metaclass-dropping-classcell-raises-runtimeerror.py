# area: class-cell
# level: data-model
# min_version: 3.8
# spec: Data model 3.3.3.6 "Creating the class object" (a metaclass must propagate __classcell__ to type.__new__; "Failing to do so will result in a RuntimeError in Python 3.8")
# description: A metaclass that removes __classcell__ from the namespace before calling type.__new__ makes the class statement raise RuntimeError.
# expect: result raises RuntimeError
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns.pop("__classcell__", None)
        return super().__new__(mcls, name, bases, ns)
def make():
    class C(metaclass=Meta):
        def who(self):
            return __class__
    return C
probe_call("result", make)
