"""A look-alike of a window: the same Qt widgets, layouts, menus, texts and item rows,
written out as a plain PySide6 program with no logic at all.

``write_lookalike(window, path)`` is called inside a running Clerk (once its window is
usable) and writes ``path``, a module with ``main(t0)`` that builds and shows the same
widget tree and prints the milliseconds from ``t0`` to its event loop being idle, as the
start-up benchmark times Clerk. Each widget is made as the PySide6 class it derives from
(Clerk's subclasses bring their logic with them, the look-alike must not), so the
difference between the two is Clerk's own work: its modules, its data and its code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)


def qt_class(obj: QObject) -> str:
    """The PySide6 class ``obj`` is made from, as ``module.Class``."""
    for cls in type(obj).__mro__:
        if cls.__module__.startswith("PySide6."):
            return f"{cls.__module__.rsplit('.', 1)[1]}.{cls.__name__}"
    raise TypeError(type(obj))


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.n = 0
        self.widgets = 0
        self.actions = 0
        self.names: dict[int, str] = {}
        self.focus: QWidget | None = None

    def name(self, prefix: str = "w") -> str:
        self.n += 1
        return f"{prefix}{self.n}"

    def emit(self, line: str) -> None:
        self.lines.append("    " + line)

    # ------------------------------------------------------------------ widgets
    def widget(self, w: QWidget) -> str:
        """Make ``w`` (with what it contains); its variable name."""
        v = self.name()
        self.names[id(w)] = v
        self.widgets += 1
        self.emit(f"{v} = {qt_class(w)}()")
        self.properties(w, v)
        layout = w.layout()
        if layout is not None and not isinstance(w, QMainWindow | QStackedWidget):
            lv = self.layout(layout)
            self.emit(f"{v}.setLayout({lv})")
        self.contents(w, v)
        if w.isHidden() and not w.isWindow():
            self.emit(f"{v}.hide()")
        return v

    def properties(self, w: QWidget, v: str) -> None:
        if w.objectName() and not w.objectName().startswith("qt_"):
            self.emit(f"{v}.setObjectName({w.objectName()!r})")
        if w.accessibleName():
            self.emit(f"{v}.setAccessibleName({w.accessibleName()!r})")
        if w.styleSheet():
            self.emit(f"{v}.setStyleSheet({w.styleSheet()!r})")
        parent = w.parentWidget()
        if parent is not None and w.font() != parent.font():
            f = w.font()
            self.emit(f"f = {v}.font(); f.setPointSizeF({f.pointSizeF()}); f.setBold({f.bold()})")
            self.emit(f"f.setItalic({f.italic()}); {v}.setFont(f)")
        if w.minimumWidth() or w.minimumHeight():
            self.emit(f"{v}.setMinimumSize({w.minimumWidth()}, {w.minimumHeight()})")
        if w.maximumWidth() < 16777215 or w.maximumHeight() < 16777215:
            self.emit(f"{v}.setMaximumSize({w.maximumWidth()}, {w.maximumHeight()})")
        if isinstance(w, QLabel):
            self.emit(f"{v}.setText({w.text()!r}); {v}.setWordWrap({w.wordWrap()})")
        elif isinstance(w, QAbstractButton):
            self.emit(f"{v}.setText({w.text()!r})")
            if w.isCheckable():
                self.emit(f"{v}.setCheckable(True); {v}.setChecked({w.isChecked()})")
        elif isinstance(w, QLineEdit):
            self.emit(f"{v}.setText({w.text()!r})")
            if w.placeholderText():
                self.emit(f"{v}.setPlaceholderText({w.placeholderText()!r})")
        elif isinstance(w, QPlainTextEdit):
            self.emit(f"{v}.setPlainText({w.toPlainText()!r})")
            if w.placeholderText():
                self.emit(f"{v}.setPlaceholderText({w.placeholderText()!r})")
        elif isinstance(w, QTextEdit):
            self.emit(f"{v}.setPlainText({w.toPlainText()!r})")
        elif isinstance(w, QComboBox):
            items = [w.itemText(i) for i in range(w.count())]
            self.emit(f"{v}.setEditable({w.isEditable()}); {v}.addItems({items!r})")
            self.emit(f"{v}.setCurrentIndex({w.currentIndex()})")
        elif isinstance(w, QDateTimeEdit):
            self.emit(f"{v}.setDisplayFormat({w.displayFormat()!r})")
        elif isinstance(w, QSpinBox):
            self.emit(f"{v}.setRange({w.minimum()}, {w.maximum()}); {v}.setValue({w.value()})")
        if isinstance(w, QAbstractSpinBox) and w.specialValueText():
            self.emit(f"{v}.setSpecialValueText({w.specialValueText()!r})")
        if isinstance(w, QListWidget):
            rows = [w.item(r).text() for r in range(w.count())]
            self.emit(f"{v}.setWordWrap({w.wordWrap()}); {v}.addItems({rows!r})")
            self.emit(f"{v}.setCurrentRow({w.currentRow()})")
        elif isinstance(w, QTreeWidget):
            self.emit(f"{v}.setHeaderHidden({w.isHeaderHidden()})")
            self.emit(f"{v}.setColumnCount({w.columnCount()})")
            for t in range(w.topLevelItemCount()):
                self.tree_item(w.topLevelItem(t), f"{v}.addTopLevelItem")
            self.emit(f"{v}.expandAll()")
        if isinstance(w, QAbstractItemView):
            self.emit(f"{v}.setAlternatingRowColors({w.alternatingRowColors()})")
        if w.hasFocus() or w is w.window().focusWidget():
            self.focus = w

    def tree_item(self, item: QTreeWidgetItem, add: str) -> None:
        texts = [item.text(c) for c in range(item.columnCount())]
        t = self.name("t")
        self.emit(f"{t} = W.QTreeWidgetItem({texts!r}); {add}({t})")
        for c in range(item.childCount()):
            self.tree_item(item.child(c), f"{t}.addChild")

    def contents(self, w: QWidget, v: str) -> None:
        """What containers hold outside a layout."""
        if isinstance(w, QSplitter):
            self.emit(f"{v}.setOrientation(C.Qt.Orientation({w.orientation().value}))")
            for i in range(w.count()):
                self.emit(f"{v}.addWidget({self.widget(w.widget(i))})")
            self.emit(f"{v}.setSizes({w.sizes()!r})")
        elif isinstance(w, QScrollArea) and w.widget() is not None:
            self.emit(f"{v}.setWidgetResizable({w.widgetResizable()})")
            self.emit(f"{v}.setWidget({self.widget(w.widget())})")
        elif isinstance(w, QStackedWidget):
            for i in range(w.count()):
                self.emit(f"{v}.addWidget({self.widget(w.widget(i))})")
            self.emit(f"{v}.setCurrentIndex({w.currentIndex()})")
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                self.emit(f"{v}.addTab({self.widget(w.widget(i))}, {w.tabText(i)!r})")

    def layout(self, layout: QLayout) -> str:
        v = self.name("l")
        self.emit(f"{v} = {qt_class(layout)}()")
        m = layout.contentsMargins()
        self.emit(f"{v}.setContentsMargins({m.left()}, {m.top()}, {m.right()}, {m.bottom()})")
        if layout.spacing() >= 0:
            self.emit(f"{v}.setSpacing({layout.spacing()})")
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item.widget() is not None:
                what = self.widget(item.widget())
            elif item.layout() is not None:
                what = self.layout(item.layout())
            elif item.spacerItem() is not None:
                what = ""
            else:
                continue
            if isinstance(layout, QBoxLayout):
                stretch = layout.stretch(i)
                if not what:
                    self.emit(f"{v}.addStretch({stretch})")
                elif item.layout() is not None:
                    self.emit(f"{v}.addLayout({what}, {stretch})")
                else:
                    self.emit(f"{v}.addWidget({what}, {stretch})")
            elif isinstance(layout, QGridLayout) and what:
                row, col, rs, cs = layout.getItemPosition(i)
                kind = "addLayout" if item.layout() is not None else "addWidget"
                self.emit(f"{v}.{kind}({what}, {row}, {col}, {rs}, {cs})")
            elif isinstance(layout, QFormLayout) and what:
                row, role = layout.getItemPosition(i)
                kind = "setLayout" if item.layout() is not None else "setWidget"
                self.emit(f"{v}.{kind}({row}, W.QFormLayout.ItemRole({role.value}), {what})")
            elif what:
                self.emit(f"{v}.addWidget({what})")
        return v

    # ------------------------------------------------------------------ menus
    def menu(self, menu: QMenu, add: str) -> None:
        m = self.name("m")
        self.emit(f"{m} = {add}({menu.title()!r})")
        for act in menu.actions():
            if act.isSeparator():
                self.emit(f"{m}.addSeparator()")
            elif act.menu() is not None:
                self.menu(act.menu(), f"{m}.addMenu")
            else:
                self.action(act, f"{m}.addAction")

    def action(self, act: QAction, add: str) -> str:
        a = self.name("a")
        self.names[id(act)] = a
        self.actions += 1
        keys = [k.toString() for k in act.shortcuts()]
        self.emit(f"{a} = G.QAction({act.text()!r}, window); {add}({a})")
        if keys:
            self.emit(f"{a}.setShortcuts([G.QKeySequence(k) for k in {keys!r}])")
        if act.isCheckable():
            self.emit(f"{a}.setCheckable(True); {a}.setChecked({act.isChecked()})")
        if not act.isEnabled():
            self.emit(f"{a}.setEnabled(False)")
        return a


def write_lookalike(window: QMainWindow, path: Path) -> dict[str, Any]:
    """Write the look-alike of ``window`` to ``path``; how many widgets and actions."""
    out = _Writer()
    out.emit("window = W.QMainWindow()")
    out.emit(f"window.setWindowTitle({window.windowTitle()!r})")
    menus = window.menuBar()
    for act in menus.actions():
        if act.menu() is not None:
            out.menu(act.menu(), "window.menuBar().addMenu")
    for act in window.actions():
        if id(act) in out.names:
            out.emit(f"window.addAction({out.names[id(act)]})")
        else:
            out.action(act, "window.addAction")
    central = window.centralWidget()
    if central is not None:
        out.emit(f"window.setCentralWidget({out.widget(central)})")
    status = window.statusBar()
    for child in status.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if isinstance(child, QLabel) and not child.isHidden():
            out.emit(f"window.statusBar().addPermanentWidget({out.widget(child)})")
    size = window.size()
    out.emit(f"window.resize({size.width()}, {size.height()})")
    out.emit("window.show()")
    if out.focus is not None and id(out.focus) in out.names:
        out.emit(f"{out.names[id(out.focus)]}.setFocus()")
    head = [
        '"""Generated by tests/benchmarks/lookalike.py: a window with no logic."""',
        "import time",
        "from PySide6 import QtCore, QtGui, QtWidgets",
        "C, G, W = QtCore, QtGui, QtWidgets",
        "",
        "",
        "def main(t0: float) -> None:",
        "    app = W.QApplication([])",
    ]
    tail = [
        "    def ready():",
        "        print((time.perf_counter() - t0) * 1000)",
        "        window.close()",
        "    C.QTimer.singleShot(0, window, ready)",
        "    app.exec()",
        "",
    ]
    path.write_text("\n".join(head + out.lines + tail), encoding="utf-8")
    return {"widgets": out.widgets, "actions": out.actions}
