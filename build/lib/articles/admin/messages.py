"""How the admin words what it tells editors."""


def counted(number, noun, plural=None):
    """ "1 quote", "3 quotes"."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
