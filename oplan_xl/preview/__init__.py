"""preview.html: the whole plan book, from the same finished plan as the workbooks.

- ``book``        display text prepared from the Plan and the Report
- ``templates/``  the jinja2 template (autoescape on) and its CSS
- ``charts``      inline SVG charts as pure functions
"""
