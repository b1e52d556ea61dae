-- Taking, checking and restoring backups, and choosing where they go: administrators only by default.
INSERT INTO app_permission (code, description) VALUES
 ('backup.manage', 'Take, verify and restore backups; choose the backup folder and how many to keep');

INSERT INTO role_permission (role_code, permission_code) VALUES ('ADMIN', 'backup.manage');
