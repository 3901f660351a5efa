"""English."""

MESSAGES: dict[str, str] = {
    "role.admin": "Admin",
    "role.coordinator": "Coordinator",
    "role.officer": "Officer",
    "role.admin.a": "an Admin",
    "role.coordinator.a": "a Coordinator",
    "role.officer.a": "an Officer",
    "level.province": "Province",
    "level.regency": "Regency/City",
    "level.district": "District",
    "level.village": "Village",
    "region.kind.province": "{name} Province",
    "region.kind.district": "{name} District (kecamatan)",
    "region.kind.desa": "{name} Village (desa)",
    "region.kind.kelurahan": "{name} Urban Village (kelurahan)",
    "region.choice": "{name} ({code})",
    "region.choice.in": "{name}, {parent} ({code})",
    "language.id": "Bahasa Indonesia",
    "language.en": "English",
    "start.no_access": (
        "Hello {name}! 👋\n\n"
        "<b>Posko Pemilu</b> is used by invited election officers and coordinators.\n\n"
        "To join, ask your area's coordinator or admin for an <b>invite link</b> (they "
        "create one with /invite), then open that link in Telegram."
    ),
    "start.welcome": (
        "Welcome, {name}! ✅\n\n"
        "You are registered as <b>{role}</b> for <b>{region}</b>.\n\n"
        "Type /help to see what you can do."
    ),
    "start.welcome_admin": (
        "Welcome, {name}! ✅\n\n"
        "You are registered as <b>Admin</b> for <b>{region}</b> (the bot's operator "
        "made you an admin in the bot's settings).\n\nStart with /invite to invite coordinators and "
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
    "person.left": (
        "You left Posko Pemilu with /leave; your name was removed and your access ended. "
        "To join again, ask a coordinator or admin of your area for a new invite link."
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
    "help.footer": (
        "\n/cancel cancels the current step at any time. The Indonesian command names "
        "(/lapor, /insiden, /bantuan, …) work too. Your area: <b>{region}</b>."
    ),
    "help.groups": (
        "\n<b>In a group</b> (where you are a group admin):\n"
        "/subscribe [region code] [HH:MM] [alerts] — the daily digest (and incident "
        "alerts) for the group\n"
        "/unsubscribe — stop the group's subscription"
    ),
    "help.group_header": "<b>Posko Pemilu</b> — commands in this group:",
    "help.group_footer": (
        "\n/subscribe and /unsubscribe are for group admins who are also Posko coordinators or "
        "admins, e.g. <code>/subscribe 74.09 07:00 alerts</code>. Other commands (reports, "
        "your profile, your language) are used in a private chat with the bot."
    ),
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
        "Agency: <b>{agency}</b>\n"
        "Area: <b>{region}</b> ({code})\n"
        "Language: {language}\n"
        "Registered: {since}{invited_by}"
    ),
    "profile.invited_by": "\nInvited by: {name}",
    "profile.agency.ask": (
        "🏢 One question, asked once: which <b>agency</b> are you with? Support requests "
        "are routed by agency. Choose with a button:"
    ),
    "profile.agency.set": "✅ Your agency: <b>{agency}</b>.",
    "language.choose": "Choose the language for messages from Posko Pemilu:",
    "language.set": "✅ Language changed to <b>English</b>.",
    "cancel.done": "Cancelled. Nothing was saved.",
    "cancel.nothing": "There is no step in progress.",
    "unknown_command": "That command is not known. Type /help for the list of commands.",
    "free_text": (
        "Your message is not part of any step in progress. Type /help for the list of commands."
    ),
    "stranger.free_text": (
        "Thank you. <b>Posko Pemilu</b> is used only by invited election officers and "
        "coordinators, so your message has <b>not been passed on</b> to anyone.\n\n"
        "To report something or ask a question, contact: <b>{contact}</b>.\n"
        "In an emergency, call 112.\n\n"
        "If you are an officer, ask a coordinator or admin of your area for an invite link "
        "(see /start)."
    ),
    "stranger.contact_default": "your regency's or city's Kesbangpol (the regent's or mayor's office)",
    "error.generic": (
        "⚠️ Sorry, your message could not be processed because of a system error. Nothing "
        "was saved. Please try again in a moment."
    ),
    "button.stale": "This button is no longer valid.",
    "button.not_yours": "This button is not for you.",
    "private_only": "This command only works in a private chat with the bot.",
    "private_only.button": "💬 Open the private chat",
    "invite.choose_role": "Invite whom? Choose a role:",
    "invite.choose_region": "Invite <b>{role}</b> for which area? Current area: <b>{region}</b>.",
    "invite.created": (
        "🔗 Invite link for <b>{role}</b> of <b>{region}</b> ({code}):\n\n"
        "{link}\n\n"
        "Agency: <b>{agency}</b>. Valid until {expires}, for {uses:person|people}. Send it only to the person you "
        "invite: whoever opens it first is registered."
    ),
    "invite.choose_agency": "Invite <b>{role}</b> of <b>{region}</b> from which agency?",
    "invite.agency_unknown": (
        "❌ That agency is not known. Example: <code>/invite coordinator 74.09 tni</code> "
        "(kpu, bawaslu, pemda, tni, polri, bpbd, dishub, diskominfo, pln, dinkes)."
    ),
    "invite.not_allowed": "Your role ({role}) cannot create invites.",
    "invite.role_not_allowed": "You cannot invite {role}.",
    "invite.outside_region": (
        "❌ Area {region} is outside your area ({own}). You can only invite inside your area."
    ),
    "invite.usage": (
        "Not understood: {problem}\n\n"
        "Example: <code>/invite coordinator 74.09</code> or "
        "<code>/invite officer Lasolo</code>.\n"
        "Or type just /invite to choose with buttons."
    ),
    "invite.usage.role": (
        "the role must be <i>coordinator</i> or <i>officer</i> (in Indonesian: koordinator, "
        "petugas)"
    ),
    "invite.usage.region_missing": "no area given",
    "invite.region_unknown": "❌ No area <b>{query}</b> was found inside your area.",
    "invite.region_ambiguous": (
        "Several areas are called <b>{query}</b>:\n{options}\n\nChoose one with the buttons "
        "below, or write its code (e.g. <code>/invite {role} {code}</code>)."
    ),
    "picker.choose_here": "✅ Choose {name}",
    "picker.up": "⬆️ Up",
    "picker.prev": "◀️ Previous",
    "picker.next": "Next ▶️",
    "picker.cancel": "✖️ Cancel",
    "cmd.lapor": "Report readiness (buttons or one line)",
    "cmd.status": "Readiness of your area",
    "cmd.ralat": "Correct your last report",
    "cmd.tarik": "Withdraw your last report",
    "state.ready": "Ready",
    "state.partial": "Partial",
    "state.not_ready": "Not ready",
    "state.none": "no report yet",
    "state.words.ready": "ready, all ready, fully ready, done, complete, completed, ok, okay, fine, secure, safe, all set, in place, available",
    "state.words.partial": "partial, partially, partly, partially ready, partly ready, in progress, ongoing, underway, mostly, mostly ready, almost ready, nearly ready, halfway, half ready, incomplete, not complete, not fully ready",
    "state.words.not_ready": "not ready, notready, unready, not yet, not yet ready, none, missing, unavailable, not available, not started, stalled, blocked, failed, unsafe, not safe",
    "aspect.words.tata_kelola": "governance, coordination, management, administration",
    "aspect.words.petugas": "officers, officer readiness, staff, staffing, personnel, poll workers, polling staff, election officers",
    "aspect.words.logistik": "logistics, logistics on hand, supplies, stock, ballots, ballot papers, ballot boxes, voting booths, ink",
    "aspect.words.distribusi": "logistics delivered, distribution, delivery, deliveries, shipping",
    "aspect.words.sistem": "systems, systems & technology, system, technology, tech, network, apps",
    "aspect.words.keamanan": "security, public order, safety, policing",
    "aspect.words.anggaran": "budget, funding, funds, finance, grant, grants",
    "aspect.words.data_penduduk": "population data, population, voter list, voter roll, voter data, voters, voter registration",
    "aspect.words.regulasi": "regulation, regulations, rules, legal basis, guidelines",
    "aspect.words.sengketa": "dispute handling, disputes, dispute, complaints, litigation, lawsuit, violations",
    "report.choose_region": "📋 <b>Readiness report</b>\nFor which area? Current: <b>{region}</b>.",
    "report.choose_aspect": "📋 <b>Readiness report</b> — {region}\nWhich aspect are you reporting?",
    "report.choose_state": "📋 {region} · <b>{aspect}</b>\nHow ready is it?",
    "report.summary": (
        "📋 <b>Check your report</b>\n"
        "Area: {region}\n"
        "Aspect: <b>{aspect}</b>\n"
        "State: {emoji} <b>{state}</b>{progress}\n"
        "{details}\n"
        "Press <b>Send</b> to save it, or add details."
    ),
    "report.summary.correction": "✏️ Correction of <b>{reference}</b>",
    "report.summary.note": "Note: {note}",
    "report.summary.photos": "Photos: {count}",
    "report.summary.location": "Location: {latitude}, {longitude}",
    "report.summary.no_details": "Details: —",
    "report.button.send": "✅ Send",
    "report.button.percent": "➕ Percent",
    "report.button.note": "📝 Note",
    "report.button.photo": "📷 Photo",
    "report.button.location": "📍 Location",
    "report.button.change": "✏️ Change",
    "report.button.cancel": "✖️ Cancel",
    "report.button.skip": "Skip",
    "report.button.photos_done": "Done",
    "report.button.share_location": "📍 Send my location",
    "report.ask.percent": "Type the progress percent, 0 to 100 (e.g. <code>80</code>), or press Skip.",
    "report.ask.note": "Type a short note (at most 4,000 characters), or press Skip.",
    "report.ask.photo": "Send one or more photos, then press Done. Or press Skip.",
    "report.ask.location": "Press the <b>📍 Send my location</b> button below, or press Skip.",
    "report.bad.percent": "The percent must be a number from 0 to 100, e.g. <code>80</code>. Try again, or press Skip.",
    "report.bad.note": "The note is too long ({length} characters; at most 4,000). Shorten it and send it again.",
    "report.bad.expected_text": "This step expects text. Type your answer, or press Skip.",
    "report.bad.expected_photo": "This step expects photos. Send a photo, press Done, or press Skip.",
    "report.bad.expected_location": "This step expects a location. Press the 📍 button below, or press Skip.",
    "report.bad.expected_button": "Choose one of the buttons in the message above, or type /cancel.",
    "report.bad.typed_unclear": "The answer <b>{text}</b> matches no button of this step. Choose one of the buttons below, or /cancel.",
    "report.bad.coordinates": "The coordinates <b>{text}</b> are impossible: latitude must be -90 to 90 and longitude -180 to 180. Send them again, press 📍, or press Skip.",
    "report.photo_added": "📷 Photo received ({count}). Send more, or press Done.",
    "report.photo_limit": "At most 10 photos per report. Press Done.",
    "report.location_recorded_at": "📍 Location recorded: {latitude}, {longitude}.",
    "report.location_skipped": "Location skipped; no location was recorded.",
    "report.location_pending": "📍 Adding a location — see the message below.",
    "report.edited.stored": "✏️ The message you edited was already stored as report <b>{reference}</b>; the edit was not stored. To correct the report, use /correct (at most {minutes} minutes after it was sent).",
    "report.saved": (
        "✅ Report <b>{reference}</b> received{corrects}.\n"
        "{region} · {aspect} · {emoji} {state}{progress}\n"
        "Recorded {time}."
    ),
    "report.saved.corrects": " (correcting {reference})",
    "report.saved.note": "\n📝 Note: {note}",
    "report.saved.photos": "\n📷 Photos: {count}",
    "report.cancelled": "Report cancelled. Nothing was saved.",
    "report.expired": (
        "⌛ Your report draft was removed after {minutes:minute|minutes} without "
        "activity. Nothing was saved. Start again with /report."
    ),
    "report.replaced_draft": "Your previous report draft was replaced by a new one.",
    "report.outside_region": "❌ Area {region} is outside your area ({own}). You can only report inside your area.",
    "report.region_unknown": "❌ Region code {region} is not known.",
    "report.syntax": (
        "❌ The report could not be read: {problem}\n\n"
        "Format: <code>/report [region code] aspect state [percent] [note]</code>\n"
        "Example: <code>/report distribution partial 80% ballot boxes reached 12 of 15 "
        "villages</code>\n"
        "Aspects: {aspects}\n"
        "States: ready, partial, not ready.\n"
        "Or type just /report to choose with buttons."
    ),
    "report.syntax.empty": "no aspect and state given",
    "report.syntax.aspect": "aspect <b>{detail}</b> is not known",
    "report.syntax.state": "the state is missing or not known (<b>{detail}</b>)",
    "report.syntax.percent": "percent <b>{detail}</b> must be between 0 and 100",
    "report.syntax.conflict": "the state and the percent <b>{detail}</b> contradict each other (not ready at 100%, or ready at 0%); write the state that fits, e.g. partial",
    "report.syntax.note_long": "the note is too long ({detail} characters; at most 4,000)",
    "report.photo_kept": "📷 Your photo is not lost: it is attached to the draft below. Finish the report with the buttons, or /cancel.",
    "report.guess": (
        "🤔 Did you mean <b>{guess}</b>?\n"
        "If so, this is stored: {region} · {aspect} · {emoji} {state}{progress}{note}\n"
        "Nothing is stored yet. Pick one of the buttons."
    ),
    "report.guess.note": "\nNote: {note}",
    "report.guess.yes": "✅ Yes, {choice}",
    "report.guess.expired": '⌛ The "did you mean" question was removed after {minutes} minutes without an answer. Nothing was stored. Write the command again.',
    "report.correct.none": (
        "You have no report that can be corrected: only your last report, at most "
        "{minutes:minute|minutes} after it was sent."
    ),
    "report.withdraw.confirm": "Withdraw report <b>{reference}</b> ({aspect} · {state}, {region})? It stays in the history as withdrawn.",
    "report.withdraw.yes": "Yes, withdraw {reference}",
    "report.withdraw.done": "🗑 Report <b>{reference}</b> withdrawn. Its history is kept.",
    "report.withdraw.too_late": "Report {reference} can no longer be withdrawn (over {minutes:minute|minutes}, or already corrected/withdrawn).",
    "report.withdraw.none": "You have no report that can be withdrawn: only your last report still in force, at most {minutes} minutes after it was sent.",
    "status.header": "📊 <b>Readiness — {region}</b>\n<i>as of {time}</i>",
    "status.aspect_line": "{emoji} {aspect} — {state}{progress}{when}",
    "status.below_header": "\n<b>Areas below</b> (worst first):",
    "status.area_line": "{emoji} <b>{name}</b> — {counts}{when}",
    "status.area_none": "{emoji} <b>{name}</b> — no report yet",
    "status.legend": "\n✅ ready · 🟡 partial · 🔴 not ready · ⬜ no report",
    "status.outside_region": "❌ {region} is outside your area ({own}). /status shows only your area and the areas below it.",
    "status.last": " · last {time}",
    "status.reports": " ({count:report|reports})",
    "cmd.dasbor": "Live dashboard: map, matrix, incidents (Mini App or browser)",
    "dashboard.cmd.offer": "📊 <b>Posko dashboard — {region}</b>\nReadiness map, matrix, incidents and trends of your area, updated live.",
    "dashboard.cmd.link": "🔗 Sign-in link for any browser (single use, valid {minutes} minutes):\n{url}",
    "dashboard.cmd.screen": "🖥 Meeting-room screen link (read-only, lasts until <code>/dashboard tutup</code>; open it within {minutes} minutes, single use):\n{url}",
    "dashboard.cmd.closed": "🔒 {count:dashboard session|dashboard sessions} of yours ended. Every browser and screen must sign in again.",
    "dashboard.cmd.closed_none": "No dashboard session was open.",
    "dashboard.cmd.too_many": "⏳ You asked for {count:sign-in link|sign-in links} in the last hour. Try again later, or open the dashboard from Telegram's menu button.",
    "dashboard.cmd.no_server": "The dashboard is not set up on this server (WEB_BASE_URL is not set). Ask your Posko admin.",
    "dashboard.cmd.usage": "Usage: <code>/dashboard</code> (sign-in link), <code>/dashboard layar</code> (meeting-room screen, read-only), <code>/dashboard tutup</code> (end all sessions). Not understood: <code>{text}</code>",
    "dashboard.button.open": "📊 Open the dashboard",
    "dashboard.button.menu": "Dashboard",
    "dashboard.title": "Posko Pemilu — {region}",
    "dashboard.live.on": "● Live",
    "dashboard.live.off": "○ Disconnected, reconnecting…",
    "dashboard.as": "Signed in as {name} ({role})",
    "dashboard.as_screen": "Meeting-room screen (read-only) · {name}",
    "dashboard.updated": "Data as of {time}",
    "dashboard.up": "⬆ Up to {region}",
    "dashboard.crumbs": "Region path",
    "dashboard.countdown": "{name}: <b>{label}</b> ({day})",
    "dashboard.map.title": "Readiness map",
    "dashboard.map.label": "Map of {region}: {count} areas below it, coloured by readiness",
    "dashboard.map.aspect": "Colour by",
    "dashboard.map.all": "All aspects (worst reported)",
    "dashboard.map.show": "Show",
    "dashboard.map.none": "No boundaries for a map of {region} yet. Load them with <code>python -m bot regions boundaries FILE</code>.",
    "dashboard.map.area": "{name}: {state}",
    "dashboard.map.area_incidents": "{name}: {state} · {count:open incident|open incidents}",
    "dashboard.map.legend": "Colour key",
    "dashboard.map.tap": "Tap an area to go one level down.",
    "dashboard.matrix.title": "Readiness matrix",
    "dashboard.matrix.area": "Area",
    "dashboard.matrix.last": "Last report",
    "dashboard.matrix.never": "never reported",
    "dashboard.matrix.missing": "{count:aspect|aspects} not reported",
    "dashboard.matrix.whole": "All of {region}",
    "dashboard.matrix.empty": "{region} has no areas below it.",
    "dashboard.incidents.title": "Incidents",
    "dashboard.incidents.severity": "Severity",
    "dashboard.incidents.status": "Status",
    "dashboard.incidents.any": "All",
    "dashboard.incidents.open": "Open",
    "dashboard.incidents.closed": "Closed",
    "dashboard.incidents.filter": "Filter",
    "dashboard.incidents.none": "No matching incident in the last {days} days.",
    "dashboard.incidents.note": "Note (needed to resolve or reject)",
    "dashboard.incidents.at": "reported {time}",
    "dashboard.action.acknowledge": "✅ Acknowledge",
    "dashboard.action.progress": "🛠 Handle",
    "dashboard.action.resolve": "✔️ Resolve",
    "dashboard.action.dismiss": "✖️ Reject",
    "dashboard.action.unknown": "Unknown action.",
    "dashboard.action.no_incident": "That incident does not exist.",
    "dashboard.action.note_needed.resolve": "Write a closing note first, then press ✔️ Resolve.",
    "dashboard.action.note_needed.dismiss": "Write the reason for rejecting first, then press ✖️ Reject.",
    "dashboard.action.read_only": "A meeting-room screen is for viewing only.",
    "dashboard.action.csrf": "Request refused (the security token does not match). Reload the page.",
    "dashboard.trends.title": "Trends, {days} days",
    "dashboard.trends.day": "Day",
    "dashboard.trends.reports": "Reports",
    "dashboard.trends.coverage": "Areas reporting",
    "dashboard.trends.ready": "“Ready” reports",
    "dashboard.trends.chart": "Reports per day, last {days} days",
    "dashboard.signin.title": "Sign in to the Posko dashboard",
    "dashboard.signin.button": "Sign in",
    "dashboard.signin.webapp": "Opening the dashboard…",
    "dashboard.signin.failed": "Cannot sign in: this link is not valid (used, expired or revoked). Send /dashboard in the chat with the bot for a new one.",
    "dashboard.signin.webapp_failed": "Cannot sign in from Telegram: the Mini App data is not valid or too old, or you are not registered. Close the dashboard and open it again from the bot's chat.",
    "dashboard.signin.needed": "Your session ended, or you have not signed in. Send /dashboard in the chat with the bot to sign in.",
    "dashboard.refused.region": "{region} is outside your area.",
    "dashboard.refused.other": "You may not open this page.",
    "dashboard.not_found": "Region {code} does not exist.",
    "dashboard.noscript": "This page works without JavaScript; live updates need JavaScript.",
    "dashboard.skip": "Skip to content",
    "dashboard.nav.map": "Map",
    "dashboard.nav.matrix": "Matrix",
    "dashboard.nav.incidents": "Incidents",
    "dashboard.nav.trends": "Trends",
    "dashboard.map.by": "Colouring",
    "dashboard.map.by.worst": "Worst state",
    "dashboard.map.by.share": "Share ready",
    "dashboard.share.value": "{ready} of {reported} reports ready ({percent}%)",
    "dashboard.share.all": "100% ready",
    "dashboard.share.75": "75–99% ready",
    "dashboard.share.50": "50–74% ready",
    "dashboard.share.25": "25–49% ready",
    "dashboard.share.0": "under 25% ready",
    "dashboard.matrix.share": "Reports ready (all aspects)",
    "dashboard.matrix.share_of": "Reports ready ({aspect})",
    "dashboard.nav.support": "Support",
    "dashboard.support.title": "Open support requests",
    "dashboard.support.agency": "{agency}: {count} open",
    "dashboard.support.agency_overdue": "{agency}: {count} open, <b>{overdue} overdue</b>",
    "dashboard.support.none": "No open support requests in {region}.",
    "dashboard.support.deadline": "due {time}",
    "dashboard.support.overdue": "OVERDUE since {time}",
    "dashboard.support.asked_by": "asked by {who}",
    "dashboard.support.taken_by": "taken by {who}",
    "dashboard.map.area_support": "{count} open support requests",
    "dashboard.map.markers": "Map marks",
    "dashboard.map.marker.incident": "Open incident (colour by severity)",
    "dashboard.map.marker.support": "Open support request",
    "dashboard.matrix.support_cell": "an open support request",
    "dashboard.matrix.support_legend": "Cells framed in blue (D): an open support request for that aspect.",
    "cmd.insiden": "Report an incident (threat, disturbance, obstacle, challenge)",
    "cmd.insiden_terbuka": "Open incidents in your area",
    "cmd.langganan": "Subscribe this group to the daily digest/alerts",
    "cmd.berhenti": "Stop this group's subscription",
    "severity.kritis": "Critical",
    "severity.tinggi": "High",
    "severity.sedang": "Medium",
    "severity.rendah": "Low",
    "severity.words.kritis": "critical, emergency, urgent, very high",
    "severity.words.tinggi": "high, serious, severe",
    "severity.words.sedang": "medium, moderate, mid",
    "severity.words.rendah": "low, minor",
    "athg.ancaman": "Threat",
    "athg.gangguan": "Disturbance",
    "athg.hambatan": "Obstacle",
    "athg.tantangan": "Challenge",
    "athg.words.ancaman": "threat",
    "athg.words.gangguan": "disturbance",
    "athg.words.hambatan": "obstacle, hindrance",
    "athg.words.tantangan": "challenge",
    "incident.words.logistik": "logistics damaged, damaged ballots, missing ballots, ballot shortage, late logistics, lost ballots, damaged ballot boxes",
    "incident.words.akses": "access, road blocked, road closed, bridge down, bridge collapsed, no access",
    "incident.words.bencana": "natural disaster, disaster, flood, flooding, landslide, earthquake, fire, storm, eruption",
    "incident.words.kekerasan": "violence, conflict, clash, clashes, riot, brawl, fight, assault, intimidation, unrest",
    "incident.words.hoaks": "hoax, hoaxes, disinformation, misinformation, fake news, false news, smear campaign",
    "incident.words.politik_uang": "money politics, vote buying, bribery, bribe, cash handouts",
    "incident.words.sara": "identity politics, hate speech, religious tension, ethnic tension",
    "incident.words.petugas": "officers absent, officer absent, staff absent, absent officers, no show",
    "incident.words.sistem": "system failure, network failure, system down, network down, outage, power outage, blackout, internet down, app error",
    "incident.words.lainnya": "other, others, misc",
    "incident.status.new": "New, not yet acknowledged",
    "incident.status.acknowledged": "Acknowledged",
    "incident.status.in_progress": "In progress",
    "incident.status.resolved": "Resolved",
    "incident.status.dismissed": "Dismissed",
    "incident.alert.header": "{emoji} <b>{severity} INCIDENT</b> — <b>{reference}</b>",
    "incident.alert.escalated": "⏫ <b>ESCALATED</b> to {region}: nobody has acknowledged this incident.",
    "incident.escalation.reminder": "⏰ Nobody has acknowledged incident <b>{reference}</b> after {minutes:minute|minutes}; it is now escalated to {region} ({count:coordinator|coordinators}). Press <b>{acknowledge}</b> on its alert if you handle it.",
    "incident.escalation.reporter": "⏫ No coordinator has acknowledged your incident <b>{reference}</b> yet, so it was escalated to {region} ({count:coordinator|coordinators}).",
    "incident.alert.kind": "{kind} · {athg}",
    "incident.alert.where": "📍 {region} ({code})",
    "incident.alert.what": "📝 {description}",
    "incident.alert.location": "🗺 Location: {latitude}, {longitude}",
    "incident.alert.photos": "📷 {count:photo|photos}",
    "incident.alert.photo_caption": "Photo of incident {reference}",
    "incident.alert.reported": "Reported: {who} · {time}",
    "incident.alert.status": "Status: {emoji} <b>{status}</b>",
    "incident.alert.taken": "Status: {emoji} <b>{status}</b> — acknowledged by {who} · {time}",
    "incident.alert.handling": "Status: {emoji} <b>{status}</b> — handled by {who} · {time}{acknowledged}",
    "incident.alert.handling_ack": " (acknowledged by {who})",
    "incident.alert.closed": "Status: {emoji} <b>{status}</b> by {who} · {time}\nNote: {note}",
    "incident.button.acknowledge": "✅ Acknowledge",
    "incident.button.progress": "🛠 Handle",
    "incident.button.resolve": "✔️ Resolve",
    "incident.button.dismiss": "✖️ Dismiss",
    "incident.button.more": "📄 Read more",
    "incident.more.header": "📝 <b>{reference}</b> — full description ({part}/{parts}):",
    "incident.more.sent": "The full description was sent to your private chat with the bot.",
    "incident.more.not_yours": "This incident is outside your area.",
    "incident.note_in_private": "Write the note in your private chat with the bot: the request was sent there.",
    "incident.not_yours": "This incident is outside your area or role.",
    "incident.already_closed": "Incident {reference} is already closed.",
    "incident.already_taken": "Already acknowledged by {who}.",
    "incident.already_in_progress": "This incident is already being handled.",
    "incident.done.acknowledge": "You acknowledged this incident.",
    "incident.done.progress": "Marked as in progress.",
    "incident.ask.resolve": "✔️ Closing incident <b>{reference}</b> as resolved. Write a closing note (what was done), or /cancel.",
    "incident.ask.dismiss": "✖️ Dismissing incident <b>{reference}</b>. Write the reason, or /cancel.",
    "incident.closed.resolve": "✅ Incident <b>{reference}</b> closed as resolved.",
    "incident.closed.dismiss": "✖️ Incident <b>{reference}</b> dismissed.",
    "incident.close_cancelled": "Closing the incident was cancelled. It stays open.",
    "incident.close_expired": "⌛ Closing the incident was cancelled: no note for {minutes:minute|minutes}. It stays open.",
    "incident.bad.note": "Write the note as text (at most 4,000 characters), or /cancel.",
    "incident.reporter_update": "{emoji} Your incident <b>{reference}</b>: <b>{status}</b> — {who}.{note}",
    "incident.reporter_note": "\nNote: {note}",
    "incident.saved": (
        "🚨 Incident <b>{reference}</b> recorded and sent to {recipients}.\n"
        "{severity} · {kind} · {athg}\n"
        "📍 {region}{description}\n"
        "You will be told of every change of its status."
    ),
    "incident.saved_nobody": "\n⚠️ There is no coordinator for this area yet; contact an admin.",
    "incident.saved.people": "{count:coordinator|coordinators}",
    "incident.saved.groups": "{count:group|groups}",
    "incident.saved.and": " and ",
    "incident.photo_kept_at_description": "📷 Photo kept ({count}). Now describe the incident as text (or send a photo with the description as its caption), or /cancel.",
    "incident.saved.description": "\n📝 {description}",
    "incident.choose_region": "🚨 <b>Report an incident</b>\nIn which area? Current: <b>{region}</b>.",
    "incident.choose_type": "🚨 <b>Report an incident</b> — {region}\nWhat kind of incident?",
    "incident.choose_severity": "🚨 {region} · <b>{kind}</b>\nHow severe?",
    "incident.ask.description": "🚨 {region} · <b>{kind}</b> · {severity}\nDescribe what happened (short and clear), or /cancel.",
    "incident.bad.description": "Describe the incident as text (at most 4,000 characters), or /cancel.",
    "incident.summary": (
        "🚨 <b>Check the incident report</b>\n"
        "Area: {region}\n"
        "Kind: <b>{kind}</b> · Class: <b>{athg}</b>\n"
        "Severity: {emoji} <b>{severity}</b>\n"
        "Description: {description}\n"
        "{details}"
        "Press <b>Send</b> to forward it to the coordinators at once."
    ),
    "incident.summary.photos": "Photos: {count}\n",
    "incident.summary.location": "Location: {latitude}, {longitude}\n",
    "incident.button.send": "🚨 Send",
    "incident.button.class": "Class: {athg}",
    "incident.replaced_draft": "Your previous incident draft was replaced by a new one.",
    "incident.cancelled": "Incident report cancelled. Nothing was sent.",
    "incident.expired": "⌛ Your incident draft was removed after {minutes:minute|minutes} without activity. Nothing was sent. Start again with /incident.",
    "incident.outside_region": "❌ Area {region} is outside your area ({own}).",
    "incident.syntax": (
        "❌ The incident report could not be read: {problem}\n\n"
        "Format: <code>/incident [region code] severity kind [class] description</code>\n"
        "Example: <code>/incident critical disaster flood, the bridge to Wanggudu is "
        "down</code>\n"
        "Severity: critical, high, medium, low.\n"
        "Kinds: {types}\n"
        "Or type just /incident to choose with buttons."
    ),
    "incident.syntax.severity": "the severity is missing or not known (<b>{detail}</b>)",
    "incident.syntax.type": "the kind of incident is missing or not known (<b>{detail}</b>)",
    "incident.syntax.description": "no description given",
    "incident.syntax.too_long": "the description is too long ({detail} characters; at most 4,000)",
    "incident.photo_kept": "📷 Your photo is not lost: it is attached to the draft below. Finish the incident report with the buttons, or /cancel.",
    "incident.guess": (
        "🤔 Did you mean <b>{guess}</b>?\n"
        "If so, this is sent: {severity} · {kind} · {athg}\n📍 {region}\n📝 {description}\n"
        "Nothing is sent yet. Pick one of the buttons."
    ),
    "incident.location_offer": "📍 Location received. Report an incident at this spot?",
    "incident.button.report_here": "🚨 Report an incident here",
    "open.header": "📂 <b>Open incidents — {region}</b> ({count})",
    "open.none": "✅ No open incidents in {region}.",
    "open.line": "{emoji} <b>{reference}</b> {kind} — {place} · {status} · {age}",
    "age.minutes": "{n} min",
    "age.hours": "{n} h",
    "age.days": "{n} d",
    # Support requests
    "cmd.dukungan": "Ask another agency for support (e.g. /support tni 3 days transport)",
    "support.usage": (
        "Write: <code>/support &lt;agency&gt; [area code] [deadline] [urgency] "
        "&lt;what is needed&gt;</code>\n"
        "Example: <code>/support tni 74.09.01.1005 10/2 high transport of logistics to "
        "Wanggudu</code>\n"
        "Deadline: a date (<code>10/2</code>, <code>2024-02-10</code>), a time today "
        "(<code>17:00</code>) or a duration (<code>3 hours</code>, <code>2 days</code>). "
        "Urgency: critical, high, normal.\n"
        "Agencies: kpu, bawaslu, pemda, tni, polri, bpbd, dishub, diskominfo, pln, dinkes."
    ),
    "cmd.rtl": "Action plan: several support requests at once",
    "support.rtl.usage": (
        "Write <code>/actions</code> and then one request per line, for example:\n"
        "<code>/actions\ntni 74.09.01.1005 10/2 transport of logistics\npolri 74.09.02 3 days "
        "guard the warehouse</code>\nEach line: agency, [area code], [deadline], [urgency], "
        "what is needed."
    ),
    "support.rtl.header": "📋 <b>Action plan</b>: {count:line|lines} read",
    "support.rtl.line": "{number}. ✅ <b>{agency}</b> {region} — deadline {deadline} ({urgency}): {need}",
    "support.rtl.wrong": "{number}. ❌ <i>{text}</i> — {problem}",
    "support.rtl.nothing": "\nNo line can be saved.",
    "support.rtl.confirm": "\nSave {count:request|requests}? Lines marked ❌ are left out.",
    "support.rtl.save": "✅ Save",
    "support.rtl.saved": "✅ {count:support request|support requests} saved and sent: {references}",
    "support.rtl.waiting": "Press ✅ Save or ✖️ Cancel on the list above (or /cancel).",
    "support.rtl.expired": "The action plan was not saved within {minutes} minutes; nothing was created.",
    "cmd.tindaklanjut": "Open support requests for you, your agency and your area",
    "support.followups.none": "✅ No support request is open in your area.",
    "support.followups.header": "📌 <b>Follow-ups</b>: {count:open request|open requests} (overdue first)",
    "support.followups.mine": "<b>For you</b> ({count})",
    "support.followups.agency": "<b>For your agency</b> ({count})",
    "support.followups.area": "<b>In your area</b> ({count})",
    "support.followups.line": "{emoji} {reference} {agency} — {place}: {need} (deadline {deadline})",
    "support.followups.line_overdue": "⏰ {emoji} <b>{reference}</b> {agency} — {place}: {need} (<b>overdue</b> {deadline})",
    "support.ask.agency": "🤝 <b>Ask for support</b> — from which agency?",
    "support.ask.need": "What is needed? Write it briefly.",
    "support.ask.need_suggested": "\nSuggested from the report: <i>{need}</i>",
    "support.ask.use_suggestion": "✅ Use this",
    "support.ask.deadline": "By when? Choose, or write it (<code>10/2</code>, <code>17:00</code>, <code>3 hours</code>, <code>2 days</code>).",
    "support.ask.deadline.3j": "3 hours",
    "support.ask.deadline.1h": "1 day",
    "support.ask.deadline.3h": "3 days",
    "support.ask.deadline_unclear": "❌ <b>{text}</b> is no deadline. Examples: <code>10/2</code>, <code>17:00</code>, <code>3 hours</code>.",
    "support.ask.confirm": "Check the request:\nTo: <b>{agency}</b>\nArea: {region}\nNeeded: {need}\nDeadline: {deadline} ({urgency})",
    "support.ask.send": "✅ Send",
    "support.ask.sent": "✅ Request <b>{reference}</b> sent to {handlers:coordinator|coordinators} ({target}).",
    "support.ask.use_buttons": "Choose with the buttons of the message above, or /cancel.",
    "support.ask.expired": "The support request was not finished within {minutes} minutes; nothing was sent.",
    "cmd.alihkan": "Give a support request to another agency (admins)",
    "support.reassign.usage": "Write: <code>/reassign D-0001 polri</code> (the request and the new agency).",
    "support.reassign.refused": "❌ Only admins can give a support request to another agency.",
    "support.reassign.done": "✅ {reference} given to <b>{agency}</b> ({region}).",
    "support.told.reassigned": "↪️ Request <b>{reference}</b> was given to {agency} ({region}).",
    "support.event.reassigned": "↪️ given to",
    "support.error.empty": "❌ The request is empty.",
    "support.error.agency": "❌ Agency <b>{word}</b> is not known.",
    "support.error.need": "❌ What is needed is missing.",
    "support.error.too_long": "❌ The request is too long (4000 characters at most).",
    "support.error.deadline_past": "❌ The deadline <b>{word}</b> has already passed.",
    "support.error.deadline_far": "❌ The deadline <b>{word}</b> is more than a year away.",
    "support.error.deadline_invalid": "❌ The deadline <b>{word}</b> is no real date or time.",
    "support.error.region_unknown": "❌ Area <b>{region}</b> is not in the region list.",
    "support.refused.not_registered": "You are not registered with Posko Pemilu.",
    "support.refused.inactive": "Your access has ended.",
    "support.refused.role": "Only coordinators of the agency asked can follow this up.",
    "support.refused.chat": "This works only in a private chat with the bot.",
    "support.refused.region": "❌ That request is outside your area.",
    "support.refused.agency": "This request is for another agency; you cannot follow it up.",
    "support.already_closed": "Request {reference} is already done.",
    "support.already_taken": "Already taken on by {who}.",
    "support.asked": (
        "✅ Support request <b>{reference}</b> recorded and sent to {handlers:coordinator|coordinators} "
        "of <b>{agency}</b> ({target}); {followers:coordinator|coordinators} of yours follow it.\n"
        "Deadline: {deadline}. You are told of every step."
    ),
    "support.asked_nobody": (
        "✅ Support request <b>{reference}</b> recorded, but no coordinator of "
        "<b>{agency}</b> is registered for this area yet; {followers:coordinator|coordinators} "
        "of yours follow it.\nDeadline: {deadline}."
    ),
    "support.urgency.darurat": "Critical",
    "support.urgency.segera": "High",
    "support.urgency.biasa": "Normal",
    "support.status.open": "nobody has taken it on yet",
    "support.status.taken": "Taken on",
    "support.status.in_progress": "In progress",
    "support.status.done": "Done",
    "support.status.cancelled": "Cancelled",
    "support.copy.header": "🤝 <b>SUPPORT REQUEST {reference}</b> — {emoji} {urgency}",
    "support.copy.climbed": "⏫ <i>Passed up to {region}</i>",
    "support.copy.to": "To: <b>{agency}</b> — {target}",
    "support.copy.where": "Area: <b>{region}</b> ({code})",
    "support.copy.need": "Needed: {need}",
    "support.copy.deadline": "Deadline: {deadline}",
    "support.copy.deadline_passed": "⏰ Deadline: {deadline} — <b>OVERDUE</b>",
    "support.copy.linked": "Linked: {links}",
    "support.copy.photos": "📷 {count:photo|photos}",
    "support.copy.location": "📍 {latitude}, {longitude}",
    "support.copy.asked": "Asked by: {who}, {time}",
    "support.copy.status": "Status: {emoji} {status}",
    "support.copy.taken": "Status: {emoji} {status} by {who}, {time}",
    "support.copy.progress": "Status: {emoji} {status} ({who}): {note}",
    "support.copy.done": "Status: {emoji} {status} by {who}, {time}: {note}",
    "support.copy.photo_caption": "Photo of request {reference}",
    "support.done_photo_caption": "Photo of {reference} done",
    "support.button.take": "🤝 Take it on",
    "support.button.progress": "🛠 In progress",
    "support.button.done": "✔️ Done",
    "support.button.decline": "✖️ Cannot",
    "support.button.ask": "🤝 Ask for support",
    "support.button.ask_for": "🤝 Ask for support: {aspect}",
    "support.taken_toast": "You took this request on.",
    "support.ask_note.progress": "🛠 Write a progress note for <b>{reference}</b>:",
    "support.ask_note.done": (
        "✔️ Write the closing note for <b>{reference}</b> (a photo may come with it, the note "
        "as its caption):"
    ),
    "support.ask_note.decline": (
        "✖️ Write why you cannot handle <b>{reference}</b> (it goes one level up):"
    ),
    "support.note_expired": "The note for a support request was not written within {minutes} minutes; nothing changed.",
    "support.noted.progress": "✅ Progress of {reference} recorded; the requester is told.",
    "support.noted.done": "✅ {reference} closed as done; the requester is told.",
    "support.noted.declined": "✅ {reference} passed up to {region}.",
    "support.noted.declined_top": "✅ Recorded. There is no level above for {reference}.",
    "support.told.taken": "🤝 Request <b>{reference}</b> was taken on by {who}.",
    "support.told.progress": "🛠 <b>{reference}</b> in progress ({who}): {note}",
    "support.told.done": "✔️ <b>{reference}</b> done ({who}): {note}",
    "support.told.declined": (
        "✖️ {who} cannot handle <b>{reference}</b>: {reason}\nPassed up to {region}."
    ),
    "support.told.declined_top": (
        "✖️ {who} cannot handle <b>{reference}</b>: {reason}\nThere is no level above."
    ),
    "support.told.climbed": "⏫ <b>{reference}</b> was not taken on; passed up to {region}.",
    "support.overdue.notice": (
        "⏰ Request <b>{reference}</b> ({agency}, {region}) is <b>overdue</b> ({deadline}) "
        "and not done: {need}"
    ),
    "support.event.requested": "📝 asked",
    "support.event.routed": "📨 sent",
    "support.event.taken": "🤝 taken on",
    "support.event.in_progress": "🛠 in progress",
    "support.event.done": "✔️ done",
    "support.event.declined": "✖️ cannot",
    "support.event.climbed": "⏫ passed up to",
    "support.event.overdue": "⏰ overdue, people told",
    "support.history.header": "🕘 <b>History</b>",
    "support.history.line": "• {time} — {what}{who}{detail}",
    "support.history.not_found": "❌ Support request <b>{reference}</b> was not found in your area.",
    "group_only": "Use this command in the group that should subscribe.",
    "subscription.not_admin": "❌ Only an admin of this group who is also a Posko coordinator or admin can manage its subscription.",
    "subscription.bad_time": "❌ Time <b>{value}</b> is not valid. Use HH:MM, e.g. 07:00.",
    "subscription.outside_region": "❌ {region} is outside your area ({own}). A group can only subscribe to your area or an area below it.",
    "subscription.done": (
        "✅ This group is subscribed for <b>{region}</b>:\n"
        "• daily digest at <b>{time}</b> {zone}\n"
        "• incident alerts: <b>{alerts}</b>\n"
        "Change it with /subscribe again; stop it with /unsubscribe."
    ),
    "subscription.alerts_on": "yes",
    "subscription.alerts_off": "no (add the word <i>alerts</i> to turn them on)",
    "subscription.stopped": "This group's subscription was stopped.",
    "subscription.stop_group_only": "Run /unsubscribe in the group whose subscription should stop.",
    "subscription.none": "This group has no subscription.",
    "subscription.paused": "⚠️ The subscription of group <b>{title}</b> is paused: the bot cannot post there (removed or blocked). Add the bot to that group again: the subscription comes back as it was.",
    "unreachable.person": "⚠️ Posko messages do not reach {who} ({region}): the bot is blocked or the account cannot be reached. Contact them another way.",
    "cmd.ringkasan": "Daily summary of the area (countdown, readiness, incidents)",
    "cmd.acara": "Manage the elections counted down to (admins)",
    "cmd.ingatkan": "Remind officers who have not reported today",
    "digest.header": "📢 <b>Posko Pemilu digest — {region}</b>",
    "digest.date": "{date} · as of {time}",
    "digest.countdown.before": "⏳ <b>{label}</b> to the voting day of <b>{name}</b> ({date})",
    "digest.countdown.after": "🗳 <b>{label}</b> <b>{name}</b> ({date})",
    "digest.no_elections": "No election recorded yet (admins: /events).",
    "digest.matrix.header": "<b>Readiness</b> — aspects: {legend}",
    "digest.matrix.own": "<b>Whole area</b>: {cells}",
    "digest.matrix.row": "{emoji} {name}: {cells}",
    "digest.matrix.legend": "✅ ready · 🟡 partial · 🔴 not ready · ⬜ no report",
    "digest.matrix.support": " · 🤝 {numbers}",
    "digest.matrix.support_legend": "🤝 n: an open support request for aspect n",
    "digest.silent": "🔕 <b>No report in the last 24 hours</b> ({count}): {names}",
    "digest.silent_none": "🔔 Every area reported in the last 24 hours.",
    "digest.incidents_today": "🚨 <b>Incidents in the last 24 hours</b>: {count}",
    "digest.open": "📂 <b>Open incidents</b>: {count}",
    "digest.incident": "{emoji} {reference} {kind} — {place} · {status} · {time}",
    "digest.changes": "🔄 <b>Changed since yesterday</b> ({count}):",
    "digest.change": "• {area} · {aspect}: {before} → {after}",
    "digest.changes_none": "🔄 No readiness changes since yesterday.",
    "digest.support.header": "🤝 <b>Open support requests: {count}</b>",
    "digest.support.none": "No support request open, or done since yesterday.",
    "digest.support.agency": "• {agency}: {open} open, {overdue} overdue, {done} done since yesterday",
    "digest.support.overdue": "   ⏰ {reference} {place}: {need} (deadline {deadline})",
    "digest.nothing_subscribed": "This group is not subscribed; the digest is for your area.",
    "digest.outside_region": "❌ {region} is outside your area ({own}). /summary covers only your area and the areas below it.",
    "election.list_header": "🗳 <b>Elections counted down to</b>",
    "election.line": "#{id} <b>{name}</b> ({kind}) — {date} · {label} · {scope}",
    "election.none": "No election recorded yet.",
    "election.usage": (
        "Usage:\n"
        "<code>/events</code> — list\n"
        "<code>/events add KIND YYYY-MM-DD [region code] NAME</code>\n"
        "  e.g. <code>/events add Pilkada 2024-11-27 74.09 Pilkada Konawe Utara 2024</code>\n"
        "<code>/events remove NUMBER</code>"
    ),
    "election.added": "✅ Recorded: <b>{name}</b> ({kind}), voting day {date}, area {scope}.",
    "election.removed": "🗑 Election #{id} is no longer counted down to.",
    "election.not_found": "Election #{id} was not found.",
    "election.bad_date": "Date <b>{value}</b> is not valid; use YYYY-MM-DD, e.g. 2024-02-14.",
    "election.admin_only": "Only admins can manage the list of elections.",
    "election.outside_region": "❌ {region} is outside your area ({own}). You can only record elections for your area or an area below it.",
    "election.scope_all": "all of Indonesia",
    "reminder.text": "⏰ No readiness report for <b>{region}</b> yet today. Please report with /report, or press the button below.",
    "reminder.button": "📋 Report now",
    "reminder.sent": (
        "⏰ <b>{region}</b>: {missing} of {officers:officer|officers} have not reported today.\n"
        "• reminded now: <b>{sent}</b>\n"
        "• already reminded earlier today: <b>{already}</b> (nobody is reminded twice)"
    ),
    "reminder.none": "✅ All {officers:officer|officers} in {region} have reported today; nobody needs a reminder.",
    "reminder.no_officers": "No officers are registered in {region} yet, so there is nobody to remind. Invite officers with /invite.",
    "reminder.not_allowed": "Only coordinators and admins can send reminders.",
    "subscription.bot_removed": "⚠️ The bot was removed from group <b>{title}</b>; its subscription is paused. Add the bot to that group again: the subscription comes back as it was.",
    "subscription.restored": (
        "♻️ The bot is back in this group. Subscription restored for <b>{region}</b>: digest "
        "at <b>{time} {zone}</b>, incident alerts <b>{alerts}</b>. Change it with /subscribe; "
        "stop it with /unsubscribe."
    ),
    "subscription.restored.alerts_on": "on",
    "subscription.restored.alerts_off": "off",
    "cmd.dataku": "The data Posko holds about you",
    "cmd.keluar": "Leave Posko (your name is removed)",
    "cmd.nonaktifkan": "Deactivate someone (admins)",
    "cmd.undangan": "Who invited whom (admins)",
    "mydata": (
        "🔐 <b>Your data in Posko Pemilu</b>\n"
        "Telegram ID: <code>{telegram_id}</code>\n"
        "Name: {name} · Username: {username}\n"
        "Role: {role} · Area: {region} ({code})\n"
        "Language: {language} · Registered: {since}{invited_by}\n\n"
        "Readiness reports: {reports} (with location: {reports_located}, with photos: {reports_photos})\n"
        "Incidents you reported: {incidents} (with location: {incidents_located})\n"
        "Invites you created: {invites}\n\n"
        "A location is stored only when you send one yourself. The text of your messages is "
        "kept at most {days:day|days} for processing, then deleted; reports and incidents stay as "
        "election records.\n"
        "To leave and remove your name: /leave"
    ),
    "leave.confirm": (
        "Leave Posko Pemilu? Your name and username are removed, your access ends, and your "
        "unused invites are cancelled. Your reports and incidents stay, recorded under your "
        "role and area (without your name)."
    ),
    "leave.yes": "Yes, leave",
    "leave.done": "👋 You have left. Your name has been removed. Thank you for your reports.",
    "leave.cancelled": "You did not leave; your access stays as it was.",
    "deactivate.usage": "Usage: <code>/deactivate TELEGRAM_ID</code> (see /invites for ids).",
    "deactivate.not_found": "No active person with id {id} in your area.",
    "deactivate.self": "You cannot deactivate yourself; use /leave.",
    "deactivate.done": "⛔ {who} is deactivated now. Their unused invites cancelled: {invites}.",
    "deactivate.admin_only": "Only admins can deactivate people.",
    "invites.header": "👥 <b>Who invited whom — {region}</b>",
    "invites.line": "{status} <code>{telegram_id}</code> {name} ({role}, {region}) ← {inviter} · {since}",
    "invites.by_setting": "the bot's settings (operator)",
    "invites.by_shell": "operator (command line)",
    "invites.removed_name": "(name removed)",
    "invites.admin_only": "Only admins can see who invited whom (/invites).",
    # Exports
    "export.col.reference": "Reference",
    "export.col.time": "Time",
    "export.col.region_code": "Region code",
    "export.col.region": "Region",
    "export.col.aspect": "Aspect",
    "export.col.state": "State",
    "export.col.percent": "Percent",
    "export.col.note": "Note",
    "export.col.latitude": "Latitude",
    "export.col.longitude": "Longitude",
    "export.col.photos": "Photos",
    "export.col.reporter_role": "Reporter role",
    "export.col.reporter": "Reporter",
    "export.col.report_status": "Report status",
    "export.col.corrects": "Corrects",
    "export.col.last_report": "Last report",
    "export.col.athg": "ATHG class",
    "export.col.kind": "Kind",
    "export.col.severity": "Severity",
    "export.col.description": "Description",
    "export.col.incident_status": "Incident status",
    "export.col.acknowledged_by": "Acknowledged by",
    "export.col.acknowledged_at": "Acknowledged at",
    "export.col.closed_by": "Closed by",
    "export.col.closed_at": "Closed at",
    "export.col.closing_note": "Closing note",
    "export.col.event": "Event",
    "export.col.actor": "By",
    "export.col.detail": "Detail",
    "export.col.agency": "Agency",
    "export.col.need": "Needed",
    "export.col.urgency": "Urgency",
    "export.col.deadline": "Deadline",
    "export.col.support_status": "Request status",
    "export.col.requester": "Requester",
    "export.col.requester_agency": "Requester's agency",
    "export.col.taken_by": "Taken on by",
    "export.col.linked": "Linked",
    "export.col.zoned": "{name} ({zone})",
    "export.sheet.reports": "Reports",
    "export.sheet.readiness": "Readiness",
    "export.sheet.incidents": "Incidents",
    "export.sheet.timeline": "Incident timeline",
    "export.sheet.support": "Support",
    "export.sheet.support_timeline": "Support timeline",
    "export.report_status.active": "active",
    "export.report_status.corrected": "corrected",
    "export.report_status.withdrawn": "withdrawn",
    "export.event.reported": "reported",
    "export.event.alerted": "alert sent",
    "export.event.acknowledged": "acknowledged",
    "export.event.in_progress": "in progress",
    "export.event.resolved": "resolved",
    "export.event.dismissed": "dismissed",
    "export.event.escalated": "escalated",
    "cmd.ekspor": "Export reports, readiness and incidents (XLSX/CSV)",
    "export.preparing": "⏳ Preparing the {format} export{separator} for {region}, {since} to {until}…",
    "export.caption": "Posko Pemilu export — {region}, {since} to {until}",
    "export.failed": "⚠️ The export could not be made. Try again, or narrow the dates.",
    "export.not_allowed": "Only coordinators and admins can export data.",
    "export.usage": (
        "Usage: <code>/export [xlsx|csv] [comma|semicolon] [FROM [TO]] [region code]</code>, "
        "dates YYYY-MM-DD. Example: <code>/export xlsx 2024-01-01 2024-02-14 74.09.01</code>. "
        "Without dates: the last 30 days.\n"
        "CSV uses commas (,); write <code>/export csv semicolon</code> for the semicolons (;) "
        "that Excel set to Indonesian expects."
    ),
    "export.separated.semicolon": " (separated by semicolons ;)",
    "export.separated.comma": " (separated by commas ,)",
    "export.bad": "❌ The export could not be made: {problem}.\n\n{usage}",
    "export.problem.word": "the word <b>{word}</b> was not understood",
    "export.problem.bad_date": "the date <b>{word}</b> does not exist",
    "export.problem.date_format": "write the date <b>{word}</b> as YYYY-MM-DD, e.g. 2024-02-14",
    "export.problem.too_many_dates": "at most two dates (from and to)",
    "export.problem.reversed": "the end date ({until}) is before the start ({since})",
    "export.problem.outside": "region <b>{region}</b> ({word}) is outside your area ({own})",
    "export.problem.unknown_region": "region code <b>{word}</b> is not known",
    "export.problem.separator_xlsx": "comma or semicolon is only for CSV, not XLSX",
    "export.problem.two_formats": "choose one format, xlsx or csv (<b>{word}</b> is a second one)",
    "export.problem.two_separators": "choose comma or semicolon, not both",
    "export.problem.two_regions": "give one region code only (<b>{word}</b> is a second one)",
    "cmd.paparan": "Rakor briefing: a PDF of the area's readiness for the coordination meeting",
    "briefing.preparing": "⏳ The Rakor briefing for {region}, {date} is being prepared… The PDF comes here when it is ready.",
    "briefing.caption": "Posko Pemilu Rakor briefing — {region}, {date}",
    "briefing.failed": "⚠️ The briefing could not be prepared. Try again in a moment.",
    "briefing.not_allowed": "Only coordinators and admins can prepare a Rakor briefing.",
    "briefing.usage": (
        "Usage: <code>/briefing [region code] [since DATE]</code>, dates YYYY-MM-DD. "
        "Example: <code>/briefing 74.09 since 2024-01-31</code>. Without a date: changes since a week ago."
    ),
    "briefing.bad": "❌ The briefing cannot be prepared: {problem}.\n\n{usage}",
    "briefing.problem.word": "the word <b>{word}</b> was not understood",
    "briefing.problem.bad_date": "there is no date <b>{word}</b>",
    "briefing.problem.date_format": "write the date <b>{word}</b> as YYYY-MM-DD, e.g. 2024-01-31",
    "briefing.problem.since_needs_date": "after <b>since</b> write a date YYYY-MM-DD (not <b>{word}</b>)",
    "briefing.problem.date_without_since": "write <b>since</b> before the date <b>{word}</b>",
    "briefing.problem.two_dates": "write <b>since</b> only once",
    "briefing.problem.since_not_before": "the since date ({word}) must be before today",
    "briefing.problem.outside": "region <b>{region}</b> ({word}) is outside your area ({own})",
    "briefing.problem.unknown_region": "region code <b>{word}</b> is not known",
    "briefing.problem.two_regions": "write one region code only (<b>{word}</b> is a second one)",
    "briefing.cli_producer": "command line (operator)",
    "briefing.pdf.title": "Rakor briefing — {region}",
    "briefing.pdf.kicker": "COORDINATION MEETING BRIEFING · ELECTION READINESS",
    "briefing.pdf.running_head": "Rakor briefing — {region} · {date}",
    "briefing.pdf.footer_left": "Posko Pemilu",
    "briefing.pdf.page": "Page {page} of {pages}",
    "briefing.pdf.no_elections": "No election has been recorded for this region yet.",
    "briefing.pdf.countdown.before": "to the vote of {name}, {date}",
    "briefing.pdf.countdown.after": "after the vote of {name}, {date}",
    "briefing.pdf.headline.ready": "aspects ready (areas × aspects)",
    "briefing.pdf.headline.silent": "areas silent for 24 hours",
    "briefing.pdf.headline.incidents": "open incidents",
    "briefing.pdf.headline.overdue": "support requests overdue",
    "briefing.pdf.produced_by": "Prepared for: {who}, by Posko Pemilu",
    "briefing.pdf.data_time": "Data as of {time}",
    "briefing.pdf.since": "Changes counted since {date}",
    "briefing.pdf.summary": "Summary",
    "briefing.pdf.areas_ready": "Areas ready in every aspect: {ready} of {total} ({percent}%)",
    "briefing.pdf.cells_ready": "Aspects ready (areas × aspects): {ready} of {total} ({percent}%)",
    "briefing.pdf.silent": "Not reported in the last 24 hours ({count})",
    "briefing.pdf.silent_none": "Every area reported in the last 24 hours.",
    "briefing.pdf.open_by_severity": "Open incidents by severity",
    "briefing.pdf.changes": "The three largest changes since {date}",
    "briefing.pdf.changes_none": "No change in readiness in this period.",
    "briefing.pdf.change_up": "{area}: up from {before} to {after} of {total} aspects ready",
    "briefing.pdf.change_down": "{area}: down from {before} to {after} of {total} aspects ready",
    "briefing.pdf.state.ready": "Ready",
    "briefing.pdf.state.partial": "Partial",
    "briefing.pdf.state.not_ready": "Not ready",
    "briefing.pdf.state.none": "No report",
    "briefing.pdf.map": "Readiness map",
    "briefing.pdf.map_note": "Area colour: the share of village × aspect states that are ready (each village's latest report per aspect). Triangles: open incidents (at their location, or in the middle of their village).",
    "briefing.pdf.map.all": "All that was reported is ready",
    "briefing.pdf.map.class": "{low}–{high}% ready",
    "briefing.pdf.matrix": "Readiness matrix",
    "briefing.pdf.matrix_note": "Each cell shows the worst state in that area for that aspect; the worst areas on top.",
    "briefing.pdf.no_areas": "This region has no regions below it.",
    "briefing.pdf.chart_axis": "% of matrix cells ready",
    "briefing.pdf.timeline": "Readiness over time ({since} to {until})",
    "briefing.pdf.incidents": "Incidents",
    "briefing.pdf.incidents_open": "Open ({count})",
    "briefing.pdf.incidents_resolved": "Closed since {since} ({count})",
    "briefing.pdf.incidents_none": "None.",
    "briefing.pdf.col.area": "Area",
    "briefing.pdf.col.severity": "Severity",
    "briefing.pdf.col.count": "Count",
    "briefing.pdf.col.reference": "No.",
    "briefing.pdf.col.kind": "Kind",
    "briefing.pdf.col.place": "Place",
    "briefing.pdf.col.status": "Status",
    "briefing.pdf.col.reported": "Reported",
    "briefing.pdf.col.closed": "Closed",
    "briefing.pdf.col.description": "Description",
    "briefing.pdf.support_by_agency": "Support requests by agency",
    "briefing.pdf.support_none": "No support request open or done in this period.",
    "briefing.pdf.support": "Support requests",
    "briefing.pdf.support_open": "Open ({count}), overdue first",
    "briefing.pdf.support_done": "Done since {since} ({count})",
    "briefing.pdf.overdue": "overdue",
    "briefing.pdf.support_status.open": "Not taken",
    "briefing.pdf.support_status.taken": "Taken",
    "briefing.pdf.support_status.in_progress": "In progress",
    "briefing.pdf.support_status.done": "Done",
    "briefing.pdf.support_status.cancelled": "Cancelled",
    "briefing.pdf.urgency.darurat": "Emergency",
    "briefing.pdf.urgency.segera": "Urgent",
    "briefing.pdf.urgency.biasa": "Normal",
    "briefing.pdf.col.agency": "Agency",
    "briefing.pdf.col.open": "Open",
    "briefing.pdf.col.overdue": "Overdue",
    "briefing.pdf.col.done": "Done",
    "briefing.pdf.col.urgency": "Urgency",
    "briefing.pdf.col.deadline": "Deadline",
    "briefing.pdf.col.need": "Need",
    "briefing.pdf.appendix": "Appendix: how the figures are computed",
    "briefing.pdf.method.1": "Every figure is the state of the data as of {time}; times are in {zone}.",
    "briefing.pdf.method.2": "The state of a village for an aspect is its latest report that was not withdrawn; a matrix cell is the worst state in that area (not ready, then partial, then ready; no report when there is none).",
    "briefing.pdf.method.3": "An area is ready when all its aspects are ready. Ready aspects are counted over the matrix cells (areas × aspects).",
    "briefing.pdf.method.4": "Not reported: areas with no report at all in the 24 hours before the time of the data. Changes and the chart compare with the state at the start of {since} and at the end of each day.",
    "briefing.pdf.method.5": "Open incidents: new, acknowledged or in progress, ordered by severity. Descriptions are printed as the officers wrote them. Incidents and support requests show their latest status when the briefing was prepared.",
    "language.group_set": "✅ This group's language: <b>English</b> (digests, alerts and replies in the group).",
    "language.group_unsubscribed": "This group has no subscription yet. Run /subscribe first, then /language.",
    "language.group_not_admin": "❌ Only an admin of this group who is also a Posko coordinator or admin can change the group's language. For your own language, send /language in a private chat with the bot.",
    "cmd.riwayat": "The full history of one incident (e.g. /history I-0001)",
    "history.usage": "Give the number of an incident in your area, e.g. <code>/history I-0001</code>.",
    "history.header": "🕘 <b>History</b>",
    "history.line": "• {time} — {event} ({who}){detail}",
    "history.line_system": "• {time} — {event}{detail}",
    "history.escalated": "⏫ escalated to {region}{count}",
    "history.escalated_count": " ({count:coordinator|coordinators})",
    "history.alerted": "🔔 alert sent to {count:recipient|recipients}",
    "history.removed_name": "name removed",
    "history.missing": "❌ No incident number was given.",
    "history.not_reference": "❌ <b>{text}</b> is not an incident number (it looks like I-0001).",
    "history.not_found": "❌ Incident <b>{reference}</b> was not found in your area.",
    "digest.chart_title": "Readiness per area — {region}",
    "digest.chart_axis": "number of aspects",
    "forwarded": "Forwarded messages are not taken as commands. Type the command yourself, e.g. /report.",
}
