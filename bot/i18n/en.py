"""English."""

MESSAGES: dict[str, str] = {
    "role.admin": "Admin",
    "role.coordinator": "Coordinator",
    "role.officer": "Officer",
    "level.province": "Province",
    "level.regency": "Regency/City",
    "level.district": "District",
    "level.village": "Village",
    "language.id": "Bahasa Indonesia",
    "language.en": "English",
    "start.no_access": (
        "Hello {name}! 👋\n\n"
        "<b>Posko Pemilu</b> is used by invited election officers and coordinators.\n\n"
        "To join, ask your area's coordinator or admin for an <b>invite link</b> (they "
        "create one with /undang), then open that link in Telegram."
    ),
    "start.welcome": (
        "Welcome, {name}! ✅\n\n"
        "You are registered as <b>{role}</b> for <b>{region}</b>.\n\n"
        "Type /help to see what you can do."
    ),
    "start.welcome_admin": (
        "Welcome, {name}! ✅\n\n"
        "You are registered as <b>Admin</b> for <b>{region}</b> (from the "
        "ADMIN_TELEGRAM_IDS setting).\n\nStart with /undang to invite coordinators and "
        "officers. Type /help for every command."
    ),
    "start.known": (
        "Hello {name}, you are registered as <b>{role}</b> for <b>{region}</b>.\n"
        "Type /help to see the commands."
    ),
    "start.already_registered": (
        "You are already registered as <b>{role}</b> for <b>{region}</b>, so this invite "
        "link was not used and stays valid for someone else.\n"
        "If your role or area must change, contact an admin."
    ),
    "invite.problem.unknown": (
        "❌ This invite code is not known. Check the link you received, or ask the person "
        "who invited you for a new one."
    ),
    "invite.problem.expired": (
        "❌ This invite link has expired. Ask the person who invited you for a new one."
    ),
    "invite.problem.used": (
        "❌ This invite link has already been used. Each link is for one person only; ask "
        "the person who invited you for a new one."
    ),
    "invite.problem.revoked": (
        "❌ This invite link was cancelled. Ask the person who invited you for a new one."
    ),
    "person.inactive": (
        "Your Posko Pemilu account has been deactivated. If this is a mistake, ask your "
        "area's admin for a new invite link."
    ),
    "not_registered": (
        "This command is for registered users. First open the invite link from your area's "
        "coordinator or admin (see /start)."
    ),
    "help.header": "<b>Posko Pemilu</b> — the commands you can use as <b>{role}</b>:",
    "help.guest": (
        "<b>Posko Pemilu</b> helps election officers and coordinators report readiness "
        "and incidents in the field.\n\n"
        "/start — start, or join with an invite link\n"
        "/help — this help\n\n"
        "You are not registered yet: ask your area's coordinator or admin for an invite link."
    ),
    "help.footer": ("\n/batal cancels the current step at any time. Your area: <b>{region}</b>."),
    "cmd.start": "Start, or join with an invite",
    "cmd.bantuan": "Help and the list of commands",
    "cmd.profil": "Your profile, role and area",
    "cmd.bahasa": "Change language (Indonesia/English)",
    "cmd.undang": "Create an invite link for a coordinator/officer",
    "cmd.batal": "Cancel the current step",
    "profile": (
        "👤 <b>Your profile</b>\n"
        "Name: {name}\n"
        "Role: <b>{role}</b>\n"
        "Area: <b>{region}</b> ({code})\n"
        "Language: {language}\n"
        "Registered: {since}{invited_by}"
    ),
    "profile.invited_by": "\nInvited by: {name}",
    "language.choose": "Choose the language for messages from Posko Pemilu:",
    "language.set": "✅ Language changed to <b>English</b>.",
    "cancel.done": "Cancelled. Nothing was saved.",
    "cancel.nothing": "There is no step in progress.",
    "unknown_command": "That command is not known. Type /help for the list of commands.",
    "free_text": (
        "Your message is not part of any step in progress. Type /help for the list of commands."
    ),
    "error.generic": (
        "⚠️ Sorry, your message could not be processed because of a system error. Nothing "
        "was saved. Please try again in a moment."
    ),
    "button.stale": "This button is no longer valid.",
    "button.not_yours": "This button is not for you.",
    "private_only": "This command only works in a private chat with the bot.",
    "invite.choose_role": "Invite whom? Choose a role:",
    "invite.choose_region": "Invite a <b>{role}</b> for which area? Current area: <b>{region}</b>.",
    "invite.created": (
        "🔗 Invite link for a <b>{role}</b> of <b>{region}</b> ({code}):\n\n"
        "{link}\n\n"
        "Valid until {expires}, for {uses} person(s). Send it only to the person you "
        "invite: whoever opens it first is registered."
    ),
    "invite.not_allowed": "Your role ({role}) cannot create invites.",
    "invite.role_not_allowed": "You cannot invite a {role}.",
    "invite.outside_region": (
        "❌ Area {region} is outside your area ({own}). You can only invite inside your area."
    ),
    "invite.usage": (
        "Not understood: {problem}\n\n"
        "Example: <code>/undang koordinator 74.09</code> or "
        "<code>/undang petugas Asera</code>.\n"
        "Or type just /undang to choose with buttons."
    ),
    "invite.usage.role": (
        "the role must be <i>koordinator</i> (coordinator) or <i>petugas</i> (officer)"
    ),
    "invite.usage.region_missing": "no area given",
    "invite.region_unknown": "❌ No area <b>{query}</b> was found inside your area.",
    "invite.region_ambiguous": "Several areas are called <b>{query}</b>. Use the code: {options}",
    "picker.choose_here": "✅ Choose {name}",
    "picker.up": "⬆️ Up",
    "picker.prev": "◀️ Previous",
    "picker.next": "Next ▶️",
    "picker.cancel": "✖️ Cancel",
}
