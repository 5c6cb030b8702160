# Nothing to output.
