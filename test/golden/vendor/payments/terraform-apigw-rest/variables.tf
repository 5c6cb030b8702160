# The spec names everything this module needs: no input variables.
