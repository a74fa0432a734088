"""The operation manual (操作手册 / 测评体系) as data: model, loader, Word import, diff, storage."""
