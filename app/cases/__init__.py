"""Cases and the person each is about: dataclasses, validation and the SQL that stores them."""
