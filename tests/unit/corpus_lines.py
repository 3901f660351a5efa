"""One-line reports and incidents as officers write them, with what must happen to each.

R: a report stored (aspect, state, percent, note, region); I: an incident stored (severity,
kind, description, class when written, region); ASK: a "Maksud Anda …?" question whose
first option is the reading given; NO: refused, with the catalog key saying why ("outside"
for a region outside the officer's area). The officer is bound to 74.09.01 (Asera).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class R:
    aspect: str
    state: str
    progress: int | None = None
    note: str | None = None
    region: str | None = None


@dataclass(frozen=True)
class I:  # noqa: E742
    severity: str
    kind: str
    description: str
    athg: str | None = None  # None: the kind's usual class
    region: str | None = None


@dataclass(frozen=True)
class ASK:
    first: R | I


@dataclass(frozen=True)
class NO:
    key: str


OFFICER_REGION = "74.09.01"

CORPUS: list[tuple[str, R | I | ASK | NO]] = [
    # -- reports: the names as the buttons show them -----------------------------------------
    ("/lapor tata kelola siap", R("tata_kelola", "ready")),
    ("/lapor distribusi logistik sebagian 60%", R("distribusi", "partial", 60)),
    ("/lapor keamanan & ketertiban siap", R("keamanan", "ready")),
    ("/lapor Keamanan & Ketertiban: Siap", R("keamanan", "ready")),
    (
        "/lapor kesiapan petugas sebagian 75% bimtek KPPS tinggal 2 desa",
        R("petugas", "partial", 75, "bimtek KPPS tinggal 2 desa"),
    ),
    ("/lapor ketersediaan logistik siap 100%", R("logistik", "ready", 100)),
    (
        "/lapor sistem & teknologi belum siap jaringan internet putus",
        R("sistem", "not_ready", None, "jaringan internet putus"),
    ),
    ("/lapor anggaran siap", R("anggaran", "ready")),
    ("/lapor data kependudukan sebagian 80%", R("data_penduduk", "partial", 80)),
    ("/lapor regulasi siap", R("regulasi", "ready")),
    ("/lapor penanganan sengketa siap", R("sengketa", "ready")),
    ("/lapor Distribusi Logistik: Sebagian, 60%", R("distribusi", "partial", 60)),
    ("/lapor keamanan dan ketertiban sebagian 70%", R("keamanan", "partial", 70)),
    ("/lapor sistem dan teknologi siap", R("sistem", "ready")),
    ("/lapor KEAMANAN BELUM SIAP", R("keamanan", "not_ready")),
    ("/lapor tata kelola siap sebagian", R("tata_kelola", "partial")),
    ("/lapor tatakelola siap", R("tata_kelola", "ready")),
    (
        "/lapor tata kelola: sebagian — SK pokja belum terbit",
        R("tata_kelola", "partial", None, "SK pokja belum terbit"),
    ),
    # -- reports: the words of government, police and election speech ------------------------
    (
        "/lapor DPT sebagian coklit belum selesai di 3 desa",
        R("data_penduduk", "partial", None, "coklit belum selesai di 3 desa"),
    ),
    ("/lapor logistik pemilu siap", R("logistik", "ready")),
    ("/lapor kamtibmas aman terkendali", R("keamanan", "ready")),
    ("/lapor linmas siap 100%", R("keamanan", "ready", 100)),
    (
        "/lapor KPPS blm siap pelantikan diundur",
        R("petugas", "not_ready", None, "pelantikan diundur"),
    ),
    ("/lapor PPS siap", R("petugas", "ready")),
    ("/lapor ppk sebagian", R("petugas", "partial")),
    ("/lapor KPPS/PPS/PPK siap", R("petugas", "ready")),
    (
        "/lapor SIREKAP belum siap server sering down",
        R("sistem", "not_ready", None, "server sering down"),
    ),
    ("/lapor sidalih siap", R("sistem", "ready")),
    (
        "/lapor APBD sebagian 50% pencairan tahap 2",
        R("anggaran", "partial", 50, "pencairan tahap 2"),
    ),
    ("/lapor NPHD siap sudah ditandatangani", R("anggaran", "ready", None, "sudah ditandatangani")),
    ("/lapor hibah belum cair", R("anggaran", "not_ready", None, "cair")),
    ("/lapor PKPU siap", R("regulasi", "ready")),
    (
        "/lapor juknis sebagian juknis KPPS belum turun",
        R("regulasi", "partial", None, "juknis KPPS belum turun"),
    ),
    ("/lapor sengketa siap", R("sengketa", "ready")),
    ("/lapor gugatan belum siap", R("sengketa", "not_ready")),
    ("/lapor PHPU sebagian", R("sengketa", "partial")),
    ("/lapor gakkumdu siap", R("sengketa", "ready")),
    ("/lapor sengketa pemilu siap", R("sengketa", "ready")),
    ("/lapor rakor siap", R("tata_kelola", "ready")),
    ("/lapor desk pemilu sebagian", R("tata_kelola", "partial")),
    (
        "/lapor koordinasi belum siap rapat belum terjadwal",
        R("tata_kelola", "not_ready", None, "rapat belum terjadwal"),
    ),
    (
        "/lapor surat suara sebagian 70% kekurangan 200 lembar",
        R("logistik", "partial", 70, "kekurangan 200 lembar"),
    ),
    ("/lapor kotak suara siap", R("logistik", "ready")),
    (
        "/lapor pengiriman logistik sebagian 60% 2 desa terisolir",
        R("distribusi", "partial", 60, "2 desa terisolir"),
    ),
    ("/lapor jaringan tidak siap sinyal lemah", R("sistem", "not_ready", None, "sinyal lemah")),
    ("/lapor keamanan kondusif", R("keamanan", "ready")),
    (
        "/lapor keamanan rawan konflik antar pendukung",
        R("keamanan", "not_ready", None, "konflik antar pendukung"),
    ),
    ("/lapor pengamanan TPS siap", R("keamanan", "ready")),
    ("/lapor polri siap", R("keamanan", "ready")),
    ("/lapor dana belum ada", R("anggaran", "not_ready")),
    (
        "/lapor data pemilih sebagian DPTb masih dimutakhirkan",
        R("data_penduduk", "partial", None, "DPTb masih dimutakhirkan"),
    ),
    ("/lapor daftar pemilih tetap siap", R("data_penduduk", "ready")),
    ("/lapor coklit sebagian 90%", R("data_penduduk", "partial", 90)),
    (
        "/lapor ktp-el sebagian banyak warga belum rekam",
        R("data_penduduk", "partial", None, "banyak warga belum rekam"),
    ),
    (
        "/lapor data penduduk belum siap DP4 belum diterima",
        R("data_penduduk", "not_ready", None, "DP4 belum diterima"),
    ),
    ("/lapor aturan siap", R("regulasi", "ready")),
    (
        "/lapor perbup belum siap masih di bagian hukum",
        R("regulasi", "not_ready", None, "masih di bagian hukum"),
    ),
    ("/lapor sdm sebagian", R("petugas", "partial")),
    ("/lapor personil siap", R("petugas", "ready")),
    ("/lapor pantarlih siap", R("petugas", "ready")),
    ("/lapor bimtek sebagian 70%", R("petugas", "partial", 70)),
    ("/lapor distribusi kirim sebagian", R("distribusi", "partial")),
    # -- reports: the spellings of every day ------------------------------------------------
    ("/lapor keamanan blm siap", R("keamanan", "not_ready")),
    ("/lapor keamanan tdk siap", R("keamanan", "not_ready")),
    ("/lapor keamanan ga siap", R("keamanan", "not_ready")),
    ("/lapor logistik belom siap", R("logistik", "not_ready")),
    ("/lapor logistik sudah siap", R("logistik", "ready")),
    ("/lapor distribusi belum-siap", R("distribusi", "not_ready")),
    ("/lapor regulasi belumsiap", R("regulasi", "not_ready")),
    ("/lapor petugas semua siap", R("petugas", "ready")),
    ("/lapor petugas siap semua", R("petugas", "ready", None, "semua")),
    ("/lapor distribusi 100% siap semua desa", R("distribusi", "ready", 100, "semua desa")),
    (
        "/lapor keamanan siap. Patroli gabungan TNI-Polri rutin",
        R("keamanan", "ready", None, "Patroli gabungan TNI-Polri rutin"),
    ),
    ("/lapor sistem siap, tapi sinyal lemah", R("sistem", "ready", None, "tapi sinyal lemah")),
    ("/lapor logistik siap 50 desa", R("logistik", "ready", None, "50 desa")),
    ("/lapor petugas belum 3 orang sakit", R("petugas", "not_ready", None, "3 orang sakit")),
    ("/lapor distribusi terlambat", ASK(R("distribusi", "not_ready"))),
    ("/lapor keamanan sedang", NO("report.syntax.state")),
    ("/lapor kesiapan petugas sbgn", R("petugas", "partial")),
    ("/lapor distribusi proses", R("distribusi", "partial")),
    ("/lapor distribusi dalam proses", R("distribusi", "partial")),
    ("/lapor distribusi on progress 50%", R("distribusi", "partial", 50)),
    ("/lapor sistem ok", R("sistem", "ready")),
    ("/lapor keamanan aman", R("keamanan", "ready")),
    ("/lapor logistik hampir siap", R("logistik", "partial")),
    (
        "/lapor logistik belum lengkap tinta belum datang",
        R("logistik", "partial", None, "tinta belum datang"),
    ),
    ("/lapor petugas belum semua siap", R("petugas", "partial")),
    ("/lapor logistik tdk ada", R("logistik", "not_ready")),
    ("/lapor logistik kosong", R("logistik", "not_ready")),
    ("/lapor logistik sudah beres", R("logistik", "ready")),
    ("/lapor logistik tersedia", R("logistik", "ready")),
    ("/lapor regulasi kurang", R("regulasi", "not_ready")),
    # -- reports: "sebagian besar" and other places where a note begins ---------------------
    ("/lapor petugas sebagian besar sudah dilatih", R("petugas", "partial", None, "sudah dilatih")),
    (
        "/lapor petugas sebagian kecil belum dilantik",
        R("petugas", "partial", None, "belum dilantik"),
    ),
    (
        "/lapor keamanan sebagian besar aman, 1 desa rawan",
        R("keamanan", "partial", None, "aman, 1 desa rawan"),
    ),
    (
        "/lapor distribusi sebagian 12 dari 15 desa",
        R("distribusi", "partial", None, "12 dari 15 desa"),
    ),
    (
        "/lapor distribusi sebagian, 80% kotak suara tiba di 12 dari 15 desa",
        R("distribusi", "partial", 80, "kotak suara tiba di 12 dari 15 desa"),
    ),
    ("/lapor logistik siap, aman", R("logistik", "ready", None, "aman")),
    ("/lapor logistik siap - gudang aman", R("logistik", "ready", None, "gudang aman")),
    (
        '/lapor 74.09.01.1005 keamanan belum siap "jembatan putus"',
        R("keamanan", "not_ready", None, "jembatan putus", "74.09.01.1005"),
    ),
    ("/lapor keamanan siap “aman terkendali”", R("keamanan", "ready", None, "aman terkendali")),
    (
        "/lapor logistik siap <b>tiba</b> & disegel",
        R("logistik", "ready", None, "<b>tiba</b> & disegel"),
    ),
    ("/lapor aspek keamanan status siap", R("keamanan", "ready")),
    ("/lapor keamanan status: siap", R("keamanan", "ready")),
    # -- reports: percents ----------------------------------------------------------------
    ("/lapor logistik 80% sebagian", R("logistik", "partial", 80)),
    ("/lapor logistik siap 80 persen", R("logistik", "ready", 80)),
    ("/lapor logistik siap (90%) tinggal tinta", R("logistik", "ready", 90, "tinggal tinta")),
    ("/lapor stok siap 100", R("logistik", "ready", 100)),
    ("/lapor anggaran 100% siap", R("anggaran", "ready", 100)),
    ("/lapor logistik siap 62,5%", R("logistik", "ready", 63)),
    ("/lapor logistik siap -5%", NO("report.syntax.percent")),
    ("/lapor anggaran belum 100%", NO("report.syntax.conflict")),
    ("/lapor logistik: 80%, sebagian", R("logistik", "partial", 80)),
    ("/lapor dpt 95% siap", R("data_penduduk", "ready", 95)),
    ("/lapor logistik sebagian 150%", NO("report.syntax.percent")),
    ("/lapor distribusi 120 persen siap", NO("report.syntax.percent")),
    # -- reports: regions ------------------------------------------------------------------
    ("/lapor 74.09.01 logistik siap", R("logistik", "ready", region="74.09.01")),
    ("/lapor 74.09.02 logistik siap", NO("outside")),
    ("/lapor 74.01.01.1001 anggaran siap", NO("outside")),
    ("/lapor 74.09 dpt siap", NO("outside")),
    # -- reports: typos are asked about -----------------------------------------------------
    ("/lapor kemanan siap", ASK(R("keamanan", "ready"))),
    ("/lapor logistk siap", ASK(R("logistik", "ready"))),
    ("/lapor distribsi sebagian 40%", ASK(R("distribusi", "partial", 40))),
    ("/lapor keamanan siapp", ASK(R("keamanan", "ready"))),
    ("/lapor anggaran sebagain", ASK(R("anggaran", "partial"))),
    ("/lapor regulsi belum siap", ASK(R("regulasi", "not_ready"))),
    ("/lapor keamanan & ketertban siap", ASK(R("keamanan", "ready"))),
    ("/lapor penanganan sengketta siap", ASK(R("sengketa", "ready"))),
    ("/lapor distrbusi logistik sebagian", ASK(R("distribusi", "partial"))),
    ("/lapor anggran siap", ASK(R("anggaran", "ready"))),
    ("/lapor keamanaan siap", ASK(R("keamanan", "ready"))),
    # A typo that continues an exact name: "blum" + note "siapp …", or "blum siap"? Asked.
    (
        "/lapor keamanan blum siapp ada bentrok kecil",
        ASK(R("keamanan", "not_ready", None, "ada bentrok kecil")),
    ),
    ("/lapor logistik belum lengkapp", ASK(R("logistik", "partial"))),
    # -- reports: refused --------------------------------------------------------------------
    ("/lapor siap", NO("report.syntax.aspect")),
    ("/lapor gudang penuh", NO("report.syntax.aspect")),
    ("/lapor logistik", NO("report.syntax.state")),
    ("/lapor logistik mungkin", NO("report.syntax.state")),
    ("/lapor logistik 80%", NO("report.syntax.state")),
    ("/lapor sistem error", NO("report.syntax.state")),
    # -- reports in English ---------------------------------------------------------------
    ("/report security ready", R("keamanan", "ready")),
    ("/report logistics delivered partial 60%", R("distribusi", "partial", 60)),
    ("/report logistics on hand ready", R("logistik", "ready")),
    (
        "/report systems & technology not ready network down in 3 villages",
        R("sistem", "not_ready", None, "network down in 3 villages"),
    ),
    (
        "/report budget partial 40% second tranche pending",
        R("anggaran", "partial", 40, "second tranche pending"),
    ),
    ("/report population data ready", R("data_penduduk", "ready")),
    ("/report voter list partial", R("data_penduduk", "partial")),
    ("/report governance ready", R("tata_kelola", "ready")),
    (
        "/report officers not ready training postponed",
        R("petugas", "not_ready", None, "training postponed"),
    ),
    ("/report regulation ready", R("regulasi", "ready")),
    ("/report dispute handling in progress", R("sengketa", "partial")),
    ("/report distribution 75% partial", R("distribusi", "partial", 75)),
    ("/report Security: Not Ready", R("keamanan", "not_ready")),
    ("/report security not yet", R("keamanan", "not_ready")),
    ("/report logistics mostly ready", R("logistik", "partial")),
    ("/report budget done", R("anggaran", "ready")),
    (
        "/report security partially ready 2 villages tense",
        R("keamanan", "partial", None, "2 villages tense"),
    ),
    ("/report polling staff ready", R("petugas", "ready")),
    ("/report voter roll not ready", R("data_penduduk", "not_ready")),
    ("/report ballots partial 2 boxes missing", R("logistik", "partial", None, "2 boxes missing")),
    ("/report staff ready", R("petugas", "ready")),
    ("/report securty ready", ASK(R("keamanan", "ready"))),
    ("/report budjet ready", ASK(R("anggaran", "ready"))),
    ("/report logistics redy", ASK(R("logistik", "ready"))),
    ("/report security ready 101%", NO("report.syntax.percent")),
    ("/report security ready -5%", NO("report.syntax.percent")),
    ("/report 74.09.02 security ready", NO("outside")),
    ("/report weather ready", NO("report.syntax.aspect")),
    ("/report security maybe", NO("report.syntax.state")),
    # -- incidents: the names as the buttons show them -------------------------------------
    (
        "/insiden tinggi politik uang bagi amplop di desa Wanggudu",
        I("tinggi", "politik_uang", "bagi amplop di desa Wanggudu"),
    ),
    ("/insiden sedang surat suara rusak", I("sedang", "logistik", "surat suara rusak")),
    (
        "/insiden kritis bencana banjir, jembatan putus ke desa Wanggudu",
        I("kritis", "bencana", "banjir, jembatan putus ke desa Wanggudu"),
    ),
    (
        "/insiden Kritis: Bencana alam, banjir bandang di Asera",
        I("kritis", "bencana", "banjir bandang di Asera"),
    ),
    ("/insiden 🚨 Kritis · Bencana alam · tanah longsor", I("kritis", "bencana", "tanah longsor")),
    (
        "/insiden tinggi Politik identitas/SARA ceramah provokatif",
        I("tinggi", "sara", "ceramah provokatif"),
    ),
    (
        "/insiden sedang Logistik rusak/hilang/terlambat surat suara basah",
        I("sedang", "logistik", "surat suara basah"),
    ),
    ("/insiden rendah lainnya baliho roboh", I("rendah", "lainnya", "baliho roboh")),
    ("/insiden rendah akses/transportasi jalan licin", I("rendah", "akses", "jalan licin")),
    (
        "/insiden kritis gangguan sistem jaringan padam total",
        I("kritis", "sistem", "padam total"),
    ),
    (
        "/insiden tinggi petugas tidak hadir KPPS TPS 02 belum datang",
        I("tinggi", "petugas", "KPPS TPS 02 belum datang"),
    ),
    # -- incidents: the words of the field -------------------------------------------------
    (
        "/insiden kritis banjir jembatan putus ke desa Wanggudu",
        I("kritis", "bencana", "jembatan putus ke desa Wanggudu"),
    ),
    ("/insiden tinggi serangan fajar di TPS 03", I("tinggi", "politik_uang", "di TPS 03")),
    (
        "/insiden sedang money politic pembagian sembako",
        I("sedang", "politik_uang", "pembagian sembako"),
    ),
    (
        "/insiden rendah hoax beredar di grup WA desa",
        I("rendah", "hoaks", "beredar di grup WA desa"),
    ),
    (
        "/insiden sedang hoaks kotak suara sudah dicoblos",
        I("sedang", "hoaks", "kotak suara sudah dicoblos"),
    ),
    (
        "/insiden tinggi SARA spanduk provokatif di pasar",
        I("tinggi", "sara", "spanduk provokatif di pasar"),
    ),
    (
        "/insiden kritis ricuh di TPS 05 saat penghitungan",
        I("kritis", "kekerasan", "di TPS 05 saat penghitungan"),
    ),
    (
        "/insiden kritis bentrok antar pendukung paslon",
        I("kritis", "kekerasan", "antar pendukung paslon"),
    ),
    (
        "/insiden tinggi longsor akses ke desa tertutup",
        I("tinggi", "bencana", "akses ke desa tertutup"),
    ),
    (
        "/insiden sedang banjir air masuk gudang logistik",
        I("sedang", "bencana", "air masuk gudang logistik"),
    ),
    (
        "/insiden tinggi gangguan sistem SIREKAP tidak bisa unggah",
        I("tinggi", "sistem", "SIREKAP tidak bisa unggah"),
    ),
    ("/insiden sedang listrik padam di 4 TPS", I("sedang", "sistem", "di 4 TPS")),
    (
        "/insiden sedang jalan putus perahu belum tersedia",
        I("sedang", "akses", "perahu belum tersedia"),
    ),
    (
        "/insiden kritis ancaman kekerasan terhadap penyelenggara",
        I("kritis", "kekerasan", "terhadap penyelenggara"),
    ),
    (
        "/insiden tinggi kekerasan ancaman intimidasi saksi",
        I("tinggi", "kekerasan", "intimidasi saksi", "ancaman"),
    ),
    (
        "/insiden sedang hoaks tantangan pesan berantai soal DPT",
        I("sedang", "hoaks", "pesan berantai soal DPT", "tantangan"),
    ),
    (
        "/insiden darurat kebakaran gudang logistik KPU",
        I("kritis", "bencana", "gudang logistik KPU"),
    ),
    ("/insiden ringan hoax", I("rendah", "hoaks", "hoax")),
    ("/insiden sedang gempa warga mengungsi", I("sedang", "bencana", "warga mengungsi")),
    ("/insiden tinggi intimidasi terhadap saksi", I("tinggi", "kekerasan", "terhadap saksi")),
    ("/insiden sedang sirekap error tidak bisa login", I("sedang", "sistem", "tidak bisa login")),
    (
        "/insiden rendah kendala akses jalan berlumpur",
        I("rendah", "akses", "jalan berlumpur", "hambatan"),
    ),
    ("/insiden tinggi surat suara tertukar antar dapil", I("tinggi", "logistik", "antar dapil")),
    ("/insiden sedang kotak suara rusak 3 buah", I("sedang", "logistik", "3 buah")),
    (
        "/insiden 74.09.01.1005 tinggi banjir air naik 1 meter",
        I("tinggi", "bencana", "air naik 1 meter", region="74.09.01.1005"),
    ),
    # -- incidents: typos are asked about ---------------------------------------------------
    ("/insiden kritis banjr jembatan putus", ASK(I("kritis", "bencana", "jembatan putus"))),
    ("/insiden tingi politik uang bagi amplop", ASK(I("tinggi", "politik_uang", "bagi amplop"))),
    ("/insiden sedang polotik uang amplop", ASK(I("sedang", "politik_uang", "amplop"))),
    ("/insiden kritis kerusuhn di TPS 1", ASK(I("kritis", "kekerasan", "di TPS 1"))),
    ("/insiden sedng hoaks pesan berantai", ASK(I("sedang", "hoaks", "pesan berantai"))),
    ("/insiden tinggi serangan fajr di desa", ASK(I("tinggi", "politik_uang", "di desa"))),
    ("/insiden kritis bencana alamm banjir", ASK(I("kritis", "bencana", "banjir"))),
    # -- incidents: refused ------------------------------------------------------------------
    ("/insiden 74.09.02 kritis banjir jembatan putus", NO("outside")),
    ("/insiden banjir jembatan putus", NO("incident.syntax.severity")),
    ("/insiden kritis", NO("incident.syntax.type")),
    ("/insiden kritis bencana", NO("incident.syntax.description")),
    ("/insiden parah sekali", NO("incident.syntax.type")),
    ("/insiden tinggi politik uang", NO("incident.syntax.description")),
    ("/insiden rendah sedang ada hoaks", NO("incident.syntax.type")),
    # Understood by a person, not by the parser: the kind comes after the description began.
    (
        "/insiden sedang TPS 5 kekurangan surat suara",
        I("sedang", "logistik", "TPS 5 kekurangan surat suara"),
    ),
    ("/insiden tinggi banjir, 3 TPS terendam", I("tinggi", "bencana", "3 TPS terendam")),
    (
        "/insiden sedang politik uang: amplop 50rb per KK",
        I("sedang", "politik_uang", "amplop 50rb per KK"),
    ),
    # -- incidents in English -----------------------------------------------------------------
    (
        "/incident critical flood bridge down to Wanggudu",
        I("kritis", "bencana", "bridge down to Wanggudu"),
    ),
    (
        "/incident high vote buying cash handed out at night",
        I("tinggi", "politik_uang", "cash handed out at night"),
    ),
    (
        "/incident medium fake news about polling stations",
        I("sedang", "hoaks", "about polling stations"),
    ),
    ("/incident low other banner damaged", I("rendah", "lainnya", "banner damaged")),
    ("/incident critical riot at TPS 07", I("kritis", "kekerasan", "at TPS 07")),
    ("/incident high power outage in 5 villages", I("tinggi", "sistem", "in 5 villages")),
    (
        "/incident medium natural disaster landslide on the main road",
        I("sedang", "bencana", "landslide on the main road"),
    ),
    ("/incident high officers absent TPS 04", I("tinggi", "petugas", "TPS 04")),
    (
        "/incident medium money politics threat envelopes",
        I("sedang", "politik_uang", "envelopes", "ancaman"),
    ),
    ("/incident critcal flood water rising", ASK(I("kritis", "bencana", "water rising"))),
    ("/incident high flod roads cut", ASK(I("tinggi", "bencana", "roads cut"))),
    ("/incident flood water rising", NO("incident.syntax.severity")),
    ("/incident urgent", NO("incident.syntax.type")),
    ("/incident 74.01 high riot", NO("outside")),
    # -- written after the parser, without running it first: what a person would read ----------
    ("/lapor Logistik pemilu sudah siap semua", R("logistik", "ready", None, "semua")),
    ("/lapor kesiapan petugas KPPS sudah siap 100%", R("petugas", "ready", 100)),
    (
        "/lapor keamanan: kondusif, patroli gabungan TNI-Polri",
        R("keamanan", "ready", None, "patroli gabungan TNI-Polri"),
    ),
    ("/lapor distribusi logistik ke TPS sebagian 70%", R("distribusi", "partial", 70, None)),
    ("/lapor dana hibah pilkada sudah cair 100%", R("anggaran", "ready", 100)),
    ("/lapor ATK sebagian", R("logistik", "partial")),
    ("/lapor Sistem: SIREKAP siap", R("sistem", "ready")),
    ("/lapor regulasi juknis siap", R("regulasi", "ready")),
    ("/lapor tata kelola pemilu sebagian", R("tata_kelola", "partial")),
    ("/lapor keamanan siap!", R("keamanan", "ready")),
    ("/lapor logistik siap.", R("logistik", "ready")),
    ("/lapor logistik SIAP 💪", R("logistik", "ready", None, "💪")),
    ("/lapor Anggaran  belum   siap", R("anggaran", "not_ready")),
    ("/report Logistics: ready ✅", R("logistik", "ready", None, "✅")),
    ("/lapor sistem jaringan siap", R("sistem", "ready")),
    (
        "/lapor petugas pps sebagian besar sudah bimtek",
        R("petugas", "partial", None, "sudah bimtek"),
    ),
    ("/lapor kamtibmas rawan", R("keamanan", "not_ready")),
    ("/lapor logistik siap tinta kurang", R("logistik", "ready", None, "tinta kurang")),
    (
        "/lapor anggaran belum siap, NPHD belum ditandatangani",
        R("anggaran", "not_ready", None, "NPHD belum ditandatangani"),
    ),
    (
        "/report budget not ready, grant not signed",
        R("anggaran", "not_ready", None, "grant not signed"),
    ),
    ("/report logistics ready 100 %", R("logistik", "ready", 100)),
    ("/lapor distribusi siap 100 persen", R("distribusi", "ready", 100)),
    (
        "/insiden kritis banjir bandang desa Wanggudu terendam",
        I("kritis", "bencana", "desa Wanggudu terendam"),
    ),
    ("/insiden tinggi kampanye hitam di medsos", I("tinggi", "hoaks", "di medsos")),
    ("/insiden sedang ujaran kebencian di grup facebook", I("sedang", "sara", "di grup facebook")),
    ("/insiden rendah baliho caleg dirusak", I("rendah", "lainnya", "baliho caleg dirusak")),
    ("/insiden kritis TPS 3 ricuh", I("kritis", "kekerasan", "TPS 3 ricuh")),
    ("/incident high bridge collapsed to Walasolo", I("tinggi", "akses", "to Walasolo")),
    ("/insiden sedang pemadaman listrik di kecamatan", I("sedang", "sistem", "di kecamatan")),
    ("/insiden tinggi kpps tidak hadir di TPS 4", I("tinggi", "petugas", "di TPS 4")),
]
