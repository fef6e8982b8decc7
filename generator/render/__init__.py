"""The render stage: Documents -> HTML pages, through Markdown and Jinja2."""
