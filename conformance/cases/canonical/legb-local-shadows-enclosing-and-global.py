# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (the nearest enclosing scope; the local scope first)
# description: Tutorial (seed 004) LEGB example, indentation restored: x is bound in the module, in outer and in inner; inner prints its own "local".
# expect: program.output == 'local\n'
x = "global"

def outer():
    x = "enclosing"

    def inner():
        x = "local"
        print(x)

    inner()

outer()  # Output: local
