# area: class-cell
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (the comprehension runs in its own nested scope); Data model 3.3.3.6 (the __class__ cell is filled only when the class object is created); 4.2.2 "Resolution of names"
# description: A comprehension in a class body that reads __class__ runs before the class exists: NameError (its cell is empty, or there is none).
# expect: result raises NameError
def make():
    class B:
        xs = [__class__ for _ in range(1)]
    return B.xs
probe_call("result", make)
