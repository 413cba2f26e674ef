# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 2.4.3 "Formatted string literals"
# description: Tutorial (seed 004) greet factory: hello("Alice") is "Hello, Alice!" and goodbye("Bob") is "Goodbye, Bob!".
# expect: program.output == 'Hello, Alice!\nGoodbye, Bob!\n'
def greet(greeting):
    def greet_person(name):
        return f"{greeting}, {name}!"
    return greet_person

hello = greet("Hello")
goodbye = greet("Goodbye")

print(hello("Alice"))  # Output: Hello, Alice!
print(goodbye("Bob"))  # Output: Goodbye, Bob!
