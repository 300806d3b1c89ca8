"""A stand-in for Pillow inside the frozen app only (see build/smsoat.spec).

ReportLab imports `PIL.Image` when it starts, but no report of this app embeds a bitmap, and
Pillow with its codec libraries would add about 7 MB to the installer. The source tree and the
tests use the real Pillow; the frozen app's reports are checked by `make dist-check`.
"""
