"""CLI commands for the shared database: ``sync --hub URL``, ``sync status [--json]``, ``conflicts [--json]``.

The hub URL is a standard PostgreSQL URL (``postgresql://user@host:5432/stockroom``); after the
first successful sync it is remembered in the database, so a plain ``sync`` uses it again. The
password comes from ``PGPASSWORD`` or the OS keyring, never from the database. A password written
into the URL (``user:pass@``, ``?password=``, or ``password=`` in libpq's key=value form, which is
accepted too) is taken out of it, used, and kept in the keyring where there is one; it is never
stored with the URL nor printed. With the hub owner's ``--hub``, ``sync hub-setup`` prepares a
login per desk and ``sync hub-add-desk NAME`` / ``hub-add-admin NAME`` make one (``persistence.sync.roles``;
the new password goes to the keyring, and is printed only with ``--show-password``). Exit status: 0
done, 2 bad input, 3 refused, 4 the hub could not be reached (being offline is normal: the
local file keeps working and the next sync catches up).
"""

from __future__ import annotations

import json
import os
import sys

from ui.cli.common import LANGUAGES

COMMANDS = ("sync", "conflicts")
EXIT_OFFLINE = 4


def add_parsers(sub) -> None:
    p = sub.add_parser("sync", help="sync with the shared PostgreSQL database; 'sync status' shows the state")
    p.add_argument("action", nargs="?", choices=["status", "approve", "hub-setup", "hub-add-desk", "hub-add-admin"],
                   help="status: show the last sync and what waits; approve ID: an admin lets in a user record "
                        "from the hub that waits for approval (see status); with the hub owner's --hub: "
                        "hub-setup prepares a login per desk (roles, GRANTs, row-level security), "
                        "hub-add-desk NAME makes this desk's login (or --device ID's), hub-add-admin NAME an "
                        "admin's login, which may also send users")
    p.add_argument("id", nargs="?", help="with approve: the user id shown by sync status; with hub-add-desk or "
                                         "hub-add-admin: the login's name")
    p.add_argument("--device", metavar="ID", help="with hub-add-desk: the desk's device id (sync status shows it "
                                                  "there); this desk's by default")
    p.add_argument("--show-password", action="store_true",
                   help="with hub-add-desk/hub-add-admin: print the new login's password (once; it is kept "
                        "nowhere else unless this is the desk it is for)")
    p.add_argument("--hub", metavar="URL", help="postgresql://user@host:port/dbname (remembered after a sync)")
    p.add_argument("--start-over", action="store_true",
                   help="admins: sync with this hub from scratch (push everything here, pull everything there); "
                        "needed to change the hub this file syncs with")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.add_argument("--language", choices=tuple(LANGUAGES), default="en",
                   help="the language of the progress's stages, as the window names them: en (sending, receiving, "
                        "recalculating stock; the default) or zh_CN (上传, 下载, 重算库存; zh for short)")
    p = sub.add_parser("conflicts", help="losing versions kept by sync, for review")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--all", action="store_true", help="include reviewed ones")
    p.add_argument("--resolve", metavar="ID", help="mark this conflict reviewed")
    p.add_argument("--by", default=os.environ.get("USER", ""), help="who reviewed it (with --resolve)")
    p.add_argument("--note", default="", help="a note (with --resolve)")
    p.add_argument("--apply", action="store_true", help="with --resolve: apply the losing values as a new edit")


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def run(args, open_db) -> int:
    from domain.kernel.numbers import fmt
    from persistence import sync
    from ui.cli.common import EXIT_BAD_INPUT
    from ui.cli.common import CliError

    db = open_db()
    if args.command == "conflicts":
        return _conflicts(args, db, sync)
    if args.action == "status":
        return _status(args, db, sync)
    if args.action == "approve":
        if not args.id:
            raise CliError("approve: give the id of the held user record (see: sync status)", EXIT_BAD_INPUT)
        sync.approve(db, args.id)
        print(f"{args.id} approved and applied (a user record, or a merge of users)")
        return 0
    if args.action in ("hub-setup", "hub-add-desk", "hub-add-admin"):
        return _hub_admin(args, db, sync)
    url = args.hub or sync.hub_url_setting(db)
    if not url:
        raise CliError("--hub: no shared database set up yet; give --hub postgresql://user@host:5432/dbname",
                       EXIT_BAD_INPUT)
    try:
        url, given = sync.split_password(url)
    except sync.BadHubUrl as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from None
    password = given or os.environ.get("PGPASSWORD") or sync.remembered_password(url)
    if given:
        _keep_password(sync, url, given)
    progress, on_terminal = None, False
    if not (args.quiet or args.json):
        from ui.cli.common import display_width
        from ui.fill import fill
        from ui.sync_stages import COUNTED
        from ui.sync_stages import cli_translator
        from ui.sync_stages import stage_words

        width = 0
        on_terminal = sys.stderr.isatty()
        tr = cli_translator(LANGUAGES[getattr(args, "language", None) or "en"])

        def progress(stage: str, done: int, total: int) -> None:
            nonlocal width
            text = fill(tr(COUNTED), stage_words(stage, tr), str(done), str(total))  # as the window names the stage
            if total and not on_terminal:  # a log (a scheduled sync): a line a stage, once it is done
                if done >= total:         # ("push: 0/1push: 1/1pull: 0/5…" ran together on one line)
                    print(text, file=sys.stderr, flush=True)
            elif total:  # each line over the one before, padded so no digits of a longer one stay behind it
                print(f"\r{text}{' ' * (width - display_width(text))}", end="", file=sys.stderr, flush=True)
                width = max(width, display_width(text))
    try:
        report = sync.sync(db, url, password=password, progress=progress, start_over=args.start_over)
    except sync.BadHubUrl as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from None
    except sync.HubUnavailable as exc:
        if progress and on_terminal:
            print(file=sys.stderr)
        raise CliError(f"{_offline_or_not(exc)}: {exc}", EXIT_OFFLINE) from None
    if progress and on_terminal:
        print(file=sys.stderr)
    if args.json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=1) + "\n")
        return 0
    print(f"synced with {sync.redact(url)}: pushed {report.pushed}, pulled {report.pulled}, "
          f"conflicts {report.conflicts}, merged {report.merged}")
    for sku, warehouse, on_hand in report.negative:
        print(f"negative stock: {sku} in {warehouse} is {fmt(on_hand)} after the merge; count it or post a "
              f"correction")
    if report.conflicts:
        print("review the conflicts: stockroom conflicts")
    if report.restored:
        print("the hub was an older copy of itself (restored from a backup): everything here was sent again")
    if report.refused:
        print(f"refused {report.refused} record(s) from the hub that did not pass the checks; "
              f"see: stockroom sync status")
    if report.unpushed:
        print(f"held back {report.unpushed} record(s) of this computer that would not pass the checks; "
              f"see: stockroom sync status")
    return 0


def _offline_or_not(exc) -> str:
    """'offline' for a hub out of reach; 'not synced' for one that answered and refused (a wrong password, a
    missing database, a full disk: ``persistence.sync.causes``)."""
    from persistence.sync.causes import OFFLINE

    cause = exc.params.get("reason", "") if isinstance(getattr(exc, "params", None), dict) else ""
    return "not synced" if str(cause).startswith("hub_cause_") and cause not in OFFLINE else "offline"


def _owner_url(args, sync) -> tuple[str, str | None]:
    """The hub owner's URL (given with --hub for these commands, never the remembered one) and password."""
    from ui.cli import EXIT_BAD_INPUT
    from ui.cli import CliError

    if not args.hub:
        raise CliError(f"--hub: give the hub owner's URL for {args.action}, e.g. "
                       f"postgresql://owner@server:5432/stockroom (the password from PGPASSWORD or the keyring)",
                       EXIT_BAD_INPUT)
    try:
        url, given = sync.split_password(args.hub)
    except sync.BadHubUrl as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from None
    return url, given or os.environ.get("PGPASSWORD") or sync.remembered_password(url)


def _hub_admin(args, db, sync) -> int:
    """hub-setup, hub-add-desk NAME, hub-add-admin NAME (see persistence.sync.roles)."""
    from ui.cli import EXIT_BAD_INPUT
    from ui.cli import CliError

    url, password = _owner_url(args, sync)
    try:
        if args.action == "hub-setup":
            hub_id = sync.hub_setup(db, url, password=password)
            print(f"hub {hub_id} at {sync.redact(url)} is set up for a login per desk; make them with: "
                  f"stockroom sync hub-add-desk NAME --hub {sync.redact(url)}")
            return 0
        if not args.id:
            raise CliError(f"{args.action}: give the new login's name, e.g. desk_front", EXIT_BAD_INPUT)
        admin = args.action == "hub-add-admin"
        here = not admin and not args.device
        if not args.show_password and not (here and sync.keyring_usable()):
            where = "there is no OS keyring here to keep it" if here else "it is for another desk or a person"
            raise CliError(f"--show-password: the new login's password must go somewhere and {where}; give "
                           f"--show-password to see it once and keep it safe", EXIT_BAD_INPUT)
        login_url, secret = sync.hub_add_login(db, url, args.id, password=password, admin=admin,
                                               device_id=args.device)
    except sync.HubUnavailable as exc:
        raise CliError(f"{_offline_or_not(exc)}: {exc}", EXIT_OFFLINE) from None
    what = "an admin's login (it may also send users)" if admin else "a desk's login"
    print(f"{args.id}: {what} on {sync.redact(login_url)}")
    if here and sync.remember_password(login_url, secret):
        sync.use_hub_url(db, login_url)
        print("its password is kept in the OS keyring; this desk syncs with it from now on: stockroom sync")
    elif here:
        print(f"no OS keyring here: set PGPASSWORD to the password and sync with --hub {sync.redact(login_url)}")
    else:
        print(f"give it once where it is used, in the URL (postgresql://{args.id}:PASSWORD@…): it goes to that "
              f"computer's keyring")
    if args.show_password:
        print(f"password: {secret}")
    return 0


def _keep_password(sync, url: str, password: str) -> None:
    """A password given in the hub URL goes to the OS keyring, never to the database; said on stderr."""
    if sync.remember_password(url, password):
        print("the password given in the hub URL is kept in the OS keyring, not in the database; "
              "a plain 'sync' finds it there", file=sys.stderr)
    else:
        print("there is no OS keyring here: the password given in the hub URL is used for this sync only and "
              "stored nowhere; set PGPASSWORD to give it next time", file=sys.stderr)


def _status(args, db, sync) -> int:
    from domain.kernel.numbers import fmt

    s = sync.status(db)
    data = {
        "hub_url": s.hub_url, "last_success_at": _iso(s.last_success_at), "last_attempt_at": _iso(s.last_attempt_at),
        "last_error": s.last_error, "last_error_code": s.last_error_code, "last_error_params": s.last_error_params,
        "pending_push": s.pending_push, "open_conflicts": s.open_conflicts,
        "last_report": s.last_report.to_json() if s.last_report else None,
        "negative_stock": [{"sku": n.sku, "warehouse": n.warehouse, "on_hand": fmt(n.on_hand)}
                           for n in sync.negative_stock(db)],
        "hub_id": s.hub_id, "hub_login": s.hub_login, "device_id": s.device_id,
        # the reason's code and values (persistence.sync.reasons; code '' for rows kept before codes)
        "quarantined": [{"table": q.table, "row_id": q.row_id, "known_as": q.known_as, "seq": q.seq,
                         "reason": q.reason, "code": q.code, "params": q.params, "device_id": q.device_id,
                         "at": _iso(q.at)} for q in s.quarantined if not q.outgoing],
        "held_back": [{"table": q.table.removeprefix("outgoing:"), "row_id": q.row_id, "known_as": q.known_as,
                       "reason": q.reason, "code": q.code, "params": q.params, "at": _iso(q.at)}
                      for q in s.quarantined if q.outgoing],
    }
    if args.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return 0
    print(f"hub: {s.hub_url or '(not set up)'}" + (f" (signed in as {s.hub_login})" if s.hub_login else ""))
    print(f"this desk's device id: {s.device_id}")
    print(f"last successful sync: {_iso(s.last_success_at) or 'never'}")
    if s.last_report:
        r = s.last_report
        print(f"  pushed {r.pushed}, pulled {r.pulled}, conflicts {r.conflicts}, merged {r.merged}")
    if s.last_error:
        print(f"last error ({_iso(s.last_attempt_at)}): {s.last_error}")
    print(f"waiting to be pushed: {s.pending_push}")
    print(f"conflicts to review: {s.open_conflicts}")
    incoming = [q for q in s.quarantined if not q.outgoing]
    if incoming:
        print(f"refused from the hub and kept aside: {len(incoming)}")
    for q in incoming:
        print(f"  {q.table} {q.shown_key} (hub entry {q.seq}): {q.reason}")
    for q in s.quarantined:
        if q.outgoing:
            print(f"held back from the hub: {q.table.removeprefix('outgoing:')} {q.shown_key}: {q.reason}")
    for n in data["negative_stock"]:
        print(f"negative stock: {n['sku']} in {n['warehouse']} is {n['on_hand']}; count it or post a correction")
    return 0


def _conflicts(args, db, sync) -> int:
    from ui.cli.common import EXIT_BAD_INPUT
    from ui.cli.common import CliError

    if args.resolve:
        by = args.by
        if db.role is not None:  # signed in with --user: the review is theirs, and their role decides
            if args.by and args.by != db.user and args.by != os.environ.get("USER", ""):
                raise CliError(f"--by: you are signed in as {db.user}; leave --by out or give {db.user}",
                               EXIT_BAD_INPUT)
            by = db.user
        if not by:
            raise CliError("--by: say who reviewed the conflict (a user name)", EXIT_BAD_INPUT)
        sync.resolve_conflict(db, args.resolve, user=by, note=args.note, apply_loser=args.apply, role=db.role)
        print(f"conflict {args.resolve} reviewed" + (" and its losing values applied" if args.apply else ""))
        return 0
    rows = sync.conflicts(db, include_resolved=args.all)
    if args.json:
        sys.stdout.write(json.dumps([{
            "id": r.id, "table": r.table, "business_key": r.business_key, "rule": r.rule, "kept": r.kept,
            "lost": r.lost, "detected_at": _iso(r.detected_at), "resolved_at": _iso(r.resolved_at),
            "resolved_by": r.resolved_by, "note": r.note} for r in rows], ensure_ascii=False, indent=1) + "\n")
        return 0
    if not rows:
        print("no conflicts to review")
    for r in rows:
        state = f"reviewed by {r.resolved_by}" if r.resolved_at else "to review"
        print(f"{r.id}  {r.table} {r.business_key}: {r.rule} ({state})")
        print(f"    kept: {r.kept}")
        print(f"    lost: {r.lost_text}")
    return 0
