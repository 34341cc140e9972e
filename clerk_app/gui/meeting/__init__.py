"""The meeting screen: agenda, the item being minuted, and attendance."""
