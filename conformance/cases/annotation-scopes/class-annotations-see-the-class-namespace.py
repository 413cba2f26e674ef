# area: annotation-scopes
# level: language
# min_version: 3.0
# spec: Language Reference 7.2.2 "Annotated assignment statements" (in a class body, annotations are stored in the class's __annotations__); 4.2.4 "Annotation scopes" (3.14: the annotation scope of a class sees the class's names)
# description: An annotation in a class body that names a class attribute defined before it gives that attribute, not a global of the same name, eagerly or lazily.
# expect: result == "class X"
X = "global X"
class C:
    X = "class X"
    y: X
probe("result", C.__annotations__["y"])
