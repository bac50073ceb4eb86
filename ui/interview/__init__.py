"""The interview in the program: one question at a time, answers saved as given, the result."""
