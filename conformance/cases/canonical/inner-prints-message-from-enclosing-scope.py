# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (a name not bound in the block is found in the nearest enclosing function scope)
# description: Tutorial (seed 004) lexical scoping example, indentation restored: inner prints the message bound in outer.
# expect: program.output == 'Hello from the enclosing scope!\n'
def outer():
    message = "Hello from the enclosing scope!"

    def inner():
        print(message)

    inner()

outer()  # Output: Hello from the enclosing scope!
