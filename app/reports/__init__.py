"""PDF reports built with ReportLab; Qt-free, so the GUI and the CLI share the builders."""
