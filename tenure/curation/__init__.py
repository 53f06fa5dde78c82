"""Analysts' corrections: edit, reject, restore and confirm events; rename and split entities.

Each correction is one transaction that checks the revision the analyst saw, records a
Correction row (who, when, the fields before and after, why) and bumps the revision. Edited
fields are locked so extraction never overwrites them.
"""
