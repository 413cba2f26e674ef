# area: class-cell
# level: language
# min_version: 3.0
# spec: Data model 3.3.3.6 "Creating the class object" (__class__ is a closure reference fixed where the method is defined, not the class it is looked up on)
# description: A method taken from class A and stored in class B still reads __class__ as A, and its zero-argument super() still starts after A.
# expect: result == (True, "base")
class Base:
    def hello(self):
        return "base"
class A(Base):
    def who(self):
        return __class__
    def hello(self):
        return super().hello()
class B(A):
    who = A.who
    hello = A.hello
probe("result", (B().who() is A, B().hello()))
