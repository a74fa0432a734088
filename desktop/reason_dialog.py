"""The reason asked for a 退回 or a 豁免: the prompt wraps (it quotes the finding, which can be long)
and the dialog is sized to the screen, so its buttons stay in sight at 1366×768 and 150 %."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.screen_fit import resize_to_fit


class ReasonDialog(QDialog):
    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        resize_to_fit(self, 520, 300)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str) -> str | None:
        """The text typed, or None when the user cancelled."""
        dialog = cls(title, prompt, parent)
        return dialog.text.toPlainText() if dialog.exec() == QDialog.DialogCode.Accepted else None
