"""The directory of consultation lines printed on leaflets: shipped defaults plus local entries."""

from app.contacts.directory import Directory, default_directory, load_defaults
from app.contacts.model import Contact, ContactError, OtherNumber

__all__ = ["Contact", "ContactError", "Directory", "OtherNumber", "default_directory", "load_defaults"]
