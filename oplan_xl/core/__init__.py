"""The shared vocabulary every part may import; it imports nothing else of ours.

- ``model``            settings and row dataclasses, money in integer satang, the
                       fiscal year's months and labels, editions, Thai digits
- ``normalise``        the text rules: clean Thai text, label keys, budgets, month marks
- ``catalogue``        the finding codes: severity, Thai and English templates (reading and
                       checking the submissions; the plan through the year)
- ``findings``         a finding located to the cell, the Report and the reconciliation
- ``messages``         every other message the tool prints, in Thai and English
- ``reasons``          why a file was refused or not written, in Thai and English: a
                       message writes its reason in its own language (``wording``)
- ``errors``           the few exceptions the library raises (only the CLI exits)
- ``limits``           every limit on what is read, in one place
- ``layout``           the department input workbook: sheets, columns, labels, synonyms
- ``settings_layout``  plan.xlsx: sheets, labels, standard lists, the defaults of init
- ``cells``            A1 addresses and column letters
"""
