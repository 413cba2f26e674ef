# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 2.4.3 "Formatted string literals"
# description: Tutorial (seed 002) outer_function: closure1() prints "Message: Hello" and closure2() prints "Message: World", each with its own captured variable.
# expect: program.output == 'Message: Hello\nMessage: World\n'
def outer_function(message):
    # This variable is in the enclosing scope
    outer_variable = message

    def inner_function():
        # inner_function closes over outer_variable
        print(f"Message: {outer_variable}")

    return inner_function  # Return the function, not its execution

closure1 = outer_function("Hello")
closure2 = outer_function("World")
closure1()  # Output: Message: Hello
closure2()  # Output: Message: World
