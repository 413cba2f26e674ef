# area: annotation-scopes
# level: language
# min_version: 3.6
# spec: Language Reference 7.2.2 "Annotated assignment statements" ("an annotated assignment performs the actual assignment before evaluating annotations"); PEP 649 (from 3.14 the annotation is evaluated when __annotations__ is read, seeing the class's names)
# description: In a class body, x: x = 1 binds x first, so the annotation reads the new x, whether evaluated at once (before 3.14) or when C.__annotations__ is read (3.14).
# expect: result == {"x": 1}
x = "global"
class C:
    x: x = 1
probe_call("result", lambda: C.__annotations__)
