# Founding example 5's second half: a function that loops exactly when verdict says it
# terminates. No tool may answer yes or no; verdict does not model the call of itself
# (an attribute call of a global), so the answer is don't know naming that construct.
# (In real use `import verdict` would come first; it is left out so that loading this file
# for a replay cannot fail on the import.)

# expect: terminates h dont_know -- self-reference: any yes or no would be wrong
def h():
    if verdict.terminates(h).answer == "yes":  # noqa: F821
        while True:
            pass


# expect: check h dont_know -- the same construct, for the safety question
