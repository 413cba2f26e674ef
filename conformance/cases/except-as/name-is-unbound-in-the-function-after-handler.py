# area: except-as
# level: language
# min_version: 3.0
# spec: Language Reference 8.4 "The try statement" (translated as `try: ... finally: del e`); 4.2.2 "Resolution of names"
# description: The function that ran the handler gets UnboundLocalError when it reads the `as` name afterwards.
# expect: result raises UnboundLocalError
def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        pass
    return e
probe_call("result", f)
