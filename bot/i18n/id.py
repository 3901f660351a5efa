"""Bahasa Indonesia: the default language."""

MESSAGES: dict[str, str] = {
    # Roles and levels
    "role.admin": "Admin",
    "role.coordinator": "Koordinator",
    "role.officer": "Petugas",
    # The role after "invite …" / "a link for …" (English needs the article)
    "role.admin.a": "Admin",
    "role.coordinator.a": "Koordinator",
    "role.officer.a": "Petugas",
    "level.province": "Provinsi",
    "level.regency": "Kabupaten/Kota",
    "level.district": "Kecamatan",
    "level.village": "Desa/Kelurahan",
    "region.kind.province": "Provinsi {name}",
    "region.kind.district": "Kecamatan {name}",
    "region.kind.desa": "Desa {name}",
    "region.kind.kelurahan": "Kelurahan {name}",
    "region.choice": "{name} ({code})",
    "region.choice.in": "{name}, {parent} ({code})",
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
        "Anda terdaftar sebagai <b>Admin</b> untuk <b>{region}</b> (operator bot "
        "menetapkan Anda sebagai admin dalam pengaturan bot).\n\nMulai dengan /undang untuk mengundang koordinator dan "
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
    "person.left": (
        "Anda sudah keluar dari Posko Pemilu dengan /keluar; nama Anda sudah dihapus dan akses "
        "Anda berakhir. Untuk bergabung lagi, minta tautan undangan baru kepada koordinator "
        "atau admin wilayah Anda."
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
    "help.groups": (
        "\n<b>Di grup</b> (bila Anda admin grup itu):\n"
        "/langganan [kode wilayah] [JJ:MM] [insiden] — ringkasan harian (dan peringatan "
        "insiden) untuk grup\n"
        "/berhenti — hentikan langganan grup"
    ),
    "help.group_header": "<b>Posko Pemilu</b> — perintah di grup ini:",
    "help.group_footer": (
        "\n/langganan dan /berhenti hanya untuk admin grup yang juga koordinator atau admin "
        "Posko, contoh: <code>/langganan 74.09 07:00 insiden</code>. Perintah lain "
        "(melapor, profil, bahasa Anda) dipakai di chat pribadi dengan bot."
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
        "Instansi: <b>{agency}</b>\n"
        "Wilayah: <b>{region}</b> ({code})\n"
        "Bahasa: {language}\n"
        "Terdaftar: {since}{invited_by}"
    ),
    "profile.invited_by": "\nDiundang oleh: {name}",
    "profile.agency.ask": (
        "🏢 Satu pertanyaan, sekali saja: Anda dari <b>instansi</b> mana? Permintaan "
        "dukungan diteruskan menurut instansi. Pilih dengan tombol:"
    ),
    "profile.agency.set": "✅ Instansi Anda: <b>{agency}</b>.",
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
    "stranger.free_text": (
        "Terima kasih. <b>Posko Pemilu</b> hanya dipakai oleh petugas dan koordinator "
        "penyelenggaraan pemilu yang diundang, jadi pesan Anda <b>tidak diteruskan</b> ke "
        "siapa pun.\n\n"
        "Untuk melaporkan kejadian atau bertanya, hubungi: <b>{contact}</b>.\n"
        "Dalam keadaan darurat, hubungi 112.\n\n"
        "Jika Anda petugas, minta tautan undangan kepada koordinator atau admin wilayah Anda "
        "(lihat /start)."
    ),
    "stranger.contact_default": "Kesbangpol kabupaten/kota Anda (kantor bupati/wali kota)",
    "error.generic": (
        "⚠️ Maaf, pesan Anda tidak bisa diproses karena kesalahan di sistem. Tidak ada yang "
        "disimpan. Silakan coba lagi sebentar lagi."
    ),
    "button.stale": "Tombol ini sudah tidak berlaku.",
    "button.not_yours": "Tombol ini bukan untuk Anda.",
    "private_only": "Perintah ini hanya bisa dipakai di chat pribadi dengan bot.",
    "private_only.button": "💬 Buka chat pribadi",
    # Invites
    "invite.choose_role": "Undang siapa? Pilih peran:",
    "invite.choose_region": (
        "Undang <b>{role}</b> untuk wilayah mana? Wilayah sekarang: <b>{region}</b>."
    ),
    "invite.created": (
        "🔗 Tautan undangan <b>{role}</b> untuk <b>{region}</b> ({code}):\n\n"
        "{link}\n\n"
        "Instansi: <b>{agency}</b>. Berlaku sampai {expires}, untuk {uses} orang. Kirim tautan ini hanya kepada orang "
        "yang diundang: siapa pun yang membukanya lebih dulu akan terdaftar."
    ),
    "invite.choose_agency": ("Undang <b>{role}</b> untuk <b>{region}</b> dari instansi mana?"),
    "invite.agency_unknown": (
        "❌ Instansi itu tidak dikenal. Contoh: <code>/undang koordinator 74.09 tni</code> "
        "(kpu, bawaslu, pemda, tni, polri, bpbd, dishub, diskominfo, pln, dinkes)."
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
        "Ada beberapa wilayah bernama <b>{query}</b>:\n{options}\n\nPilih satu dengan tombol "
        "di bawah, atau tulis kodenya (misalnya <code>/undang {role} {code}</code>)."
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
    # What people type for each state in a one-line report, comma separated (both
    # languages are read, whatever the person's language). Longest phrase wins:
    # "sebagian besar" is partial, and what follows it is the note.
    "state.words.ready": "siap, sudah siap, sdh siap, udah siap, dah siap, telah siap, semua siap, semua sudah siap, sudah lengkap, lengkap, aman, aman terkendali, kondusif, aman kondusif, beres, sudah beres, selesai, sudah selesai, tuntas, rampung, ok, oke, sip, terpenuhi, sudah terpenuhi, tersedia, sudah tersedia",
    "state.words.partial": "sebagian, sebagian siap, siap sebagian, sebagian besar, sebagian kecil, sebagian besar siap, sebagian besar sudah siap, siap sebagian besar, sebagian sudah siap, sebagian belum siap, sebagian belum, sbgn, parsial, proses, dalam proses, masih proses, sedang proses, on proses, on progress, progres, berjalan, sedang berjalan, masih berjalan, hampir siap, nyaris siap, belum sepenuhnya siap, blm sepenuhnya siap, belum lengkap, blm lengkap, kurang lengkap, belum semua, belum semua siap, blm semua, belum merata, separuh, setengah, setengah siap",
    "state.words.not_ready": "belum siap, blm siap, belom siap, blum siap, blom siap, belum, blm, belom, blum, tidak siap, tdk siap, tak siap, gak siap, ga siap, nggak siap, ngga siap, enggak siap, kurang, kurang siap, sangat kurang, belum ada, blm ada, tidak ada, tdk ada, kosong, nihil, belum tersedia, tidak tersedia, belum mulai, blm mulai, belum dimulai, macet, terhambat, bermasalah, gagal, rawan, tidak aman, tdk aman, tidak kondusif",
    # Other names of each aspect (the aspect table's names and aliases count too).
    "aspect.words.tata_kelola": "tata kelola, tata kelola pemilu, tatakelola, kelola, pengelolaan, koordinasi, rakor, rapat koordinasi, manajemen, desk pemilu, pokja, kelembagaan, sekretariat, tk",
    "aspect.words.petugas": "kesiapan petugas, petugas, petugas pemilu, petugas ad hoc, badan ad hoc, ad hoc, sdm, personel, personil, kpps, pps, ppk, pantarlih, panwascam, panwaslu, pengawas, pengawas tps, ptps, saksi, bimtek, pelatihan petugas, rekrutmen petugas, pelantikan petugas",
    "aspect.words.logistik": "ketersediaan logistik, logistik, logistik pemilu, logistik pilkada, stok logistik, stok, persediaan, surat suara, kotak suara, bilik suara, tinta, segel, formulir, sampul, alat peraga",
    "aspect.words.distribusi": "distribusi logistik, distribusi, distribusi logistik pemilu, pendistribusian, pendistribusian logistik, pengiriman, pengiriman logistik, penyaluran, pengantaran, kirim, pengangkutan, distribusi surat suara, distribusi kotak suara",
    "aspect.words.sistem": "sistem & teknologi, sistem dan teknologi, sistem, teknologi, teknologi informasi, it, ti, sirekap, sidalih, silon, sipol, sidapil, situng, aplikasi, jaringan, internet, sinyal",
    "aspect.words.keamanan": "keamanan & ketertiban, keamanan dan ketertiban, keamanan, ketertiban, kamtib, kamtibmas, harkamtibmas, pengamanan, pengamanan tps, pam tps, linmas, satlinmas, polri, polisi, tni, babinsa, bhabinkamtibmas, operasi mantap brata, mantap brata",
    "aspect.words.anggaran": "anggaran, anggaran pemilu, anggaran pilkada, dana, dana hibah, hibah, nphd, apbd, apbn, keuangan, biaya, pendanaan, pembiayaan, honor, honorarium, belanja",
    "aspect.words.data_penduduk": "data kependudukan, data penduduk, kependudukan, penduduk, data, dpt, dps, dptb, dpk, dpth, dp4, daftar pemilih, daftar pemilih tetap, data pemilih, pemilih, coklit, pemutakhiran data, pemutakhiran, adminduk, dukcapil, ktp, ktp el, ektp, e ktp",
    "aspect.words.regulasi": "regulasi, aturan, peraturan, hukum, dasar hukum, pkpu, perkpu, perbawaslu, juknis, juklak, petunjuk teknis, sk, surat keputusan, perda, perbup, pergub, perkada, surat edaran",
    "aspect.words.sengketa": "penanganan sengketa, sengketa, sengketa pemilu, gugatan, phpu, perselisihan, perselisihan hasil, keberatan, gakkumdu, sentra gakkumdu, pelanggaran, laporan pelanggaran, mk, dkpp, ptun",
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
    "report.bad.typed_unclear": "Jawaban <b>{text}</b> tidak cocok dengan tombol langkah ini. Pilih salah satu tombol di bawah, atau /batal.",
    "report.bad.coordinates": "Koordinat <b>{text}</b> tidak mungkin: lintang harus -90 sampai 90 dan bujur -180 sampai 180. Kirim lagi, tekan 📍, atau tekan Lewati.",
    "report.photo_added": "📷 Foto diterima ({count}). Kirim lagi, atau tekan Selesai.",
    "report.photo_limit": "Paling banyak 10 foto per laporan. Tekan Selesai.",
    "report.location_recorded_at": "📍 Lokasi dicatat: {latitude}, {longitude}.",
    "report.location_skipped": "Lokasi dilewati; tidak ada lokasi yang dicatat.",
    "report.location_pending": "📍 Menambah lokasi — lihat pesan di bawah.",
    "report.edited.stored": "✏️ Pesan yang Anda ubah sudah tersimpan sebagai laporan <b>{reference}</b>; perubahan itu tidak disimpan. Untuk membetulkan laporan, pakai /ralat (paling lama {minutes} menit setelah dikirim).",
    "report.saved": (
        "✅ Laporan <b>{reference}</b> diterima{corrects}.\n"
        "{region} · {aspect} · {emoji} {state}{progress}\n"
        "Dicatat {time}."
    ),
    "report.saved.corrects": " (ralat untuk {reference})",
    "report.saved.note": "\n📝 Catatan: {note}",
    "report.saved.photos": "\n📷 Foto: {count}",
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
    "report.syntax.percent": "persen <b>{detail}</b> harus antara 0 dan 100",
    "report.syntax.conflict": "status dan persen <b>{detail}</b> bertentangan (belum siap 100%, atau siap 0%); tulis status yang sesuai, misalnya sebagian",
    "report.syntax.note_long": "catatan terlalu panjang ({detail} karakter; paling banyak 4.000)",
    "report.photo_kept": "📷 Foto Anda tidak dibuang: sudah terlampir pada draf di bawah. Lengkapi laporannya dengan tombol, atau /batal.",
    "report.guess": (
        "🤔 Maksud Anda <b>{guess}</b>?\n"
        "Jika ya, yang disimpan: {region} · {aspect} · {emoji} {state}{progress}{note}\n"
        "Belum ada yang disimpan. Pilih salah satu tombol."
    ),
    "report.guess.note": "\nCatatan: {note}",
    "report.guess.yes": "✅ Ya, {choice}",
    "report.guess.expired": '⌛ Pertanyaan "Maksud Anda" dihapus karena tidak dijawab selama {minutes} menit. Tidak ada yang disimpan. Tulis lagi perintahnya.',
    "report.correct.none": (
        "Tidak ada laporan Anda yang bisa diralat: hanya laporan terakhir, paling lama "
        "{minutes} menit setelah dikirim."
    ),
    "report.withdraw.confirm": "Tarik laporan <b>{reference}</b> ({aspect} · {state}, {region})? Laporan tetap tercatat di riwayat sebagai ditarik.",
    "report.withdraw.yes": "Ya, tarik {reference}",
    "report.withdraw.done": "🗑 Laporan <b>{reference}</b> ditarik. Riwayatnya tetap tersimpan.",
    "report.withdraw.too_late": "Laporan {reference} tidak bisa ditarik lagi (lewat {minutes} menit, atau sudah diralat/ditarik).",
    "report.withdraw.none": "Tidak ada laporan Anda yang bisa ditarik: hanya laporan terakhir yang masih berlaku, paling lama {minutes} menit setelah dikirim.",
    "status.header": "📊 <b>Status kesiapan — {region}</b>\n<i>per {time}</i>",
    "status.aspect_line": "{emoji} {aspect} — {state}{progress}{when}",
    "status.below_header": "\n<b>Wilayah di bawah</b> (terburuk dulu):",
    "status.area_line": "{emoji} <b>{name}</b> — {counts}{when}",
    "status.area_none": "{emoji} <b>{name}</b> — belum ada laporan",
    "status.legend": "\n✅ siap · 🟡 sebagian · 🔴 belum siap · ⬜ belum ada laporan",
    "status.outside_region": "❌ {region} di luar wilayah Anda ({own}). /status hanya menampilkan wilayah Anda dan wilayah di bawahnya.",
    "status.last": " · terakhir {time}",
    "status.reports": " ({count} laporan)",
    "cmd.dasbor": "Dasbor langsung: peta, matriks, insiden (Mini App atau peramban)",
    "dashboard.cmd.offer": "📊 <b>Dasbor Posko — {region}</b>\nPeta kesiapan, matriks, insiden, dan tren wilayah Anda, diperbarui langsung.",
    "dashboard.cmd.link": "🔗 Tautan masuk untuk peramban mana pun (sekali pakai, berlaku {minutes} menit):\n{url}",
    "dashboard.cmd.screen": "🖥 Tautan layar rapat (hanya baca, berlaku sampai <code>/dasbor tutup</code>; buka dalam {minutes} menit, sekali pakai):\n{url}",
    "dashboard.cmd.closed": "🔒 {count} sesi dasbor Anda diakhiri. Semua peramban dan layar harus masuk lagi.",
    "dashboard.cmd.closed_none": "Tidak ada sesi dasbor yang terbuka.",
    "dashboard.cmd.too_many": "⏳ Anda sudah meminta {count} tautan masuk dalam satu jam terakhir. Coba lagi nanti, atau buka dasbor dari tombol menu Telegram.",
    "dashboard.cmd.no_server": "Dasbor belum disiapkan di server ini (WEB_BASE_URL belum diatur). Hubungi admin Posko.",
    "dashboard.cmd.usage": "Pemakaian: <code>/dasbor</code> (tautan masuk), <code>/dasbor layar</code> (layar rapat, hanya baca), <code>/dasbor tutup</code> (akhiri semua sesi). Tidak dikenal: <code>{text}</code>",
    "dashboard.button.open": "📊 Buka dasbor",
    "dashboard.button.menu": "Dasbor",
    "dashboard.title": "Posko Pemilu — {region}",
    "dashboard.live.on": "● Langsung",
    "dashboard.live.off": "○ Terputus, menyambung lagi…",
    "dashboard.as": "Masuk sebagai {name} ({role})",
    "dashboard.as_screen": "Layar rapat (hanya baca) · {name}",
    "dashboard.updated": "Data per {time}",
    "dashboard.up": "⬆ Naik ke {region}",
    "dashboard.crumbs": "Jejak wilayah",
    "dashboard.countdown": "{name}: <b>{label}</b> ({day})",
    "dashboard.map.title": "Peta kesiapan",
    "dashboard.map.label": "Peta {region}: {count} wilayah di bawahnya, diwarnai menurut kesiapan",
    "dashboard.map.aspect": "Warna menurut",
    "dashboard.map.all": "Semua aspek (terburuk yang dilaporkan)",
    "dashboard.map.show": "Tampilkan",
    "dashboard.map.none": "Belum ada batas wilayah untuk peta {region}. Muat dengan <code>python -m bot regions boundaries FILE</code>.",
    "dashboard.map.area": "{name}: {state}",
    "dashboard.map.area_incidents": "{name}: {state} · {count} insiden terbuka",
    "dashboard.map.legend": "Keterangan warna",
    "dashboard.map.tap": "Ketuk wilayah untuk turun satu tingkat.",
    "dashboard.matrix.title": "Matriks kesiapan",
    "dashboard.matrix.area": "Wilayah",
    "dashboard.matrix.last": "Laporan terakhir",
    "dashboard.matrix.never": "belum pernah melapor",
    "dashboard.matrix.missing": "{count} aspek belum dilaporkan",
    "dashboard.matrix.whole": "Seluruh {region}",
    "dashboard.matrix.empty": "{region} tidak punya wilayah di bawahnya.",
    "dashboard.incidents.title": "Insiden",
    "dashboard.incidents.severity": "Keparahan",
    "dashboard.incidents.status": "Status",
    "dashboard.incidents.any": "Semua",
    "dashboard.incidents.open": "Terbuka",
    "dashboard.incidents.closed": "Ditutup",
    "dashboard.incidents.filter": "Saring",
    "dashboard.incidents.none": "Tidak ada insiden yang cocok dalam {days} hari terakhir.",
    "dashboard.incidents.note": "Catatan (wajib untuk Selesai/Tolak)",
    "dashboard.incidents.at": "dilaporkan {time}",
    "dashboard.action.acknowledge": "✅ Terima",
    "dashboard.action.progress": "🛠 Tangani",
    "dashboard.action.resolve": "✔️ Selesai",
    "dashboard.action.dismiss": "✖️ Tolak",
    "dashboard.action.unknown": "Tindakan tidak dikenal.",
    "dashboard.action.no_incident": "Insiden itu tidak ada.",
    "dashboard.action.note_needed.resolve": "Tulis catatan penutupan dulu, lalu tekan ✔️ Selesai.",
    "dashboard.action.note_needed.dismiss": "Tulis alasan penolakan dulu, lalu tekan ✖️ Tolak.",
    "dashboard.action.read_only": "Layar rapat hanya untuk melihat.",
    "dashboard.action.csrf": "Permintaan ditolak (token keamanan tidak cocok). Muat ulang halaman.",
    "dashboard.trends.title": "Tren {days} hari",
    "dashboard.trends.day": "Hari",
    "dashboard.trends.reports": "Laporan",
    "dashboard.trends.coverage": "Wilayah melapor",
    "dashboard.trends.ready": "Laporan “siap”",
    "dashboard.trends.chart": "Laporan per hari, {days} hari terakhir",
    "dashboard.signin.title": "Masuk ke dasbor Posko",
    "dashboard.signin.button": "Masuk",
    "dashboard.signin.webapp": "Membuka dasbor…",
    "dashboard.signin.failed": "Tidak bisa masuk: tautan ini tidak berlaku (sudah dipakai, kedaluwarsa, atau dicabut). Ketik /dasbor di chat dengan bot untuk tautan baru.",
    "dashboard.signin.webapp_failed": "Tidak bisa masuk dari Telegram: data Mini App tidak sah atau terlalu lama, atau Anda belum terdaftar. Tutup lalu buka lagi dasbor dari chat bot.",
    "dashboard.signin.needed": "Sesi Anda berakhir atau belum masuk. Ketik /dasbor di chat dengan bot untuk masuk.",
    "dashboard.refused.region": "{region} di luar wilayah Anda.",
    "dashboard.refused.other": "Anda tidak boleh membuka halaman ini.",
    "dashboard.not_found": "Wilayah {code} tidak ada.",
    "dashboard.noscript": "Halaman ini tetap bisa dipakai tanpa JavaScript; pembaruan langsung butuh JavaScript.",
    "dashboard.skip": "Lompat ke isi",
    "dashboard.nav.map": "Peta",
    "dashboard.nav.matrix": "Matriks",
    "dashboard.nav.incidents": "Insiden",
    "dashboard.nav.trends": "Tren",
    "dashboard.map.by": "Cara mewarnai",
    "dashboard.map.by.worst": "Keadaan terburuk",
    "dashboard.map.by.share": "Persentase siap",
    "dashboard.share.value": "{ready} dari {reported} laporan siap ({percent}%)",
    "dashboard.share.all": "100% siap",
    "dashboard.share.75": "75–99% siap",
    "dashboard.share.50": "50–74% siap",
    "dashboard.share.25": "25–49% siap",
    "dashboard.share.0": "kurang dari 25% siap",
    "dashboard.matrix.share": "Laporan siap (semua aspek)",
    "dashboard.matrix.share_of": "Laporan siap ({aspect})",
    "dashboard.nav.support": "Dukungan",
    "dashboard.support.title": "Permintaan dukungan terbuka",
    "dashboard.support.agency": "{agency}: {count} terbuka",
    "dashboard.support.agency_overdue": "{agency}: {count} terbuka, <b>{overdue} lewat tenggat</b>",
    "dashboard.support.none": "Tidak ada permintaan dukungan terbuka di {region}.",
    "dashboard.support.deadline": "tenggat {time}",
    "dashboard.support.overdue": "LEWAT TENGGAT {time}",
    "dashboard.support.asked_by": "diminta oleh {who}",
    "dashboard.support.taken_by": "disanggupi oleh {who}",
    "dashboard.map.area_support": "{count} permintaan dukungan terbuka",
    "dashboard.map.markers": "Tanda di peta",
    "dashboard.map.marker.incident": "Insiden terbuka (warna menurut keparahan)",
    "dashboard.map.marker.support": "Permintaan dukungan terbuka",
    "dashboard.matrix.support_cell": "ada permintaan dukungan terbuka",
    "dashboard.matrix.support_legend": "Sel berbingkai biru (D): ada permintaan dukungan terbuka untuk aspek itu.",
    # Incidents
    "cmd.insiden": "Laporkan insiden (ancaman, gangguan, hambatan, tantangan)",
    "cmd.insiden_terbuka": "Insiden yang masih terbuka di wilayah Anda",
    "cmd.langganan": "Langganan ringkasan harian/insiden untuk grup ini",
    "cmd.berhenti": "Hentikan langganan grup ini",
    "severity.kritis": "Kritis",
    "severity.tinggi": "Tinggi",
    "severity.sedang": "Sedang",
    "severity.rendah": "Rendah",
    # Words for each severity, class and kind in a one-line incident, comma separated.
    "severity.words.kritis": "kritis, darurat, gawat, gawat darurat, genting, sangat tinggi, sangat parah, sangat berat, urgen, mendesak",
    "severity.words.tinggi": "tinggi, berat, parah, serius",
    "severity.words.sedang": "sedang, menengah, moderat",
    "severity.words.rendah": "rendah, ringan",
    "athg.ancaman": "Ancaman",
    "athg.gangguan": "Gangguan",
    "athg.hambatan": "Hambatan",
    "athg.tantangan": "Tantangan",
    "athg.words.ancaman": "ancaman",
    "athg.words.gangguan": "gangguan",
    "athg.words.hambatan": "hambatan, kendala, halangan",
    "athg.words.tantangan": "tantangan",
    "incident.words.logistik": "logistik, logistik rusak, logistik hilang, logistik terlambat, logistik kurang, kekurangan logistik, logistik tertukar, surat suara, surat suara rusak, surat suara hilang, surat suara kurang, surat suara tertukar, surat suara terlambat, kotak suara, kotak suara rusak, kotak suara hilang, bilik suara rusak",
    "incident.words.akses": "akses, transportasi, akses transportasi, akses terputus, jalan rusak, jalan putus, jembatan putus, jembatan rusak, transportasi terhambat",
    "incident.words.bencana": "bencana, bencana alam, banjir, banjir bandang, banjir rob, longsor, tanah longsor, gempa, gempa bumi, tsunami, kebakaran, puting beliung, angin puting beliung, erupsi, abrasi",
    "incident.words.kekerasan": "kekerasan, konflik, kekerasan konflik, bentrok, bentrokan, ricuh, kericuhan, kerusuhan, rusuh, tawuran, perkelahian, penganiayaan, pengeroyokan, intimidasi, teror, ancaman kekerasan, anarkis",
    "incident.words.hoaks": "hoaks, hoax, disinformasi, misinformasi, berita bohong, kabar bohong, fitnah, kampanye hitam, black campaign",
    "incident.words.politik_uang": "politik uang, money politic, money politics, serangan fajar, bagi bagi uang, bagi uang, bagi amplop, amplop, bagi sembako, jual beli suara, beli suara, mahar politik, suap",
    "incident.words.sara": "sara, politik identitas, isu sara, kampanye sara, ujaran kebencian, politisasi agama",
    "incident.words.petugas": "petugas tidak hadir, petugas tdk hadir, petugas absen, petugas mangkir, kpps tidak hadir, petugas mundur, kekurangan petugas",
    "incident.words.sistem": "gangguan sistem, gangguan jaringan, gangguan sistem jaringan, sistem jaringan, sistem error, sirekap error, sirekap down, sirekap, sidalih, aplikasi error, internet putus, sinyal hilang, listrik padam, pemadaman listrik, mati lampu, server down",
    "incident.words.lainnya": "lainnya, lain lain, dll",
    "incident.status.new": "Baru, belum diterima",
    "incident.status.acknowledged": "Diterima",
    "incident.status.in_progress": "Sedang ditangani",
    "incident.status.resolved": "Selesai",
    "incident.status.dismissed": "Ditolak",
    "incident.alert.header": "{emoji} <b>INSIDEN {severity}</b> — <b>{reference}</b>",
    "incident.alert.escalated": "⏫ <b>ESKALASI</b> ke {region}: belum ada yang menerima insiden ini.",
    "incident.escalation.reminder": "⏰ Insiden <b>{reference}</b> belum diterima siapa pun setelah {minutes} menit, dan kini dieskalasi ke {region} ({count} koordinator). Tekan <b>{acknowledge}</b> pada peringatannya bila Anda menanganinya.",
    "incident.escalation.reporter": "⏫ Insiden Anda <b>{reference}</b> belum diterima koordinator, jadi dieskalasi ke {region} ({count} koordinator).",
    "incident.alert.kind": "{kind} · {athg}",
    "incident.alert.where": "📍 {region} ({code})",
    "incident.alert.what": "📝 {description}",
    "incident.alert.location": "🗺 Lokasi: {latitude}, {longitude}",
    "incident.alert.photos": "📷 {count} foto",
    "incident.alert.photo_caption": "Foto insiden {reference}",
    "incident.alert.reported": "Dilaporkan: {who} · {time}",
    "incident.alert.status": "Status: {emoji} <b>{status}</b>",
    "incident.alert.taken": "Status: {emoji} <b>{status}</b> — diterima oleh {who} · {time}",
    "incident.alert.handling": "Status: {emoji} <b>{status}</b> — ditangani oleh {who} · {time}{acknowledged}",
    "incident.alert.handling_ack": " (diterima oleh {who})",
    "incident.alert.closed": "Status: {emoji} <b>{status}</b> oleh {who} · {time}\nCatatan: {note}",
    "incident.button.acknowledge": "✅ Terima",
    "incident.button.progress": "🛠 Tangani",
    "incident.button.resolve": "✔️ Selesai",
    "incident.button.dismiss": "✖️ Tolak",
    "incident.button.more": "📄 Selengkapnya",
    "incident.more.header": "📝 <b>{reference}</b> — keterangan lengkap ({part}/{parts}):",
    "incident.more.sent": "Keterangan lengkap dikirim ke chat pribadi Anda dengan bot.",
    "incident.more.not_yours": "Insiden ini di luar wilayah Anda.",
    "incident.note_in_private": "Tulis catatannya di chat pribadi dengan bot: pesannya sudah dikirim ke sana.",
    "incident.not_yours": "Insiden ini di luar wilayah atau peran Anda.",
    "incident.already_closed": "Insiden {reference} sudah ditutup.",
    "incident.already_taken": "Sudah diterima oleh {who}.",
    "incident.already_in_progress": "Insiden ini sudah sedang ditangani.",
    "incident.done.acknowledge": "Anda menerima insiden ini.",
    "incident.done.progress": "Ditandai sedang ditangani.",
    "incident.ask.resolve": "✔️ Menutup insiden <b>{reference}</b> sebagai selesai. Tulis catatan penutup (apa yang dilakukan), atau /batal.",
    "incident.ask.dismiss": "✖️ Menolak insiden <b>{reference}</b>. Tulis alasannya, atau /batal.",
    "incident.closed.resolve": "✅ Insiden <b>{reference}</b> ditutup sebagai selesai.",
    "incident.closed.dismiss": "✖️ Insiden <b>{reference}</b> ditolak.",
    "incident.close_cancelled": "Penutupan insiden dibatalkan. Insiden tetap terbuka.",
    "incident.close_expired": "⌛ Penutupan insiden dibatalkan karena tidak ada catatan selama {minutes} menit. Insiden tetap terbuka.",
    "incident.bad.note": "Tulis catatan sebagai teks (paling banyak 4.000 karakter), atau /batal.",
    "incident.reporter_update": "{emoji} Insiden Anda <b>{reference}</b>: <b>{status}</b> — {who}.{note}",
    "incident.reporter_note": "\nCatatan: {note}",
    "incident.saved": (
        "🚨 Insiden <b>{reference}</b> tercatat dan dikirim ke {recipients}.\n"
        "{severity} · {kind} · {athg}\n"
        "📍 {region}{description}\n"
        "Anda akan diberi tahu setiap perubahan statusnya."
    ),
    "incident.saved_nobody": "\n⚠️ Belum ada koordinator untuk wilayah ini; hubungi admin.",
    "incident.saved.people": "{count} koordinator",
    "incident.saved.groups": "{count} grup",
    "incident.saved.and": " dan ",
    "incident.photo_kept_at_description": "📷 Foto disimpan ({count}). Sekarang tulis keterangan insiden sebagai teks (atau kirim foto dengan keterangan sebagai caption), atau /batal.",
    "incident.saved.description": "\n📝 {description}",
    "incident.choose_region": "🚨 <b>Lapor insiden</b>\nDi wilayah mana? Sekarang: <b>{region}</b>.",
    "incident.choose_type": "🚨 <b>Lapor insiden</b> — {region}\nJenis insiden apa?",
    "incident.choose_severity": "🚨 {region} · <b>{kind}</b>\nSeberapa parah?",
    "incident.ask.description": "🚨 {region} · <b>{kind}</b> · {severity}\nTulis apa yang terjadi (singkat dan jelas), atau /batal.",
    "incident.bad.description": "Tulis keterangan insiden sebagai teks (paling banyak 4.000 karakter), atau /batal.",
    "incident.summary": (
        "🚨 <b>Periksa laporan insiden</b>\n"
        "Wilayah: {region}\n"
        "Jenis: <b>{kind}</b> · Kelas: <b>{athg}</b>\n"
        "Keparahan: {emoji} <b>{severity}</b>\n"
        "Keterangan: {description}\n"
        "{details}"
        "Tekan <b>Kirim</b> untuk langsung meneruskan ke koordinator."
    ),
    "incident.summary.photos": "Foto: {count}\n",
    "incident.summary.location": "Lokasi: {latitude}, {longitude}\n",
    "incident.button.send": "🚨 Kirim",
    "incident.button.class": "Kelas: {athg}",
    "incident.replaced_draft": "Draf laporan insiden sebelumnya diganti dengan yang baru.",
    "incident.cancelled": "Laporan insiden dibatalkan. Tidak ada yang dikirim.",
    "incident.expired": "⌛ Draf laporan insiden Anda dihapus karena tidak ada aktivitas selama {minutes} menit. Tidak ada yang dikirim. Mulai lagi dengan /insiden.",
    "incident.outside_region": "❌ Wilayah {region} di luar wilayah Anda ({own}).",
    "incident.syntax": (
        "❌ Laporan insiden tidak bisa dibaca: {problem}\n\n"
        "Format: <code>/insiden [kode wilayah] keparahan jenis [kelas] keterangan</code>\n"
        "Contoh: <code>/insiden kritis bencana banjir, jembatan putus ke desa Wanggudu</code>\n"
        "Keparahan: kritis, tinggi, sedang, rendah.\n"
        "Jenis: {types}\n"
        "Atau ketik /insiden saja untuk memilih dengan tombol."
    ),
    "incident.syntax.severity": "keparahan belum ditulis atau tidak dikenal (<b>{detail}</b>)",
    "incident.syntax.type": "jenis insiden belum ditulis atau tidak dikenal (<b>{detail}</b>)",
    "incident.syntax.description": "keterangan insiden belum ditulis",
    "incident.syntax.too_long": "keterangan terlalu panjang ({detail} karakter; paling banyak 4.000)",
    "incident.photo_kept": "📷 Foto Anda tidak dibuang: sudah terlampir pada draf di bawah. Lengkapi laporan insiden dengan tombol, atau /batal.",
    "incident.guess": (
        "🤔 Maksud Anda <b>{guess}</b>?\n"
        "Jika ya, yang dikirim: {severity} · {kind} · {athg}\n📍 {region}\n📝 {description}\n"
        "Belum ada yang dikirim. Pilih salah satu tombol."
    ),
    "incident.location_offer": "📍 Lokasi diterima. Laporkan insiden di titik ini?",
    "incident.button.report_here": "🚨 Lapor insiden di sini",
    "open.header": "📂 <b>Insiden terbuka — {region}</b> ({count})",
    "open.none": "✅ Tidak ada insiden terbuka di {region}.",
    "open.line": "{emoji} <b>{reference}</b> {kind} — {place} · {status} · {age}",
    "age.minutes": "{n} menit",
    "age.hours": "{n} jam",
    "age.days": "{n} hari",
    # Groups
    # Support requests (permintaan dukungan)
    "cmd.dukungan": "Minta dukungan instansi lain (contoh: /dukungan tni 3 hari angkutan)",
    "support.usage": (
        "Tulis: <code>/dukungan &lt;instansi&gt; [kode wilayah] [tenggat] [urgensi] "
        "&lt;apa yang dibutuhkan&gt;</code>\n"
        "Contoh: <code>/dukungan tni 74.09.01.1005 10/2 segera angkutan logistik ke "
        "Wanggudu</code>\n"
        "Tenggat: tanggal (<code>10/2</code>, <code>2024-02-10</code>), jam hari ini "
        "(<code>17:00</code>) atau lama (<code>3 jam</code>, <code>2 hari</code>). "
        "Urgensi: darurat, segera, biasa.\n"
        "Instansi: kpu, bawaslu, pemda, tni, polri, bpbd, dishub, diskominfo, pln, dinkes."
    ),
    "cmd.rtl": "Rencana tindak lanjut: beberapa permintaan dukungan sekaligus",
    "support.rtl.usage": (
        "Tulis <code>/rtl</code> lalu satu permintaan per baris, misalnya:\n"
        "<code>/rtl\ntni 74.09.01.1005 10/2 angkutan logistik\npolri 74.09.02 3 hari "
        "pengamanan gudang</code>\nSetiap baris: instansi, [kode wilayah], [tenggat], "
        "[urgensi], apa yang dibutuhkan."
    ),
    "support.rtl.header": "📋 <b>Rencana tindak lanjut</b>: {count} baris dibaca",
    "support.rtl.line": "{number}. ✅ <b>{agency}</b> {region} — tenggat {deadline} ({urgency}): {need}",
    "support.rtl.wrong": "{number}. ❌ <i>{text}</i> — {problem}",
    "support.rtl.nothing": "\nTidak ada baris yang bisa disimpan.",
    "support.rtl.confirm": "\nSimpan {count} permintaan? Baris bertanda ❌ tidak ikut disimpan.",
    "support.rtl.save": "✅ Simpan",
    "support.rtl.saved": "✅ {count} permintaan dukungan disimpan dan dikirim: {references}",
    "support.rtl.waiting": "Tekan ✅ Simpan atau ✖️ Batal pada daftar di atas (atau /batal).",
    "support.rtl.expired": "Daftar tindak lanjut tidak disimpan dalam {minutes} menit; tidak ada yang dibuat.",
    "cmd.tindaklanjut": "Permintaan dukungan terbuka untuk Anda, instansi, dan wilayah Anda",
    "support.followups.none": "✅ Tidak ada permintaan dukungan terbuka di wilayah Anda.",
    "support.followups.header": "📌 <b>Tindak lanjut</b>: {count} permintaan terbuka (lewat tenggat lebih dulu)",
    "support.followups.mine": "<b>Untuk Anda</b> ({count})",
    "support.followups.agency": "<b>Untuk instansi Anda</b> ({count})",
    "support.followups.area": "<b>Di wilayah Anda</b> ({count})",
    "support.followups.line": "{emoji} {reference} {agency} — {place}: {need} (tenggat {deadline})",
    "support.followups.line_overdue": "⏰ {emoji} <b>{reference}</b> {agency} — {place}: {need} (<b>lewat tenggat</b> {deadline})",
    "support.ask.agency": "🤝 <b>Minta dukungan</b> — ke instansi mana?",
    "support.ask.need": "Apa yang dibutuhkan? Tulis singkat.",
    "support.ask.need_suggested": "\nUsulan dari laporan: <i>{need}</i>",
    "support.ask.use_suggestion": "✅ Pakai usulan ini",
    "support.ask.deadline": "Sampai kapan? Pilih, atau tulis (<code>10/2</code>, <code>17:00</code>, <code>3 jam</code>, <code>2 hari</code>).",
    "support.ask.deadline.3j": "3 jam",
    "support.ask.deadline.1h": "1 hari",
    "support.ask.deadline.3h": "3 hari",
    "support.ask.deadline_unclear": "❌ <b>{text}</b> bukan tenggat. Contoh: <code>10/2</code>, <code>17:00</code>, <code>3 jam</code>.",
    "support.ask.confirm": "Periksa permintaan:\nKepada: <b>{agency}</b>\nWilayah: {region}\nKebutuhan: {need}\nTenggat: {deadline} ({urgency})",
    "support.ask.send": "✅ Kirim",
    "support.ask.sent": "✅ Permintaan <b>{reference}</b> dikirim ke {handlers} koordinator ({target}).",
    "support.ask.use_buttons": "Pilih dengan tombol pada pesan di atas, atau /batal.",
    "support.ask.expired": "Permintaan dukungan tidak selesai dalam {minutes} menit; tidak ada yang dikirim.",
    "cmd.alihkan": "Alihkan permintaan dukungan ke instansi lain (admin)",
    "support.reassign.usage": "Tulis: <code>/alihkan D-0001 polri</code> (nomor permintaan dan instansi baru).",
    "support.reassign.refused": "❌ Hanya admin yang bisa mengalihkan permintaan dukungan.",
    "support.reassign.done": "✅ {reference} dialihkan ke <b>{agency}</b> ({region}).",
    "support.told.reassigned": "↪️ Permintaan <b>{reference}</b> dialihkan ke {agency} ({region}).",
    "support.event.reassigned": "↪️ dialihkan ke",
    "support.error.empty": "❌ Permintaan masih kosong.",
    "support.error.agency": "❌ Instansi <b>{word}</b> tidak dikenal.",
    "support.error.need": "❌ Apa yang dibutuhkan belum ditulis.",
    "support.error.too_long": "❌ Permintaan terlalu panjang (paling banyak 4000 huruf).",
    "support.error.deadline_past": "❌ Tenggat <b>{word}</b> sudah lewat.",
    "support.error.deadline_far": "❌ Tenggat <b>{word}</b> lebih dari setahun lagi.",
    "support.error.deadline_invalid": "❌ Tenggat <b>{word}</b> bukan tanggal atau jam yang ada.",
    "support.error.region_unknown": "❌ Wilayah <b>{region}</b> tidak ada di daftar wilayah.",
    "support.refused.not_registered": "Anda belum terdaftar di Posko Pemilu.",
    "support.refused.inactive": "Akses Anda sudah berakhir.",
    "support.refused.role": "Hanya koordinator instansi yang diminta yang bisa menindaklanjuti.",
    "support.refused.chat": "Ini hanya bisa dilakukan di chat pribadi dengan bot.",
    "support.refused.region": "❌ Permintaan itu di luar wilayah Anda.",
    "support.refused.agency": "Permintaan ini untuk instansi lain; Anda tidak bisa menindaklanjutinya.",
    "support.already_closed": "Permintaan {reference} sudah selesai.",
    "support.already_taken": "Sudah disanggupi oleh {who}.",
    "support.asked": (
        "✅ Permintaan dukungan <b>{reference}</b> tercatat dan dikirim ke {handlers} "
        "koordinator <b>{agency}</b> ({target}); {followers} koordinator Anda ikut "
        "memantau.\nTenggat: {deadline}. Anda diberi tahu setiap langkahnya."
    ),
    "support.asked_nobody": (
        "✅ Permintaan dukungan <b>{reference}</b> tercatat, tetapi belum ada koordinator "
        "<b>{agency}</b> yang terdaftar untuk wilayah ini; {followers} koordinator Anda "
        "ikut memantau.\nTenggat: {deadline}."
    ),
    "support.urgency.darurat": "Darurat",
    "support.urgency.segera": "Segera",
    "support.urgency.biasa": "Biasa",
    "support.status.open": "belum ada yang menyanggupi",
    "support.status.taken": "Disanggupi",
    "support.status.in_progress": "Dalam proses",
    "support.status.done": "Selesai",
    "support.status.cancelled": "Dibatalkan",
    "support.copy.header": "🤝 <b>PERMINTAAN DUKUNGAN {reference}</b> — {emoji} {urgency}",
    "support.copy.climbed": "⏫ <i>Diteruskan ke {region}</i>",
    "support.copy.to": "Kepada: <b>{agency}</b> — {target}",
    "support.copy.where": "Wilayah: <b>{region}</b> ({code})",
    "support.copy.need": "Kebutuhan: {need}",
    "support.copy.deadline": "Tenggat: {deadline}",
    "support.copy.deadline_passed": "⏰ Tenggat: {deadline} — <b>LEWAT TENGGAT</b>",
    "support.copy.linked": "Terkait: {links}",
    "support.copy.photos": "📷 {count} foto",
    "support.copy.location": "📍 {latitude}, {longitude}",
    "support.copy.asked": "Diminta oleh: {who}, {time}",
    "support.copy.status": "Status: {emoji} {status}",
    "support.copy.taken": "Status: {emoji} {status} oleh {who}, {time}",
    "support.copy.progress": "Status: {emoji} {status} ({who}): {note}",
    "support.copy.done": "Status: {emoji} {status} oleh {who}, {time}: {note}",
    "support.copy.photo_caption": "Foto permintaan {reference}",
    "support.done_photo_caption": "Foto penyelesaian {reference}",
    "support.button.take": "🤝 Sanggup",
    "support.button.progress": "🛠 Dalam proses",
    "support.button.done": "✔️ Selesai",
    "support.button.decline": "✖️ Tidak bisa",
    "support.button.ask": "🤝 Minta dukungan",
    "support.button.ask_for": "🤝 Minta dukungan: {aspect}",
    "support.taken_toast": "Anda menyanggupi permintaan ini.",
    "support.ask_note.progress": "🛠 Tulis catatan kemajuan untuk <b>{reference}</b>:",
    "support.ask_note.done": (
        "✔️ Tulis catatan penyelesaian untuk <b>{reference}</b> (boleh dengan foto, "
        "catatannya sebagai keterangan foto):"
    ),
    "support.ask_note.decline": (
        "✖️ Tulis alasan tidak bisa untuk <b>{reference}</b> (permintaan diteruskan satu "
        "tingkat ke atas):"
    ),
    "support.note_expired": "Catatan untuk permintaan dukungan tidak ditulis dalam {minutes} menit; tidak ada yang diubah.",
    "support.noted.progress": "✅ Kemajuan {reference} dicatat; peminta diberi tahu.",
    "support.noted.done": "✅ {reference} ditutup sebagai selesai; peminta diberi tahu.",
    "support.noted.declined": "✅ {reference} diteruskan ke {region}.",
    "support.noted.declined_top": "✅ Dicatat. Tidak ada tingkat di atas untuk {reference}.",
    "support.told.taken": "🤝 Permintaan <b>{reference}</b> disanggupi oleh {who}.",
    "support.told.progress": "🛠 <b>{reference}</b> dalam proses ({who}): {note}",
    "support.told.done": "✔️ <b>{reference}</b> selesai ({who}): {note}",
    "support.told.declined": (
        "✖️ {who} tidak bisa menangani <b>{reference}</b>: {reason}\nDiteruskan ke {region}."
    ),
    "support.told.declined_top": (
        "✖️ {who} tidak bisa menangani <b>{reference}</b>: {reason}\nTidak ada tingkat di "
        "atasnya lagi."
    ),
    "support.told.climbed": "⏫ <b>{reference}</b> belum disanggupi; diteruskan ke {region}.",
    "support.overdue.notice": (
        "⏰ Permintaan <b>{reference}</b> ({agency}, {region}) <b>lewat tenggat</b> "
        "({deadline}) dan belum selesai: {need}"
    ),
    "support.event.requested": "📝 diminta",
    "support.event.routed": "📨 dikirim",
    "support.event.taken": "🤝 disanggupi",
    "support.event.in_progress": "🛠 dalam proses",
    "support.event.done": "✔️ selesai",
    "support.event.declined": "✖️ tidak bisa",
    "support.event.climbed": "⏫ diteruskan ke",
    "support.event.overdue": "⏰ lewat tenggat, diberitahukan",
    "support.history.header": "🕘 <b>Riwayat</b>",
    "support.history.line": "• {time} — {what}{who}{detail}",
    "support.history.not_found": (
        "❌ Permintaan dukungan <b>{reference}</b> tidak ditemukan di wilayah Anda."
    ),
    "group_only": "Perintah ini dipakai di grup yang ingin berlangganan.",
    "subscription.not_admin": "❌ Hanya admin grup ini yang juga koordinator atau admin Posko yang bisa mengatur langganan.",
    "subscription.bad_time": "❌ Jam <b>{value}</b> tidak valid. Pakai format JJ:MM, misalnya 07:00.",
    "subscription.outside_region": "❌ {region} di luar wilayah Anda ({own}). Grup hanya bisa berlangganan untuk wilayah Anda atau wilayah di bawahnya.",
    "subscription.done": (
        "✅ Grup ini berlangganan untuk <b>{region}</b>:\n"
        "• ringkasan harian pukul <b>{time}</b> {zone}\n"
        "• peringatan insiden: <b>{alerts}</b>\n"
        "Ubah dengan /langganan lagi; hentikan dengan /berhenti."
    ),
    "subscription.alerts_on": "ya",
    "subscription.alerts_off": "tidak (tambahkan kata <i>insiden</i> untuk menyalakan)",
    "subscription.stopped": "Langganan grup ini dihentikan.",
    "subscription.stop_group_only": "Jalankan /berhenti di grup yang langganannya ingin dihentikan.",
    "subscription.none": "Grup ini tidak berlangganan apa pun.",
    "subscription.paused": "⚠️ Langganan grup <b>{title}</b> dijeda: bot tidak bisa mengirim ke grup itu (dikeluarkan atau diblokir). Tambahkan bot lagi ke grup itu: langganannya dipulihkan seperti semula.",
    "unreachable.person": "⚠️ Pesan Posko tidak sampai ke {who} ({region}): bot diblokir atau akunnya tidak bisa dihubungi. Hubungi dia lewat jalur lain.",
    # Digests, elections, reminders
    "cmd.ringkasan": "Ringkasan harian wilayah (hitung mundur, kesiapan, insiden)",
    "cmd.acara": "Kelola pemilu/pilkada yang dihitung mundur (admin)",
    "cmd.ingatkan": "Ingatkan petugas yang belum melapor hari ini",
    "digest.header": "📢 <b>Ringkasan Posko Pemilu — {region}</b>",
    "digest.date": "{date} · per {time}",
    "digest.countdown.before": "⏳ <b>{label}</b> menuju pemungutan suara <b>{name}</b> ({date})",
    "digest.countdown.after": "🗳 <b>{label}</b> <b>{name}</b> ({date})",
    "digest.no_elections": "Belum ada pemilu yang dicatat (admin: /acara).",
    "digest.matrix.header": "<b>Kesiapan</b> — aspek: {legend}",
    "digest.matrix.own": "<b>Seluruh wilayah</b>: {cells}",
    "digest.matrix.row": "{emoji} {name}: {cells}",
    "digest.matrix.legend": "✅ siap · 🟡 sebagian · 🔴 belum siap · ⬜ belum ada laporan",
    "digest.matrix.support": " · 🤝 {numbers}",
    "digest.matrix.support_legend": "🤝 n: ada permintaan dukungan terbuka untuk aspek n",
    "digest.silent": "🔕 <b>Belum melapor 24 jam terakhir</b> ({count}): {names}",
    "digest.silent_none": "🔔 Semua wilayah melapor dalam 24 jam terakhir.",
    "digest.incidents_today": "🚨 <b>Insiden 24 jam terakhir</b>: {count}",
    "digest.open": "📂 <b>Insiden terbuka</b>: {count}",
    "digest.incident": "{emoji} {reference} {kind} — {place} · {status} · {time}",
    "digest.changes": "🔄 <b>Berubah sejak kemarin</b> ({count}):",
    "digest.change": "• {area} · {aspect}: {before} → {after}",
    "digest.changes_none": "🔄 Tidak ada perubahan kesiapan sejak kemarin.",
    "digest.support.header": "🤝 <b>Permintaan dukungan terbuka: {count}</b>",
    "digest.support.none": "Tidak ada permintaan dukungan terbuka atau selesai sejak kemarin.",
    "digest.support.agency": "• {agency}: {open} terbuka, {overdue} lewat tenggat, {done} selesai sejak kemarin",
    "digest.support.overdue": "   ⏰ {reference} {place}: {need} (tenggat {deadline})",
    "digest.nothing_subscribed": "Grup ini belum berlangganan; ringkasan dibuat untuk wilayah Anda.",
    "digest.outside_region": "❌ {region} di luar wilayah Anda ({own}). /ringkasan hanya untuk wilayah Anda dan wilayah di bawahnya.",
    "election.list_header": "🗳 <b>Pemilu yang dihitung mundur</b>",
    "election.line": "#{id} <b>{name}</b> ({kind}) — {date} · {label} · {scope}",
    "election.none": "Belum ada pemilu yang dicatat.",
    "election.usage": (
        "Pemakaian:\n"
        "<code>/acara</code> — daftar\n"
        "<code>/acara tambah JENIS YYYY-MM-DD [kode wilayah] NAMA</code>\n"
        "  contoh: <code>/acara tambah Pilkada 2024-11-27 74.09 Pilkada Konawe Utara 2024</code>\n"
        "<code>/acara hapus NOMOR</code>"
    ),
    "election.added": "✅ Dicatat: <b>{name}</b> ({kind}), pemungutan suara {date}, wilayah {scope}.",
    "election.removed": "🗑 Pemilu #{id} tidak lagi dihitung mundur.",
    "election.not_found": "Pemilu #{id} tidak ditemukan.",
    "election.bad_date": "Tanggal <b>{value}</b> tidak valid; pakai YYYY-MM-DD, misalnya 2024-02-14.",
    "election.admin_only": "Hanya admin yang bisa mengelola daftar pemilu.",
    "election.outside_region": "❌ {region} di luar wilayah Anda ({own}). Anda hanya bisa mencatat pemilu untuk wilayah Anda atau wilayah di bawahnya.",
    "election.scope_all": "seluruh Indonesia",
    "reminder.text": "⏰ Hari ini belum ada laporan kesiapan untuk <b>{region}</b>. Mohon laporkan dengan /lapor, atau tekan tombol di bawah.",
    "reminder.button": "📋 Lapor sekarang",
    "reminder.sent": (
        "⏰ <b>{region}</b>: {missing} dari {officers} petugas belum melapor hari ini.\n"
        "• diingatkan sekarang: <b>{sent}</b>\n"
        "• sudah diingatkan sebelumnya hari ini: <b>{already}</b> (tidak diingatkan dua kali)"
    ),
    "reminder.none": "✅ Semua {officers} petugas di {region} sudah melapor hari ini; tidak ada yang perlu diingatkan.",
    "reminder.no_officers": "Belum ada petugas terdaftar di {region}; tidak ada yang bisa diingatkan. Undang petugas dengan /undang.",
    "reminder.not_allowed": "Hanya koordinator dan admin yang bisa mengirim pengingat.",
    "subscription.bot_removed": "⚠️ Bot dikeluarkan dari grup <b>{title}</b>; langganannya dijeda. Tambahkan bot lagi ke grup itu: langganannya dipulihkan seperti semula.",
    # Data care
    "subscription.restored": (
        "♻️ Bot kembali di grup ini. Langganan dipulihkan untuk <b>{region}</b>: ringkasan "
        "<b>{time} {zone}</b>, peringatan insiden <b>{alerts}</b>. Ubah dengan /langganan; "
        "hentikan dengan /berhenti."
    ),
    "subscription.restored.alerts_on": "aktif",
    "subscription.restored.alerts_off": "tidak aktif",
    "cmd.dataku": "Data Anda yang disimpan Posko",
    "cmd.keluar": "Keluar dari Posko (nama Anda dihapus)",
    "cmd.nonaktifkan": "Nonaktifkan seseorang (admin)",
    "cmd.undangan": "Siapa mengundang siapa (admin)",
    "mydata": (
        "🔐 <b>Data Anda di Posko Pemilu</b>\n"
        "ID Telegram: <code>{telegram_id}</code>\n"
        "Nama: {name} · Username: {username}\n"
        "Peran: {role} · Wilayah: {region} ({code})\n"
        "Bahasa: {language} · Terdaftar: {since}{invited_by}\n\n"
        "Laporan kesiapan: {reports} (dengan lokasi: {reports_located}, dengan foto: {reports_photos})\n"
        "Insiden yang Anda laporkan: {incidents} (dengan lokasi: {incidents_located})\n"
        "Undangan yang Anda buat: {invites}\n\n"
        "Lokasi hanya disimpan bila Anda sendiri mengirimkannya. Isi pesan Anda disimpan "
        "paling lama {days} hari untuk pemrosesan, lalu dihapus; laporan dan insiden tetap "
        "tersimpan sebagai data pemilu.\n"
        "Untuk keluar dan menghapus nama Anda: /keluar"
    ),
    "leave.confirm": (
        "Keluar dari Posko Pemilu? Nama dan username Anda dihapus, akses Anda berakhir, dan "
        "undangan yang belum dipakai dibatalkan. Laporan dan insiden Anda tetap tersimpan, "
        "tercatat atas peran dan wilayah Anda (tanpa nama)."
    ),
    "leave.yes": "Ya, keluar",
    "leave.done": "👋 Anda telah keluar. Nama Anda sudah dihapus. Terima kasih atas laporan-laporan Anda.",
    "leave.cancelled": "Anda tidak jadi keluar; akses Anda tetap seperti sebelumnya.",
    "deactivate.usage": "Pemakaian: <code>/nonaktifkan ID_TELEGRAM</code> (lihat /undangan untuk ID).",
    "deactivate.not_found": "Tidak ada orang aktif dengan ID {id} di wilayah Anda.",
    "deactivate.self": "Anda tidak bisa menonaktifkan diri sendiri; pakai /keluar.",
    "deactivate.done": "⛔ {who} dinonaktifkan sekarang. Undangan yang dibuatnya dan belum dipakai: {invites} dibatalkan.",
    "deactivate.admin_only": "Hanya admin yang bisa menonaktifkan orang.",
    "invites.header": "👥 <b>Siapa mengundang siapa — {region}</b>",
    "invites.line": "{status} <code>{telegram_id}</code> {name} ({role}, {region}) ← {inviter} · {since}",
    "invites.by_setting": "pengaturan bot (operator)",
    "invites.by_shell": "operator (baris perintah)",
    "invites.removed_name": "(nama dihapus)",
    "invites.admin_only": "Hanya admin yang bisa melihat siapa mengundang siapa (/undangan).",
    # Exports
    "export.col.reference": "Referensi",
    "export.col.time": "Waktu",
    "export.col.region_code": "Kode wilayah",
    "export.col.region": "Wilayah",
    "export.col.aspect": "Aspek",
    "export.col.state": "Status",
    "export.col.percent": "Persen",
    "export.col.note": "Catatan",
    "export.col.latitude": "Lintang",
    "export.col.longitude": "Bujur",
    "export.col.photos": "Jumlah foto",
    "export.col.reporter_role": "Peran pelapor",
    "export.col.reporter": "Pelapor",
    "export.col.report_status": "Status laporan",
    "export.col.corrects": "Meralat",
    "export.col.last_report": "Laporan terakhir",
    "export.col.athg": "Kelas ATHG",
    "export.col.kind": "Jenis",
    "export.col.severity": "Keparahan",
    "export.col.description": "Keterangan",
    "export.col.incident_status": "Status insiden",
    "export.col.acknowledged_by": "Diterima oleh",
    "export.col.acknowledged_at": "Diterima pada",
    "export.col.closed_by": "Ditutup oleh",
    "export.col.closed_at": "Ditutup pada",
    "export.col.closing_note": "Catatan penutup",
    "export.col.event": "Kejadian",
    "export.col.actor": "Oleh",
    "export.col.detail": "Rincian",
    "export.col.agency": "Instansi",
    "export.col.need": "Kebutuhan",
    "export.col.urgency": "Urgensi",
    "export.col.deadline": "Tenggat",
    "export.col.support_status": "Status permintaan",
    "export.col.requester": "Peminta",
    "export.col.requester_agency": "Instansi peminta",
    "export.col.taken_by": "Disanggupi oleh",
    "export.col.linked": "Terkait",
    "export.col.zoned": "{name} ({zone})",
    "export.sheet.reports": "Laporan",
    "export.sheet.readiness": "Kesiapan",
    "export.sheet.incidents": "Insiden",
    "export.sheet.timeline": "Riwayat insiden",
    "export.sheet.support": "Dukungan",
    "export.sheet.support_timeline": "Riwayat dukungan",
    "export.report_status.active": "aktif",
    "export.report_status.corrected": "diralat",
    "export.report_status.withdrawn": "ditarik",
    "export.event.reported": "dilaporkan",
    "export.event.alerted": "peringatan dikirim",
    "export.event.acknowledged": "diterima",
    "export.event.in_progress": "ditangani",
    "export.event.resolved": "selesai",
    "export.event.dismissed": "ditolak",
    "export.event.escalated": "eskalasi",
    "cmd.ekspor": "Ekspor laporan, kesiapan, dan insiden (XLSX/CSV)",
    "export.preparing": "⏳ Menyiapkan ekspor {format}{separator} untuk {region}, {since} s.d. {until}…",
    "export.caption": "Ekspor Posko Pemilu — {region}, {since} s.d. {until}",
    "export.failed": "⚠️ Ekspor gagal dibuat. Coba lagi, atau persempit rentang tanggal.",
    "export.not_allowed": "Hanya koordinator dan admin yang bisa mengekspor data.",
    "export.usage": (
        "Pemakaian: <code>/ekspor [xlsx|csv] [koma|titikkoma] [DARI [SAMPAI]] [kode wilayah]</code>, "
        "tanggal YYYY-MM-DD. Contoh: <code>/ekspor xlsx 2024-01-01 2024-02-14 74.09.01</code>. "
        "Tanpa tanggal: 30 hari terakhir.\n"
        "CSV memakai titik koma (;), seperti yang diharapkan Excel berbahasa Indonesia; tulis "
        "<code>/ekspor csv koma</code> untuk koma (,)."
    ),
    "export.separated.semicolon": " (dipisah titik koma ;)",
    "export.separated.comma": " (dipisah koma ,)",
    "export.bad": "❌ Ekspor tidak bisa dibuat: {problem}.\n\n{usage}",
    "export.problem.word": "kata <b>{word}</b> tidak dimengerti",
    "export.problem.bad_date": "tanggal <b>{word}</b> tidak ada",
    "export.problem.date_format": "tanggal <b>{word}</b> harus ditulis YYYY-MM-DD, misalnya 2024-02-14",
    "export.problem.too_many_dates": "paling banyak dua tanggal (dari dan sampai)",
    "export.problem.reversed": "tanggal akhir ({until}) sebelum tanggal awal ({since})",
    "export.problem.outside": "wilayah <b>{region}</b> ({word}) di luar wilayah Anda ({own})",
    "export.problem.unknown_region": "kode wilayah <b>{word}</b> tidak dikenal",
    "export.problem.separator_xlsx": "koma atau titik koma hanya untuk CSV, bukan XLSX",
    "export.problem.two_formats": "pilih satu format saja, xlsx atau csv (<b>{word}</b> yang kedua)",
    "export.problem.two_separators": "pilih koma atau titik koma, bukan keduanya",
    "export.problem.two_regions": "tulis satu kode wilayah saja (<b>{word}</b> yang kedua)",
    "cmd.paparan": "Paparan Rakor: PDF kesiapan wilayah untuk rapat koordinasi",
    "briefing.preparing": "⏳ Paparan Rakor untuk {region}, {date} sedang disusun… File PDF dikirim ke sini begitu selesai.",
    "briefing.caption": "Paparan Rakor Posko Pemilu — {region}, {date}",
    "briefing.failed": "⚠️ Paparan gagal disusun. Coba lagi sebentar lagi.",
    "briefing.not_allowed": "Hanya koordinator dan admin yang bisa menyusun paparan Rakor.",
    "briefing.usage": (
        "Pemakaian: <code>/paparan [kode wilayah] [sejak TANGGAL]</code>, tanggal YYYY-MM-DD. "
        "Contoh: <code>/paparan 74.09 sejak 2024-01-31</code>. Tanpa tanggal: perubahan sejak seminggu lalu."
    ),
    "briefing.bad": "❌ Paparan tidak bisa disusun: {problem}.\n\n{usage}",
    "briefing.problem.word": "kata <b>{word}</b> tidak dimengerti",
    "briefing.problem.bad_date": "tanggal <b>{word}</b> tidak ada",
    "briefing.problem.date_format": "tanggal <b>{word}</b> harus ditulis YYYY-MM-DD, misalnya 2024-01-31",
    "briefing.problem.since_needs_date": "setelah <b>sejak</b> tulis tanggal YYYY-MM-DD (bukan <b>{word}</b>)",
    "briefing.problem.date_without_since": "tulis <b>sejak</b> sebelum tanggal <b>{word}</b>",
    "briefing.problem.two_dates": "tulis <b>sejak</b> satu kali saja",
    "briefing.problem.since_not_before": "tanggal sejak ({word}) harus sebelum hari ini",
    "briefing.problem.outside": "wilayah <b>{region}</b> ({word}) di luar wilayah Anda ({own})",
    "briefing.problem.unknown_region": "kode wilayah <b>{word}</b> tidak dikenal",
    "briefing.problem.two_regions": "tulis satu kode wilayah saja (<b>{word}</b> yang kedua)",
    "briefing.cli_producer": "baris perintah (operator)",
    "briefing.pdf.title": "Paparan Rakor — {region}",
    "briefing.pdf.kicker": "PAPARAN RAPAT KOORDINASI · KESIAPAN PEMILU",
    "briefing.pdf.running_head": "Paparan Rakor — {region} · {date}",
    "briefing.pdf.footer_left": "Posko Pemilu",
    "briefing.pdf.page": "Halaman {page} dari {pages}",
    "briefing.pdf.no_elections": "Belum ada pemilu yang dicatat untuk wilayah ini.",
    "briefing.pdf.countdown.before": "menuju pemungutan suara {name}, {date}",
    "briefing.pdf.countdown.after": "setelah pemungutan suara {name}, {date}",
    "briefing.pdf.headline.ready": "aspek siap (wilayah × aspek)",
    "briefing.pdf.headline.silent": "wilayah belum melapor 24 jam",
    "briefing.pdf.headline.incidents": "insiden terbuka",
    "briefing.pdf.headline.overdue": "permintaan dukungan lewat tenggat",
    "briefing.pdf.produced_by": "Disusun untuk: {who}, oleh Posko Pemilu",
    "briefing.pdf.data_time": "Data per {time}",
    "briefing.pdf.since": "Perubahan dihitung sejak {date}",
    "briefing.pdf.summary": "Ringkasan",
    "briefing.pdf.areas_ready": "Wilayah siap di semua aspek: {ready} dari {total} ({percent}%)",
    "briefing.pdf.cells_ready": "Aspek siap (wilayah × aspek): {ready} dari {total} ({percent}%)",
    "briefing.pdf.silent": "Belum melapor 24 jam terakhir ({count})",
    "briefing.pdf.silent_none": "Semua wilayah melapor dalam 24 jam terakhir.",
    "briefing.pdf.open_by_severity": "Insiden terbuka menurut tingkat",
    "briefing.pdf.changes": "Tiga perubahan terbesar sejak {date}",
    "briefing.pdf.changes_none": "Tidak ada perubahan kesiapan dalam periode ini.",
    "briefing.pdf.change_up": "{area}: naik dari {before} ke {after} dari {total} aspek siap",
    "briefing.pdf.change_down": "{area}: turun dari {before} ke {after} dari {total} aspek siap",
    "briefing.pdf.state.ready": "Siap",
    "briefing.pdf.state.partial": "Sebagian",
    "briefing.pdf.state.not_ready": "Belum siap",
    "briefing.pdf.state.none": "Belum lapor",
    "briefing.pdf.map": "Peta kesiapan",
    "briefing.pdf.map_note": "Warna wilayah: bagian laporan desa × aspek yang siap (keadaan terakhir tiap desa dan aspek). Segitiga: insiden terbuka (di titik lokasinya, atau di tengah desanya).",
    "briefing.pdf.map.all": "Semua yang dilaporkan siap",
    "briefing.pdf.map.class": "{low}–{high}% siap",
    "briefing.pdf.matrix": "Matriks kesiapan",
    "briefing.pdf.matrix_note": "Tiap sel menunjukkan keadaan terburuk di wilayah itu untuk aspek itu; wilayah terburuk di atas.",
    "briefing.pdf.no_areas": "Wilayah ini tidak punya wilayah di bawahnya.",
    "briefing.pdf.chart_axis": "% sel matriks siap",
    "briefing.pdf.timeline": "Kesiapan dari waktu ke waktu ({since} s.d. {until})",
    "briefing.pdf.incidents": "Insiden",
    "briefing.pdf.incidents_open": "Terbuka ({count})",
    "briefing.pdf.incidents_resolved": "Ditutup sejak {since} ({count})",
    "briefing.pdf.incidents_none": "Tidak ada.",
    "briefing.pdf.col.area": "Wilayah",
    "briefing.pdf.col.severity": "Tingkat",
    "briefing.pdf.col.count": "Jumlah",
    "briefing.pdf.col.reference": "No.",
    "briefing.pdf.col.kind": "Jenis",
    "briefing.pdf.col.place": "Lokasi",
    "briefing.pdf.col.status": "Status",
    "briefing.pdf.col.reported": "Dilaporkan",
    "briefing.pdf.col.closed": "Ditutup",
    "briefing.pdf.col.description": "Keterangan",
    "briefing.pdf.support_by_agency": "Permintaan dukungan per instansi",
    "briefing.pdf.support_none": "Tidak ada permintaan dukungan terbuka atau selesai dalam periode ini.",
    "briefing.pdf.support": "Permintaan dukungan",
    "briefing.pdf.support_open": "Terbuka ({count}), lewat tenggat lebih dulu",
    "briefing.pdf.support_done": "Selesai sejak {since} ({count})",
    "briefing.pdf.overdue": "lewat tenggat",
    "briefing.pdf.support_status.open": "Belum diambil",
    "briefing.pdf.support_status.taken": "Sanggup",
    "briefing.pdf.support_status.in_progress": "Dalam proses",
    "briefing.pdf.support_status.done": "Selesai",
    "briefing.pdf.support_status.cancelled": "Dibatalkan",
    "briefing.pdf.urgency.darurat": "Darurat",
    "briefing.pdf.urgency.segera": "Segera",
    "briefing.pdf.urgency.biasa": "Biasa",
    "briefing.pdf.col.agency": "Instansi",
    "briefing.pdf.col.open": "Terbuka",
    "briefing.pdf.col.overdue": "Lewat tenggat",
    "briefing.pdf.col.done": "Selesai",
    "briefing.pdf.col.urgency": "Urgensi",
    "briefing.pdf.col.deadline": "Tenggat",
    "briefing.pdf.col.need": "Kebutuhan",
    "briefing.pdf.appendix": "Lampiran: cara menghitung",
    "briefing.pdf.method.1": "Semua angka adalah keadaan data per {time}; waktu ditulis dalam {zone}.",
    "briefing.pdf.method.2": "Keadaan satu desa/kelurahan untuk satu aspek adalah laporan terakhirnya yang tidak ditarik; sel matriks adalah keadaan terburuk di wilayah itu (belum siap, lalu sebagian, lalu siap; belum lapor bila tak ada laporan).",
    "briefing.pdf.method.3": "Wilayah siap berarti semua aspeknya siap. Aspek siap dihitung dari sel matriks (wilayah × aspek).",
    "briefing.pdf.method.4": "Belum melapor: wilayah tanpa laporan apa pun dalam 24 jam sebelum waktu data. Perubahan dan grafik dibandingkan dengan keadaan pada awal {since} dan akhir tiap hari.",
    "briefing.pdf.method.5": "Insiden terbuka: baru, diterima, atau sedang ditangani, urut menurut tingkat. Keterangan ditulis apa adanya seperti dilaporkan petugas. Status insiden dan permintaan dukungan adalah status terakhirnya saat paparan disusun.",
    "language.group_set": "✅ Bahasa grup ini: <b>Bahasa Indonesia</b> (ringkasan, peringatan, dan balasan di grup).",
    "language.group_unsubscribed": "Grup ini belum berlangganan. Jalankan /langganan dulu, lalu /bahasa.",
    "language.group_not_admin": "❌ Hanya admin grup ini yang juga koordinator atau admin Posko yang bisa mengganti bahasa grup. Untuk bahasa Anda sendiri, kirim /bahasa di chat pribadi dengan bot.",
    "cmd.riwayat": "Riwayat lengkap satu insiden (contoh: /riwayat I-0001)",
    "history.usage": "Tulis nomor insiden di wilayah Anda, misalnya <code>/riwayat I-0001</code>.",
    "history.header": "🕘 <b>Riwayat</b>",
    "history.line": "• {time} — {event} ({who}){detail}",
    "history.line_system": "• {time} — {event}{detail}",
    "history.escalated": "⏫ eskalasi ke {region}{count}",
    "history.escalated_count": " ({count} koordinator)",
    "history.alerted": "🔔 peringatan dikirim ke {count} penerima",
    "history.removed_name": "nama dihapus",
    "history.missing": "❌ Nomor insiden belum ditulis.",
    "history.not_reference": "❌ <b>{text}</b> bukan nomor insiden (bentuknya I-0001).",
    "history.not_found": "❌ Insiden <b>{reference}</b> tidak ditemukan di wilayah Anda.",
    "digest.chart_title": "Kesiapan per wilayah — {region}",
    "digest.chart_axis": "jumlah aspek",
    "forwarded": "Pesan terusan tidak diproses sebagai perintah. Ketik sendiri perintahnya, misalnya /lapor.",
}
