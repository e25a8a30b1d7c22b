def check_age(age: int) -> int:
    if age < 0:
        raise ValueError("negative age")
    return age
