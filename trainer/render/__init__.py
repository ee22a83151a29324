"""Window-free rendering with Qt (QtGui only, never QtWidgets): reflection sheets as
HTML/QTextDocument, PDFs, chart images and font choice. Imported by trainer.exchange
(headless PDF export) and trainer.ui (screen, print), so every import points down."""
