# area: canonical
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__); Data model: cell objects
# description: Tutorial (seed 004) greet factory under the hood: hello.__closure__[0].cell_contents is "Hello", goodbye's is "Goodbye" (the seed's print of the cell tuple repr shows addresses and is not checked).
# requires: closure_attr, cell_contents
# expect: program.output == 'Hello\nGoodbye\n'
def greet(greeting):
    def greet_person(name):
        return f"{greeting}, {name}!"
    return greet_person

hello = greet("Hello")
goodbye = greet("Goodbye")

print(hello.__closure__[0].cell_contents)  # Output: Hello
print(goodbye.__closure__[0].cell_contents)  # Output: Goodbye
