"""Observed role-play (issue 18): a classmate plays the customer, one handles the
complaint, one observes with a checklist and a rubric.

Qt-free: the behaviour checklist and rubric drawn from a case (checklist, rubric),
the three-sheet kit (kit), the log replay (state), scoring (scoring), the store
writes (observed) and the reflection sheet of an observed attempt (sheet).
"""
