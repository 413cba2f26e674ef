# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 2.4.3 "Formatted string literals"
# description: Tutorial (seed 004) configure_logger callbacks, line breaks restored: info and error print with their captured levels upper-cased.
# expect: program.output == '[INFO] System started\n[ERROR] Connection failed\n'
def configure_logger(level):
    def log(message):
        print(f"[{level.upper()}] {message}")
    return log

info = configure_logger("info")
error = configure_logger("error")

info("System started")  # [INFO] System started
error("Connection failed")  # [ERROR] Connection failed
