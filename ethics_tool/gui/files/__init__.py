"""File work of the GUI: the PDF report, the JSON export, the blank questionnaire, import and merge.

Pages ask :class:`~ethics_tool.gui.files.work.FileWork` for a file job; it asks for the file name,
runs the job on the thread pool (one :class:`~ethics_tool.gui.files.worker.Worker` lifecycle for
every kind), reports progress and the outcome by signal, and shows the error. The
:class:`~ethics_tool.gui.files.banner.FileBanner` shows a job's progress and offers to open the
file it wrote.

The package imports nothing itself, so that :mod:`~ethics_tool.gui.files.jobs` stays cheap for the
main window before its first paint.
"""
