# area: class-scope
# level: language
# min_version: 3.6
# spec: Language Reference 8.8 "Class definitions" (the inheritance list is evaluated before the class body runs, in the scope containing the class statement); Data model 3.3.3 "Customizing class creation" (__init_subclass__ receives the class keyword arguments)
# description: A class statement's base list and keyword argument read the enclosing function's names, not the class body's later bindings of the same names.
# expect: result == ('function', 'class', True, 'class attribute')
def outer():
    tag = 'function'
    class Base:
        def __init_subclass__(cls, tag=None, **kwargs):
            super().__init_subclass__(**kwargs)
            cls.seen = tag
    class C(Base, tag=tag):
        tag = 'class'
        Base = 'class attribute'
    return C.seen, C.tag, C.__bases__[0] is Base, C.Base
probe_call("result", outer)
