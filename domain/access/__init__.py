"""Access: users, roles, passwords, who may restore a backup."""
