# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 8.8 "Class definitions"
# description: A class body inside a function reads the function's variables while it runs.
# expect: z == 6
def f():
    y = 5
    class C:
        z = y + 1
    return C
probe("z", f().z)
