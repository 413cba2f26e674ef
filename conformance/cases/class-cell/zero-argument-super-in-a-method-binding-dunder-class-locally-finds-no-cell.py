# area: class-cell
# level: cpython-detail
# min_version: 3.0
# spec: CPython's super_init_without_args (Objects/typeobject.c): without a free variable __class__ the call raises RuntimeError "super(): __class__ cell not found"
# description: A method that assigns __class__ locally has no __class__ free variable, so its zero-argument super() raises RuntimeError.
# expect: result raises RuntimeError
# expect: result.message == "super(): __class__ cell not found"
class A:
    def m(self):
        return "A"
class B(A):
    def m(self):
        __class__ = B
        return super().m()
probe_call("result", B().m)
