"""Bahasa Indonesia: the default language."""

MESSAGES: dict[str, str] = {
    # Roles and levels
    "role.admin": "Admin",
    "role.coordinator": "Koordinator",
    "role.officer": "Petugas",
    "level.province": "Provinsi",
    "level.regency": "Kabupaten/Kota",
    "level.district": "Kecamatan",
    "level.village": "Desa/Kelurahan",
    "language.id": "Bahasa Indonesia",
    "language.en": "English",
    # Onboarding
    "start.no_access": (
        "Halo {name}! 👋\n\n"
        "<b>Posko Pemilu</b> dipakai oleh petugas dan koordinator penyelenggaraan pemilu "
        "yang diundang.\n\n"
        "Untuk bergabung, minta <b>tautan undangan</b> kepada koordinator atau admin "
        "wilayah Anda (mereka membuatnya dengan /undang), lalu buka tautan itu di Telegram."
    ),
    "start.welcome": (
        "Selamat datang, {name}! ✅\n\n"
        "Anda terdaftar sebagai <b>{role}</b> untuk <b>{region}</b>.\n\n"
        "Ketik /bantuan untuk melihat apa yang bisa Anda lakukan."
    ),
    "start.welcome_admin": (
        "Selamat datang, {name}! ✅\n\n"
        "Anda terdaftar sebagai <b>Admin</b> untuk <b>{region}</b> (dari pengaturan "
        "ADMIN_TELEGRAM_IDS).\n\nMulai dengan /undang untuk mengundang koordinator dan "
        "petugas. Ketik /bantuan untuk semua perintah."
    ),
    "start.known": (
        "Halo {name}, Anda terdaftar sebagai <b>{role}</b> untuk <b>{region}</b>.\n"
        "Ketik /bantuan untuk melihat perintah."
    ),
    "start.already_registered": (
        "Anda sudah terdaftar sebagai <b>{role}</b> untuk <b>{region}</b>, jadi tautan "
        "undangan ini tidak dipakai dan tetap berlaku untuk orang lain.\n"
        "Jika peran atau wilayah Anda harus diubah, hubungi admin."
    ),
    "invite.problem.unknown": (
        "❌ Kode undangan ini tidak dikenal. Periksa kembali tautan yang Anda terima, atau "
        "minta tautan baru kepada yang mengundang Anda."
    ),
    "invite.problem.expired": (
        "❌ Tautan undangan ini sudah kedaluwarsa. Minta tautan baru kepada yang mengundang Anda."
    ),
    "invite.problem.used": (
        "❌ Tautan undangan ini sudah dipakai. Setiap tautan hanya berlaku untuk satu orang; "
        "minta tautan baru kepada yang mengundang Anda."
    ),
    "invite.problem.revoked": (
        "❌ Tautan undangan ini sudah dibatalkan. Minta tautan baru kepada yang mengundang Anda."
    ),
    "person.inactive": (
        "Akun Anda di Posko Pemilu sudah dinonaktifkan. Jika ini keliru, hubungi admin "
        "wilayah Anda untuk tautan undangan baru."
    ),
    "not_registered": (
        "Perintah ini hanya untuk pengguna terdaftar. Buka tautan undangan dari koordinator "
        "atau admin wilayah Anda terlebih dahulu (lihat /start)."
    ),
    # Help
    "help.header": "<b>Posko Pemilu</b> — perintah yang bisa Anda pakai sebagai <b>{role}</b>:",
    "help.guest": (
        "<b>Posko Pemilu</b> membantu petugas dan koordinator melaporkan kesiapan pemilu "
        "dan insiden di lapangan.\n\n"
        "/start — mulai, atau bergabung dengan tautan undangan\n"
        "/bantuan — bantuan ini\n\n"
        "Anda belum terdaftar: minta tautan undangan kepada koordinator atau admin wilayah "
        "Anda."
    ),
    "help.footer": (
        "\n/batal membatalkan langkah yang sedang berjalan kapan saja. "
        "Wilayah Anda: <b>{region}</b>."
    ),
    "cmd.start": "Mulai atau bergabung dengan undangan",
    "cmd.bantuan": "Bantuan dan daftar perintah",
    "cmd.profil": "Profil, peran, dan wilayah Anda",
    "cmd.bahasa": "Ganti bahasa (Indonesia/English)",
    "cmd.undang": "Buat tautan undangan koordinator/petugas",
    "cmd.batal": "Batalkan langkah yang sedang berjalan",
    # Profile and language
    "profile": (
        "👤 <b>Profil Anda</b>\n"
        "Nama: {name}\n"
        "Peran: <b>{role}</b>\n"
        "Wilayah: <b>{region}</b> ({code})\n"
        "Bahasa: {language}\n"
        "Terdaftar: {since}{invited_by}"
    ),
    "profile.invited_by": "\nDiundang oleh: {name}",
    "language.choose": "Pilih bahasa untuk pesan dari Posko Pemilu:",
    "language.set": "✅ Bahasa diganti ke <b>Bahasa Indonesia</b>.",
    # Cancel and generic
    "cancel.done": "Dibatalkan. Tidak ada yang disimpan.",
    "cancel.nothing": "Tidak ada langkah yang sedang berjalan.",
    "unknown_command": "Perintah itu tidak dikenal. Ketik /bantuan untuk daftar perintah.",
    "free_text": (
        "Pesan Anda tidak terkait langkah apa pun yang sedang berjalan. "
        "Ketik /bantuan untuk daftar perintah."
    ),
    "error.generic": (
        "⚠️ Maaf, pesan Anda tidak bisa diproses karena kesalahan di sistem. Tidak ada yang "
        "disimpan. Silakan coba lagi sebentar lagi."
    ),
    "button.stale": "Tombol ini sudah tidak berlaku.",
    "button.not_yours": "Tombol ini bukan untuk Anda.",
    "private_only": "Perintah ini hanya bisa dipakai di chat pribadi dengan bot.",
    # Invites
    "invite.choose_role": "Undang siapa? Pilih peran:",
    "invite.choose_region": (
        "Undang <b>{role}</b> untuk wilayah mana? Wilayah sekarang: <b>{region}</b>."
    ),
    "invite.created": (
        "🔗 Tautan undangan <b>{role}</b> untuk <b>{region}</b> ({code}):\n\n"
        "{link}\n\n"
        "Berlaku sampai {expires}, untuk {uses} orang. Kirim tautan ini hanya kepada orang "
        "yang diundang: siapa pun yang membukanya lebih dulu akan terdaftar."
    ),
    "invite.not_allowed": "Peran Anda ({role}) tidak bisa membuat undangan.",
    "invite.role_not_allowed": "Anda tidak bisa mengundang {role}.",
    "invite.outside_region": (
        "❌ Wilayah {region} di luar wilayah Anda ({own}). Anda hanya bisa mengundang di "
        "dalam wilayah Anda."
    ),
    "invite.usage": (
        "Format tidak dikenali: {problem}\n\n"
        "Contoh: <code>/undang koordinator 74.09</code> atau "
        "<code>/undang petugas Asera</code>.\n"
        "Atau ketik /undang saja untuk memilih dengan tombol."
    ),
    "invite.usage.role": "peran harus <i>koordinator</i> atau <i>petugas</i>",
    "invite.usage.region_missing": "wilayah belum disebut",
    "invite.region_unknown": "❌ Wilayah <b>{query}</b> tidak ditemukan di dalam wilayah Anda.",
    "invite.region_ambiguous": (
        "Ada beberapa wilayah bernama <b>{query}</b>. Pakai kodenya: {options}"
    ),
    # Region picker
    "picker.choose_here": "✅ Pilih {name}",
    "picker.up": "⬆️ Naik",
    "picker.prev": "◀️ Sebelumnya",
    "picker.next": "Berikutnya ▶️",
    "picker.cancel": "✖️ Batal",
    # Reports
    "cmd.lapor": "Laporkan kesiapan (dengan tombol atau satu baris)",
    "cmd.status": "Status kesiapan wilayah Anda",
    "cmd.ralat": "Ralat laporan terakhir Anda",
    "cmd.tarik": "Tarik laporan terakhir Anda",
    "state.ready": "Siap",
    "state.partial": "Sebagian",
    "state.not_ready": "Belum siap",
    "state.none": "belum ada laporan",
    "report.choose_region": "📋 <b>Laporan kesiapan</b>\nUntuk wilayah mana? Sekarang: <b>{region}</b>.",
    "report.choose_aspect": "📋 <b>Laporan kesiapan</b> — {region}\nAspek apa yang Anda laporkan?",
    "report.choose_state": "📋 {region} · <b>{aspect}</b>\nBagaimana kesiapannya?",
    "report.summary": (
        "📋 <b>Periksa laporan Anda</b>\n"
        "Wilayah: {region}\n"
        "Aspek: <b>{aspect}</b>\n"
        "Status: {emoji} <b>{state}</b>{progress}\n"
        "{details}\n"
        "Tekan <b>Kirim</b> untuk menyimpan, atau tambahkan rincian."
    ),
    "report.summary.correction": "✏️ Ralat untuk <b>{reference}</b>",
    "report.summary.note": "Catatan: {note}",
    "report.summary.photos": "Foto: {count}",
    "report.summary.location": "Lokasi: {latitude}, {longitude}",
    "report.summary.no_details": "Rincian: —",
    "report.button.send": "✅ Kirim",
    "report.button.percent": "➕ Persen",
    "report.button.note": "📝 Catatan",
    "report.button.photo": "📷 Foto",
    "report.button.location": "📍 Lokasi",
    "report.button.change": "✏️ Ubah",
    "report.button.cancel": "✖️ Batal",
    "report.button.skip": "Lewati",
    "report.button.photos_done": "Selesai",
    "report.button.share_location": "📍 Kirim lokasi saya",
    "report.ask.percent": "Ketik persen kemajuan, 0 sampai 100 (misalnya <code>80</code>), atau tekan Lewati.",
    "report.ask.note": "Ketik catatan singkat (paling banyak 4.000 karakter), atau tekan Lewati.",
    "report.ask.photo": "Kirim satu atau beberapa foto, lalu tekan Selesai. Atau tekan Lewati.",
    "report.ask.location": "Tekan tombol <b>📍 Kirim lokasi saya</b> di bawah, atau tekan Lewati.",
    "report.bad.percent": "Persen harus angka 0 sampai 100, misalnya <code>80</code>. Coba lagi, atau tekan Lewati.",
    "report.bad.note": "Catatan terlalu panjang ({length} karakter; paling banyak 4.000). Persingkat lalu kirim lagi.",
    "report.bad.expected_text": "Langkah ini menunggu teks. Ketik jawabannya, atau tekan Lewati.",
    "report.bad.expected_photo": "Langkah ini menunggu foto. Kirim foto, tekan Selesai, atau tekan Lewati.",
    "report.bad.expected_location": "Langkah ini menunggu lokasi. Tekan tombol 📍 di bawah, atau tekan Lewati.",
    "report.bad.expected_button": "Pilih salah satu tombol pada pesan di atas, atau ketik /batal.",
    "report.photo_added": "📷 Foto diterima ({count}). Kirim lagi, atau tekan Selesai.",
    "report.photo_limit": "Paling banyak 10 foto per laporan. Tekan Selesai.",
    "report.location_removed_keyboard": "📍 Lokasi dicatat.",
    "report.saved": (
        "✅ Laporan <b>{reference}</b> diterima{corrects}.\n"
        "{region} · {aspect} · {emoji} {state}{progress}\n"
        "Dicatat {time}."
    ),
    "report.saved.corrects": " (ralat untuk {reference})",
    "report.cancelled": "Laporan dibatalkan. Tidak ada yang disimpan.",
    "report.expired": (
        "⌛ Draf laporan Anda dihapus karena tidak ada aktivitas selama {minutes} menit. "
        "Tidak ada yang disimpan. Mulai lagi dengan /lapor."
    ),
    "report.replaced_draft": "Draf laporan sebelumnya diganti dengan yang baru.",
    "report.outside_region": "❌ Wilayah {region} di luar wilayah Anda ({own}). Anda hanya bisa melapor di dalam wilayah Anda.",
    "report.region_unknown": "❌ Kode wilayah {region} tidak dikenal.",
    "report.syntax": (
        "❌ Laporan tidak bisa dibaca: {problem}\n\n"
        "Format: <code>/lapor [kode wilayah] aspek status [persen] [catatan]</code>\n"
        "Contoh: <code>/lapor distribusi sebagian 80% kotak suara tiba di 12 dari 15 desa</code>\n"
        "Aspek: {aspects}\n"
        "Status: siap, sebagian, belum siap.\n"
        "Atau ketik /lapor saja untuk memilih dengan tombol."
    ),
    "report.syntax.empty": "aspek dan status belum ditulis",
    "report.syntax.aspect": "aspek <b>{detail}</b> tidak dikenal",
    "report.syntax.state": "status belum ditulis atau tidak dikenal (<b>{detail}</b>)",
    "report.syntax.percent": "persen <b>{detail}</b> lebih dari 100",
    "report.syntax.note_long": "catatan terlalu panjang ({detail} karakter; paling banyak 4.000)",
    "report.correct.none": (
        "Tidak ada laporan Anda yang bisa diralat: hanya laporan terakhir, paling lama "
        "{minutes} menit setelah dikirim."
    ),
    "report.withdraw.confirm": "Tarik laporan <b>{reference}</b> ({aspect} · {state}, {region})? Laporan tetap tercatat di riwayat sebagai ditarik.",
    "report.withdraw.yes": "Ya, tarik {reference}",
    "report.withdraw.done": "🗑 Laporan <b>{reference}</b> ditarik. Riwayatnya tetap tersimpan.",
    "report.withdraw.too_late": "Laporan {reference} tidak bisa ditarik lagi (lewat {minutes} menit, atau sudah diralat/ditarik).",
    "status.header": "📊 <b>Status kesiapan — {region}</b>\n<i>per {time}</i>",
    "status.aspect_line": "{emoji} {aspect} — {state}{progress}{when}",
    "status.below_header": "\n<b>Wilayah di bawah</b> (terburuk dulu):",
    "status.area_line": "{emoji} <b>{name}</b> — {counts}{when}",
    "status.area_none": "{emoji} <b>{name}</b> — belum ada laporan",
    "status.legend": "\n✅ siap · 🟡 sebagian · 🔴 belum siap · ⬜ belum ada laporan",
    "status.last": " · terakhir {time}",
    "status.reports": " ({count} laporan)",
}
