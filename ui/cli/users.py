"""Users on the command line: ``user add|list|passwd|role|deactivate``, and signing in for every command.

Every command acts as a user: with ``--user NAME`` (before the command; ``--as NAME`` after
``user …``) it signs in as NAME with the password in ``STOCKROOM_PASSWORD`` or, when that is not
set, asked for without echo. Without a name, while the database has no users (sign-in off), it
acts as the operating-system user and may do everything; once sign-in is on, a command that
opens the database without a name is refused (exit 3), and the use cases would refuse anyway.
A new password (``user add``, ``user passwd``) comes from ``STOCKROOM_NEW_PASSWORD`` or is asked
for twice. A password is only asked for on a terminal: without one (a script, a scheduled job) and
without the variable, the command ends with exit 2 naming the variable to set. The role is checked
before a new password is asked for.
"""

from __future__ import annotations

import getpass
import os
import sys

COMMANDS = ("user",)
PASSWORD_ENV = "STOCKROOM_PASSWORD"
NEW_PASSWORD_ENV = "STOCKROOM_NEW_PASSWORD"


def add_parsers(sub) -> None:
    roles = "clerk, purchaser, accountant, manager or admin"
    user = sub.add_parser("user", help="users and roles (sign-in is on once the first user, an admin, exists)")
    actions = user.add_subparsers(dest="action", required=True)
    p = actions.add_parser("add", help=f"add a user with a role ({roles}); the first user must be an admin")
    p.add_argument("name")
    p.add_argument("--role", required=True)
    p.add_argument("--display-name", default="")
    p = actions.add_parser("list", help="list users and their roles")
    p.add_argument("--json", action="store_true")
    p = actions.add_parser("passwd", help="give a user a new password (an admin), or change your own (anyone)")
    p.add_argument("name")
    p = actions.add_parser("role", help=f"change a user's role ({roles})")
    p.add_argument("name")
    p.add_argument("role")
    p = actions.add_parser("deactivate", help="stop a user from signing in (what they recorded keeps their name)")
    p.add_argument("name")
    p = actions.add_parser("activate", help="let a deactivated user sign in again")
    p.add_argument("name")
    for parser in actions.choices.values():
        parser.add_argument("--as", dest="acting", metavar="USER", help="act as USER (an admin once sign-in is on)")


def sign_in(db, name: str | None) -> None:
    """Make ``db.uow()`` act as ``name`` after checking the password; without a name, as the OS user.

    Raises:
        domain.access.users.SignInFailed: the name or the password is wrong (exit 3).
        CliError: no name, and the database has users (exit 3).
    """
    from bootstrap import os_user
    from domain.access import users
    from persistence.access.users import UserRepository
    from ui.cli.common import EXIT_REFUSED
    from ui.cli.common import CliError

    if not name:
        with db.engine.connect() as conn:  # a plain read: no write lock for a command that only reads
            signing_in = UserRepository(conn).any_active()
        if signing_in:
            raise CliError(f"sign-in is on for this database: give --user NAME before the command (the password is "
                           f"read from {PASSWORD_ENV} or asked for)", EXIT_REFUSED)
        db.act_as(os_user(), None)
        return
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        password = _ask(f"password for {name}: ", PASSWORD_ENV, f"--user {name}")
    user = users.authenticate(db.uow(), name, password)
    db.act_as(user.username, user.role)


def _ask(prompt: str, variable: str, what: str) -> str:
    """A password typed on the terminal without echo; without a terminal, CliError naming ``variable``."""
    from ui.cli.common import EXIT_BAD_INPUT
    from ui.cli.common import CliError

    if not sys.stdin.isatty():
        raise CliError(f"{what}: there is no terminal to ask for the password on; set {variable} to it",
                       EXIT_BAD_INPUT)
    return getpass.getpass(prompt)


def _new_password(name: str) -> str:
    from ui.cli.common import EXIT_BAD_INPUT
    from ui.cli.common import CliError

    password = os.environ.get(NEW_PASSWORD_ENV)
    if password is not None:
        return password
    password = _ask(f"new password for {name}: ", NEW_PASSWORD_ENV, f"new password for {name}")
    if getpass.getpass("the same again: ") != password:
        raise CliError("password: the two entries differ; type the same password twice", EXIT_BAD_INPUT)
    return password


def run(args, open_db) -> int:
    from domain.access import users
    from ui.cli.common import EXIT_OK
    from ui.cli.common import print_json
    from ui.cli.common import table

    db = open_db()  # signed in as --user or, given after ``user …``, --as
    uow = db.uow
    if args.action == "add":
        users.check_may_manage_users(uow())  # before asking for a password the command would then refuse
        user = users.add_user(uow(), users.AddUser(args.name, _new_password(args.name), args.role, args.display_name))
        print(f"added {user.username} ({user.role})" + ("; sign-in is now on" if user.role == "admin" else ""))
    elif args.action == "list":
        rows = users.list_users(uow())
        if args.json:
            print_json([{"name": u.username, "display_name": u.display_name, "role": u.role, "active": u.active,
                          "created_at": u.created_at.isoformat()} for u in rows])
        else:
            table([[u.username, u.display_name, u.role, "yes" if u.active else "no"] for u in rows],
                   ["NAME", "DISPLAY NAME", "ROLE", "ACTIVE"])
    elif args.action == "passwd" and db.role is not None and args.name == db.user:
        # Your own password, whatever your role: the current one proves it is you.
        current = os.environ.get(PASSWORD_ENV)
        if current is None:
            current = _ask(f"current password for {args.name}: ", PASSWORD_ENV, f"current password for {args.name}")
        users.change_own_password(uow(), users.ChangeOwnPassword(current, _new_password(args.name)))
        print(f"new password set for {args.name}")
    elif args.action == "passwd":
        users.check_may_manage_users(uow())
        users.set_password(uow(), users.SetPassword(args.name, _new_password(args.name)))
        print(f"new password set for {args.name}")
    elif args.action == "role":
        user = users.set_role(uow(), users.SetRole(args.name, args.role))
        print(f"{user.username} is now {user.role}")
    elif args.action == "deactivate":
        users.deactivate(uow(), users.DeactivateUser(args.name))
        print(f"{args.name} can no longer sign in")
    elif args.action == "activate":
        users.reactivate(uow(), users.ReactivateUser(args.name))
        print(f"{args.name} can sign in again")
    return EXIT_OK
