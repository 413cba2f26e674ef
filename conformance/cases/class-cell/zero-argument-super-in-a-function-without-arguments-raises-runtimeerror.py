# area: class-cell
# level: cpython-detail
# min_version: 3.0
# spec: CPython's super_init_without_args (Objects/typeobject.c): a frame without a first argument gives RuntimeError "super(): no arguments"
# description: Zero-argument super() in a lambda or nested function without parameters, or in a staticmethod without parameters, has no instance to bind to and raises RuntimeError.
# expect: in_lambda raises RuntimeError
# expect: in_lambda.message == "super(): no arguments"
# expect: in_nested raises RuntimeError
# expect: in_static raises RuntimeError
class A:
    def m(self):
        return "A"
class B(A):
    def via_lambda(self):
        return (lambda: super().m())()
    def via_nested(self):
        def inner():
            return super().m()
        return inner()
    @staticmethod
    def via_static():
        return super().m()
probe_call("in_lambda", B().via_lambda)
probe_call("in_nested", B().via_nested)
probe_call("in_static", B.via_static)
