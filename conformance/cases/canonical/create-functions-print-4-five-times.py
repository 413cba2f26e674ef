# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 8.3 "The for statement"
# description: Tutorial (seed 004) create_functions late-binding pitfall: all five functions read i after the loop and print 4 4 4 4 4.
# expect: program.output == '4\n4\n4\n4\n4\n'
def create_functions():
    funcs = []
    for i in range(5):
        def func():
            return i
        funcs.append(func)
    return funcs

for f in create_functions():
    print(f())  # 4 4 4 4 4 (not 0 1 2 3 4!)
